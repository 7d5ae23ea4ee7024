using Npgsql;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>Looks in the file store's table directly, to prove a purge deleted a file rather than hid it.</summary>
public static class StoredFiles
{
    public static async Task<long> CountAsync(AppFactory app, Guid fileId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from monbureau.mb_files where file_id = @id", connection);
        count.Parameters.AddWithValue("id", fileId);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public static async Task<IReadOnlyList<Guid>> AllAsync(AppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var list = new NpgsqlCommand("select file_id from monbureau.mb_files", connection);
        await using var rows = await list.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await rows.ReadAsync())
            ids.Add(rows.GetGuid(0));
        return ids;
    }
}
