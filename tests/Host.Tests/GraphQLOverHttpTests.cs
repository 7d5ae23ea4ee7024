using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>The endpoint follows the GraphQL-over-HTTP specification; every error carries extensions.code.</summary>
[Collection(AppHost.Name)]
public class GraphQLOverHttpTests(AppFactory app)
{
    private async Task<(HttpStatusCode Status, string? ContentType, JsonNode Body)> PostRawAsync(string body, string contentType, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        return await ReadAsync(await app.CreateClient().SendAsync(request));
    }

    private static async Task<(HttpStatusCode, string?, JsonNode)> ReadAsync(HttpResponseMessage response) =>
        (response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);

    private static string? Code(JsonNode body) => body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    [Fact]
    public async Task Introspection_works_and_answers_in_the_graphql_response_media_type()
    {
        var (status, type, body) = await PostRawAsync("""{"query":"{ __schema { queryType { name } } }"}""", "application/json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/graphql-response+json", type);
        Assert.Equal("Query", body["data"]!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_query_over_GET_works()
    {
        var response = await app.CreateClient().GetAsync("/graphql?query=%7B__typename%7D");

        var (status, _, body) = await ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Query", body["data"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_mutation_over_GET_is_refused_with_405_and_Allow_POST()
    {
        var response = await app.CreateClient().GetAsync("/graphql?query=mutation%7B__typename%7D");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_syntax_error_is_a_400_with_the_graphql_response_media_type_but_a_200_with_plain_json()
    {
        var (graphqlStatus, _, graphqlBody) = await PostRawAsync("""{"query":"{ me { "}""", "application/json");
        var (jsonStatus, jsonType, jsonBody) = await PostRawAsync("""{"query":"{ me { "}""", "application/json", accept: "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, graphqlStatus);
        Assert.NotNull(Code(graphqlBody));
        Assert.Equal(HttpStatusCode.OK, jsonStatus);
        Assert.Equal("application/json", jsonType);
        Assert.NotNull(Code(jsonBody));
    }

    [Theory]
    [InlineData("not json at all", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"query": 42}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"variables": {}}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"query":"query($v: String) { __typename }","variables":{"v":"a","v":"b"}}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"query":"{ __typename }"}""", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task Malformed_requests_get_a_clear_coded_error_never_a_500(string body, string contentType, HttpStatusCode expected)
    {
        var (status, _, json) = await PostRawAsync(body, contentType);

        Assert.Equal(expected, status);
        Assert.Equal("VALIDATION", Code(json));
    }

    [Fact]
    public async Task A_client_accepting_neither_json_type_gets_406()
    {
        var (status, _, _) = await PostRawAsync("""{"query":"{ __typename }"}""", "application/json", accept: "text/html");

        Assert.Equal(HttpStatusCode.NotAcceptable, status);
    }

    [Fact]
    public async Task An_invalid_token_is_refused_with_401_and_UNAUTHENTICATED()
    {
        var response = await app.Client("not-a-real-token").SendAsync("{ me { givenName } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
    }

    [Fact]
    public async Task A_malformed_id_argument_is_a_coded_error()
    {
        var school = await SchoolScenario.CreateAsync(app);

        var response = await app.Client(school.TeacherToken).SendAsync("""{ classHomework(classId: "not-a-guid") { nodes { id } } }""");

        Assert.NotNull(response.FirstErrorCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.Status);
    }

    [Fact]
    public async Task Every_response_carries_a_correlation_id()
    {
        var response = await app.Client().SendAsync("{ __typename }");

        Assert.True(response.Http.Headers.TryGetValues("X-Correlation-Id", out var values));
        Assert.False(string.IsNullOrWhiteSpace(values!.Single()));
    }
}
