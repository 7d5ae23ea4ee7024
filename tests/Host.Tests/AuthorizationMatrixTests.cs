using System.Text;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Authorization;
using MonBureau.Host.GraphQL;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>
/// Generated from the schema: every query and mutation field is called over HTTP by every profile, and whether the
/// profile policy let it through is compared with the reviewed matrix in authorization-matrix.md. A new field, or a
/// changed policy, fails here until the matrix is updated on purpose (the received one is written next to it).
/// </summary>
[Collection(AppHost.Name)]
public class AuthorizationMatrixTests(AppFactory app)
{
    private static readonly Role[] Profiles = [.. Enum.GetValues<Role>().Where(r => r != Role.System)];

    [Fact]
    public void Every_query_mutation_and_subscription_field_declares_its_policy()
    {
        var schema = Schema();
        var undeclared = RootFields(schema)
            .Concat(schema.Subscription!.Fields.Select(f => (Name: $"Subscription.{f.Name}", Field: (IFieldType)f, Operation: "subscription")))
            .Where(f => FieldAccess.Decide(f.Field, isRootField: true, actor: null) == FieldAccessDecision.NoPolicyDeclared)
            .Select(f => f.Name)
            .ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public async Task The_profile_policy_of_every_field_matches_the_reviewed_matrix_and_meaningless_input_never_fails_internally()
    {
        var internalFailures = new List<string>();
        var establishmentId = Guid.CreateVersion7();
        var clients = new List<(string Label, GraphQLClient Client)> { ("anonymous", app.Client()) };
        clients.AddRange(Profiles.Select(role => (role.ToString(), app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), role, role == Role.RegionAdministrator ? null : establishmentId))))));

        var matrix = new StringBuilder("| field | ").AppendJoin(" | ", clients.Select(c => c.Label)).AppendLine(" |");
        matrix.Append("|---|").AppendJoin("", clients.Select(_ => "---|")).AppendLine();
        foreach (var (name, field, operation) in RootFields(Schema()))
        {
            matrix.Append("| ").Append(name).Append(" |");
            foreach (var (label, client) in clients)
            {
                var response = await client.SendAsync($"{operation} {{ {field.Name}{Arguments(field)}{Selection(field.ResolvedType!)} }}");
                if ((int)response.Status >= 500 || response.Errors?.Any(e => e?["extensions"]?["code"]?.GetValue<string>() == ErrorCodes.Internal) == true)
                    internalFailures.Add($"{name} as {label}");
                var denial = response.Errors?.FirstOrDefault(e => e?["extensions"]?["policy"]?.GetValue<string>() == "profile");
                matrix.Append(denial is null ? " allow |" : denial["extensions"]!["code"]!.GetValue<string>() == ErrorCodes.Unauthenticated ? " sign in |" : " — |");
            }

            matrix.AppendLine();
        }

        AssertMatchesReviewed(matrix.ToString());
        Assert.Empty(internalFailures);
    }

    [Fact]
    public async Task A_denied_attempt_is_itself_recorded_for_the_audit()
    {
        var student = new Actor(Guid.CreateVersion7(), Role.Student, Guid.CreateVersion7());

        (await app.Client(app.TokenFor(student)).SendAsync("{ classes { nodes { id } } }")).Errors!.ToString();

        await using var session = app.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var denied = Assert.Single(await session.Events.FetchStreamAsync(student.Id));
        Assert.Equal(new Domain.Auditing.AccessDenied(student.Id, Role.Student, student.EstablishmentId, "Query.classes", null, "ProfileNotAllowed"), denied.Data);
    }

    private MonBureauSchema Schema()
    {
        var schema = app.Services.GetRequiredService<MonBureauSchema>();
        schema.Initialize();
        return schema;
    }

    private static IEnumerable<(string Name, IFieldType Field, string Operation)> RootFields(MonBureauSchema schema) =>
        schema.Query.Fields.Select(f => ($"Query.{f.Name}", (IFieldType)f, "query"))
            .Concat(schema.Mutation!.Fields.Select(f => ($"Mutation.{f.Name}", (IFieldType)f, "mutation")))
            .OrderBy(f => f.Item1, StringComparer.Ordinal);

    private static string Arguments(IFieldType field) =>
        field.Arguments is { Count: > 0 } arguments ? $"({string.Join(", ", arguments.Select(a => $"{a.Name}: {Literal(a.ResolvedType!)}"))})" : "";

    /// <summary>A syntactically valid value of the type: the profile check runs before any business check.</summary>
    private static string Literal(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Literal(nonNull.ResolvedType!),
        ListGraphType list => $"[{Literal(list.ResolvedType!)}]",
        IdGraphType => $"\"{Guid.CreateVersion7()}\"",
        BooleanGraphType => "false",
        IntGraphType => "2026",
        DateTimeOffsetGraphType => "\"2030-01-01T08:00:00Z\"",
        TimeOnlyGraphType => "\"08:00:00\"",
        DateOnlyGraphType => "\"2030-01-01\"",
        DecimalGraphType => "20",
        FloatGraphType => "20",
        EnumerationGraphType enumeration => enumeration.Values.First().Name,
        IInputObjectGraphType input => $"{{ {string.Join(", ", input.Fields.Select(f => $"{f.Name}: {Literal(f.ResolvedType!)}"))} }}",
        _ => "\"x\"",
    };

    private static string Selection(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Selection(nonNull.ResolvedType!),
        ListGraphType list => Selection(list.ResolvedType!),
        IObjectGraphType => " { __typename }",
        _ => "",
    };

    private static void AssertMatchesReviewed(string received)
    {
        var path = Path.Combine(Repository.Root, "tests", "Host.Tests", "authorization-matrix.md");
        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        if (expected != received)
            File.WriteAllText(path + ".received", received);

        Assert.True(expected == received, $"The authorization matrix changed. Review {path}.received and copy it over {path} if intended.");
    }
}
