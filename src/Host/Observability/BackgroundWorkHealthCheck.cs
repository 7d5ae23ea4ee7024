using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wolverine.Runtime;

namespace MonBureau.Host.Observability;

/// <summary>
/// Whether background work keeps up: the lag of asynchronous projections behind the event log, and the durable
/// messages waiting (held messages, purges, publications). Projections are inline today, so their lag is zero
/// by construction; the check is here so that the first asynchronous projection is watched from day one.
/// </summary>
internal sealed class BackgroundWorkHealthCheck(IDocumentStore store, IWolverineRuntime wolverine, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var allowedLag = configuration.GetValue("MonBureau:Observability:MaxProjectionLag", 10_000L);
        var statistics = await store.Advanced.FetchEventStoreStatistics(token: cancellationToken);
        var shards = (await store.Advanced.AllProjectionProgress(token: cancellationToken))
            .Where(s => s.ShardName != "HighWaterMark")
            .ToList();
        var lag = shards.Count == 0 ? 0 : shards.Max(s => Math.Max(0, statistics.EventSequenceNumber - s.Sequence));
        var counts = await wolverine.Storage.Admin.FetchCountsAsync();
        var data = new Dictionary<string, object>
        {
            ["asyncProjections"] = shards.Count,
            ["projectionLag"] = lag,
            ["messagesIncoming"] = counts.Incoming,
            ["messagesScheduled"] = counts.Scheduled,
            ["messagesOutgoing"] = counts.Outgoing,
            ["deadLetters"] = counts.DeadLetter,
        };
        return lag > allowedLag
            ? HealthCheckResult.Unhealthy($"Asynchronous projections are {lag} events behind (allowed: {allowedLag}).", data: data)
            : HealthCheckResult.Healthy($"Projections {lag} events behind; {counts.Incoming} messages waiting.", data);
    }
}
