using System.Net;
using System.Text.Json.Nodes;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>What an operator's load balancer and Prometheus see.</summary>
[Collection(AppHost.Name)]
public class ObservabilityTests(AppFactory app)
{
    [Fact]
    public async Task Liveness_and_readiness_answer_with_what_was_checked()
    {
        var http = app.CreateClient();

        using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!;
        Assert.Equal("Healthy", checks["database"]!["status"]!.GetValue<string>());
        Assert.Equal(0, checks["background-work"]!["data"]!["projectionLag"]!.GetValue<long>());
    }

    [Fact]
    public async Task Prometheus_scrapes_request_and_database_metrics_and_no_secret_or_name_appears_in_them()
    {
        // A host of its own, as in production: the shared test host's scrape lost ASP.NET Core's meter in full runs,
        // where dozens of hosts come and go in one process (seen twice, never with this class alone).
        await using var own = new AppOnDatabase(await TestDatabase.CreateFreshAsync());
        await ((IAsyncLifetime)own).InitializeAsync();
        var school = await SchoolScenario.CreateAsync(own, "Canaridemetrique");
        (await own.Client(school.StudentToken).SendAsync("{ me { givenName } }")).Ok();

        var scrape = await ScrapeAsync(own);

        Assert.True(scrape.Contains("http_server_request_duration_seconds", StringComparison.Ordinal),
            $"No request metric in the scrape; metrics present: {string.Join(", ", scrape.Split('\n').Where(l => l.StartsWith("# TYPE", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]))}");
        Assert.Contains("db_client_", scrape, StringComparison.Ordinal);
        Assert.DoesNotContain("Canaridemetrique", scrape, StringComparison.Ordinal);
        Assert.DoesNotContain(school.StudentToken, scrape, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("203.0.113.7", HttpStatusCode.NotFound)]
    [InlineData("::ffff:198.51.100.20", HttpStatusCode.NotFound)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("::1", HttpStatusCode.OK)]
    public async Task Metrics_are_served_to_the_machine_itself_and_look_absent_from_any_other_address(string remoteAddress, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(TestRemoteAddress.Header, remoteAddress);

        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    private static async Task<string> ScrapeAsync(AppFactory host)
    {
        // The exporter caches a scrape briefly; a metric recorded just before may need the next one.
        for (var attempt = 0; ; attempt++)
        {
            var text = await host.CreateClient().GetStringAsync(new Uri("/metrics", UriKind.Relative));
            if (text.Contains("http_server_request_duration_seconds", StringComparison.Ordinal) || attempt == 20)
                return text;
            await Task.Delay(250);
        }
    }
}
