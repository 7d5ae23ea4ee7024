namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>
/// Messaging tests move the clock to chosen evenings and weekends, so they get a host (and clock) of their own; held
/// messages are looked at again every second instead of every minute.
/// </summary>
public sealed class MessagingAppFactory() : AppFactory(new Dictionary<string, string> { ["MonBureau:Messaging:LongestDeliveryWait"] = "00:00:01" })
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Moves the clock forward to the next <paramref name="day"/> at that local time in Paris.</summary>
    public DateTimeOffset MoveToNext(DayOfWeek day, int hour, int minute = 0)
    {
        var now = Clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, Paris).Date;
        for (var candidate = local; ; candidate = candidate.AddDays(1))
        {
            var at = candidate.AddHours(hour).AddMinutes(minute);
            var instant = new DateTimeOffset(at, Paris.GetUtcOffset(at)).ToUniversalTime();
            if (candidate.DayOfWeek == day && instant > now)
            {
                Clock.SetUtcNow(instant);
                return instant;
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MessagingHost : ICollectionFixture<MessagingAppFactory>
{
    public const string Name = "messaging";
}
