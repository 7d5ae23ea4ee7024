namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>
/// A host on a given database (and settings such as its keys), so that a second host can take over from a first,
/// or a host can run on a server a test controls.
/// </summary>
public sealed class AppOnDatabase(string database, IReadOnlyDictionary<string, string>? settings = null)
    : AppFactory(settings ?? new Dictionary<string, string>())
{
    protected override Task<string> DatabaseAsync() => Task.FromResult(database);
}
