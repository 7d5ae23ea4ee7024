using GraphQL;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Host.GraphQL;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>
/// The published schema is src/Host/schema.graphql. A change to the API fails here until the file is updated on
/// purpose: the received schema is written next to it (schema.graphql.received) to review and copy over.
/// </summary>
[Collection(AppHost.Name)]
public class SchemaSnapshotTests(AppFactory app)
{
    [Fact]
    public void The_schema_matches_the_committed_snapshot()
    {
        var schema = app.Services.GetRequiredService<MonBureauSchema>();
        schema.Initialize();
        var received = schema.Print(new PrintOptions { StringComparison = StringComparison.Ordinal }).ReplaceLineEndings("\n").TrimEnd() + "\n";

        var path = Path.Combine(Repository.Root, "src", "Host", "schema.graphql");
        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        if (expected != received)
            File.WriteAllText(path + ".received", received);

        Assert.True(expected == received, $"The GraphQL schema changed. Review {path}.received and copy it over {path} if the change is intended.");
    }

    [Fact]
    public void Every_type_and_field_of_the_API_is_described()
    {
        var schema = app.Services.GetRequiredService<MonBureauSchema>();
        schema.Initialize();
        var undescribed = schema.AllTypes
            .Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not global::GraphQL.Types.ScalarGraphType)
            .SelectMany(t => (t.Description is null ? [t.Name] : Array.Empty<string>())
                .Concat(t is global::GraphQL.Types.IComplexGraphType complex
                    ? complex.Fields.Where(f => string.IsNullOrWhiteSpace(f.Description)).Select(f => $"{t.Name}.{f.Name}")
                    : []))
            .ToList();

        Assert.Empty(undescribed);
    }
}
