using Marten;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Privacy;

namespace MonBureau.Application.Privacy;

/// <summary>Establishments keeping a category for the same time.</summary>
/// <param name="Except">True for the slice of every establishment but <paramref name="Establishments"/> (those on the default).</param>
public sealed record RetentionSlice(IReadOnlyCollection<Guid> Establishments, bool Except, TimeSpan Duration);

/// <summary>
/// One category's retention across establishments: the register's default, and the establishments that set their own
/// duration. Purges query slice by slice, so the default's query stays one indexed range and an establishment's own
/// shorter duration does not widen everyone's candidates.
/// </summary>
public sealed class RetentionCutoffs
{
    private readonly Dictionary<Guid, TimeSpan> own;

    private RetentionCutoffs(RetentionCategory category, Dictionary<Guid, TimeSpan> own)
    {
        this.own = own;
        Default = RetentionRegistry.Rule(category).Duration!.Value;
    }

    public TimeSpan Default { get; }

    public static async Task<RetentionCutoffs> LoadAsync(IQuerySession session, RetentionCategory category, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var overriding = await session.Query<Establishment>().Where(e => e.RetentionPolicyVersion > 0).ToListAsync(cancellationToken);
        return new RetentionCutoffs(category, overriding
            .Where(e => e.RetentionOverrides?.ContainsKey(category) == true)
            .ToDictionary(e => e.Id, e => e.Retention(category)));
    }

    public TimeSpan For(Guid establishmentId) => own.TryGetValue(establishmentId, out var duration) ? duration : Default;

    public IEnumerable<RetentionSlice> Slices()
    {
        yield return new RetentionSlice(own.Keys, Except: true, Default);
        foreach (var group in own.GroupBy(o => o.Value))
            yield return new RetentionSlice([.. group.Select(o => o.Key)], Except: false, group.Key);
    }
}
