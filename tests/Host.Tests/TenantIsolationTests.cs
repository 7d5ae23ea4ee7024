using MonBureau.Host.Database;
using MonBureau.Host.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace MonBureau.Host.Tests;

/// <summary>Establishments are isolated in the stored data itself and for people reading the database directly (ADR 0021).</summary>
[Collection(AppHost.Name)]
public class TenantIsolationTests(AppFactory app, ITestOutputHelper output)
{
    private const string Schema = "monbureau";

    [Fact]
    public async Task No_stored_document_or_event_of_one_establishment_names_something_only_another_establishment_has()
    {
        var world = await TwoSchoolsScenario.CreateAsync(app);

        var rows = await TenantLeakScan.ReadAsync(app.ConnectionString, Schema);
        var leaks = TenantLeakScan.Find(rows);

        var tables = rows.Select(r => r.Table).Distinct().Count();
        var establishments = rows.Where(r => r.Establishment is not null).Select(r => r.Establishment).Distinct().Count();
        output.WriteLine($"Scanned {rows.Count} rows in {tables} tables, {establishments} establishments: {leaks.Count} leaks");
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks.Take(20)));
        foreach (var school in new[] { world.First.School.EstablishmentId, world.Second.School.EstablishmentId })
            Assert.Contains(rows, r => r.Establishment == school && r.Table != "mt_events");
        Assert.Contains(rows, r => r.Id == world.SharedGuardianId.ToString() && r.Establishment == world.Second.School.EstablishmentId);
    }

    [Fact]
    public async Task A_direct_sql_reader_sees_only_the_rows_of_the_establishment_its_session_names_and_nothing_without_one()
    {
        var world = await TwoSchoolsScenario.CreateAsync(app);
        var (a, b) = (world.First.School.EstablishmentId, world.Second.School.EstablishmentId);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();

        // Scoped tables are found from the data: any document table whose rows say which establishment they belong to.
        var scoped = new List<(string Table, string Establishment)> { ("mt_events", $"headers ->> 'establishment_id'") };
        foreach (var table in await DocumentTablesAsync(connection))
        {
            if (await ScalarAsync<bool>(connection, $"SELECT EXISTS (SELECT 1 FROM {Schema}.{table} WHERE data ? 'EstablishmentId')"))
                scoped.Add((table, "data ->> 'EstablishmentId'"));
        }

        var seenOfA = 0L;
        foreach (var (table, establishment) in scoped)
        {
            Assert.True(await ScalarAsync<bool>(connection, $"SELECT relrowsecurity FROM pg_class WHERE oid = '{Schema}.{table}'::regclass"), $"{table}: no row-level security");
            var ofA = await ScalarAsync<long>(connection, $"SELECT count(*) FROM {Schema}.{table} WHERE {establishment} = '{a}'");
            var ofB = await ScalarAsync<long>(connection, $"SELECT count(*) FROM {Schema}.{table} WHERE {establishment} = '{b}'");

            Assert.Equal(ofA, await AsReaderAsync(connection, a, $"SELECT count(*) FROM {Schema}.{table}"));
            Assert.Equal(0L, await AsReaderAsync(connection, a, $"SELECT count(*) FROM {Schema}.{table} WHERE {establishment} = '{b}'"));
            Assert.Equal(ofB, await AsReaderAsync(connection, b, $"SELECT count(*) FROM {Schema}.{table}"));
            Assert.Equal(0L, await AsReaderAsync(connection, null, $"SELECT count(*) FROM {Schema}.{table}"));
            seenOfA += ofA;
        }

        // Every table the reader may open is under a policy for it, and shows nothing to a session that names no
        // establishment; everything else (identities, claims, keys, files, Wolverine's envelopes, the access history) is closed.
        var readable = await ListAsync(connection,
            $"SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{Schema}' AND c.relkind IN ('r', 'p', 'v', 'm') AND has_table_privilege('{EstablishmentReaderRole.Name}', c.oid, 'SELECT')");
        Assert.Empty(scoped.Select(s => s.Table).Except(readable));
        foreach (var table in readable)
        {
            Assert.True(await ScalarAsync<bool>(connection,
                $"SELECT c.relrowsecurity AND EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = '{Schema}' AND p.tablename = c.relname AND '{EstablishmentReaderRole.Name}' = ANY (p.roles)) FROM pg_class c WHERE c.oid = '{Schema}.{table}'::regclass"),
                $"{table}: readable without a row-level security policy");
            Assert.Equal(0L, await AsReaderAsync(connection, null, $"SELECT count(*) FROM {Schema}.{table}"));
        }

        output.WriteLine($"{readable.Count} tables open to the reader, all under row-level security; {scoped.Count} hold establishment rows here; the first school's reader saw {seenOfA} rows, none of the second's");
        Assert.True(seenOfA > 0);
    }

    private static async Task<long> AsReaderAsync(NpgsqlConnection connection, Guid? establishment, string sql)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var role = new NpgsqlCommand($"SET LOCAL ROLE {EstablishmentReaderRole.Name}", connection, transaction))
            await role.ExecuteNonQueryAsync();
        if (establishment is { } id)
        {
            await using var setting = new NpgsqlCommand($"SELECT set_config('{EstablishmentReaderRole.Setting}', $1, true)", connection, transaction);
            setting.Parameters.Add(new NpgsqlParameter { Value = id.ToString() });
            await setting.ExecuteNonQueryAsync();
        }

        await using var query = new NpgsqlCommand(sql, connection, transaction);
        var count = (long)(await query.ExecuteScalarAsync())!;
        await transaction.RollbackAsync();
        return count;
    }

    private static Task<List<string>> DocumentTablesAsync(NpgsqlConnection connection) =>
        ListAsync(connection, $"SELECT table_name FROM information_schema.tables WHERE table_schema = '{Schema}' AND table_type = 'BASE TABLE' AND table_name LIKE 'mt\\_doc\\_%'");

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        var names = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return names;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
