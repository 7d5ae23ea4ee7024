using Weasel.Postgresql.Tables;

namespace MonBureau.Application.Privacy;

/// <summary>
/// One row per data subject. The key column holds the subject's data key wrapped by the master key;
/// erasure sets it to NULL and keeps the row as proof of when the subject was forgotten.
/// </summary>
public static class SubjectKeysTable
{
    public const string Name = "mb_subject_keys";

    public static Table Definition(string schema)
    {
        var table = new Table(new Weasel.Postgresql.PostgresqlObjectName(schema, Name, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("subject_id").AsPrimaryKey();
        table.AddColumn("wrapped_key", "bytea");
        table.AddColumn("created_at", "timestamptz").NotNull();
        table.AddColumn("forgotten_at", "timestamptz");
        return table;
    }
}
