namespace MonBureau.Domain.Indicators;

/// <summary>
/// One cell of an indicator: an establishment's class (or the whole establishment when <see cref="ClassId"/> is null)
/// over one week. <see cref="Value"/> is <see cref="Numerator"/> over <see cref="Denominator"/> (in % for rates, in
/// hours for the response delay); <see cref="People"/> is how many people (students, guardians, teachers) the cell describes.
/// Module usage figures are per <see cref="Module"/> and <see cref="Profile"/>; other indicators leave both null.
/// </summary>
public sealed record WeeklyFigure(
    Indicator Indicator, Guid EstablishmentId, Guid? ClassId, IsoWeek Week, double Numerator, int Denominator, int People,
    EntModule? Module = null, Common.Role? Profile = null)
{
    /// <summary>Cells about fewer people are suppressed from exports (small-cell rule): they could single someone out.</summary>
    public const int SmallCellThreshold = 5;

    public double Value => Math.Round(Indicator == Indicator.TeacherResponseDelay ? Numerator / Denominator : 100 * Numerator / Denominator, 1);

    public bool IsSmallCell => People < SmallCellThreshold;
}
