using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>The operator's command line, run as the built host binary the way an operator types it.</summary>
[Collection(FaultInjection.Name)]
public class OperatorCommandTests
{
    private readonly HostKeys _keys = HostKeys.Random();

    [Fact]
    public async Task Help_lists_every_verb_and_each_verb_explains_itself_without_a_database()
    {
        var (listed, list) = await HostProcess.RunVerbAsync(null, _keys, "help");
        var (helped, help) = await HostProcess.RunVerbAsync(null, _keys, "retention-purge", "--help");

        Assert.Equal(0, listed);
        foreach (var verb in new[] { "import-roster", "import-schedule", "region-admin", "verify-access-history", "retention-purge", "rebuild-indicators", "status", "generate" })
            Assert.Contains(verb, list, StringComparison.Ordinal);
        Assert.Equal(0, helped);
        Assert.Contains("usage: retention-purge [--dry-run]", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_call_prints_the_usage_and_exits_2()
    {
        var (code, output) = await HostProcess.RunVerbAsync(null, _keys, "retention-purge", "--everything");

        Assert.Equal(2, code);
        Assert.Contains("usage: retention-purge [--dry-run]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_and_verification_run_against_the_database_and_exit_0_when_all_is_well()
    {
        var database = await TestDatabase.CreateFreshAsync();

        var (status, report) = await HostProcess.RunVerbAsync(database, _keys, "status");
        var (verified, verification) = await HostProcess.RunVerbAsync(database, _keys, "verify-access-history");

        Assert.True(status == 0, report);
        Assert.Contains("projectionLag: 0", report, StringComparison.Ordinal);
        Assert.True(verified == 0, verification);
        Assert.Contains("intact", verification, StringComparison.Ordinal);
    }
}
