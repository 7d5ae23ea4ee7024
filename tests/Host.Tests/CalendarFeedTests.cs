using System.Net;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class CalendarFeedTests(AppFactory app)
{
    private const string Open = "mutation { openCalendarFeed { calendarFeedAddress { url feed { active } } userErrors { code message } } }";
    private const string Rotate = "mutation { rotateCalendarFeed { calendarFeedAddress { url } userErrors { code message } } }";
    private const string Revoke = "mutation { revokeCalendarFeed { calendarFeed { active revokedAt } userErrors { code message } } }";

    private async Task<string> OpenFeedAsync(string token) =>
        (await app.Client(token).SendAsync(Open)).Ok()["openCalendarFeed"]!["calendarFeedAddress"]!["url"]!.GetValue<string>();

    private async Task<HttpResponseMessage> GetAsync(string url) => await app.CreateClient().GetAsync(new Uri(url).PathAndQuery);

    private async Task ScheduleTestAsync(SchoolScenario school, string title)
    {
        var startsAt = app.Clock.GetUtcNow().AddDays(2);
        (await app.Client(school.TeacherToken).SendAsync(
            "mutation($i: ScheduleAgendaEventInput!) { scheduleAgendaEvent(input: $i) { agendaEvent { id } userErrors { code message } } }",
            new { i = new { audience = "CLASS", teachingUnitId = school.ClassId, kind = "TEST", title, description = "Calculatrice, règle", startsAt, endsAt = startsAt.AddHours(2), location = "Salle 3", important = true } })).Ok();
    }

    [Fact]
    public async Task A_student_subscribes_to_their_feed_and_gets_their_class_test_as_iCalendar_in_Paris_time()
    {
        var school = await SchoolScenario.CreateAsync(app);
        await ScheduleTestAsync(school, "DS de mathématiques");
        var url = await OpenFeedAsync(school.StudentToken);

        using var response = await GetAsync(url);
        var ics = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:DS de mathématiques\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Calculatrice\\, règle\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Paris:", ics, StringComparison.Ordinal);
        Assert.Contains("TZID:Europe/Paris", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_feed_answers_404_with_nothing_in_it()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var url = await OpenFeedAsync(school.StudentToken);

        var revoked = (await app.Client(school.StudentToken).SendAsync(Revoke)).Ok()["revokeCalendarFeed"]!["calendarFeed"]!;
        using var response = await GetAsync(url);

        Assert.False(revoked["active"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Rotating_the_feed_stops_the_old_address_at_once_and_the_new_one_works()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var old = await OpenFeedAsync(school.TeacherToken);

        var fresh = (await app.Client(school.TeacherToken).SendAsync(Rotate)).Ok()["rotateCalendarFeed"]!["calendarFeedAddress"]!["url"]!.GetValue<string>();

        Assert.NotEqual(old, fresh);
        using var oldResponse = await GetAsync(old);
        using var freshResponse = await GetAsync(fresh);
        Assert.Equal(HttpStatusCode.NotFound, oldResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, freshResponse.StatusCode);
    }

    [Fact]
    public async Task Unknown_and_malformed_addresses_answer_404()
    {
        using var unknown = await app.CreateClient().GetAsync(new Uri("/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", UriKind.Relative));
        using var malformed = await app.CreateClient().GetAsync(new Uri("/calendar/not-a-token.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    [Fact]
    public async Task A_second_feed_for_the_same_profile_is_refused_as_a_conflict_and_a_revoked_one_can_be_reopened()
    {
        var school = await SchoolScenario.CreateAsync(app);
        await OpenFeedAsync(school.StudentToken);

        Assert.Equal("CONFLICT", (await app.Client(school.StudentToken).SendAsync(Open)).FirstErrorCode);
        (await app.Client(school.StudentToken).SendAsync(Revoke)).Ok();
        Assert.True((await app.Client(school.StudentToken).SendAsync(Open)).Ok()["openCalendarFeed"]!["calendarFeedAddress"]!["feed"]!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Revoking_or_rotating_without_a_feed_is_not_found()
    {
        var school = await SchoolScenario.CreateAsync(app);

        Assert.Equal("NOT_FOUND", (await app.Client(school.StudentToken).SendAsync(Revoke)).FirstErrorCode);
        Assert.Equal("NOT_FOUND", (await app.Client(school.StudentToken).SendAsync(Rotate)).FirstErrorCode);
    }

    [Fact]
    public async Task The_secret_of_a_feed_address_is_neither_stored_nor_logged_only_its_hash_is_stored()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var url = await OpenFeedAsync(school.StudentToken);
        var secret = url[(url.LastIndexOf('/') + 1)..^".ics".Length];

        using var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await DatabaseScan.TablesContainingAsync(app.ConnectionString, secret));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_guardian_feed_carries_the_childs_class_events_and_the_read_is_in_the_childs_access_history()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var guardian = await AgendaPeople.GuardianOfStudentAsync(app, school);
        await ScheduleTestAsync(school, "DS de physique");
        var url = await OpenFeedAsync(guardian.Token);

        var privacyOfficer = await AgendaPeople.StaffAsync(app, school, Role.PrivacyOfficer);

        using var response = await GetAsync(url);
        var history = (await app.Client(privacyOfficer.Token).SendAsync(
            "query($id: ID!) { accessHistory(subjectId: $id) { nodes { actorId operation } } }", new { id = school.StudentId })).Ok()["accessHistory"]!["nodes"]!.AsArray();

        Assert.Contains("SUMMARY:DS de physique", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(history, h => h!["actorId"]!.GetValue<string>() == guardian.Id.ToString() && h["operation"]!.GetValue<string>() == "GET /calendar");
    }

    [Fact]
    public async Task An_anonymous_caller_cannot_open_a_feed() =>
        Assert.Equal("UNAUTHENTICATED", (await app.Client().SendAsync(Open)).FirstErrorCode);
}
