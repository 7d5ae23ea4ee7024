using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(MessagingHost.Name)]
public class NotificationTests(MessagingAppFactory app)
{
    private const string Notifications = "{ notifications { nodes { ids category kind summary count unread sourceIds } } unreadNotificationCount }";
    private const string Assign = "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }";

    private object Homework(FamilyScenario family, int n) => new
    {
        i = new { classId = family.School.ClassId, subject = SchoolScenario.Subject, title = $"Exercice {n}", instructions = "Page 84.", dueAt = app.Clock.GetUtcNow().AddDays(7) },
    };

    [Fact]
    public async Task Ten_homework_items_posted_at_once_notify_the_student_once_and_the_guardian_not_at_all_by_default()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var teacher = app.Client(family.School.TeacherToken);
        for (var n = 1; n <= 10; n++)
        {
            (await teacher.SendAsync(Assign, Homework(family, n))).Ok();
            app.Clock.Advance(TimeSpan.FromSeconds(20));
        }

        var student = (await app.Client(family.School.StudentToken).SendAsync(Notifications)).Ok();
        var group = Assert.Single(student["notifications"]!["nodes"]!.AsArray())!;
        Assert.Equal(10, group["count"]!.GetValue<int>());
        Assert.Equal("10 nouveaux travaux à faire de Claire Muller", group["summary"]!.GetValue<string>());
        Assert.Equal(10, group["sourceIds"]!.AsArray().Count);
        Assert.Equal(1, student["unreadNotificationCount"]!.GetValue<int>());
        Assert.Empty((await app.Client(family.GuardianToken).SendAsync(Notifications)).Ok()["notifications"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task A_guardian_who_asks_for_homework_notifications_gets_them_and_marking_them_read_clears_the_badge()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var guardian = app.Client(family.GuardianToken);
        var defaults = (await guardian.SendAsync("{ notificationPreferences { category preference chosen } }")).Ok()["notificationPreferences"]!.AsArray();
        Assert.Contains(defaults, p => p!["category"]!.GetValue<string>() == "HOMEWORK" && p["preference"]!.GetValue<string>() == "OFF");
        Assert.Contains(defaults, p => p!["category"]!.GetValue<string>() == "ABSENCES" && p["preference"]!.GetValue<string>() == "IMMEDIATELY");

        (await guardian.SendAsync("mutation { setNotificationPreference(category: HOMEWORK, preference: IMMEDIATELY) { notificationPreferenceSettings { category preference chosen } userErrors { code message } } }")).Ok();
        (await app.Client(family.School.TeacherToken).SendAsync(Assign, Homework(family, 1))).Ok();

        var group = Assert.Single((await guardian.SendAsync(Notifications)).Ok()["notifications"]!["nodes"]!.AsArray())!;
        Assert.Equal("Nouveau travail à faire de Claire Muller", group["summary"]!.GetValue<string>());
        Assert.Equal(1, (await guardian.SendAsync("mutation { markNotificationsRead { markedCount userErrors { code message } } }")).Ok()["markNotificationsRead"]!["markedCount"]!.GetValue<int>());
        Assert.Equal(0, (await guardian.SendAsync(Notifications)).Ok()["unreadNotificationCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_message_notifies_its_recipients_when_it_is_delivered_not_while_it_is_held()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 21, 30);
        var family = await FamilyScenario.CreateAsync(app);
        var guardian = app.Client(family.GuardianToken);

        (await app.Client(family.School.TeacherToken).SendAsync(MessagingTests.Send, MessagingTests.To(family.GuardianId))).Ok();
        Assert.Empty((await guardian.SendAsync(Notifications)).Ok()["notifications"]!["nodes"]!.AsArray());

        app.MoveToNext(DayOfWeek.Wednesday, 7);
        await QuietHoursDeliveryTests.InboxOnceDeliveredAsync(guardian);
        var group = Assert.Single((await guardian.SendAsync(Notifications)).Ok()["notifications"]!["nodes"]!.AsArray())!;
        Assert.Equal("MESSAGES", group["category"]!.GetValue<string>());
        Assert.Equal("Nouveau message de Claire Muller", group["summary"]!.GetValue<string>());
    }
}
