using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(MailHost.Name)]
public class NotificationMailTests(MailAppFactory app)
{
    private const string Assign = "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }";

    private async Task<(FamilyScenario Family, string Address)> FamilyWithEmailAsync(string? homework = null)
    {
        var family = await FamilyScenario.CreateAsync(app);
        var address = $"sophie.{Guid.NewGuid():N}@example.fr";
        var guardian = app.Client(family.GuardianToken);
        (await guardian.SendAsync("mutation($e: String) { setNotificationEmail(email: $e) { done userErrors { code message } } }", new { e = address })).Ok();
        if (homework is not null)
            (await guardian.SendAsync($"mutation {{ setNotificationPreference(category: HOMEWORK, preference: {homework}) {{ notificationPreferenceSettings {{ category }} userErrors {{ code message }} }} }}")).Ok();
        return (family, address);
    }

    private object Homework(FamilyScenario family, int n) => new
    {
        i = new { classId = family.School.ClassId, subject = SchoolScenario.Subject, title = $"Exercice {n}", instructions = "Page 84.", dueAt = app.Clock.GetUtcNow().AddDays(7) },
    };

    [Fact]
    public async Task A_message_to_a_guardian_is_e_mailed_once_when_it_has_settled()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var (family, address) = await FamilyWithEmailAsync();

        (await app.Client(family.School.TeacherToken).SendAsync(MessagingTests.Send, MessagingTests.To(family.GuardianId))).Ok();
        Assert.Empty(await app.MailsToAsync(address, expected: 0));

        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var mail = Assert.Single(await app.MailsToAsync(address));
        Assert.Equal("MonBureau – Nouveau message de Claire Muller", mail.Subject);

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Single(await app.MailsToAsync(address, expected: 0));
    }

    [Fact]
    public async Task Homework_chosen_for_the_daily_digest_arrives_grouped_in_one_evening_e_mail_and_only_once()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var (family, address) = await FamilyWithEmailAsync(homework: "DAILY_DIGEST");
        var teacher = app.Client(family.School.TeacherToken);
        for (var n = 1; n <= 3; n++)
            (await teacher.SendAsync(Assign, Homework(family, n))).Ok();

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Empty(await app.MailsToAsync(address, expected: 0));

        app.MoveToNext(DayOfWeek.Tuesday, 18);
        var digest = Assert.Single(await app.MailsToAsync(address));
        Assert.StartsWith("MonBureau – votre résumé du jour", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("3 nouveaux travaux à faire de Claire Muller", digest.MessageParts[0].BodyData, StringComparison.Ordinal);

        app.MoveToNext(DayOfWeek.Tuesday, 19, 30);
        app.MoveToNext(DayOfWeek.Wednesday, 18, 30);
        Assert.Single(await app.MailsToAsync(address, expected: 0));
    }

    [Fact]
    public async Task Homework_posted_at_21_30_is_e_mailed_to_a_guardian_who_wants_it_at_once_only_at_07_00()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 21, 30);
        var (family, address) = await FamilyWithEmailAsync(homework: "IMMEDIATELY");

        (await app.Client(family.School.TeacherToken).SendAsync(Assign, Homework(family, 1))).Ok();
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Empty(await app.MailsToAsync(address, expected: 0));

        app.MoveToNext(DayOfWeek.Wednesday, 7);
        var mail = Assert.Single(await app.MailsToAsync(address));
        Assert.Equal("MonBureau – Nouveau travail à faire de Claire Muller", mail.Subject);
    }

    [Fact]
    public async Task An_invalid_notification_address_is_refused()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);

        var response = await app.Client(family.GuardianToken).SendAsync("mutation { setNotificationEmail(email: \"pas une adresse\") { done userErrors { code message } } }");

        Assert.Equal("VALIDATION", response.FirstErrorCode);
    }
}
