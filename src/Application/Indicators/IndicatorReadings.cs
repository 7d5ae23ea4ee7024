using Marten;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Indicators;

namespace MonBureau.Application.Indicators;

/// <summary>An establishment's figures with the thresholds in force at the same moment.</summary>
/// <param name="Week">The ISO week <paramref name="AsOf"/> falls in, in the establishment's time.</param>
public sealed record IndicatorReading(DateTimeOffset AsOf, IsoWeek Week, IReadOnlyList<WeeklyFigure> Figures, IReadOnlyList<IndicatorThreshold> Thresholds)
{
    public IndicatorThreshold ThresholdOf(Indicator indicator) => Thresholds.Single(t => t.Indicator == indicator);

    public bool Alerts(WeeklyFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return ThresholdOf(figure.Indicator).Alerts(figure.Value);
    }
}

/// <summary>
/// Reads the figures: now (the live dashboard) or as of a past moment (what the dashboard showed then). Both fold the
/// stored facts recorded by that moment through <see cref="IndicatorFold"/>; thresholds are those set by then.
/// </summary>
public static class IndicatorReadings
{
    public static async Task<IndicatorReading> AsOfAsync(IQuerySession session, Guid establishmentId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var facts = await session.Query<IndicatorFact>()
            .Where(f => f.EstablishmentId == establishmentId && f.RecordedAt <= asOf)
            .ToListAsync(cancellationToken);
        var establishment = await session.LoadAsync<Establishment>(establishmentId, cancellationToken)
            ?? throw BusinessRuleException.NotFound("Establishment");
        var settings = await session.Events.FetchStreamAsync(establishmentId, token: cancellationToken);
        var thresholds = IndicatorThresholds.After(settings.Where(e => e.Timestamp <= asOf).Select(e => e.Data).OfType<IndicatorThresholdSet>());
        var week = IsoWeek.Of(asOf, TimeZoneInfo.FindSystemTimeZoneById(establishment.TimeZone));
        return new IndicatorReading(asOf, week, IndicatorFold.Compute(establishmentId, facts, asOf), thresholds);
    }
}
