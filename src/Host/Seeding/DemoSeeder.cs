namespace MonBureau.Host.Seeding;

/// <summary>The run command's first start: seeds the demo establishment once the app serves, tokens under .local/.</summary>
public sealed class DemoSeeder(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<DemoSeeder> logger, string tokenFile) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitForStartAsync(stoppingToken);
        try
        {
            using var scope = services.CreateScope();
            await DemoSeeding.EnsureAsync(scope.ServiceProvider, tokenFile, logger, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The API stays up without its demo data; the log says how to start afresh.
            logger.LogError(e, "Seeding the demo establishment failed; stop the app and delete .local/ to start from scratch");
        }
    }

    private Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(started.SetResult);
        stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        return started.Task;
    }
}
