using MonBureau.Domain.Establishments;

namespace MonBureau.Application.Establishments;

/// <summary>Dates that matter to a school (today, the school year) are the establishment's local dates, not UTC.</summary>
public static class EstablishmentClock
{
    public static DateOnly Today(TimeProvider clock, Establishment? establishment)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(establishment?.TimeZone ?? EstablishmentDecisions.DefaultTimeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}
