using System.Security.Cryptography;
using MonBureau.Host.Tests.Infrastructure;
using Npgsql;

namespace MonBureau.Host.Tests;

public class MessageDeliveryRestartTests
{
    [Fact]
    public async Task A_message_held_for_quiet_hours_survives_a_restart_of_the_host_and_is_delivered_exactly_once()
    {
        var database = await TestDatabase.CreateFreshAsync();
        var settings = new Dictionary<string, string>
        {
            ["MONBUREAU_MASTER_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["MONBUREAU_TOKEN_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["MonBureau:Messaging:LongestDeliveryWait"] = "00:00:01",
        };
        FamilyScenario family;
        Guid threadId;
        await using (var before = new AppOnDatabase(database, settings))
        {
            await ((IAsyncLifetime)before).InitializeAsync();
            before.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 17, 20, 30, 0, TimeSpan.Zero)); // Tuesday 21:30 in Paris
            family = await FamilyScenario.CreateAsync(before);
            var sent = (await before.Client(family.School.TeacherToken).SendAsync(MessagingTests.Send, MessagingTests.To(family.GuardianId))).Ok();
            threadId = Guid.Parse(sent["sendMessage"]!["messageThread"]!["id"]!.GetValue<string>());
            Assert.Equal("HELD", sent["sendMessage"]!["messageThread"]!["messages"]![0]!["status"]!.GetValue<string>());
        }

        await using var after = new AppOnDatabase(database, settings);
        await ((IAsyncLifetime)after).InitializeAsync();
        after.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 18, 6, 0, 0, TimeSpan.Zero)); // Wednesday 07:00 in Paris

        var inbox = await QuietHoursDeliveryTests.InboxOnceDeliveredAsync(after.Client(family.GuardianToken));
        Assert.Single(Assert.Single(inbox)!["messages"]!.AsArray());
        await Task.Delay(TimeSpan.FromSeconds(3)); // any duplicate job would have run by now
        Assert.Equal(1L, await DeliveriesAsync(database, threadId));
    }

    private static async Task<long> DeliveriesAsync(string database, Guid threadId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from monbureau.mt_events where stream_id = @id and type = 'message_delivered'", connection);
        command.Parameters.AddWithValue("id", threadId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
