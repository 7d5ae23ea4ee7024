using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Identity;

namespace MonBureau.Bench;

/// <summary>A person of the seeded establishment and the bearer token the bench signs them in with.</summary>
internal sealed record SeededPerson(Guid Id, string Token);

internal sealed record SeededSchool(
    Guid EstablishmentId,
    IReadOnlyList<SeededPerson> Students,
    IReadOnlyList<SeededPerson> Guardians,
    IReadOnlyList<SeededPerson> Teachers,
    SeededPerson SchoolLifeOffice,
    SeededPerson PrivacyOfficer);

/// <summary>GraphQL over HTTP with bench-issued tokens; any GraphQL error fails the run (a benchmark of errors measures nothing).</summary>
internal sealed class Api(HttpClient http, AccessTokens tokens)
{
    public HttpClient Http => http;

    public string TokenFor(Guid id, Role role, Guid? establishmentId) => tokens.Issue(new Actor(id, role, establishmentId), TimeSpan.FromHours(4));

    public Task<JsonNode> SendAsync(string token, string query, object? variables = null) => PostAsync(http, token, query, variables);

    public async Task<Guid> IdAsync(string token, string mutation, object input)
    {
        var data = await SendAsync(token, mutation, new { i = input });
        // The mutation's payload holds its result next to userErrors (ADR 0027).
        var result = data.AsObject().First().Value!.AsObject().First(p => p.Key != "userErrors").Value;
        return Guid.Parse(result!["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    }

    /// <summary>Posts a query and returns the whole response body (for the bare endpoint's copy of it).</summary>
    public static async Task<string> PostRawAsync(HttpClient http, string path, string token, string query, object? variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Contains("\"errors\":[{", StringComparison.Ordinal))
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    public static async Task<JsonNode> PostAsync(HttpClient http, string token, string query, object? variables)
    {
        var body = JsonNode.Parse(await PostRawAsync(http, "/graphql", token, query, variables))!;
        if (body["errors"] is JsonArray { Count: > 0 } errors)
            throw new InvalidOperationException($"{query}: {errors.ToJsonString()}");
        if (body["data"] is JsonObject data && data.Select(f => (f.Value as JsonObject)?["userErrors"]).OfType<JsonArray>().FirstOrDefault(e => e.Count > 0) is { } refused)
            throw new InvalidOperationException($"{query}: {refused.ToJsonString()}");
        return body["data"]!;
    }
}

/// <summary>
/// One establishment through the real command path: per class a teacher, 28 students each with a guardian (every
/// seventh guardian also of a student in the next class), six pieces of homework, three submissions per student
/// with feedback on half, two class events; one important establishment event, 20 resources, an absence for one
/// student in five; a school-life officer (CPE) and a privacy officer. Without activity: the people only.
/// </summary>
internal static class SchoolSeed
{
    public const int StudentsPerClass = 28;
    private static readonly object Rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true };

    public static async Task<SeededSchool> RunAsync(Api api, int classCount, bool withActivity = true)
    {
        var region = api.TokenFor(Guid.CreateVersion7(), Role.RegionAdministrator, null);
        var uai = $"{Random.Shared.Next(0, 10_000_000):D7}{(char)('A' + Random.Shared.Next(26))}";
        var establishmentId = await api.IdAsync(region, "mutation($i: OpenEstablishmentInput!) { openEstablishment(input: $i) { establishment { id } userErrors { code message } } }", new { uai, name = "Lycée du banc d'essai", academy = "Strasbourg" });
        var admin = api.TokenFor(Guid.CreateVersion7(), Role.EstablishmentAdministrator, establishmentId);
        var directionId = await StaffAsync(api, admin, establishmentId, "Anne", "Proviseure", "DIRECTION");
        var cpeId = await StaffAsync(api, admin, establishmentId, "Marc", "Weber", "SCHOOL_LIFE_OFFICE");
        var privacyOfficerId = await StaffAsync(api, admin, establishmentId, "Claire", "Référente", "PRIVACY_OFFICER");
        var direction = api.TokenFor(directionId, Role.Direction, establishmentId);
        var cpe = api.TokenFor(cpeId, Role.SchoolLifeOffice, establishmentId);
        var now = DateTimeOffset.UtcNow;
        await api.SendAsync(direction, "mutation($i: ScheduleAgendaEventInput!) { scheduleAgendaEvent(input: $i) { agendaEvent { id } userErrors { code message } } }", new
        {
            i = new { audience = "ESTABLISHMENT", kind = "OTHER", title = "Journée portes ouvertes", startsAt = now.AddDays(5), endsAt = now.AddDays(5).AddHours(4), important = true },
        });

        var students = new List<SeededPerson>();
        var guardians = new List<SeededPerson>();
        var teachers = new List<SeededPerson>();
        for (var c = 0; c < classCount; c++)
        {
            var classId = await api.IdAsync(admin, "mutation($i: CreateClassInput!) { createClass(input: $i) { schoolClass { id } userErrors { code message } } }", new { establishmentId, name = $"2nde {c + 1}" });
            var teacherId = await api.IdAsync(admin, "mutation($i: RegisterTeacherInput!) { registerTeacher(input: $i) { person { id } userErrors { code message } } }", new { establishmentId, givenName = "Prof", familyName = $"Numéro {c + 1}" });
            await api.SendAsync(admin, "mutation($i: TeachingInput!) { assignTeaching(input: $i) { person { id } userErrors { code message } } }", new { i = new { teacherId, teachingUnitId = classId, subject = "Mathématiques" } });
            var teacher = api.TokenFor(teacherId, Role.Teacher, establishmentId);
            teachers.Add(new SeededPerson(teacherId, teacher));

            var inClass = new List<SeededPerson>();
            for (var s = 0; s < StudentsPerClass; s++)
            {
                var studentId = await api.IdAsync(admin, "mutation($i: EnrollStudentInput!) { enrollStudent(input: $i) { person { id } userErrors { code message } } }", new { classId, givenName = $"Élève {s}", familyName = $"Famille {c}-{s}" });
                var guardianId = await api.IdAsync(admin, "mutation($i: RegisterGuardianInput!) { registerGuardian(input: $i) { person { id } userErrors { code message } } }", new { studentId, givenName = "Parent", familyName = $"Famille {c}-{s}", rights = Rights });
                if (s % 7 == 0 && guardians.Count > StudentsPerClass)
                    await api.SendAsync(admin, "mutation($i: LinkGuardianInput!) { linkGuardian(input: $i) { person { id } userErrors { code message } } }", new { i = new { guardianId = guardians[^StudentsPerClass].Id, studentId, rights = Rights } });
                var student = new SeededPerson(studentId, api.TokenFor(studentId, Role.Student, establishmentId));
                inClass.Add(student);
                students.Add(student);
                guardians.Add(new SeededPerson(guardianId, api.TokenFor(guardianId, Role.Guardian, establishmentId)));
                if (withActivity && s % 5 == 0)
                    await api.SendAsync(cpe, "mutation($i: RecordAbsenceInput!) { recordAbsence(input: $i) { absence { id } userErrors { code message } } }", new { i = new { studentId, from = LastSchoolDay(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } });
            }

            if (!withActivity)
                continue;
            for (var h = 0; h < 6; h++)
            {
                var homeworkId = await api.IdAsync(teacher, "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }", new
                {
                    classId, subject = "Mathématiques", title = $"Série {h + 1}", instructions = "Exercices du chapitre.", dueAt = now.AddDays(1 + h), expectedFormat = "TEXT",
                });
                if (h >= 3)
                    continue;
                foreach (var student in inClass)
                {
                    var submissionId = await api.IdAsync(student.Token, "mutation($i: SubmitHomeworkInput!) { submitHomework(input: $i) { submission { id } userErrors { code message } } }", new { homeworkId, text = "Ma copie." });
                    if ((student.Id.GetHashCode() & 1) == 0)
                        await api.SendAsync(teacher, "mutation($i: GiveSubmissionFeedbackInput!) { giveSubmissionFeedback(input: $i) { submission { id } userErrors { code message } } }", new { i = new { submissionId, comment = "Bon travail." } });
                }
            }

            for (var e = 0; e < 2; e++)
                await api.SendAsync(teacher, "mutation($i: ScheduleAgendaEventInput!) { scheduleAgendaEvent(input: $i) { agendaEvent { id } userErrors { code message } } }", new
                {
                    i = new { audience = "CLASS", teachingUnitId = classId, kind = "TEST", title = $"Contrôle {e + 1}", startsAt = now.AddHours(2 + 24 * e), endsAt = now.AddHours(3 + 24 * e), important = false },
                });
            if (c < 4)
                for (var r = 0; r < 5; r++)
                    await api.SendAsync(teacher, "mutation($i: PublishResourceInput!) { publishResource(input: $i) { resource { id } userErrors { code message } } }", new
                    {
                        i = new { title = $"Fiche {c}-{r}", subject = "Mathématiques", body = "Méthode et exercices corrigés.", sharing = "ESTABLISHMENT" },
                    });
        }

        return new SeededSchool(establishmentId, students, guardians, teachers,
            new SeededPerson(cpeId, cpe), new SeededPerson(privacyOfficerId, api.TokenFor(privacyOfficerId, Role.PrivacyOfficer, establishmentId)));
    }

    private static Task<Guid> StaffAsync(Api api, string admin, Guid establishmentId, string givenName, string familyName, string role) =>
        api.IdAsync(admin, "mutation($i: RegisterStaffMemberInput!) { registerStaffMember(input: $i) { person { id } userErrors { code message } } }", new { establishmentId, givenName, familyName, role });

    private static DateOnly LastSchoolDay(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            day = day.AddDays(-1);
        return day;
    }
}
