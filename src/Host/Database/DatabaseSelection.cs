
namespace MonBureau.Host.Database;

/// <summary>
/// The one place that decides which PostgreSQL the app, the tests and the benchmarks use (ADR 0003):
/// a configured connection string, else a Testcontainers container when a Docker engine answers,
/// else a cluster started from the machine's own PostgreSQL binaries.
/// </summary>
public static class DatabaseSelection
{
    public const string EnvironmentVariable = "MONBUREAU_DB";
    public const string ConnectionStringName = "MonBureau";

    /// <param name="persistentDataDirectory">Keep a local cluster's files there across runs (the run command); null for a throwaway cluster.</param>
    /// <param name="mayStartOwn">False in production: a missing connection string is a configuration error, not a cue to start a database.</param>
    public static async Task<PostgresDatabase> ResolveAsync(
        IConfiguration configuration, ILogger logger, string? persistentDataDirectory, CancellationToken cancellationToken, bool mayStartOwn = true)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetConnectionString(ConnectionStringName) ?? configuration[EnvironmentVariable];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            logger.LogInformation("Using the configured PostgreSQL database");
            return new PostgresDatabase(configured, DatabaseSource.Configured);
        }

        if (!mayStartOwn)
            throw new InvalidOperationException($"No database configured: set {EnvironmentVariable} or ConnectionStrings:{ConnectionStringName}.");

        if (persistentDataDirectory is null && await ContainerDatabase.EngineAnswersAsync(cancellationToken))
        {
            logger.LogInformation("No database configured; starting PostgreSQL in a container");
            return await ContainerDatabase.StartAsync(cancellationToken);
        }

        logger.LogInformation("No database configured and no container engine; starting a local PostgreSQL cluster");
        return await LocalCluster.StartAsync(persistentDataDirectory, logger, cancellationToken);
    }
}
