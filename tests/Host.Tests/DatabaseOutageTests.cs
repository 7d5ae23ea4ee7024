using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MonBureau.Host.Database;
using MonBureau.Host.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace MonBureau.Host.Tests;

/// <summary>PostgreSQL stopped and started again under load, on a cluster of this test's own so no other test notices.</summary>
[Collection(FaultInjection.Name)]
public class DatabaseOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task While_PostgreSQL_restarts_the_API_answers_503_with_Retry_After_and_it_recovers_without_a_host_restart()
    {
        await using var cluster = await DatabaseSelection.ResolveAsync(new ConfigurationBuilder().Build(), NullLogger.Instance, persistentDataDirectory: null, CancellationToken.None);
        await using var app = new AppOnDatabase(cluster.ConnectionString);
        await ((IAsyncLifetime)app).InitializeAsync();
        var school = await SchoolScenario.CreateAsync(app);
        var teacher = app.Client(school.TeacherToken);
        var (pgCtl, dataDirectory) = await ServerAsync(cluster.ConnectionString);
        var answers = new ConcurrentQueue<(string Phase, HttpStatusCode Status, string? Code, bool RetryAfter)>();
        var phase = "before";

        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var response = n % 2 == 0
                    ? await teacher.SendAsync("query($c: ID!) { classHomework(classId: $c) { nodes { id } } }", new { c = school.ClassId })
                    : await teacher.SendAsync("mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }", new
                    {
                        i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title = $"Pendant la panne {w}-{n}", instructions = "x", dueAt = app.Clock.GetUtcNow().AddDays(2) },
                    });
                answers.Enqueue((phase, response.Status, response.FirstErrorCode, response.Http.Headers.RetryAfter is not null));
                await Task.Delay(50);
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1));
        phase = "outage";
        await PgCtlAsync(pgCtl, "-D", dataDirectory, "-m", "fast", "-w", "stop");
        var probes = app.CreateClient();
        var readyDuring = (await probes.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode;
        var liveDuring = (await probes.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode;
        await Task.Delay(TimeSpan.FromSeconds(4));
        await PgCtlAsync(pgCtl, "-D", dataDirectory, "-w", "restart"); // starts again with the options it was started with
        phase = "after";
        var recovered = Stopwatch.StartNew();
        while (recovered.Elapsed < TimeSpan.FromSeconds(30) && answers.Count(a => a.Phase == "after" && a.Status == HttpStatusCode.OK) < 6)
            await Task.Delay(200);
        await stop.CancelAsync();
        await Task.WhenAll(load);
        var readyAfter = (await probes.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode;

        var during = answers.Where(a => a.Phase == "outage").ToList();
        output.WriteLine($"{answers.Count} requests: {during.Count} during the outage ({during.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} answered 503), recovered in {recovered.Elapsed.TotalSeconds:0.0} s");
        Assert.Contains(during, a => a.Status == HttpStatusCode.ServiceUnavailable);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status);
            Assert.Equal("UNAVAILABLE", a.Code);
            Assert.True(a.RetryAfter, "a 503 says when to retry");
        });
        Assert.True(answers.Count(a => a.Phase == "after" && a.Status == HttpStatusCode.OK) >= 6, "reads and writes succeed again without restarting the host");
        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.OK), (readyDuring, liveDuring, readyAfter));
    }

    private static async Task<(string PgCtl, string DataDirectory)> ServerAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select (select setting from pg_config where name = 'BINDIR'), current_setting('data_directory')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (Path.Combine(reader.GetString(0), "pg_ctl"), reader.GetString(1));
    }

    /// <summary>PostgreSQL refuses to run as root: the cluster then belongs to the postgres user (LocalCluster).</summary>
    private static async Task PgCtlAsync(string pgCtl, params string[] arguments)
    {
        var asRoot = Environment.UserName == "root";
        var info = new ProcessStartInfo(asRoot ? "runuser" : pgCtl) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (asRoot ? ["-u", "postgres", "--", pgCtl] : Array.Empty<string>()).Concat(arguments))
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_ctl {string.Join(' ', arguments)} failed: {await error}");
    }
}
