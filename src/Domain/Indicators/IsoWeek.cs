using System.Globalization;

namespace MonBureau.Domain.Indicators;

/// <summary>An ISO 8601 week (Monday to Sunday) in the establishment's local time: "2026-W47".</summary>
public readonly record struct IsoWeek(int Year, int Week) : IComparable<IsoWeek>
{
    public static IsoWeek Of(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        return new(ISOWeek.GetYear(local), ISOWeek.GetWeekOfYear(local));
    }

    public static IsoWeek Of(DateOnly day) => new(ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)));

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    /// <summary>The week's first instant (Monday 00:00 local).</summary>
    public DateTimeOffset StartIn(TimeZoneInfo zone) => LocalMidnight(Monday, zone);

    /// <summary>The first instant after the week (next Monday 00:00 local).</summary>
    public DateTimeOffset EndIn(TimeZoneInfo zone) => LocalMidnight(Monday.AddDays(7), zone);

    public IsoWeek Next() => Of(Monday.AddDays(7));

    public IsoWeek Previous() => Of(Monday.AddDays(-7));

    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        var parts = text?.Split("-W", StringSplitOptions.None);
        if (parts is not [var year, var number]
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            || y is < 2000 or > 2200 || w < 1 || w > ISOWeek.GetWeeksInYear(y))
            return false;
        week = new(y, w);
        return true;
    }

    public int CompareTo(IsoWeek other) => (Year, Week).CompareTo((other.Year, other.Week));

    public static bool operator <(IsoWeek left, IsoWeek right) => left.CompareTo(right) < 0;

    public static bool operator >(IsoWeek left, IsoWeek right) => left.CompareTo(right) > 0;

    public static bool operator <=(IsoWeek left, IsoWeek right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IsoWeek left, IsoWeek right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-W{Week:00}");

    /// <summary>The first instant of a local date (after a daylight-saving gap when midnight does not exist).</summary>
    internal static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
