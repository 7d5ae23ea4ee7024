using System.Net;
using System.Text.Json.Nodes;
using MonBureau.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MonBureau.Host.Tests;

[Collection(BrowserHost.Name)]
public class GraphiQLBrowserTests(BrowserAppFactory app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_student_pastes_their_token_in_GraphiQL_runs_a_query_and_sees_their_own_name()
    {
        var school = await SchoolScenario.CreateAsync(app, studentGivenName: "Inès");
        var page = new Uri(app.Address, "/graphql?query=" + WebUtility.UrlEncode("{ me { givenName } }"));
        var screenshot = Path.Combine(Chromium.ArtifactsFolder, "graphiql.png");
        File.Delete(screenshot);

        var (exitCode, text) = await Chromium.RunScriptAsync("graphiql.mjs", page.ToString(), school.StudentToken, "Inès", screenshot);

        output.WriteLine(text);
        Assert.True(exitCode == 0, text);
        var report = JsonNode.Parse(text.Split('\n').Last(l => l.StartsWith('{')))!;
        Assert.Contains("\"givenName\": \"Inès\"", report["response"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(File.Exists(screenshot), "the screenshot is kept as an artefact");
        // Everything the page loaded came from the host itself (schools' networks filter CDNs), and nothing broke its policy.
        Assert.All(report["requests"]!.AsArray(), r => Assert.StartsWith(app.Address.GetLeftPart(UriPartial.Authority), r!.GetValue<string>(), StringComparison.Ordinal));
        Assert.DoesNotContain(report["console"]!.AsArray(), m => m!.GetValue<string>().Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_browser_opening_the_endpoint_gets_GraphiQL_under_a_policy_that_allows_only_the_host_itself()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        using var script = await client.GetAsync(new Uri("/graphql/ide/graphiql.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script src=\"/graphql/ide/graphiql.js\"></script>", html, StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }
}
