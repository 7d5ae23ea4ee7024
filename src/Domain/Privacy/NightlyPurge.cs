namespace MonBureau.Domain.Privacy;

/// <summary>When the nightly retention purge runs: once a day at a quiet local hour.</summary>
public static class NightlyPurge
{
    public static readonly TimeOnly DefaultTime = new(2, 0);

    /// <summary>
    /// The first run strictly after <paramref name="after"/>, at <paramref name="time"/> local time. A night that skips
    /// that hour (the spring clock change) runs at the first valid moment after it; a night that repeats it runs once.
    /// </summary>
    public static DateTimeOffset NextRun(DateTimeOffset after, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        for (; ; day = day.AddDays(1))
        {
            var local = day.ToDateTime(time);
            while (zone.IsInvalidTime(local))
                local = local.AddMinutes(1);
            var offsets = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local) : [zone.GetUtcOffset(local)];
            var run = new DateTimeOffset(local, offsets.Max());
            if (run > after)
                return run;
        }
    }
}
