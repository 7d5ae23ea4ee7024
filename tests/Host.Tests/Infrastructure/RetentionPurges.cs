using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using MonBureau.Application.Privacy;
using Wolverine;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>Runs the retention purge as the nightly job does: as the named system job, through Wolverine.</summary>
public static class RetentionPurges
{
    public static async Task<PurgeReport> RunAsync(AppFactory app, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        using var acting = ActingContext.Begin(Actor.SystemJob("retention-purge"), Guid.CreateVersion7().ToString());
        return await scope.ServiceProvider.GetRequiredService<IMessageBus>().RunAsync<PurgeReport>(new RunRetentionPurge(dryRun), CancellationToken.None);
    }
}
