using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace MonBureau.Host.Tests;

/// <summary>The operator's backup and restore scripts (deploy/), run as an operator would, on a database of their own.</summary>
[Collection(FaultInjection.Name)]
public partial class BackupRestoreTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_backup_restores_into_a_fresh_database_where_the_app_serves_the_same_data_with_the_same_master_key()
    {
        var keys = new Dictionary<string, string> { ["MONBUREAU_MASTER_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        var source = await TestDatabase.CreateFreshAsync();
        SchoolScenario school;
        long events;
        await using (var before = new AppOnDatabase(source, keys))
        {
            await ((IAsyncLifetime)before).InitializeAsync();
            school = await SchoolScenario.CreateAsync(before, "Héloïse", "Sauvegarde");
            (await before.Client(school.TeacherToken).SendAsync("mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }", new
            {
                i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title = "Avant la sauvegarde", instructions = "p. 42", dueAt = before.Clock.GetUtcNow().AddDays(3) },
            })).Ok();
            events = await EventCountAsync(source);
        }

        var backup = Path.Combine(Path.GetTempPath(), $"monbureau-{Guid.NewGuid():N}.dump");
        try
        {
            await RunAsync("backup.sh", Uri(source), backup);
            var check = await RunAsync("restore-check.sh", backup, Uri(source), "--keep");
            var restored = new NpgsqlConnectionStringBuilder(source) { Database = ScratchDatabase().Match(check).Groups[1].Value }.ConnectionString;

            Assert.Equal(events, await EventCountAsync(restored));
            await using var after = new AppOnDatabase(restored, keys);
            await ((IAsyncLifetime)after).InitializeAsync();
            var student = after.Client(after.TokenFor(new Actor(school.StudentId, Role.Student, school.EstablishmentId)));
            var answer = (await student.SendAsync("{ me { givenName familyName } myHomework { nodes { title } } }")).Ok();
            Assert.Equal("Héloïse", answer["me"]!["givenName"]!.GetValue<string>());
            Assert.Equal("Avant la sauvegarde", answer["myHomework"]!["nodes"]![0]!["title"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(backup);
        }
    }

    [Fact]
    public async Task A_damaged_backup_fails_the_restore_check()
    {
        var source = await TestDatabase.CreateFreshAsync();
        var backup = Path.Combine(Path.GetTempPath(), $"monbureau-{Guid.NewGuid():N}.dump");
        await File.WriteAllTextAsync(backup, "PGDMP but not really");
        try
        {
            var (code, text) = await RunRawAsync("restore-check.sh", backup, Uri(source));

            Assert.NotEqual(0, code);
            Assert.DoesNotContain("restored into", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(backup);
        }
    }

    private static async Task<long> EventCountAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from monbureau.mt_events", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static string Uri(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{System.Uri.EscapeDataString(c.Username!)}:{System.Uri.EscapeDataString(c.Password ?? "")}@{c.Host}:{c.Port}/{c.Database}";
    }

    private async Task<string> RunAsync(string script, params string[] arguments)
    {
        var (code, text) = await RunRawAsync(script, arguments);
        Assert.True(code == 0, $"deploy/{script} failed ({code}):\n{text}");
        return text;
    }

    private async Task<(int Code, string Text)> RunRawAsync(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(Repository.Root, "deploy", script));
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await stdout + await stderr;
        output.WriteLine($"deploy/{script}: {text}");
        return (process.ExitCode, text);
    }

    [GeneratedRegex(@"restored into (\w+)")]
    private static partial Regex ScratchDatabase();
}
