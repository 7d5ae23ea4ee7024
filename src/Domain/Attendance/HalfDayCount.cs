namespace MonBureau.Domain.Attendance;

/// <summary>
/// How absences become counted half-days: two lessons missed the same morning make one half-day, and a half-day
/// covered by any justified absence (say, the office's record of a medical appointment over the roll-call absences
/// of that morning) is justified.
/// </summary>
public static class HalfDayCount
{
    public static (IReadOnlySet<HalfDay> Justified, IReadOnlySet<HalfDay> Unjustified) Of(IEnumerable<(IEnumerable<HalfDay> HalfDays, bool Justified)> absences)
    {
        ArgumentNullException.ThrowIfNull(absences);
        var justified = new HashSet<HalfDay>();
        var covered = new HashSet<HalfDay>();
        foreach (var (halfDays, isJustified) in absences)
        {
            covered.UnionWith(halfDays);
            if (isJustified)
                justified.UnionWith(halfDays);
        }

        covered.ExceptWith(justified);
        return (justified, covered);
    }
}
