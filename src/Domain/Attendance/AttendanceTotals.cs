namespace MonBureau.Domain.Attendance;

/// <summary>A student's counted attendance over a period: half-days of absence (see <see cref="HalfDayCount"/>) and latenesses.</summary>
public sealed record AttendanceTotals(int JustifiedHalfDays, int UnjustifiedHalfDays, int Latenesses, int LateMinutes)
{
    /// <summary>Only half-days and latenesses dated from <paramref name="from"/> to <paramref name="to"/> inclusive count.</summary>
    public static AttendanceTotals Of(
        IEnumerable<(IEnumerable<HalfDay> HalfDays, bool Justified)> absences, IEnumerable<(DateOnly Date, int Minutes)> latenesses, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(absences);
        ArgumentNullException.ThrowIfNull(latenesses);
        var (justified, unjustified) = HalfDayCount.Of(absences.Select(a => (a.HalfDays.Where(h => h.Date >= from && h.Date <= to), a.Justified)));
        var late = latenesses.Where(l => l.Date >= from && l.Date <= to).ToList();
        return new AttendanceTotals(justified.Count, unjustified.Count, late.Count, late.Sum(l => l.Minutes));
    }
}
