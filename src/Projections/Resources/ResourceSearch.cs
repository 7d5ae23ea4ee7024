using System.Text.RegularExpressions;
using MonBureau.Domain.Resources;
using Npgsql;

namespace MonBureau.Projections.Resources;

/// <summary>
/// Full-text search of the resource bank in PostgreSQL: French stemming after accents are stripped (a
/// <c>french_unaccent</c> text search configuration over the <c>unaccent</c> extension), title weighted above
/// subject, level and tags, above the body; ranked with ts_rank. A GIN index on the same expression keeps it fast.
/// </summary>
public static partial class ResourceSearch
{
    public const int MaxResults = 50;
    private const int MaxWords = 10;

    /// <summary>Creates the extension, the configuration and the index if missing; safe to run on every start and on several nodes.</summary>
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand($"""
            SELECT pg_advisory_lock(7219016);
            CREATE EXTENSION IF NOT EXISTS unaccent;
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
                             WHERE c.cfgname = 'french_unaccent' AND n.nspname = '{schema}') THEN
                CREATE TEXT SEARCH CONFIGURATION {schema}.french_unaccent (COPY = pg_catalog.french);
                ALTER TEXT SEARCH CONFIGURATION {schema}.french_unaccent
                  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
              END IF;
            END $$;
            CREATE INDEX IF NOT EXISTS mb_resource_search ON {Table(schema)} USING gin (({Vector(schema)}));
            SELECT pg_advisory_unlock(7219016);
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Ids of the resources <paramref name="reader"/> may see that match any of the words, best first.</summary>
    public static async Task<IReadOnlyList<Guid>> SearchAsync(
        NpgsqlDataSource dataSource, string schema, string text, ResourceReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(reader);
        if (TsQueryOf(text) is not { } query)
            return [];

        // Any word may match, so a resource with both of two words ranks above one with a single word.
        await using var command = dataSource.CreateCommand($"""
            SELECT r.id
            FROM {Table(schema)} r, to_tsquery('{schema}.french_unaccent', $1) q
            WHERE ({Vector(schema, "r.")}) @@ q
              AND r.data ->> 'EstablishmentId' = $2
              AND NOT (r.data ->> 'Archived')::boolean
              AND (r.data ->> 'AuthorId' = $3
                   OR (r.data ->> 'Sharing')::int = $4
                   OR ((r.data ->> 'Sharing')::int = $5 AND lower(btrim(r.data ->> 'Subject')) = ANY($6)))
            ORDER BY ts_rank(({Vector(schema, "r.")}), q) DESC, (r.data ->> 'UpdatedAt') DESC
            LIMIT {MaxResults}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = query });
        command.Parameters.Add(new NpgsqlParameter { Value = reader.EstablishmentId.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = reader.PersonId.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = (int)ResourceSharing.Establishment });
        command.Parameters.Add(new NpgsqlParameter { Value = (int)ResourceSharing.SubjectTeam });
        command.Parameters.Add(new NpgsqlParameter { Value = reader.TeamSubjects.Select(s => s.Trim().ToLowerInvariant()).ToArray() });

        var ids = new List<Guid>();
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
            ids.Add(rows.GetGuid(0));
        return ids;
    }

    /// <summary>The words of the user's text joined by OR; only letters and digits reach to_tsquery, so its syntax cannot be injected.</summary>
    public static string? TsQueryOf(string? text)
    {
        var words = Words().Matches(text ?? "").Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxWords).ToList();
        return words.Count == 0 ? null : string.Join(" | ", words);
    }

    private static string Table(string schema) => $"{schema}.mt_doc_resourceview";

    /// <summary>The one expression the index is built on and the query uses; they must stay identical for the index to serve.</summary>
    private static string Vector(string schema, string alias = "") =>
        $"setweight(to_tsvector('{schema}.french_unaccent'::regconfig, coalesce({alias}data ->> 'Title', '')), 'A')"
        + $" || setweight(to_tsvector('{schema}.french_unaccent'::regconfig, coalesce({alias}data ->> 'Subject', '') || ' ' || coalesce({alias}data ->> 'Level', '') || ' ' || coalesce(({alias}data -> 'Tags')::text, '')), 'B')"
        + $" || setweight(to_tsvector('{schema}.french_unaccent'::regconfig, coalesce({alias}data ->> 'Body', '')), 'C')";

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
