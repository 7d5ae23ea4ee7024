using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>node(id:) fetches any main record by its id, under the same rule and recording as the query that shows it.</summary>
[Collection(AppHost.Name)]
public class NodeTests(AppFactory app)
{
    private const string Node = "query($id: ID!) { node(id: $id) { __typename id ... on Homework { title } ... on Person { givenName } } }";

    private const string Assign = "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }";

    private const string RecordAbsence = "mutation($i: RecordAbsenceInput!) { recordAbsence(input: $i) { absence { id } userErrors { code message } } }";

    [Fact]
    public async Task A_student_reads_their_class_homework_by_id_but_not_the_homework_of_another_class()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var admin = app.Client(school.AdminToken);
        var otherClassId = SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: CreateClassInput!) { createClass(input: $i) { schoolClass { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, name = "2nde 2" } })).Ok()["createClass"]!["schoolClass"]);
        var otherStudentId = SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: EnrollStudentInput!) { enrollStudent(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { classId = otherClassId, givenName = "Hugo", familyName = "Roth" } })).Ok()["enrollStudent"]!["person"]);
        var homeworkId = SchoolScenario.IdOf((await app.Client(school.TeacherToken).SendAsync(Assign, new
        {
            i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title = "Fonctions affines", instructions = "Exercices 12 à 15.", dueAt = app.Clock.GetUtcNow().AddDays(7) },
        })).Ok()["assignHomework"]!["homework"]);

        var own = (await app.Client(school.StudentToken).SendAsync(Node, new { id = homeworkId })).Ok()["node"]!;
        var other = await app.Client(app.TokenFor(new Actor(otherStudentId, Role.Student, school.EstablishmentId))).SendAsync(Node, new { id = homeworkId });

        Assert.Equal(("Homework", "Fonctions affines"), (own["__typename"]!.GetValue<string>(), own["title"]!.GetValue<string>()));
        Assert.Equal("NOT_FOUND", other.FirstErrorCode);
        Assert.Null(other.Data?["node"]);
    }

    [Fact]
    public async Task A_student_cannot_read_a_classmate_absence_by_id_any_more_than_through_their_attendance()
    {
        var s = await AttendanceScenario.CreateAsync(app);
        var cpe = app.Client(s.CpeToken);
        var classmateAbsence = SchoolScenario.IdOf((await cpe.SendAsync(RecordAbsence, new { i = new { studentId = s.ClassmateId, from = "2026-10-12" } })).Ok()["recordAbsence"]!["absence"]);
        var ownAbsence = SchoolScenario.IdOf((await cpe.SendAsync(RecordAbsence, new { i = new { studentId = s.School.StudentId, from = "2026-10-13" } })).Ok()["recordAbsence"]!["absence"]);
        var student = app.Client(s.School.StudentToken);

        var viaNode = await student.SendAsync(Node, new { id = classmateAbsence });
        var viaQuery = await student.SendAsync("query($s: ID!) { studentAttendance(studentId: $s) { studentId } }", new { s = s.ClassmateId });

        Assert.Null(viaNode.Data?["node"]);
        Assert.Equal(viaQuery.FirstErrorCode, viaNode.FirstErrorCode);
        Assert.Equal("Absence", (await student.SendAsync(Node, new { id = ownAbsence })).Ok()["node"]!["__typename"]!.GetValue<string>());
        Assert.Equal("Absence", (await app.Client(s.GuardianToken).SendAsync(Node, new { id = ownAbsence })).Ok()["node"]!["__typename"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", (await app.Client(s.School.TeacherToken).SendAsync(Node, new { id = ownAbsence })).FirstErrorCode); // teachers do not read attendance summaries
    }

    [Fact]
    public async Task Reading_a_person_by_id_is_recorded_in_their_access_history()
    {
        var school = await SchoolScenario.CreateAsync(app);

        var person = (await app.Client(school.TeacherToken).SendAsync(Node, new { id = school.StudentId })).Ok()["node"]!;

        Assert.Equal(("Person", "Léa"), (person["__typename"]!.GetValue<string>(), person["givenName"]!.GetValue<string>()));
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));
        var history = (await officer.SendAsync("query($s: ID!) { accessHistory(subjectId: $s) { nodes { actorId category operation } } }", new { s = school.StudentId })).Ok()["accessHistory"]!["nodes"]!.AsArray();
        var entry = Assert.Single(history)!;
        Assert.Equal((school.TeacherId.ToString(), "IDENTITY", "Query.node"),
            (entry["actorId"]!.GetValue<string>(), entry["category"]!.GetValue<string>(), entry["operation"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unknown_id_is_not_found_like_in_the_queries_of_one_record()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var client = app.Client(school.TeacherToken);
        var unknown = Guid.CreateVersion7();

        var viaNode = await client.SendAsync(Node, new { id = unknown });
        var viaResource = await client.SendAsync("query($id: ID!) { resource(id: $id) { id } }", new { id = unknown });

        Assert.Null(viaNode.Data?["node"]);
        Assert.Equal(("NOT_FOUND", "NOT_FOUND"), (viaNode.FirstErrorCode, viaResource.FirstErrorCode));
    }

    private const string AgendaOrAssessment = "query($id: ID!) { node(id: $id) { __typename id ... on AgendaEvent { title } ... on Assessment { title marks { studentId value } } } }";

    private async Task<(FamilyScenario Family, string EventId, string AssessmentId)> ClassTestAsync()
    {
        var family = await FamilyScenario.CreateAsync(app);
        var school = family.School;
        var teacher = app.Client(school.TeacherToken);
        var eventId = SchoolScenario.IdOf((await teacher.SendAsync(
            "mutation($i: ScheduleAgendaEventInput!) { scheduleAgendaEvent(input: $i) { agendaEvent { id } userErrors { code message } } }",
            new { i = new { audience = "CLASS", teachingUnitId = school.ClassId, kind = "TEST", title = "DS fonctions", important = false, startsAt = app.Clock.GetUtcNow().AddDays(3), endsAt = app.Clock.GetUtcNow().AddDays(3).AddHours(2) } }))
            .Ok()["scheduleAgendaEvent"]!["agendaEvent"]).ToString();
        var (assessmentId, _) = await GradesTermTests.AssessAsync(app, school, "DS fonctions", 2);
        (await teacher.SendAsync(GradesTermTests.Enter, new { i = new { assessmentId, marks = new[] { new { studentId = school.StudentId, status = "MARKED", value = 14 } } } })).Ok();
        return (family, eventId, assessmentId);
    }

    [Fact]
    public async Task A_class_test_on_the_agenda_reads_by_id_for_that_class_and_its_families_only_and_the_guardian_read_is_recorded()
    {
        var (family, eventId, _) = await ClassTestAsync();

        var byStudent = (await app.Client(family.School.StudentToken).SendAsync(AgendaOrAssessment, new { id = eventId })).Ok()["node"]!;
        var byGuardian = (await app.Client(family.GuardianToken).SendAsync(AgendaOrAssessment, new { id = eventId })).Ok()["node"]!;
        var byOtherFamily = await app.Client(family.OtherGuardianToken).SendAsync(AgendaOrAssessment, new { id = eventId });
        var byOtherTeacher = await app.Client(family.OtherTeacherToken).SendAsync(AgendaOrAssessment, new { id = eventId });

        Assert.Equal(("AgendaEvent", "DS fonctions"), (byStudent["__typename"]!.GetValue<string>(), byStudent["title"]!.GetValue<string>()));
        Assert.Equal("AgendaEvent", byGuardian["__typename"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", byOtherFamily.FirstErrorCode);
        Assert.Equal("NOT_FOUND", byOtherTeacher.FirstErrorCode);
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, family.School.EstablishmentId)));
        var history = (await officer.SendAsync("query($s: ID!) { accessHistory(subjectId: $s) { nodes { actorId category operation } } }", new { s = family.School.StudentId })).Ok()["accessHistory"]!["nodes"]!.AsArray();
        Assert.Contains(history, e => e!["actorId"]!.GetValue<string>() == family.GuardianId.ToString()
            && e["category"]!.GetValue<string>() == "TIMETABLE" && e["operation"]!.GetValue<string>() == "Query.node");
    }

    [Fact]
    public async Task An_assessment_reads_by_id_for_whoever_keeps_its_grade_book_and_each_marked_student_read_is_recorded()
    {
        var (family, _, assessmentId) = await ClassTestAsync();
        var school = family.School;

        var byTeacher = (await app.Client(school.TeacherToken).SendAsync(AgendaOrAssessment, new { id = assessmentId })).Ok()["node"]!;
        var byDirection = (await app.Client(family.DirectionToken).SendAsync(AgendaOrAssessment, new { id = assessmentId })).Ok()["node"]!;
        var byOtherTeacher = await app.Client(family.OtherTeacherToken).SendAsync(AgendaOrAssessment, new { id = assessmentId });
        var byStudent = await app.Client(school.StudentToken).SendAsync(AgendaOrAssessment, new { id = assessmentId });

        Assert.Equal(("Assessment", 14m), (byTeacher["__typename"]!.GetValue<string>(), byTeacher["marks"]![0]!["value"]!.GetValue<decimal>()));
        Assert.Equal("Assessment", byDirection["__typename"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", byOtherTeacher.FirstErrorCode);
        Assert.Equal("NOT_FOUND", byStudent.FirstErrorCode); // students read their marks through studentGrades, not a class's grade book
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));
        var history = (await officer.SendAsync("query($s: ID!) { accessHistory(subjectId: $s) { nodes { actorId category operation } } }", new { s = school.StudentId })).Ok()["accessHistory"]!["nodes"]!.AsArray();
        Assert.Contains(history, e => e!["actorId"]!.GetValue<string>() == school.TeacherId.ToString()
            && e["category"]!.GetValue<string>() == "GRADES" && e["operation"]!.GetValue<string>() == "Query.node");
    }

    [Fact]
    public async Task Nodes_answers_several_ids_in_their_order_with_null_for_what_the_caller_may_not_see()
    {
        var (family, eventId, assessmentId) = await ClassTestAsync();
        var unknown = Guid.CreateVersion7();
        const string Nodes = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }";
        var student = app.Client(family.School.StudentToken);

        var found = (await student.SendAsync(Nodes, new { ids = new object[] { assessmentId, eventId, unknown, family.School.StudentId } })).Ok()["nodes"]!.AsArray();
        var tooMany = await student.SendAsync(Nodes, new { ids = Enumerable.Range(0, 101).Select(_ => Guid.CreateVersion7()) });

        Assert.Equal([null, "AgendaEvent", null, "Person"], found.Select(n => n?["__typename"]!.GetValue<string>()));
        Assert.Equal(eventId, found[1]!["id"]!.GetValue<string>());
        Assert.Equal("VALIDATION", tooMany.FirstErrorCode);
    }
}
