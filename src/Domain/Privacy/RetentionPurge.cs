namespace MonBureau.Domain.Privacy;

/// <summary>A closed account whose data may be kept until <see cref="ClosedAt"/> plus the account-data retention.</summary>
public sealed record ClosedAccount(Guid PersonId, DateTimeOffset ClosedAt);

/// <summary>Recorded once a purge ran: what category, how many, under which policy — never what was purged.</summary>
public sealed record RetentionPurgeCompleted(RetentionCategory Category, int Count, DateTimeOffset Cutoff, int PolicyVersion);

public static class RetentionPurge
{
    /// <summary>The accounts whose retention has run out at <paramref name="now"/>: closed more than the retention ago.</summary>
    public static IReadOnlyList<Guid> AccountsDue(IEnumerable<ClosedAccount> closed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(closed);
        var cutoff = now - RetentionRegistry.Rule(RetentionCategory.AccountData).Duration!.Value;
        return [.. closed.Where(a => a.ClosedAt <= cutoff).Select(a => a.PersonId)];
    }
}
