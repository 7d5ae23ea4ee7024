namespace MonBureau.Domain.Messaging;

/// <summary>
/// When the establishment does not disturb families and staff (circulaire of July 2025): every evening from
/// <see cref="Start"/> to <see cref="End"/> and, when <see cref="WholeWeekend"/>, from Saturday 00:00 to Monday's end of quiet.
/// Times are the establishment's local times.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End, bool WholeWeekend)
{
    public static readonly QuietHours Default = new(new TimeOnly(20, 0), new TimeOnly(7, 0), WholeWeekend: true);

    /// <summary>When something produced at <paramref name="at"/> may reach people: at once, or when quiet hours end.</summary>
    public DateTimeOffset DeliveryTime(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);

        DateOnly releaseDay;
        if (IsQuietDay(day))
            releaseDay = day;
        else if (Start <= End ? time >= Start && time < End : time >= Start)
            releaseDay = Start <= End ? day : day.AddDays(1);
        else if (Start > End && time < End)
            releaseDay = day;
        else
            return at;

        while (IsQuietDay(releaseDay))
            releaseDay = releaseDay.AddDays(1);
        return LocalToUtc(releaseDay.ToDateTime(End), zone);
    }

    private bool IsQuietDay(DateOnly day) => WholeWeekend && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>A local time skipped by a spring-forward change lands on the first instant after the gap.</summary>
    private static DateTimeOffset LocalToUtc(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
