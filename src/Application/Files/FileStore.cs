using Marten;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Files;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace MonBureau.Application.Files;

/// <summary>A stored file with its name and bytes opened.</summary>
public sealed record OpenedFile(Guid Id, Guid OwnerId, Guid EstablishmentId, string Name, string ContentType, long Size, string Sha256, byte[] Content);

/// <summary>
/// Files of every area (homework submissions, lesson log, resources, justifications) in one bytea table (ADR 0015).
/// Name and bytes are sealed under the owner's subject key, so forgetting the owner makes them unreadable at once;
/// the erasure path also deletes the rows to give the space back. Whether a reader may open a file is the area's
/// decision, taken before <see cref="OpenAsync"/>.
/// </summary>
public sealed class FileStore(NpgsqlDataSource dataSource, SubjectKeyRing keys, string schema)
{
    public const string TableName = "mb_files";

    private readonly string _table = $"{schema}.{TableName}";

    public static Table Definition(string schema)
    {
        var table = new Table(new Weasel.Postgresql.PostgresqlObjectName(schema, TableName, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("file_id").AsPrimaryKey();
        table.AddColumn<Guid>("owner_id").NotNull();
        table.AddColumn<Guid>("establishment_id").NotNull();
        table.AddColumn("content_type", "text").NotNull();
        table.AddColumn("size", "bigint").NotNull();
        table.AddColumn("sha256", "text").NotNull();
        table.AddColumn("sealed_name", "bytea").NotNull();
        table.AddColumn("sealed_content", "bytea").NotNull();
        table.AddColumn("stored_at", "timestamptz").NotNull();
        table.Indexes.Add(new IndexDefinition("ix_mb_files_owner") { Columns = ["owner_id"] });
        return table;
    }

    /// <summary>Queues the insert in the session, so the file is stored if and only if the events describing it are.</summary>
    public void Stage(IDocumentSession session, AttachedFile attached, UploadedFile file, Guid establishmentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(attached);
        ArgumentNullException.ThrowIfNull(file);
        var (fileId, ownerId, facts) = (attached.FileId, attached.Name.SubjectId, attached.Facts);
        var key = keys.KeyForWriting(ownerId);
        var associated = fileId.ToByteArray();
        session.QueueSqlCommand(
            $"INSERT INTO {_table} (file_id, owner_id, establishment_id, content_type, size, sha256, sealed_name, sealed_content, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            fileId, ownerId, establishmentId, facts.ContentType, facts.Size, facts.Sha256,
            Sealing.Seal(key, System.Text.Encoding.UTF8.GetBytes(file.Name.Trim()), associated),
            Sealing.Seal(key, file.Content, associated),
            now);
    }

    /// <summary>The file, or null when missing or its owner was forgotten.</summary>
    public async Task<OpenedFile?> OpenAsync(Guid fileId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT owner_id, establishment_id, content_type, size, sha256, sealed_name, sealed_content FROM {_table} WHERE file_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = fileId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        var ownerId = reader.GetGuid(0);
        if (keys.KeyForReading(ownerId) is not { } key)
            return null;
        var associated = fileId.ToByteArray();
        return new OpenedFile(
            fileId, ownerId, reader.GetGuid(1),
            System.Text.Encoding.UTF8.GetString(Sealing.Open(key, reader.GetFieldValue<byte[]>(5), associated)),
            reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
            Sealing.Open(key, reader.GetFieldValue<byte[]>(6), associated));
    }

    /// <summary>Stages every upload of a decision, paired by position with what the decision attached.</summary>
    public void StageAll(IDocumentSession session, IReadOnlyList<AttachedFile> attached, IEnumerable<UploadedFile> files, Guid establishmentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(attached);
        foreach (var (file, upload) in attached.Zip(files))
            Stage(session, file, upload, establishmentId, now);
    }

    /// <summary>Part of forgetting a person: their files go with their key.</summary>
    public static void ForgetOwner(IDocumentSession session, Guid ownerId)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.QueueSqlCommand($"DELETE FROM {session.DocumentStore.Options.DatabaseSchemaName}.{TableName} WHERE owner_id = ?", ownerId);
    }

    /// <summary>
    /// Part of a retention purge: the files of records past their retention, except content a workspace still names
    /// (a message or a homework referencing a workspace file shares its content, ADR 0031; the bin included).
    /// </summary>
    /// <param name="leaving">Workspace items removed in the same session, whose documents are still there when this runs.</param>
    public static void Delete(IDocumentSession session, IReadOnlyCollection<Guid> fileIds, IReadOnlyCollection<Guid>? leaving = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(fileIds);
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        if (fileIds.Count > 0)
        {
            session.QueueSqlCommand(
                $"DELETE FROM {schema}.{TableName} f WHERE f.file_id = ANY(?) AND NOT EXISTS (SELECT 1 FROM {schema}.{WorkspaceTable} w WHERE w.data -> 'File' ->> 'FileId' = f.file_id::text AND w.id <> ALL(?))",
                fileIds.ToArray(), (leaving ?? []).ToArray());
        }
    }

    /// <summary>The workspace's items (the write model of <see cref="Domain.Workspace.WorkspaceItem"/>), whose files name stored content.</summary>
    private const string WorkspaceTable = "mt_doc_workspaceitem";
}

public static class FileStoreSetup
{
    public static void AddFileStore(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Storage.ExtendedSchemaObjects.Add(FileStore.Definition(options.DatabaseSchemaName));
    }
}
