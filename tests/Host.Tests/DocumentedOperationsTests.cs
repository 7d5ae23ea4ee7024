using System.Text.RegularExpressions;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>The examples a newcomer copies from docs/api.md are valid against the schema the server serves.</summary>
[Collection(AppHost.Name)]
public partial class DocumentedOperationsTests(AppFactory app)
{
    // Sent without a token: a valid operation gets no further than sign-in (or signs in, when another test opened
    // that account), an invalid one fails validation first.
    private static readonly string?[] AnswersToAValidOperation = [null, "UNAUTHENTICATED", "INVALID_CREDENTIALS", "ACCOUNT_LOCKED"];

    public static TheoryData<string> Operations()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "docs", "api.md"));
        var data = new TheoryData<string>();
        foreach (Match block in GraphQLBlock().Matches(text))
            data.Add(block.Groups[1].Value);
        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_documented_operation_is_valid(string operation)
    {
        var response = await app.Client().SendAsync(operation);

        Assert.True(AnswersToAValidOperation.Contains(response.FirstErrorCode),
            $"{response.FirstErrorCode}: {response.FirstErrorMessage}\n{operation}");
    }

    [Fact]
    public void The_page_has_examples_for_every_profile() => Assert.True(Operations().Count >= 15);

    [GeneratedRegex("```graphql\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphQLBlock();
}
