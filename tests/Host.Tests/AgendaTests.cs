using System.Text.Json.Nodes;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class AgendaTests(AppFactory app)
{
    private const string Schedule = "mutation($i: ScheduleAgendaEventInput!) { scheduleAgendaEvent(input: $i) { agendaEvent { id title description audience kind important cancelled } userErrors { code message } } }";
    private const string MyAgenda = "query($from: DateTimeOffset!, $to: DateTimeOffset!) { myAgenda(from: $from, to: $to) { events { id title cancelled important } lessons { startsAt endsAt slot { subject room } studentIds } } }";

    private object Event(string audience, Guid? teachingUnitId, string title, int inDays = 3, bool important = false, string kind = "TEST") => new
    {
        i = new
        {
            audience, teachingUnitId, kind, title, description = "Chapitres 3 et 4 ; calculatrice autorisée.",
            startsAt = app.Clock.GetUtcNow().AddDays(inDays), endsAt = app.Clock.GetUtcNow().AddDays(inDays).AddHours(2), location = "Salle 104", important,
        },
    };

    private async Task<JsonArray> EventsOfAsync(string token)
    {
        var now = app.Clock.GetUtcNow();
        return (await app.Client(token).SendAsync(MyAgenda, new { from = now, to = now.AddDays(30) })).Ok()["myAgenda"]!["events"]!.AsArray();
    }

    private static List<string> Titles(JsonArray events) => [.. events.Select(e => e!["title"]!.GetValue<string>())];

    [Fact]
    public async Task An_establishment_event_by_direction_reaches_students_guardians_teachers_and_staff_of_that_school_only()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var direction = await AgendaPeople.StaffAsync(app, school, Role.Direction);
        var cpe = await AgendaPeople.StaffAsync(app, school, Role.SchoolLifeOffice, "Roth");
        var guardian = await AgendaPeople.GuardianOfStudentAsync(app, school);

        (await app.Client(direction.Token).SendAsync(Schedule, Event("ESTABLISHMENT", null, "Portes ouvertes", kind: "OTHER"))).Ok();

        foreach (var token in new[] { school.StudentToken, guardian.Token, school.TeacherToken, cpe.Token, direction.Token })
            Assert.Contains("Portes ouvertes", Titles(await EventsOfAsync(token)));
        Assert.DoesNotContain("Portes ouvertes", Titles(await EventsOfAsync(other.StudentToken)));
        Assert.DoesNotContain("Portes ouvertes", Titles(await EventsOfAsync(other.TeacherToken)));
    }

    [Fact]
    public async Task A_test_a_teacher_sets_for_their_class_reaches_that_class_and_its_guardians_but_not_another_class()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var otherClass = await AgendaPeople.ClassAsync(app, school, "2nde 2");
        var otherStudent = await AgendaPeople.StudentInAsync(app, school, otherClass);
        var guardian = await AgendaPeople.GuardianOfStudentAsync(app, school);
        var cpe = await AgendaPeople.StaffAsync(app, school, Role.SchoolLifeOffice);

        var scheduled = (await app.Client(school.TeacherToken).SendAsync(Schedule, Event("CLASS", school.ClassId, "DS fonctions"))).Ok()["scheduleAgendaEvent"]!["agendaEvent"]!;

        Assert.Equal("Chapitres 3 et 4 ; calculatrice autorisée.", scheduled["description"]!.GetValue<string>());
        Assert.Contains("DS fonctions", Titles(await EventsOfAsync(school.StudentToken)));
        Assert.Contains("DS fonctions", Titles(await EventsOfAsync(guardian.Token)));
        Assert.Contains("DS fonctions", Titles(await EventsOfAsync(school.TeacherToken)));
        Assert.DoesNotContain("DS fonctions", Titles(await EventsOfAsync(otherStudent.Token)));
        Assert.DoesNotContain("DS fonctions", Titles(await EventsOfAsync(cpe.Token)));
    }

    [Fact]
    public async Task A_group_event_reaches_the_group_members_only()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var classmate = await AgendaPeople.StudentInAsync(app, school, school.ClassId);
        var group = await AgendaPeople.GroupWithAsync(app, school, "Allemand LV2", school.StudentId);
        var germanTeacher = await AgendaPeople.TeacherOfAsync(app, school, group, "Allemand");

        (await app.Client(germanTeacher.Token).SendAsync(Schedule, Event("GROUP", group, "Sortie au Goethe-Institut", kind: "TRIP"))).Ok();

        Assert.Contains("Sortie au Goethe-Institut", Titles(await EventsOfAsync(school.StudentToken)));
        Assert.DoesNotContain("Sortie au Goethe-Institut", Titles(await EventsOfAsync(classmate.Token)));
    }

    [Fact]
    public async Task A_teacher_may_not_schedule_for_the_whole_school_nor_for_a_class_they_do_not_teach_and_nothing_is_written()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var otherClass = await AgendaPeople.ClassAsync(app, school, "1re 3");
        var teacher = app.Client(school.TeacherToken);

        Assert.Equal("FORBIDDEN", (await teacher.SendAsync(Schedule, Event("ESTABLISHMENT", null, "Fête du lycée"))).FirstErrorCode);
        Assert.Equal("NOT_FOUND", (await teacher.SendAsync(Schedule, Event("CLASS", otherClass, "DS intrus"))).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await app.Client(school.StudentToken).SendAsync(Schedule, Event("CLASS", school.ClassId, "Faux DS"))).FirstErrorCode);

        Assert.Empty(await EventsOfAsync(school.TeacherToken));
    }

    [Fact]
    public async Task An_event_ending_before_it_starts_is_refused_as_invalid()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var now = app.Clock.GetUtcNow();

        var response = await app.Client(school.TeacherToken).SendAsync(Schedule, new
        {
            i = new { audience = "CLASS", teachingUnitId = school.ClassId, kind = "TEST", title = "DS", startsAt = now.AddDays(2), endsAt = now.AddDays(1), important = false },
        });

        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Empty(await EventsOfAsync(school.StudentToken));
    }

    [Fact]
    public async Task A_revised_event_shows_its_new_details_and_a_cancelled_one_stays_marked_cancelled_and_can_no_longer_change()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var teacher = app.Client(school.TeacherToken);
        var id = (await teacher.SendAsync(Schedule, Event("CLASS", school.ClassId, "DS trigonométrie"))).Ok()["scheduleAgendaEvent"]!["agendaEvent"]!["id"]!.GetValue<string>();
        var now = app.Clock.GetUtcNow();
        var revise = "mutation($i: ReviseAgendaEventInput!) { reviseAgendaEvent(input: $i) { agendaEvent { title location revisedAt } userErrors { code message } } }";
        var revision = new { i = new { eventId = id, kind = "TEST", title = "DS trigonométrie (reporté)", startsAt = now.AddDays(5), endsAt = now.AddDays(5).AddHours(1), location = "Salle 12", important = true } };

        var revised = (await teacher.SendAsync(revise, revision)).Ok()["reviseAgendaEvent"]!["agendaEvent"]!;
        var cancelled = (await teacher.SendAsync("mutation($id: ID!) { cancelAgendaEvent(eventId: $id) { agendaEvent { cancelled cancelledAt } userErrors { code message } } }", new { id })).Ok()["cancelAgendaEvent"]!["agendaEvent"]!;

        Assert.Equal("Salle 12", revised["location"]!.GetValue<string>());
        Assert.True(cancelled["cancelled"]!.GetValue<bool>());
        var listed = Assert.Single(await EventsOfAsync(school.StudentToken))!;
        Assert.Equal("DS trigonométrie (reporté)", listed["title"]!.GetValue<string>());
        Assert.True(listed["cancelled"]!.GetValue<bool>());
        Assert.Equal("CONFLICT", (await teacher.SendAsync(revise, revision)).FirstErrorCode);
    }

    [Fact]
    public async Task Another_teacher_cannot_cancel_an_event_of_a_class_they_do_not_teach_but_direction_can()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var otherClass = await AgendaPeople.ClassAsync(app, school, "Tle 1");
        var outsider = await AgendaPeople.TeacherOfAsync(app, school, otherClass, "Philosophie");
        var direction = await AgendaPeople.StaffAsync(app, school, Role.Direction);
        var id = (await app.Client(school.TeacherToken).SendAsync(Schedule, Event("CLASS", school.ClassId, "Conseil de classe", kind: "MEETING"))).Ok()["scheduleAgendaEvent"]!["agendaEvent"]!["id"]!.GetValue<string>();
        const string Cancel = "mutation($id: ID!) { cancelAgendaEvent(eventId: $id) { agendaEvent { cancelled } userErrors { code message } } }";

        Assert.Equal("NOT_FOUND", (await app.Client(outsider.Token).SendAsync(Cancel, new { id })).FirstErrorCode);
        Assert.False(Assert.Single(await EventsOfAsync(school.StudentToken))!["cancelled"]!.GetValue<bool>());
        Assert.True((await app.Client(direction.Token).SendAsync(Cancel, new { id })).Ok()["cancelAgendaEvent"]!["agendaEvent"]!["cancelled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_important_events_banner_lists_important_events_that_are_not_cancelled()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var direction = await AgendaPeople.StaffAsync(app, school, Role.Direction);
        var client = app.Client(direction.Token);
        (await client.SendAsync(Schedule, Event("ESTABLISHMENT", null, "Réunion parents-professeurs", important: true, kind: "PARENTS_EVENING"))).Ok();
        (await client.SendAsync(Schedule, Event("ESTABLISHMENT", null, "Photo de classe"))).Ok();
        var called = (await client.SendAsync(Schedule, Event("ESTABLISHMENT", null, "Exercice incendie", important: true, kind: "OTHER"))).Ok()["scheduleAgendaEvent"]!["agendaEvent"]!["id"]!.GetValue<string>();
        (await client.SendAsync("mutation($id: ID!) { cancelAgendaEvent(eventId: $id) { agendaEvent { id } userErrors { code message } } }", new { id = called })).Ok();

        var banner = (await app.Client(school.StudentToken).SendAsync("{ importantAgendaEvents { nodes { title } } }")).Ok()["importantAgendaEvents"]!["nodes"]!.AsArray();

        Assert.Equal(["Réunion parents-professeurs"], Titles(banner));
    }

    [Fact]
    public async Task A_period_longer_than_six_months_is_refused()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var now = app.Clock.GetUtcNow();

        var response = await app.Client(school.StudentToken).SendAsync(MyAgenda, new { from = now, to = now.AddDays(400) });

        Assert.Equal("VALIDATION", response.FirstErrorCode);
    }

    [Fact]
    public async Task The_timetable_appears_in_the_agenda_on_its_dates_in_Paris_time_and_a_guardian_sees_whose_lesson_it_is()
    {
        var school = await SchoolScenario.CreateAsync(app);
        // A name nobody else in the region has: a homonym would be held back for review.
        var familyName = "Lang" + string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))));
        var csv = $"{Samples.SampleSchedule.Header}\nE7;{familyName};Paul;Physique-chimie;2nde 1;LUNDI;08:00;09:00;S101;\n";
        Assert.Equal(1, (await app.Client(school.AdminToken).SendAsync(
            "mutation($i: ImportTeachingScheduleInput!) { importTeachingSchedule(input: $i) { scheduleImportReport { slotsScheduled } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, csv } })).Ok()["importTeachingSchedule"]!["scheduleImportReport"]!["slotsScheduled"]!.GetValue<int>());
        var monday = new DateTimeOffset(app.Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        while (monday.DayOfWeek != DayOfWeek.Monday)
            monday = monday.AddDays(1);

        var lessons = (await app.Client(school.StudentToken).SendAsync(MyAgenda, new { from = monday, to = monday.AddDays(7) })).Ok()["myAgenda"]!["lessons"]!.AsArray();

        var lesson = Assert.Single(lessons)!;
        var eightInParis = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(monday.UtcDateTime.Date.AddHours(8), DateTimeKind.Unspecified), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        Assert.Equal(new DateTimeOffset(eightInParis), lesson["startsAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Physique-chimie", lesson["slot"]!["subject"]!.GetValue<string>());
        Assert.Equal("S101", lesson["slot"]!["room"]!.GetValue<string>());
        Assert.Empty(lesson["studentIds"]!.AsArray());
        var guardian = await AgendaPeople.GuardianOfStudentAsync(app, school);
        var childsLesson = Assert.Single((await app.Client(guardian.Token).SendAsync(MyAgenda, new { from = monday, to = monday.AddDays(7) })).Ok()["myAgenda"]!["lessons"]!.AsArray())!;
        Assert.Equal(school.StudentId.ToString(), Assert.Single(childsLesson["studentIds"]!.AsArray())!.GetValue<string>());
    }
}
