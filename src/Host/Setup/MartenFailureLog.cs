using Marten;
using Marten.Services;
using Npgsql;

namespace MonBureau.Host.Setup;

/// <summary>
/// Marten's failures, logged by what they mean. A unique violation is how two concurrent writers are told apart
/// (the loser gets CONFLICT, docs/errors.md): an expected answer, logged as information. Anything else stays an error.
/// </summary>
internal sealed class MartenFailureLog(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogInformation("Marten changed the schema: {Sql}", sql);

    public void LogSuccess(NpgsqlCommand command)
    {
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Log(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) => Log(ex, string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));

    public void LogFailure(Exception ex, string message) => Log(ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    private void Log(Exception ex, string sql)
    {
        if (ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            logger.LogInformation("Concurrent write refused by a unique key ({Constraint}): {Sql}", ((PostgresException)ex).ConstraintName, sql);
        else
            logger.LogError(ex, "Marten command failed: {Sql}", sql);
    }
}
