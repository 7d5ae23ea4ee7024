using System.Collections.Concurrent;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace MonBureau.Host.Tests;

/// <summary>
/// Fault tests start processes and servers of their own: one at a time, so together they never take the machine from
/// the rest of the suite.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultInjection
{
    public const string Name = "fault-injection";
}

/// <summary>The host as a real process, killed with SIGKILL under a write load, then restarted on the same database.</summary>
[Collection(FaultInjection.Name)]
public class CrashSafetyTests(ITestOutputHelper output)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task A_host_killed_under_load_loses_no_acknowledged_write_and_delivers_its_held_message_exactly_once_after_restart()
    {
        var database = await TestDatabase.CreateFreshAsync();
        var keys = HostKeys.Random();
        var settings = new Dictionary<string, string> { ["MonBureau:Messaging:LongestDeliveryWait"] = "00:00:01" };
        var acknowledged = new ConcurrentBag<Guid>();
        SchoolScenario school;
        Guid threadId;

        await using (var first = await HostProcess.StartAsync(database, keys, settings))
        {
            school = await SchoolScenario.CreateAsync(first.Client, keys.TokenFor);
            threadId = await SendHeldMessageAsync(first, school, keys, TimeSpan.FromSeconds(15));

            using var load = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => WriteHomeworkAsync(first.Client(school.TeacherToken), school.ClassId, w, acknowledged, load.Token)).ToList();
            await Task.Delay(TimeSpan.FromSeconds(5));
            Assert.Equal(0L, await CountAsync(database, "select count(*) from monbureau.mt_events where stream_id = @id and type = 'message_delivered'", threadId));
            first.Kill(); // mid-load: requests are in flight
            await load.CancelAsync();
            await Task.WhenAll(writers);
        }

        Assert.True(acknowledged.Count >= 5, $"the load should have been acknowledged several times, got {acknowledged.Count}");
        await using var second = await HostProcess.StartAsync(database, keys, settings);

        var ids = acknowledged.ToArray();
        Assert.Equal(ids.Length, await CountAsync(database, "select count(distinct stream_id) from monbureau.mt_events where type = 'homework_assigned' and stream_id = any(@id)", ids));
        Assert.Equal(ids.Length, await CountAsync(database, "select count(*) from monbureau.mt_doc_homeworkdetails where id = any(@id)", ids));
        var readable = new HashSet<Guid>();
        string? after = null;
        do
        {
            var page = (await second.Client(school.TeacherToken).SendAsync(
                "query($c: ID!, $a: String) { classHomework(classId: $c, first: 100, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } }",
                new { c = school.ClassId, a = after })).Ok()["classHomework"]!;
            readable.UnionWith(page["nodes"]!.AsArray().Select(h => Guid.Parse(h!["id"]!.GetValue<string>())));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Subset(readable, ids.ToHashSet());

        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (DateTime.UtcNow < deadline && await DeliveriesAsync(database, threadId) == 0)
            await Task.Delay(500);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a duplicate delivery would have run by now
        Assert.Equal(1L, await DeliveriesAsync(database, threadId));
        output.WriteLine($"{ids.Length} acknowledged writes before SIGKILL, {ids.Length} found after restart; held message delivered once.");
    }

    /// <summary>Quiet hours that end <paramref name="in"/> from now (the real process runs on the wall clock), then a message that is held until then.</summary>
    private static async Task<Guid> SendHeldMessageAsync(HostProcess host, SchoolScenario school, HostKeys keys, TimeSpan @in)
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris);
        var admin = host.Client(keys.TokenFor(new Actor(Guid.CreateVersion7(), Role.EstablishmentAdministrator, school.EstablishmentId)));
        (await admin.SendAsync("mutation($i: QuietHoursInput!) { setQuietHours(input: $i) { messagingSettings { __typename } userErrors { code message } } }", new
        {
            i = new { establishmentId = school.EstablishmentId, start = TimeOnly.FromDateTime(now.AddMinutes(-5).DateTime).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), end = TimeOnly.FromDateTime(now.Add(@in).DateTime).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), wholeWeekend = false },
        })).Ok();
        var sent = (await host.Client(school.TeacherToken).SendAsync(MessagingTests.Send, MessagingTests.To(school.StudentId))).Ok()["sendMessage"]!["messageThread"]!;
        Assert.Equal("HELD", sent["messages"]![0]!["status"]!.GetValue<string>());
        return Guid.Parse(sent["id"]!.GetValue<string>());
    }

    private static async Task WriteHomeworkAsync(GraphQLClient teacher, Guid classId, int writer, ConcurrentBag<Guid> acknowledged, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                var response = await teacher.SendAsync("mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }", new
                {
                    i = new { classId, subject = SchoolScenario.Subject, title = $"Charge {writer}-{n}", instructions = "Exercices", dueAt = DateTimeOffset.UtcNow.AddDays(7) },
                });
                if (response.FirstErrorCode is null && response.Data?["assignHomework"]?["homework"]?["id"] is { } id)
                    acknowledged.Add(Guid.Parse(id.GetValue<string>()));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                return; // the host is gone: this request was never acknowledged
            }
        }
    }

    private static Task<long> DeliveriesAsync(string database, Guid threadId) =>
        CountAsync(database, "select count(*) from monbureau.mt_events where stream_id = @id and type = 'message_delivered'", threadId);

    private static async Task<long> CountAsync(string database, string sql, object id)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
