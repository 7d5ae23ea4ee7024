using Npgsql;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>Reads a whole database the way an attacker with a dump would: every row of every table, as text.</summary>
public static class DatabaseScan
{
    public static async Task<IReadOnlyList<string>> TablesContainingAsync(string connectionString, string needle)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            """
            SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }

        var hits = new List<string>();
        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand($"SELECT count(*) FROM {table} t WHERE strpos(lower(t::text), lower($1)) > 0", connection);
            search.Parameters.Add(new NpgsqlParameter { Value = needle });
            if ((long)(await search.ExecuteScalarAsync())! > 0)
                hits.Add(table);
        }

        return hits;
    }

    public static async Task<int> TableCountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        return (int)(long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Every sealed personal-data object stored for a subject, in events and in documents.</summary>
    public static async Task<IReadOnlyList<string>> SealedValuesOfAsync(string connectionString, Guid subjectId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = (await JsonColumnsAsync(connection))
            .Select(c => $"SELECT v::text FROM {c.Table}, jsonb_path_query({c.Column}, '$.** ? (@.subject == $s)', jsonb_build_object('s', $1::text)) v");

        var values = new List<string>();
        await using var query = new NpgsqlCommand(string.Join(" UNION ALL ", columns), connection);
        query.Parameters.Add(new NpgsqlParameter { Value = subjectId.ToString() });
        await using var rows = await query.ExecuteReaderAsync();
        while (await rows.ReadAsync())
            values.Add(rows.GetString(0));
        return values;
    }

    /// <summary>Every sealed personal-data object still holding a ciphertext, whoever its subject, with the table it is in.</summary>
    public static async Task<IReadOnlyList<(string Table, string Value)>> AllSealedValuesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = (await JsonColumnsAsync(connection))
            .Select(c => $"SELECT '{c.Table}', v::text FROM {c.Table}, jsonb_path_query({c.Column}, '$.** ? (@.sealed.type() == \"string\" && exists(@.subject))') v");

        var values = new List<(string, string)>();
        await using var query = new NpgsqlCommand(string.Join(" UNION ALL ", columns), connection);
        await using var rows = await query.ExecuteReaderAsync();
        while (await rows.ReadAsync())
            values.Add((rows.GetString(0), rows.GetString(1)));
        return values;
    }

    /// <summary>Where sealed personal data can sit: every JSON column of the application's schema, quoted for SQL.</summary>
    private static async Task<IReadOnlyList<(string Table, string Column)>> JsonColumnsAsync(NpgsqlConnection connection)
    {
        var columns = new List<(string, string)>();
        await using var list = new NpgsqlCommand(
            "SELECT format('%I.%I', table_schema, table_name), quote_ident(column_name) FROM information_schema.columns WHERE data_type = 'jsonb' AND table_schema = 'monbureau'",
            connection);
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }
}
