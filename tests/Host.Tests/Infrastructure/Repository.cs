namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>The checkout the tests run from: snapshots and scripts live there, not next to the test binaries.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MonBureau.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("MonBureau.sln not found above the test binaries.");
    }
}
