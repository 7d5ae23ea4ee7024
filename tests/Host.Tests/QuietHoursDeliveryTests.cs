using System.Text.Json.Nodes;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(MessagingHost.Name)]
public class QuietHoursDeliveryTests(MessagingAppFactory app)
{
    private const string Inbox = "{ inbox { nodes { id messages { body status deliveredAt } } } }";

    /// <summary>Held messages are delivered by a background job; give it a few polling rounds.</summary>
    internal static async Task<JsonArray> InboxOnceDeliveredAsync(GraphQLClient reader, int expected = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var inbox = (await reader.SendAsync(Inbox)).Ok()["inbox"]!["nodes"]!.AsArray();
            if (inbox.Count >= expected || DateTime.UtcNow > deadline)
                return inbox;
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_message_written_at_21_30_on_a_Tuesday_reaches_the_family_at_07_00_on_Wednesday()
    {
        var tuesdayEvening = app.MoveToNext(DayOfWeek.Tuesday, 21, 30);
        var family = await FamilyScenario.CreateAsync(app);
        var guardian = app.Client(family.GuardianToken);

        var sent = (await app.Client(family.School.TeacherToken).SendAsync(MessagingTests.Send, MessagingTests.To(family.GuardianId))).Ok()["sendMessage"]!["messageThread"]!;
        Assert.Equal("HELD", sent["messages"]![0]!["status"]!.GetValue<string>());
        await Task.Delay(TimeSpan.FromSeconds(3)); // the delivery job runs meanwhile and must keep holding it
        Assert.Empty((await guardian.SendAsync(Inbox)).Ok()["inbox"]!["nodes"]!.AsArray());

        var wednesdayMorning = app.MoveToNext(DayOfWeek.Wednesday, 7);
        var inbox = await InboxOnceDeliveredAsync(guardian);

        var message = Assert.Single(Assert.Single(inbox)!["messages"]!.AsArray())!;
        Assert.Equal("DELIVERED", message["status"]!.GetValue<string>());
        Assert.Equal(wednesdayMorning, message["deliveredAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(TimeSpan.FromHours(9.5), wednesdayMorning - tuesdayEvening);
    }

    [Fact]
    public async Task An_urgent_message_from_the_school_life_office_goes_through_quiet_hours_at_once_but_a_teacher_cannot_send_one()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 21, 30);
        var family = await FamilyScenario.CreateAsync(app);
        var urgent = new { i = new { subject = "Car annulé", body = "Le car de demain 7h est annulé.", urgent = true, recipients = new[] { new { kind = "PERSON", id = family.GuardianId } } } };

        Assert.Equal("FORBIDDEN", (await app.Client(family.School.TeacherToken).SendAsync(MessagingTests.Send, urgent)).FirstErrorCode);
        var sent = (await app.Client(family.CpeToken).SendAsync(MessagingTests.Send, urgent)).Ok()["sendMessage"]!["messageThread"]!;

        Assert.Equal("DELIVERED", sent["messages"]![0]!["status"]!.GetValue<string>());
        Assert.Single((await app.Client(family.GuardianToken).SendAsync(Inbox)).Ok()["inbox"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task A_message_scheduled_for_Thursday_morning_waits_for_that_time()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var guardian = app.Client(family.GuardianToken);
        var thursday = app.Clock.GetUtcNow().AddDays(2);
        var scheduled = new { i = new { subject = "Rappel", body = "Sortie vendredi : pensez au pique-nique.", sendAt = thursday, recipients = new[] { new { kind = "PERSON", id = family.GuardianId } } } };

        (await app.Client(family.School.TeacherToken).SendAsync(MessagingTests.Send, scheduled)).Ok();
        app.Clock.Advance(TimeSpan.FromDays(1));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty((await guardian.SendAsync(Inbox)).Ok()["inbox"]!["nodes"]!.AsArray());

        app.Clock.SetUtcNow(thursday);
        var message = Assert.Single(Assert.Single(await InboxOnceDeliveredAsync(guardian))!["messages"]!.AsArray())!;
        Assert.Equal(thursday, message["deliveredAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task A_scheduled_time_in_the_past_is_refused()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var past = new { i = new { subject = "Rappel", body = "…", sendAt = app.Clock.GetUtcNow().AddMinutes(-1), recipients = new[] { new { kind = "PERSON", id = family.GuardianId } } } };

        Assert.Equal("VALIDATION", (await app.Client(family.School.TeacherToken).SendAsync(MessagingTests.Send, past)).FirstErrorCode);
    }

    [Fact]
    public async Task The_head_of_school_moves_quiet_hours_to_19_00_08_00_and_a_message_at_19_30_waits_until_08_00()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        const string SetQuietHours = "mutation($i: QuietHoursInput!) { setQuietHours(input: $i) { messagingSettings { quietHours { start end wholeWeekend } } userErrors { code message } } }";
        var earlier = new { i = new { establishmentId = family.School.EstablishmentId, start = "19:00:00", end = "08:00:00", wholeWeekend = true } };

        Assert.Equal("FORBIDDEN", (await app.Client(family.CpeToken).SendAsync(SetQuietHours, earlier)).FirstErrorCode);
        var set = (await app.Client(family.DirectionToken).SendAsync(SetQuietHours, earlier)).Ok()["setQuietHours"]!["messagingSettings"]!["quietHours"]!;
        Assert.Equal("19:00:00", set["start"]!.GetValue<string>());

        app.MoveToNext(DayOfWeek.Tuesday, 19, 30);
        var sent = (await app.Client(family.School.TeacherToken).SendAsync(MessagingTests.Send, MessagingTests.To(family.GuardianId))).Ok()["sendMessage"]!["messageThread"]!;
        Assert.Equal("HELD", sent["messages"]![0]!["status"]!.GetValue<string>());

        var eight = app.MoveToNext(DayOfWeek.Wednesday, 8);
        var message = Assert.Single(Assert.Single(await InboxOnceDeliveredAsync(app.Client(family.GuardianToken)))!["messages"]!.AsArray())!;
        Assert.Equal(eight, message["deliveredAt"]!.GetValue<DateTimeOffset>());
    }
}
