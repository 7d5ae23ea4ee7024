using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Fuzzing;
using MonBureau.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MonBureau.Host.Tests;

/// <summary>The fuzzer gets a host of its own: its log must hold only what its own requests caused.</summary>
public sealed class FuzzingAppFactory : AppFactory;

[CollectionDefinition(Name)]
public sealed class FuzzingHost : ICollectionFixture<FuzzingAppFactory>
{
    public const string Name = "fuzzing";
}

/// <summary>
/// Thousands of generated and mangled operations, derived from the live schema, sent over HTTP by every kind of
/// caller. Set MONBUREAU_FUZZ_SEED and MONBUREAU_FUZZ_REQUESTS to replay or lengthen a run.
/// </summary>
[Collection(FuzzingHost.Name)]
public partial class HostileInputFuzzingTests(FuzzingAppFactory app, ITestOutputHelper output)
{
    private const int DefaultSeed = 20_261_128;
    private const int DefaultRequests = 2_000;
    private const int Workers = 4;

    [Fact]
    public async Task Thousands_of_hostile_requests_from_every_kind_of_caller_get_coded_errors_and_never_a_server_error()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("MONBUREAU_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var requests = int.TryParse(Environment.GetEnvironmentVariable("MONBUREAU_FUZZ_REQUESTS"), CultureInfo.InvariantCulture, out var n) ? n : DefaultRequests;
        var (callers, ids) = await CallersAsync();
        var schema = LiveSchema.From((await app.Client(callers[0].Token).SendAsync(LiveSchema.IntrospectionQuery)).Ok());
        var generator = new OperationGenerator(schema);
        var failures = new ConcurrentQueue<string>();
        var codes = new ConcurrentDictionary<string, int>();
        var logLinesBefore = app.Logs.Lines.Count;
        var started = DateTime.UtcNow;

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var knownIds = new List<string>(ids);
            var http = app.CreateClient();
            for (var i = worker; i < requests; i += Workers)
            {
                var random = new Random(HashCode.Combine(seed, i));
                var caller = callers[random.Next(callers.Length)];
                var operation = generator.Next(random, knownIds);
                var (status, text) = await SendAsync(http, random, operation, caller.Token);
                var problem = Check(status, text, codes);
                if (problem is not null)
                    failures.Enqueue($"#{i} as {caller.Name}: {problem}\n  query: {Shorten(operation.Query)}\n  variables: {Shorten(operation.VariablesJson)}\n  response {status}: {Shorten(text)}");
                foreach (Match id in GuidPattern().Matches(text))
                {
                    if (knownIds.Count < 400 && !knownIds.Contains(id.Value))
                        knownIds.Add(id.Value);
                }
            }
        })));

        var errorsLogged = app.Logs.Lines.Skip(logLinesBefore).Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).ToList();
        output.WriteLine($"Fuzzed {requests} requests with seed {seed} in {(DateTime.UtcNow - started).TotalSeconds:0.0} s; error codes: "
            + string.Join(", ", codes.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers (seed {seed}):\n" + string.Join("\n", failures.Take(8))
            + "\nerror-level log entries:\n" + string.Join("\n", errorsLogged.Take(5)));
        Assert.True(errorsLogged.Count == 0, $"{errorsLogged.Count} error-level log entries (seed {seed}):\n" + string.Join("\n", errorsLogged.Take(5).Select(Shorten)));
    }

    [Theory]
    [InlineData("query { classHomework(classId: 42) { nodes { id } } }", "VALIDATION")]
    [InlineData("mutation { assignHomework(input: {classId: \"00000000-0000-0000-0000-000000000001\", subject: \"x\", title: \"x\", instructions: \"a\\u0000b\", dueAt: \"2026-12-01T08:00:00Z\"}) { homework { id } userErrors { code message } } }", "VALIDATION")]
    [InlineData("mutation { assignHomework(input: {classId: \"00000000-0000-0000-0000-000000000001\", subject: \"x\", title: \"\\ud800\", instructions: \"x\", dueAt: \"2026-12-01T08:00:00Z\"}) { homework { id } userErrors { code message } } }", "VALIDATION")]
    public async Task Input_that_once_failed_inside_the_server_is_refused_with_a_code(string mutation, string code)
    {
        var teacher = app.TokenFor(new Actor(Guid.CreateVersion7(), Role.Teacher, Guid.CreateVersion7()));

        var response = await app.Client(teacher).SendAsync(mutation);

        Assert.Equal(code, response.FirstErrorCode);
    }

    [Fact]
    public async Task A_document_nested_past_the_parser_s_limit_is_a_syntax_error_by_POST_and_by_GET()
    {
        var deep = "query { classHomework(classId: " + string.Concat(Enumerable.Repeat("{a: [", 150)) + "1" + string.Concat(Enumerable.Repeat("]}", 150)) + ") { nodes { id } } }";

        var posted = await app.Client().SendAsync(deep);
        using var got = await app.CreateClient().GetAsync("/graphql?query=" + Uri.EscapeDataString(deep));

        Assert.Equal("SYNTAX_ERROR", posted.FirstErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, got.StatusCode);
        Assert.Contains("SYNTAX_ERROR", await got.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idempotency_key_with_control_characters_is_refused_before_anything_is_stored()
    {
        var response = await app.Client().SendAsync("mutation { startSecondFactorEnrollment { otpauthUri userErrors { code message } } }", configure: r => r.Headers.TryAddWithoutValidation("Idempotency-Key", "key\u0001"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("VALIDATION", response.FirstErrorCode);
    }

    private async Task<((string Name, string? Token)[] Callers, List<string> Ids)> CallersAsync()
    {
        var family = await FamilyScenario.CreateAsync(app);
        var school = family.School;
        var teacher = app.Client(school.TeacherToken);
        var homework = (await teacher.SendAsync("mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }", new
        {
            i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title = "Exercices", instructions = "p. 12", dueAt = app.Clock.GetUtcNow().AddDays(3) },
        })).Ok()["assignHomework"]!["homework"]!["id"]!.GetValue<string>();
        var thread = (await teacher.SendAsync(MessagingTests.Send, MessagingTests.To(family.GuardianId))).Ok()["sendMessage"]!["messageThread"]!["id"]!.GetValue<string>();
        string Token(Guid id, Role role, Guid? establishment) => app.TokenFor(new Actor(id, role, establishment));
        var e = school.EstablishmentId;
        (string, string?)[] callers =
        [
            ("teacher", school.TeacherToken),
            ("anonymous", null),
            ("region administrator", Token(Guid.CreateVersion7(), Role.RegionAdministrator, null)),
            ("establishment administrator", school.AdminToken),
            ("other teacher", family.OtherTeacherToken),
            ("student", school.StudentToken),
            ("guardian", family.GuardianToken),
            ("school-life office", family.CpeToken),
            ("direction", family.DirectionToken),
            ("privacy officer", Token(Guid.CreateVersion7(), Role.PrivacyOfficer, e)),
            ("teacher of another establishment", Token(Guid.CreateVersion7(), Role.Teacher, Guid.CreateVersion7())),
            ("forged token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."),
        ];
        List<string> ids =
        [
            .. new[] { e, school.ClassId, school.TeacherId, school.StudentId, family.GuardianId, family.CpeId, family.OtherClassId, family.OtherTeacherId, family.OtherGuardianId }
                .Select(g => g.ToString()),
            homework,
            thread,
        ];
        return (callers, ids);
    }

    private static async Task<(int Status, string Text)> SendAsync(HttpClient http, Random random, FuzzOperation operation, string? token)
    {
        using var request = random.NextDouble() < 0.05
            ? new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(operation.Query)
                + "&variables=" + Uri.EscapeDataString(operation.VariablesJson))
            : new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(operation.Body(random), Encoding.UTF8, "application/json") };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (random.NextDouble() < 0.02)
            request.Headers.TryAddWithoutValidation("Idempotency-Key", HostileValues.Strings[random.Next(HostileValues.Strings.Length)]);
        try
        {
            using var response = await http.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (500, $"the server threw {e.GetType().Name}: {e.Message}"); // the in-memory server rethrows what a real one answers with 500
        }
    }

    /// <summary>What is wrong with an answer, or null when it is a proper GraphQL answer.</summary>
    private static string? Check(int status, string text, ConcurrentDictionary<string, int> codes)
    {
        if (status >= 500)
            return $"server error {status}";
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return "the body is not JSON";
        }

        if (body is not JsonObject answer || (!answer.ContainsKey("data") && !answer.ContainsKey("errors")))
            return "not a GraphQL response";
        foreach (var error in answer["errors"] as JsonArray ?? [])
        {
            if (error?["extensions"]?["code"] is not JsonValue code || code.GetValue<string>() is not { Length: > 0 } value)
                return "an error without extensions.code";
            codes.AddOrUpdate(value, 1, (_, c) => c + 1);
            if (value == ErrorCodes.Internal)
                return "an INTERNAL error";
        }

        return null;
    }

    private static string Shorten(string text) => text.Length > 600 ? text[..600] + $"… ({text.Length} chars)" : text;

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();
}
