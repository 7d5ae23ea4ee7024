using System.Collections.Concurrent;
using System.Security.Cryptography;
using Npgsql;

namespace MonBureau.Application.Privacy;

/// <summary>
/// Per-data-subject keys (crypto-shredding, ADR 0005). Keys are created on first write, cached briefly, and
/// destroyed by <see cref="ForgetAsync"/>: from then on every sealed copy of that subject's data, in events,
/// projections or backups, is unreadable.
/// </summary>
public sealed class SubjectKeyRing(NpgsqlDataSource dataSource, MasterKey masterKey, TimeProvider clock, string schema)
{
    // Short enough that a key forgotten on another node stops decrypting here within a minute.
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<Guid, CachedKey> _cache = new();
    private readonly string _table = $"{schema}.{SubjectKeysTable.Name}";

    /// <summary>The subject's key, created if needed; refuses a forgotten subject.</summary>
    public byte[] KeyForWriting(Guid subjectId)
    {
        var key = Lookup(subjectId, createIfMissing: true);
        return key ?? throw SubjectForgotten.Error(subjectId);
    }

    /// <summary>The subject's key, or null when the subject was forgotten (or never had data).</summary>
    public byte[]? KeyForReading(Guid subjectId) => Lookup(subjectId, createIfMissing: false);

    /// <summary>Creates the keys of many new subjects in one round trip, so a large import does not pay one per person.</summary>
    public async Task PrepareAsync(IReadOnlyCollection<Guid> subjectIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjectIds);
        if (subjectIds.Count == 0)
            return;
        var ids = subjectIds.ToArray();
        var keys = ids.Select(_ => RandomNumberGenerator.GetBytes(32)).ToArray();
        var wrapped = ids.Select((id, i) => Sealing.Seal(masterKey.Bytes, keys[i], id.ToByteArray())).ToArray();
        await using var command = dataSource.CreateCommand(
            $"""
             INSERT INTO {_table} (subject_id, wrapped_key, created_at)
             SELECT id, key, $3 FROM unnest($1::uuid[], $2::bytea[]) AS k(id, key)
             ON CONFLICT (subject_id) DO NOTHING RETURNING subject_id
             """);
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        command.Parameters.Add(new NpgsqlParameter { Value = wrapped });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        var created = new HashSet<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                created.Add(reader.GetGuid(0));
        }

        var validUntil = Environment.TickCount64 + (long)CacheLifetime.TotalMilliseconds;
        for (var i = 0; i < ids.Length; i++)
        {
            if (created.Contains(ids[i]))
                _cache[ids[i]] = new CachedKey(keys[i], validUntil);
        }
    }

    public async Task ForgetAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
             INSERT INTO {_table} (subject_id, wrapped_key, created_at, forgotten_at) VALUES ($1, NULL, $2, $2)
             ON CONFLICT (subject_id) DO UPDATE SET wrapped_key = NULL, forgotten_at = COALESCE({_table}.forgotten_at, $2)
             """);
        command.Parameters.Add(new NpgsqlParameter { Value = subjectId });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        await command.ExecuteNonQueryAsync(cancellationToken);
        _cache[subjectId] = new CachedKey(null, long.MaxValue);
    }

    public async Task<DateTimeOffset?> ForgottenAtAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT forgotten_at FROM {_table} WHERE subject_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = subjectId });
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    private byte[]? Lookup(Guid subjectId, bool createIfMissing)
    {
        var now = Environment.TickCount64;
        if (_cache.TryGetValue(subjectId, out var cached) && cached.ValidUntil > now && (cached.Key is not null || !createIfMissing || cached.Forgotten))
            return cached.Key;

        // JSON converters are synchronous, so the rare cache miss reads the key synchronously.
        var (wrapped, forgotten, exists) = Load(subjectId);
        if (!exists && createIfMissing)
        {
            Create(subjectId);
            (wrapped, forgotten, exists) = Load(subjectId);
        }

        var key = wrapped is null ? null : Unwrap(subjectId, wrapped);
        _cache[subjectId] = new CachedKey(key, forgotten ? long.MaxValue : now + (long)CacheLifetime.TotalMilliseconds, forgotten);
        return key;
    }

    private (byte[]? Wrapped, bool Forgotten, bool Exists) Load(Guid subjectId)
    {
        using var command = dataSource.CreateCommand($"SELECT wrapped_key, forgotten_at IS NOT NULL FROM {_table} WHERE subject_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = subjectId });
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return (null, false, false);
        return (reader.IsDBNull(0) ? null : (byte[])reader[0], reader.GetBoolean(1), true);
    }

    private void Create(Guid subjectId)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var command = dataSource.CreateCommand(
            $"INSERT INTO {_table} (subject_id, wrapped_key, created_at) VALUES ($1, $2, $3) ON CONFLICT (subject_id) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = subjectId });
        command.Parameters.Add(new NpgsqlParameter { Value = Sealing.Seal(masterKey.Bytes, key, subjectId.ToByteArray()) });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        command.ExecuteNonQuery();
    }

    private byte[] Unwrap(Guid subjectId, byte[] wrapped) => Sealing.Open(masterKey.Bytes, wrapped, subjectId.ToByteArray());

    private sealed record CachedKey(byte[]? Key, long ValidUntil, bool Forgotten = false);
}
