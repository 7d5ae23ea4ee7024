namespace MonBureau.Domain.Messaging;

/// <summary>
/// How long a teacher took to answer a family, counted in the establishment's open hours only: time inside quiet hours
/// (evenings, weekends) does not count against the teacher, since nobody is expected to answer then.
/// </summary>
public static class ResponseDelay
{
    public static TimeSpan WorkingTime(DateTimeOffset askedAt, DateTimeOffset answeredAt, QuietHours quietHours, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(quietHours);
        ArgumentNullException.ThrowIfNull(zone);
        if (answeredAt <= askedAt)
            return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(askedAt, zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(answeredAt, zone).DateTime);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            foreach (var (open, close) in OpenWindows(day, quietHours, zone))
            {
                var start = open > askedAt ? open : askedAt;
                var end = close < answeredAt ? close : answeredAt;
                if (end > start)
                    total += end - start;
            }
        }

        return total;
    }

    /// <summary>The stretches of one local day outside quiet hours.</summary>
    private static IEnumerable<(DateTimeOffset Open, DateTimeOffset Close)> OpenWindows(DateOnly day, QuietHours quiet, TimeZoneInfo zone)
    {
        if (quiet.WholeWeekend && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            yield break;
        if (quiet.Start == quiet.End)
        {
            yield return (At(day, TimeOnly.MinValue, zone), At(day.AddDays(1), TimeOnly.MinValue, zone));
        }
        else if (quiet.Start > quiet.End)
        {
            yield return (At(day, quiet.End, zone), At(day, quiet.Start, zone));
        }
        else
        {
            yield return (At(day, TimeOnly.MinValue, zone), At(day, quiet.Start, zone));
            yield return (At(day, quiet.End, zone), At(day.AddDays(1), TimeOnly.MinValue, zone));
        }
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
