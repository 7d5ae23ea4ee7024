using System.Net;
using System.Text;
using MonBureau.Host.GraphQL;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>Over-limit requests get a clear coded error, never a 500 (default limits).</summary>
[Collection(AppHost.Name)]
public class GraphQLLimitTests(AppFactory app)
{
    [Fact]
    public async Task A_huge_query_document_is_refused()
    {
        var response = await app.Client().SendAsync("{ __typename " + new string(' ', 40_000) + "}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(LimitCodes.DocumentTooLarge, response.FirstErrorCode);
    }

    [Fact]
    public async Task Too_many_aliases_are_refused()
    {
        var aliases = string.Join(' ', Enumerable.Range(0, 31).Select(i => $"a{i}: __typename"));

        var response = await app.Client().SendAsync($"{{ {aliases} }}");

        Assert.Equal(AliasLimitRule.Code, response.FirstErrorCode);
    }

    [Fact]
    public async Task Too_deep_a_query_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("__schema { types { fields { type { ofType { ", 4)) + "name" + new string('}', 20);

        var response = await app.Client().SendAsync($"{{ {deep} }}");

        Assert.NotNull(response.FirstErrorCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.Status);
    }

    [Fact]
    public async Task A_batch_is_refused_with_its_own_code()
    {
        using var content = new StringContent("""[{"query":"{ __typename }"},{"query":"{ __typename }"}]""", Encoding.UTF8, "application/json");

        var response = await app.CreateClient().PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(LimitCodes.BatchNotSupported, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413()
    {
        var padding = new string('x', 5 * 1024 * 1024);
        using var content = new StringContent("{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"" + padding + "\"}}", Encoding.UTF8, "application/json");

        var response = await app.CreateClient().PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(LimitCodes.RequestTooLarge, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>A production-like endpoint: no introspection, only the front-ends' registered operations.</summary>
public sealed class LockedDownApp() : AppFactory(new Dictionary<string, string>
{
    ["MonBureau:GraphQL:Introspection"] = "false",
    ["MonBureau:GraphQL:PersistedOperationsFile"] = PersistedFile.Value,
})
{
    public const string Allowed = "{ __typename }";

    private static readonly Lazy<string> PersistedFile = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"monbureau-persisted-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { [PersistedOperations.Hash(Allowed)] = Allowed }));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    });
}

public class LockedDownEndpointTests(LockedDownApp app) : IClassFixture<LockedDownApp>
{
    [Fact]
    public async Task Only_registered_operations_run_by_document_or_by_hash()
    {
        var byDocument = await app.Client().SendAsync(LockedDownApp.Allowed);
        var hashOnly = "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + PersistedOperations.Hash(LockedDownApp.Allowed) + "\"}}}";
        var byHash = await app.Client().SendAsync(null!, configure: r => r.Content = new StringContent(hashOnly, Encoding.UTF8, "application/json"));
        var other = await app.Client().SendAsync("{ me { id } }");

        Assert.Equal("Query", byDocument.Ok()["__typename"]!.GetValue<string>());
        Assert.Equal("Query", byHash.Ok()["__typename"]!.GetValue<string>());
        Assert.Equal(LimitCodes.OperationNotAllowed, other.FirstErrorCode);
    }
}

/// <summary>Introspection switched off while everything else works.</summary>
public sealed class NoIntrospectionApp() : AppFactory(new Dictionary<string, string> { ["MonBureau:GraphQL:Introspection"] = "false" });

public class IntrospectionSwitchTests(NoIntrospectionApp app) : IClassFixture<NoIntrospectionApp>
{
    [Fact]
    public async Task Introspection_can_be_switched_off()
    {
        var response = await app.Client().SendAsync("{ __schema { queryType { name } } }");

        Assert.NotNull(response.FirstErrorCode);
        Assert.Null(response.Data?["__schema"]);
        Assert.Equal("Query", (await app.Client().SendAsync("{ __typename }")).Ok()["__typename"]!.GetValue<string>());
    }
}

/// <summary>A request that runs past the time limit is stopped with a coded error (a zero limit makes every request late).</summary>
public sealed class ImpatientApp() : AppFactory(new Dictionary<string, string> { ["MonBureau:GraphQL:Timeout"] = "00:00:00" });

public class RequestTimeoutTests(ImpatientApp app) : IClassFixture<ImpatientApp>
{
    [Fact]
    public async Task A_request_over_the_time_limit_gets_TIMEOUT_and_never_a_500()
    {
        // Thousands of fields to resolve: the executor meets the expired limit whatever the machine's speed.
        var response = await app.Client().SendAsync(Fuzzing.LiveSchema.IntrospectionQuery);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.Status);
        Assert.Equal(LimitCodes.Timeout, response.FirstErrorCode);
    }

    [Fact]
    public async Task An_import_has_its_own_longer_allowance_and_is_not_cut_by_the_request_limit()
    {
        var administrator = app.TokenFor(new MonBureau.Application.Auditing.Actor(Guid.CreateVersion7(), MonBureau.Domain.Common.Role.RegionAdministrator, null));

        var response = await app.Client(administrator).SendAsync(
            "mutation($i: ImportStudentRosterInput!) { importStudentRoster(input: $i) { importReport { changes } userErrors { code message } } }",
            new { i = new { establishmentId = Guid.CreateVersion7(), csv = "not a roster" } });

        Assert.NotEqual(LimitCodes.Timeout, response.FirstErrorCode);
        Assert.NotNull(response.FirstErrorCode); // answered on its merits: no such establishment, not a roster
    }
}
