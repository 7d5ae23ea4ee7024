using JasperFx;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using MonBureau.Application.Privacy;
using Wolverine;

namespace MonBureau.Host.Privacy;

/// <summary>
/// Makes sure the nightly retention purge is on Wolverine's durable schedule once the host has started; after that the
/// schedule carries itself from night to night, across restarts and nodes.
/// </summary>
internal sealed class NightlyPurgeScheduler(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<NightlyPurgeScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Continued on the thread pool, not inside the ApplicationStarted callback: the first command compiles its
        // Wolverine handler (ADR 0006), which held « Application started » back by seconds (docs/benchmarks.md).
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            await started.Task;

        using var scope = services.CreateScope();
        using var acting = ActingContext.Begin(Actor.SystemJob("retention-purge"), "nightly-purge/schedule");
        try
        {
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().RunAsync(new ScheduleNightlyPurge(), stoppingToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            logger.LogDebug("Another node put the nightly purge on the schedule first");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The API keeps serving; the next start tries again, and the purge can still be run by hand.
            logger.LogError(e, "Could not put the nightly retention purge on the schedule");
        }
    }
}
