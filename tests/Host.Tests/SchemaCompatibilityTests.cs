using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>
/// Front-ends in schools update late: the API only grows. src/Host/schema.graphql (the live schema, kept equal by the
/// snapshot test) is compared with the last release, src/Host/schema.released.graphql; a breaking change fails
/// unless src/Host/schema.breaking-changes.txt declares it, with its reason (docs/api-conventions.md).
/// </summary>
public class SchemaCompatibilityTests
{
    private static string HostFile(string name) => File.ReadAllText(Path.Combine(Repository.Root, "src", "Host", name));

    [Fact]
    public void The_schema_makes_no_undeclared_breaking_change_since_the_last_release()
    {
        var declared = HostFile("schema.breaking-changes.txt").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(" — ", 2)[0])
            .ToHashSet(StringComparer.Ordinal);

        var undeclared = SchemaCompatibility.BreakingChanges(HostFile("schema.released.graphql"), HostFile("schema.graphql"))
            .Where(change => !declared.Contains(change.Split(':', 2)[0]))
            .ToList();

        Assert.True(undeclared.Count == 0, "Breaking changes since the last release; deprecate instead, or declare them in schema.breaking-changes.txt:\n" + string.Join("\n", undeclared));
    }

    [Theory]
    [InlineData("type Query { a: Int b: String }", "type Query { a: Int }", "Query.b: removed")]
    [InlineData("type Query { a: Int }", "type Query { a: String }", "Query.a: Int became String")]
    [InlineData("type Query { a(x: Int): Int }", "type Query { a(x: Int, y: Int!): Int }", "Query.a(y): added as required")]
    [InlineData("input I { x: Int }", "input I { x: Int! }", "I.x: Int became required Int!")]
    [InlineData("enum E { A B }", "enum E { A }", "E.B: removed")]
    public void Removing_retyping_or_requiring_is_breaking(string released, string current, string expected) =>
        Assert.Contains(expected, SchemaCompatibility.BreakingChanges(released, current));

    [Fact]
    public void Adding_optional_things_is_not_breaking() =>
        Assert.Empty(SchemaCompatibility.BreakingChanges(
            "type Query { a(x: Int): Int } input I { x: Int } enum E { A }",
            "type Query { a(x: Int, y: Int): Int b: String c(id: ID!): Int } input I { x: Int y: Int = 1 } input J { x: Int! } enum E { A B } type T { z: Int }"));
}
