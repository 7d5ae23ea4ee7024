using System.Net;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>A mutation retried with the same Idempotency-Key has exactly one effect and returns the same result.</summary>
[Collection(AppHost.Name)]
public class IdempotencyTests(AppFactory app)
{
    private const string CreateClass = "mutation($i: CreateClassInput!) { createClass(input: $i) { schoolClass { id name } userErrors { code message } } }";

    private Task<GraphQLResponse> CreateAsync(SchoolScenario school, string name, string key) =>
        app.Client(school.AdminToken).SendAsync(CreateClass, new { i = new { establishmentId = school.EstablishmentId, name } },
            request => request.Headers.Add("Idempotency-Key", key));

    private async Task<int> ClassCountAsync(SchoolScenario school) =>
        (await app.Client(school.AdminToken).SendAsync("{ classes { nodes { id } } }")).Ok()["classes"]!["nodes"]!.AsArray().Count;

    [Fact]
    public async Task A_retried_mutation_returns_the_first_result_and_creates_nothing_more()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var key = Guid.NewGuid().ToString();

        var first = await CreateAsync(school, "1re 2", key);
        var retry = await CreateAsync(school, "1re 2", key);

        Assert.Equal(first.Ok()["createClass"]!["schoolClass"]!["id"]!.GetValue<string>(), retry.Ok()["createClass"]!["schoolClass"]!["id"]!.GetValue<string>());
        Assert.True(retry.Http.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await ClassCountAsync(school));
    }

    [Fact]
    public async Task Concurrent_retries_have_exactly_one_effect()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CreateAsync(school, "Tle 5", key)));

        Assert.All(responses, r => Assert.True(r.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)r.Status}: {r.Body.ToJsonString()}"));
        Assert.Equal(2, await ClassCountAsync(school));
    }

    [Fact]
    public async Task The_same_key_for_a_different_request_is_refused()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var key = Guid.NewGuid().ToString();
        (await CreateAsync(school, "1re 3", key)).Ok();

        var reused = await CreateAsync(school, "1re 4", key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.Status);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", reused.FirstErrorCode);
        Assert.Equal(2, await ClassCountAsync(school));
    }
}
