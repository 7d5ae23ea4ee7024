using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MonBureau.Host.Database;
using Npgsql;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server per test run, chosen exactly as the app chooses its own (MONBUREAU_DB, else a container,
/// else a throwaway local cluster); each test host gets a fresh database on it.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<PostgresDatabase>> Server = new(StartAsync);

    // Test hosts of parallel collections start together; PostgreSQL refuses concurrent copies of the template database.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<string> CreateFreshAsync()
    {
        var server = await Server.Value;
        var name = $"test_{Guid.NewGuid():N}";
        await OneAtATime.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            OneAtATime.Release();
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task<PostgresDatabase> StartAsync()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var server = await DatabaseSelection.ResolveAsync(configuration, NullLogger.Instance, persistentDataDirectory: null, CancellationToken.None);
        // The cluster's own watchdog cleans up too if this process is killed before getting here.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
