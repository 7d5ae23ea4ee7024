namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>
/// A host whose nightly purge looks at the business clock every second, so a test can jump a year and watch the
/// purge run by itself; its own host, so no other test sees data vanish under it.
/// </summary>
public class NightlyPurgeAppFactory() : AppFactory(new Dictionary<string, string> { ["MonBureau:Retention:LongestWait"] = "00:00:01" });

[CollectionDefinition(Name)]
public sealed class NightlyPurgeHost : ICollectionFixture<NightlyPurgeAppFactory>
{
    public const string Name = "nightly-purge";
}

/// <summary>The canary's year on a host of its own: its database holds that one scenario, and its nightly purge runs by itself.</summary>
public sealed class CanaryAppFactory : NightlyPurgeAppFactory;

[CollectionDefinition(Name)]
public sealed class CanaryHost : ICollectionFixture<CanaryAppFactory>
{
    public const string Name = "canary";
}
