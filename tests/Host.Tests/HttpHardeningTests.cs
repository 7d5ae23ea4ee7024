using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

public sealed class FrontEndApp() : AppFactory(new Dictionary<string, string> { ["MonBureau:Cors:AllowedOrigins:0"] = "https://ent.example.fr" });

public class HttpHardeningTests(FrontEndApp app) : IClassFixture<FrontEndApp>
{
    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await app.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task Only_the_configured_front_end_may_call_the_API_from_a_browser()
    {
        var allowed = await PreflightAsync("https://ent.example.fr");
        var other = await PreflightAsync("https://evil.example.com");

        Assert.Equal("https://ent.example.fr", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Responses_are_neither_cached_framed_nor_sniffed()
    {
        var response = await app.Client().SendAsync("{ __typename }");

        Assert.Equal("nosniff", response.Http.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Http.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("no-store", response.Http.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Http.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
