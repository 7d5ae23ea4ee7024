using MonBureau.Host.Setup;
using MonBureau.Projections.Resources;
using Npgsql;

namespace MonBureau.Host.Agenda;

public static class AgendaSetup
{
    /// <summary>The feed endpoint needs the request's address for feed URLs; the resource bank needs its search schema.</summary>
    public static void AddAgenda(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHostedService<ResourceSearchMigration>();
    }
}

/// <summary>Runs after Marten's start-up schema work (registered later), so the resource table exists; start-up waits for it.</summary>
internal sealed class ResourceSearchMigration(NpgsqlDataSource dataSource) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => ResourceSearch.EnsureAsync(dataSource, PersistenceSetup.Schema, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
