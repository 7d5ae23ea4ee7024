using MonBureau.Domain.Establishments;

namespace MonBureau.Application.Establishments;

/// <summary>Dates that matter to a school (today, the school year) are the establishment's local dates, not UTC.</summary>
public static class EstablishmentClock
{
    public static DateOnly Today(TimeProvider clock, Establishment? establishment)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return LocalDay(clock.GetUtcNow(), establishment);
    }

    /// <summary>The establishment's local date at an instant (a due date, a message's time).</summary>
    public static DateOnly LocalDay(DateTimeOffset instant, Establishment? establishment) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ZoneOf(establishment)).DateTime);

    /// <summary>The instant a local school day begins (local midnight).</summary>
    public static DateTimeOffset StartOf(DateOnly day, Establishment? establishment)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, ZoneOf(establishment).GetUtcOffset(local));
    }

    private static TimeZoneInfo ZoneOf(Establishment? establishment) =>
        TimeZoneInfo.FindSystemTimeZoneById(establishment?.TimeZone ?? EstablishmentDecisions.DefaultTimeZone);
}
