using Marten;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using Npgsql;

namespace MonBureau.Application.Auditing;

public enum AnomalyKind
{
    /// <summary>The account read far more people's records than it usually does.</summary>
    UnusualVolume,

    /// <summary>The account was refused many times: it tried to read outside its scope.</summary>
    RepeatedDenials,
}

public sealed record AccessAnomaly(Guid ActorId, Role? Role, AnomalyKind Kind, int Count, double UsualCount);

/// <summary>
/// Accounts whose reading looks like a takeover, in one establishment and period: reading many more people than in
/// the four preceding periods of the same length, or being refused again and again (reading outside one's scope is
/// refused by the policy, so its trace is the denials).
/// </summary>
public sealed class AccessAnomalies(NpgsqlDataSource dataSource, IDocumentStore store, string schema)
{
    public const int MinimumUnusualSubjects = 20;
    public const double UnusualFactor = 3;
    public const int MinimumDenials = 5;

    public async Task<IReadOnlyList<AccessAnomaly>> FindAsync(Guid establishmentId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (to <= from)
            throw BusinessRuleException.Invalid("'to' must be after 'from'.");
        var anomalies = new List<AccessAnomaly>();
        anomalies.AddRange(await UnusualVolumesAsync(establishmentId, from, to, cancellationToken));
        anomalies.AddRange(await RepeatedDenialsAsync(establishmentId, from, to, cancellationToken));
        return anomalies;
    }

    private async Task<List<AccessAnomaly>> UnusualVolumesAsync(Guid establishmentId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
             WITH current AS (
               SELECT actor_id, min(actor_role) AS role, count(DISTINCT subject_id) AS subjects
               FROM {schema}.{AccessLogTable.Name}
               WHERE establishment_id = $1 AND accessed_at >= $2 AND accessed_at < $3
               GROUP BY actor_id),
             usual AS (
               SELECT actor_id, count(DISTINCT (subject_id, floor(extract(epoch FROM $2 - accessed_at) / extract(epoch FROM $3 - $2)))) / 4.0 AS subjects
               FROM {schema}.{AccessLogTable.Name}
               WHERE establishment_id = $1 AND accessed_at >= $2 - 4 * ($3 - $2) AND accessed_at < $2
               GROUP BY actor_id)
             SELECT c.actor_id, c.role, c.subjects, coalesce(u.subjects, 0)
             FROM current c LEFT JOIN usual u USING (actor_id)
             WHERE c.subjects >= $4 AND c.subjects >= $5 * coalesce(u.subjects, 0)
             ORDER BY c.subjects DESC
             """);
        command.Parameters.Add(new NpgsqlParameter { Value = establishmentId });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)MinimumUnusualSubjects });
        command.Parameters.Add(new NpgsqlParameter { Value = UnusualFactor });
        var anomalies = new List<AccessAnomaly>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            anomalies.Add(new AccessAnomaly(reader.GetGuid(0), Enum.Parse<Role>(reader.GetString(1)), AnomalyKind.UnusualVolume,
                (int)reader.GetInt64(2), (double)reader.GetDecimal(3)));
        }

        return anomalies;
    }

    private async Task<IEnumerable<AccessAnomaly>> RepeatedDenialsAsync(Guid establishmentId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var denials = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypeName == "access_denied" && e.Timestamp >= from && e.Timestamp < to)
            .ToListAsync(cancellationToken);
        return denials.Select(e => (AccessDenied)e.Data)
            .Where(d => d.ActorId is not null && d.EstablishmentId == establishmentId)
            .GroupBy(d => (d.ActorId!.Value, d.Role))
            .Where(g => g.Count() >= MinimumDenials)
            .Select(g => new AccessAnomaly(g.Key.Value, g.Key.Role, AnomalyKind.RepeatedDenials, g.Count(), 0))
            .OrderByDescending(a => a.Count);
    }
}
