namespace MonBureau.Host.Database;

/// <summary>Where the database came from; a throwaway one is stopped (and its files deleted) on dispose.</summary>
public enum DatabaseSource
{
    Configured,
    Container,
    LocalCluster,
}

public sealed class PostgresDatabase(string connectionString, DatabaseSource source, Func<ValueTask>? stop = null) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public DatabaseSource Source { get; } = source;

    public ValueTask DisposeAsync() => stop?.Invoke() ?? ValueTask.CompletedTask;
}
