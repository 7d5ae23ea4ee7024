using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using Npgsql;

namespace MonBureau.Host.Database;

/// <summary>
/// Row-level security for people who read the database directly (data teams, BI tools, support), per establishment
/// (ADR 0021): the NOLOGIN role <see cref="Name"/> sees, in every establishment-scoped document table and in the event
/// table, only the rows of the establishment named by the session setting <see cref="Setting"/>; nothing when it is
/// unset; and no other table at all. The app's own connection owns the tables, so policies do not apply to it.
/// Runs at start-up after Marten's schema migration; every statement is idempotent.
/// </summary>
public sealed class EstablishmentReaderRole(IDocumentStore store, NpgsqlDataSource dataSource, ILogger<EstablishmentReaderRole> logger) : IHostedService
{
    public const string Name = "monbureau_establishment_reader";

    public const string Setting = "monbureau.establishment_id";

    public const string Policy = "establishment_reader_isolation";

    /// <summary>The establishment a reader's session asked for; NULL (so no row) when unset or empty.</summary>
    private const string Chosen = $"NULLIF(current_setting('{Setting}', true), '')::uuid";

    /// <summary>The property an establishment-scoped document carries, as events do (serialized under this name).</summary>
    public const string DocumentProperty = nameof(IEstablishmentScoped.EstablishmentId);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var statements = new List<string> { $"GRANT USAGE ON SCHEMA {store.Options.DatabaseSchemaName} TO {Name}" };
        foreach (var documentType in store.Options.AllKnownDocumentTypes().Where(t => IsScoped(t.DocumentType)))
        {
            // Documents only stored (never configured) would otherwise get their table later, without a policy.
            await store.Storage.Database.EnsureStorageExistsAsync(documentType.DocumentType, cancellationToken);
            // The expression Marten's own computed indexes use, so a reader's filter can use them too.
            statements.AddRange(Isolate(documentType.TableName.QualifiedName, $"CAST(data ->> '{DocumentProperty}' AS uuid) = {Chosen}"));
        }

        statements.AddRange(Isolate(
            $"{store.Options.Events.DatabaseSchemaName}.mt_events", $"CAST(headers ->> '{AuditHeaders.Establishment}' AS uuid) = {Chosen}"));

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await RoleExistsAsync(connection, cancellationToken))
        {
            // An owner without CREATEROLE (a managed database): the role is the DBA's to create, then the next start secures it.
            logger.LogWarning("The role {Role} does not exist and could not be created; direct SQL readers get no access until a DBA runs CREATE ROLE {Role} NOLOGIN", Name, Name);
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Row-level security for {Role}: {Count} tables", Name, statements.Count(s => s.StartsWith("CREATE POLICY", StringComparison.Ordinal)));
    }

    private static async Task<bool> RoleExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(CreateRole, connection))
            await create.ExecuteNonQueryAsync(cancellationToken);
        await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_roles WHERE rolname = '{Name}'", connection);
        return await exists.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A document is establishment-scoped when it says which establishment it belongs to.</summary>
    public static bool IsScoped(Type documentType) =>
        documentType.GetProperty(DocumentProperty)?.PropertyType is { } type && (type == typeof(Guid) || type == typeof(Guid?));

    private static IEnumerable<string> Isolate(string table, string predicate) =>
    [
        $"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        $"DROP POLICY IF EXISTS {Policy} ON {table}",
        $"CREATE POLICY {Policy} ON {table} FOR SELECT TO {Name} USING ({predicate})",
        $"GRANT SELECT ON {table} TO {Name}",
    ];

    /// <summary>
    /// Roles belong to the whole cluster: another database on it (a test run's, a second environment's) may be creating
    /// the same role at the same moment, which is not an error.
    /// </summary>
    private const string CreateRole = $"""
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{Name}') THEN
            CREATE ROLE {Name} NOLOGIN;
          END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation OR insufficient_privilege THEN NULL;
        END $$
        """;
}
