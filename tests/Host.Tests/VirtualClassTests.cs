using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class VirtualClassTests(AppFactory app)
{
    private const string Schedule = "mutation($i: ScheduleVirtualClassInput!) { scheduleVirtualClass(input: $i) { virtualClass { id joinUrl agendaEventId startsAt } userErrors { code message } } }";
    private const string Record = "mutation($i: RecordVirtualClassAttendanceInput!) { recordVirtualClassAttendance(input: $i) { virtualClass { presentStudentIds absentStudentIds attendanceRecordedAt } userErrors { code message } } }";

    private async Task<Guid> ClassroomAsync(SchoolScenario school, params string[] profiles)
    {
        var region = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.RegionAdministrator, null)));
        var connectorId = SchoolScenario.IdOf((await region.SendAsync("mutation($i: RegisterConnectorInput!) { registerConnector(input: $i) { connector { id } userErrors { code message } } }", new
        {
            i = new { name = "Classe virtuelle", kind = "VIRTUAL_CLASSROOM", launchUrl = "https://classe.example.org/join", audience = "urn:classe", receivesPersonalData = false },
        })).Ok()["registerConnector"]!["connector"]);
        (await app.Client(school.AdminToken).SendAsync("mutation($i: EnableConnectorInput!) { enableConnector(input: $i) { connectorSetting { connectorId } userErrors { code message } } }",
            new { i = new { connectorId, profiles } })).Ok();
        return connectorId;
    }

    private object Class(SchoolScenario school, Guid connectorId, TimeSpan startsIn) => new
    {
        i = new
        {
            classId = school.ClassId, connectorId, title = "Révisions en ligne",
            startsAt = app.Clock.GetUtcNow() + startsIn, endsAt = app.Clock.GetUtcNow() + startsIn + TimeSpan.FromHours(1),
        },
    };

    [Fact]
    public async Task A_teacher_schedules_a_virtual_class_it_goes_on_the_agenda_with_the_room_and_the_students_are_notified()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var connectorId = await ClassroomAsync(school, "TEACHER", "STUDENT");

        var scheduled = (await app.Client(school.TeacherToken).SendAsync(Schedule, Class(school, connectorId, TimeSpan.FromDays(1)))).Ok()["scheduleVirtualClass"]!["virtualClass"]!;

        Assert.StartsWith("https://classe.example.org/join?room=", scheduled["joinUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        var student = app.Client(school.StudentToken);
        var listed = (await student.SendAsync("{ myVirtualClasses { nodes { id joinUrl } } }")).Ok()["myVirtualClasses"]!["nodes"]!.AsArray();
        Assert.Equal(scheduled["id"]!.GetValue<string>(), Assert.Single(listed)!["id"]!.GetValue<string>());
        var notifications = (await student.SendAsync("{ notifications { nodes { kind sourceIds } } }")).Ok()["notifications"]!["nodes"]!.AsArray();
        Assert.Contains(notifications, n => n!["kind"]!.GetValue<string>() == "agenda.scheduled"
            && n["sourceIds"]!.AsArray().Any(s => s!.GetValue<string>() == scheduled["agendaEventId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_teacher_records_attendance_once_the_class_has_started_and_the_others_are_absent()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var connectorId = await ClassroomAsync(school, "TEACHER");
        var teacher = app.Client(school.TeacherToken);
        var id = (await teacher.SendAsync(Schedule, Class(school, connectorId, TimeSpan.FromMinutes(30)))).Ok()["scheduleVirtualClass"]!["virtualClass"]!["id"]!.GetValue<string>();

        var early = await teacher.SendAsync(Record, new { i = new { virtualClassId = id, presentStudentIds = new[] { school.StudentId } } });
        app.Clock.Advance(TimeSpan.FromMinutes(40));
        var absentOnly = (await teacher.SendAsync(Record, new { i = new { virtualClassId = id, presentStudentIds = Array.Empty<Guid>() } })).Ok()["recordVirtualClassAttendance"]!["virtualClass"]!;
        var present = (await teacher.SendAsync(Record, new { i = new { virtualClassId = id, presentStudentIds = new[] { school.StudentId } } })).Ok()["recordVirtualClassAttendance"]!["virtualClass"]!;

        Assert.Equal("VALIDATION", early.FirstErrorCode);
        Assert.Equal(school.StudentId.ToString(), Assert.Single(absentOnly["absentStudentIds"]!.AsArray())!.GetValue<string>());
        Assert.Equal(school.StudentId.ToString(), Assert.Single(present["presentStudentIds"]!.AsArray())!.GetValue<string>());
        Assert.Empty(present["absentStudentIds"]!.AsArray());
    }

    [Fact]
    public async Task A_virtual_class_is_refused_for_a_class_the_teacher_does_not_teach_or_without_a_classroom_service_and_nothing_is_scheduled()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var connectorId = await ClassroomAsync(school, "STUDENT");
        var teacher = app.Client(school.TeacherToken);

        var notForTeachers = await teacher.SendAsync(Schedule, Class(school, connectorId, TimeSpan.FromDays(1)));
        var otherConnector = await ClassroomAsync(other, "TEACHER");
        var elsewhere = await app.Client(other.TeacherToken).SendAsync(Schedule, Class(school, otherConnector, TimeSpan.FromDays(1)));

        Assert.Equal("NOT_FOUND", notForTeachers.FirstErrorCode);
        Assert.Equal("NOT_FOUND", elsewhere.FirstErrorCode);
        Assert.Empty((await app.Client(school.StudentToken).SendAsync("{ myVirtualClasses { nodes { id } } }")).Ok()["myVirtualClasses"]!["nodes"]!.AsArray());
    }
}
