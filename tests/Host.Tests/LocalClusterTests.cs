using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MonBureau.Host.Database;
using Npgsql;

namespace MonBureau.Host.Tests;

public class LocalClusterTests
{
    [Fact]
    public async Task Without_configuration_or_container_engine_a_throwaway_cluster_starts_and_is_gone_after_dispose()
    {
        var nothingConfigured = new ConfigurationBuilder().Build();
        var database = await DatabaseSelection.ResolveAsync(nothingConfigured, NullLogger.Instance, persistentDataDirectory: null, CancellationToken.None);
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        string dataDirectory;
        await using (var session = new NpgsqlConnection(database.ConnectionString))
        {
            await session.OpenAsync();
            await using var command = new NpgsqlCommand("SHOW data_directory", session);
            dataDirectory = (string)(await command.ExecuteScalarAsync())!;
        }

        NpgsqlConnection.ClearAllPools();
        await database.DisposeAsync();

        Assert.Equal(DatabaseSource.LocalCluster, database.Source);
        Assert.False(Directory.Exists(dataDirectory), "the throwaway data directory must be deleted");
        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync(connection.Host!, connection.Port));
    }

    [Fact]
    public async Task A_configured_connection_string_is_used_as_is()
    {
        var configured = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MONBUREAU_DB"] = "Host=db.example;Database=x" })
            .Build();

        await using var database = await DatabaseSelection.ResolveAsync(configured, NullLogger.Instance, null, CancellationToken.None);

        Assert.Equal(DatabaseSource.Configured, database.Source);
        Assert.Equal("Host=db.example;Database=x", database.ConnectionString);
    }
}
