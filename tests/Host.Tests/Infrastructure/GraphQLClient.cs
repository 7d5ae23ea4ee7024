using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MonBureau.Host.Tests.Infrastructure;

public sealed record GraphQLResponse(HttpStatusCode Status, JsonNode Body, HttpResponseMessage Http)
{
    public JsonNode? Data => Body["data"];

    public JsonArray? Errors => Body["errors"] as JsonArray;

    /// <summary>The user errors of the mutations in the response (ADR 0027): refusals told in a payload, not as top-level errors.</summary>
    public IReadOnlyList<JsonNode> UserErrors => Data is JsonObject data
        ? data.Select(root => root.Value is JsonObject payload ? payload["userErrors"] as JsonArray : null)
            .Where(errors => errors is not null).SelectMany(errors => errors!).OfType<JsonNode>().ToList()
        : [];

    /// <summary>The code the user sees first: a top-level error's, else a mutation's first user error's.</summary>
    public string? FirstErrorCode => Errors?[0]?["extensions"]?["code"]?.GetValue<string>() ?? FirstUserError?["code"]?.GetValue<string>();

    public string FirstErrorMessage => (Errors?[0] ?? FirstUserError)?["message"]?.GetValue<string>() ?? "";

    /// <summary>A fact the first error gives to recover (e.g. currentVersion, retryAfter): an extension, or the user error's field of that name.</summary>
    public JsonNode? FirstErrorExtension(string name) => Errors?[0]?["extensions"]?[name] ?? FirstUserError?[name];

    private JsonNode? FirstUserError => UserErrors is [var first, ..] ? first : null;

    /// <summary>The data, after asserting the operation succeeded without errors, top-level or user errors.</summary>
    public JsonNode Ok()
    {
        Assert.True(Status == HttpStatusCode.OK && Errors is null && UserErrors.Count == 0, $"Expected success, got {(int)Status}: {Body.ToJsonString()}");
        return Data!;
    }
}

public sealed class GraphQLClient(HttpClient http, string? token)
{
    public HttpClient Http { get; } = http;

    public async Task<GraphQLResponse> SendAsync(string query, object? variables = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        configure?.Invoke(request);
        var response = await Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? new JsonObject();
        return new GraphQLResponse(response.StatusCode, body, response);
    }
}
