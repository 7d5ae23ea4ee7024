using System.Globalization;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MonBureau.Application.Auditing;
using MonBureau.Host.Setup;
using Npgsql;

namespace MonBureau.Bench.Harness;

/// <summary>
/// The real application (its Program, on Kestrel) in this process, for <see cref="HostUnderTest"/>; with
/// <see cref="WithoutAccessRecording"/> its access log is replaced, in this wiring only, by one that records nothing,
/// so the cost of recording is measured by difference. The production host has no such switch.
/// </summary>
internal sealed class ServeHost : WebApplicationFactory<Program>
{
    public const string Verb = "serve-host";
    public const string WithoutAccessRecording = "--without-access-recording";

    private readonly bool _recording;

    private ServeHost(bool recording) => _recording = recording;

    public static async Task<int> RunAsync(string[] args)
    {
        JasperFxEnvironment.AutoStartHost = true;
        await using var factory = new ServeHost(!args.Contains(WithoutAccessRecording));
        factory.UseKestrel(int.Parse(Environment.GetEnvironmentVariable("BENCH_PORT")!, CultureInfo.InvariantCulture));
        factory.StartServer();
        await Task.Delay(Timeout.Infinite); // killed by the bench when its measures are done
        return 0;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (_recording)
            return;
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<AccessLog>();
            services.AddSingleton<AccessLog>(sp => new NotRecordingAccessLog(
                sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AccessLog>>(), PersistenceSetup.Schema));
        });
    }

    /// <summary>Completes every read at once without writing it: what the read path costs without the access history.</summary>
    private sealed class NotRecordingAccessLog(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<AccessLog> logger, string schema)
        : AccessLog(dataSource, clock, logger, schema)
    {
        public override Task RecordAsync(IReadOnlyList<AccessRecord> records) => Task.CompletedTask;
    }
}
