using System.Diagnostics;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MonBureau.Host.Observability;

/// <summary>
/// OpenTelemetry traces and metrics for ASP.NET Core, Npgsql, Marten and Wolverine; exported by OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set, and always scrapeable by Prometheus at /metrics (docs/operations.md).
/// </summary>
internal static class Telemetry
{
    public const string ServiceName = "monbureau";
    public const string MetricsPath = "/metrics";

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation(options =>
                    {
                        options.Filter = http => !Probes.IsProbe(http.Request.Path);
                        options.EnrichWithHttpRequest = (activity, _) => KeepOnlyTheRoute(activity);
                    })
                    .AddNpgsql()
                    .AddSource("Marten", "Wolverine");
                if (otlp)
                    tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter("Marten", "Wolverine*")
                    .AddPrometheusExporter(options => options.ScrapeEndpointPath = MetricsPath);
                if (otlp)
                    metrics.AddOtlpExporter();
            });
    }

    /// <summary>
    /// A path or query can carry a secret (a calendar feed's address) or personal data (a GET operation's
    /// variables); spans name the route template instead, which is what dashboards group by anyway.
    /// </summary>
    private static void KeepOnlyTheRoute(Activity activity)
    {
        activity.SetTag("url.query", null);
        activity.SetTag("url.path", null);
    }
}
