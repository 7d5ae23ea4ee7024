namespace MonBureau.Host.Setup;

/// <summary>Files the run command keeps between runs (local database, master key): under .local/, never committed.</summary>
public static class HostPaths
{
    public static string LocalState(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, "..", "..", ".local"));
}
