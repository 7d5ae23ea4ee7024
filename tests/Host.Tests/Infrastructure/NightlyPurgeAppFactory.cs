namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>
/// A host whose nightly purge looks at the business clock every second, so a test can jump a year and watch the
/// purge run by itself; its own host, so no other test sees data vanish under it.
/// </summary>
public sealed class NightlyPurgeAppFactory() : AppFactory(new Dictionary<string, string> { ["MonBureau:Retention:LongestWait"] = "00:00:01" });

[CollectionDefinition(Name)]
public sealed class NightlyPurgeHost : ICollectionFixture<NightlyPurgeAppFactory>
{
    public const string Name = "nightly-purge";
}
