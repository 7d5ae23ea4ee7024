using System.Text.RegularExpressions;
using Npgsql;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>One stored row as the scan sees it: its table, its id (a stream id for an event), the establishment it says it belongs to, its JSON.</summary>
public sealed record StoredRow(string Table, string Id, Guid? Establishment, string Json);

/// <summary>A row of one establishment that names something only another establishment has.</summary>
public sealed record TenantLeak(string Table, string Id, string Referenced, IReadOnlyCollection<Guid> RowEstablishments, IReadOnlyCollection<Guid> ReferencedOwners)
{
    public override string ToString() =>
        $"{Table} row {Id} of [{string.Join(", ", RowEstablishments)}] names {Referenced}, which belongs only to [{string.Join(", ", ReferencedOwners)}]";
}

/// <summary>
/// Tenant isolation checked on the stored data itself (ADR 0021), with nothing kept by hand: who owns what is learnt
/// from the rows. An id belongs to every establishment that a row with that id says it belongs to (a document's
/// EstablishmentId, an event's establishment_id header on its stream); an establishment belongs to itself. A row belongs to
/// its own establishment and to those owning its id. It leaks when it names an id all of whose owners are other
/// establishments. A guardian with children in two schools is owned by both, so either school's rows may name them.
/// </summary>
public static partial class TenantLeakScan
{
    public static IReadOnlyList<TenantLeak> Find(IReadOnlyCollection<StoredRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var owners = new Dictionary<string, HashSet<Guid>>(StringComparer.Ordinal);
        void Own(string id, Guid establishment)
        {
            if (!owners.TryGetValue(id, out var set))
                owners[id] = set = [];
            set.Add(establishment);
        }

        foreach (var row in rows.Where(r => r.Establishment is not null))
        {
            Own(Key(row.Id), row.Establishment!.Value);
            Own(Key(row.Establishment.Value.ToString()), row.Establishment.Value);
        }

        var leaks = new List<TenantLeak>();
        foreach (var row in rows)
        {
            var mine = new HashSet<Guid>(owners.GetValueOrDefault(Key(row.Id)) ?? []);
            if (row.Establishment is { } own)
                mine.Add(own);
            if (mine.Count == 0)
                continue; // not attributable to any establishment (identities, claims, region-level data)
            foreach (var referenced in Uuids().Matches(row.Json).Select(m => Key(m.Value)).Distinct())
            {
                if (owners.TryGetValue(referenced, out var theirs) && !theirs.Overlaps(mine))
                    leaks.Add(new TenantLeak(row.Table, row.Id, referenced, mine, theirs));
            }
        }

        return leaks;
    }

    /// <summary>Every row of every Marten document table (discovered in the catalog) and every event.</summary>
    public static async Task<IReadOnlyList<StoredRow>> ReadAsync(string connectionString, string schema = "monbureau")
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var queries = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name LIKE 'mt\\_doc\\_%' ORDER BY 1",
            connection))
        {
            list.Parameters.Add(new NpgsqlParameter { Value = schema });
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var table = reader.GetString(0);
                queries.Add($"SELECT '{table}', id::text, data ->> 'EstablishmentId', data::text FROM {schema}.{table}");
            }
        }

        queries.Add($"SELECT 'mt_events', stream_id::text, headers ->> 'establishment_id', data::text FROM {schema}.mt_events");
        var rows = new List<StoredRow>();
        await using var all = new NpgsqlCommand(string.Join(" UNION ALL ", queries), connection);
        await using var stored = await all.ExecuteReaderAsync();
        while (await stored.ReadAsync())
        {
            rows.Add(new StoredRow(
                stored.GetString(0), stored.GetString(1),
                stored.IsDBNull(2) ? null : Guid.Parse(stored.GetString(2), System.Globalization.CultureInfo.InvariantCulture),
                stored.GetString(3)));
        }

        return rows;
    }

    private static string Key(string id) => id.ToLowerInvariant();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Uuids();
}
