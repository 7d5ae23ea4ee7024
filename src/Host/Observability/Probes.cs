using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MonBureau.Host.Observability;

/// <summary>
/// Liveness (the process answers) and readiness (it can serve: database reachable, background work keeping up), for
/// load balancers and orchestrators; the Prometheus scrape, from the networks the operator allows.
/// </summary>
internal static class Probes
{
    public const string Live = "/health/live";
    public const string Ready = "/health/ready";
    private const string ReadyTag = "ready";

    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.Ordinal) || path.StartsWithSegments(Telemetry.MetricsPath, StringComparison.Ordinal);

    public static void AddProbes(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<BackgroundWorkHealthCheck>("background-work", tags: [ReadyTag]);
        builder.Services.Configure<MetricsAccess>(builder.Configuration.GetSection("MonBureau:Observability"));
    }

    public static void MapProbes(this WebApplication app)
    {
        // "/health" is what the first deployments probe; it stays the liveness answer.
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks(Live, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks(Ready, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Telemetry.MetricsPath, StringComparison.Ordinal), metrics => metrics.Use(async (http, next) =>
        {
            var access = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsAccess>>().Value;
            if (!access.Allows(http.Connection.RemoteIpAddress))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(http);
        }));
        app.MapPrometheusScrapingEndpoint(Telemetry.MetricsPath);
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }, cancellationToken: http.RequestAborted);
    }
}
