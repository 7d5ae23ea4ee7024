namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>
/// Messaging tests move the clock to chosen evenings and weekends, so they get a host (and clock) of their own; held
/// messages are looked at again every second instead of every minute, and a WebSocket must initialise within 2 seconds.
/// </summary>
public sealed class MessagingAppFactory() : AppFactory(new Dictionary<string, string>
{
    ["MonBureau:Messaging:LongestDeliveryWait"] = "00:00:01",
    ["MonBureau:GraphQL:ConnectionInitTimeout"] = "00:00:02",
});

[CollectionDefinition(Name)]
public sealed class MessagingHost : ICollectionFixture<MessagingAppFactory>
{
    public const string Name = "messaging";
}
