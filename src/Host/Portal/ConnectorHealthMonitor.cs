using System.Collections.Concurrent;
using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Projections.Portal;
using Npgsql;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MonBureau.Host.Portal;

/// <summary>How often and how patiently connectors are checked.</summary>
public sealed record ConnectorHealthOptions(TimeSpan Interval, TimeSpan Timeout)
{
    public static readonly ConnectorHealthOptions Default = new(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(2));
}

/// <summary>
/// Checks every connector's health address on a schedule and records the answer as state (<see cref="ConnectorHealthView"/>).
/// Each check is bounded by a timeout; a connector that keeps failing trips its circuit breaker and is then marked
/// degraded without being called until the break ends. Portals only read the recorded state: a slow service never
/// slows a page. Timeouts run on the real clock, never on business time. Every node runs the schedule, but one round at
/// a time in the whole cluster probes (a PostgreSQL advisory lock): services are not called once per node.
/// </summary>
public sealed class ConnectorHealthMonitor(
    IDocumentStore store, NpgsqlDataSource dataSource, ConnectorHealthOptions options, TimeProvider clock, ILogger<ConnectorHealthMonitor> logger)
    : BackgroundService
{
    /// <summary>Held for the length of a round by the one node checking.</summary>
    internal const long LockKey = 7219032;

    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ConcurrentDictionary<Guid, ResiliencePipeline<string?>> _pipelines = new();
    private readonly SemaphoreSlim _oneRound = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, TimeProvider.System);
        do
        {
            try
            {
                await CheckAllAsync(waitForOtherNode: false, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next round tries again; a broken round must not stop the schedule.
                logger.LogWarning(e, "A round of connector health checks failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// One round: every connector with a health address, in parallel, each bounded by the timeout. When another node
    /// is checking, the scheduled round is skipped (false: that node records the results) or, asked for, waits its turn.
    /// </summary>
    public async Task<bool> CheckAllAsync(bool waitForOtherNode, CancellationToken cancellationToken)
    {
        await _oneRound.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand(waitForOtherNode ? "SELECT true FROM pg_advisory_lock($1)" : "SELECT pg_try_advisory_lock($1)", connection))
            {
                lockCommand.Parameters.Add(new NpgsqlParameter { Value = LockKey });
                if (!(bool)(await lockCommand.ExecuteScalarAsync(cancellationToken))!)
                {
                    logger.LogDebug("Another node is checking the connectors; this round is skipped");
                    return false;
                }
            }

            try
            {
                await RoundAsync(cancellationToken);
                return true;
            }
            finally
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
                unlock.Parameters.Add(new NpgsqlParameter { Value = LockKey });
                await unlock.ExecuteScalarAsync(CancellationToken.None);
            }
        }
        finally
        {
            _oneRound.Release();
        }
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        using var acting = ActingContext.Begin(Actor.SystemJob("connector-health"), Guid.CreateVersion7().ToString());
        await using var session = store.LightweightSession();
        var connectors = await session.Query<ConnectorView>().Where(c => c.HealthUrl != null).ToListAsync(cancellationToken);
        var results = await Task.WhenAll(connectors.Select(c => CheckAsync(c, cancellationToken)));
        session.Store(results);
        await session.SaveChangesAsync(cancellationToken);
    }

    private async Task<ConnectorHealthView> CheckAsync(ConnectorView connector, CancellationToken cancellationToken)
    {
        var pipeline = _pipelines.GetOrAdd(connector.Id, _ => Pipeline());
        string? problem;
        try
        {
            problem = await pipeline.ExecuteAsync(async token =>
            {
                using var response = await Http.GetAsync(new Uri(connector.HealthUrl!), HttpCompletionOption.ResponseHeadersRead, token);
                return response.IsSuccessStatusCode ? null : $"answered {(int)response.StatusCode}";
            }, cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            problem = $"no answer within {options.Timeout.TotalSeconds:0.#} s";
        }
        catch (BrokenCircuitException)
        {
            problem = "failing repeatedly: not called until the circuit closes";
        }
        catch (HttpRequestException e)
        {
            problem = $"unreachable ({e.HttpRequestError})";
        }

        if (problem is not null)
            logger.LogInformation("Connector {ConnectorId} is degraded: {Problem}", connector.Id, problem);
        return new ConnectorHealthView
        {
            Id = connector.Id,
            Status = problem is null ? ConnectorHealthStatus.Up : ConnectorHealthStatus.Degraded,
            CheckedAt = clock.GetUtcNow(),
            Detail = problem,
        };
    }

    /// <summary>Circuit breaker outside the timeout, so timeouts count as failures, like errors and error statuses (a problem).</summary>
    private ResiliencePipeline<string?> Pipeline() => new ResiliencePipelineBuilder<string?> { TimeProvider = TimeProvider.System }
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions<string?>
        {
            FailureRatio = 0.5,
            MinimumThroughput = 2,
            SamplingDuration = TimeSpan.FromMinutes(10),
            BreakDuration = TimeSpan.FromMinutes(5),
            ShouldHandle = new PredicateBuilder<string?>().Handle<TimeoutRejectedException>().Handle<HttpRequestException>().HandleResult(problem => problem is not null),
        })
        .AddTimeout(options.Timeout)
        .Build();
}
