using MonBureau.Domain.Common;

namespace MonBureau.Domain.Discipline;

/// <summary>When a sanction leaves the student's administrative file (R511-13, as amended by décret 2019-906).</summary>
public static class SanctionErasure
{
    /// <param name="endOfSecondarySchooling">The last day of the student's secondary schooling, for a permanent exclusion.</param>
    public static DateOnly DateFor(SanctionKind kind, DateOnly decidedOn, DateOnly endOfSecondarySchooling)
    {
        var year = SchoolYear.Containing(decidedOn);
        return kind switch
        {
            SanctionKind.Warning => year.LastDay,
            SanctionKind.Reprimand or SanctionKind.ResponsibilityMeasure => new SchoolYear(year.StartYear + 1).LastDay,
            SanctionKind.TemporaryClassExclusion or SanctionKind.TemporaryEstablishmentExclusion => new SchoolYear(year.StartYear + 2).LastDay,
            SanctionKind.PermanentExclusion => endOfSecondarySchooling,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown sanction."),
        };
    }

    /// <summary>A sanction is kept through its erasure date and leaves the file the day after.</summary>
    public static bool IsDue(DateOnly erasedOn, DateOnly today) => today > erasedOn;
}
