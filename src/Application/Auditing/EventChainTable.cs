using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace MonBureau.Application.Auditing;

/// <summary>
/// The seals of the event log (ADR 0023): one row per batch of <c>mt_events</c>, append-only. Created with Marten's
/// schema so it exists wherever the event log does.
/// </summary>
public static class EventChainTable
{
    public const string Name = "mb_event_chain";

    public static Table Definition(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, Name, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<long>("batch_no").AsPrimaryKey();
        table.AddColumn("first_seq", "bigint").NotNull();
        table.AddColumn("last_seq", "bigint").NotNull();
        table.AddColumn("row_count", "integer").NotNull();
        table.AddColumn("content_hash", "bytea").NotNull();
        table.AddColumn("previous_link", "bytea").NotNull();
        table.AddColumn("link_hash", "bytea").NotNull();
        table.AddColumn("sealed_at", "timestamptz").NotNull();
        // A purge finds the batches of the streams it masked by sequence.
        table.Indexes.Add(new IndexDefinition($"{Name}_last_seq") { Columns = ["last_seq"] });
        return table;
    }
}
