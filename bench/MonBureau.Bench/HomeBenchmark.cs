using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Database;
using MonBureau.Host.Identity;

namespace MonBureau.Bench;

/// <summary>
/// Home pages (student, guardian, teacher) against the Release host over real HTTP, 64 concurrent clients, after
/// seeding an establishment through the GraphQL API. Baseline, measured in the same run with the same clients and
/// tokens: the <c>me</c> query (authentication, GraphQL execution and one document load).
/// </summary>
internal static class HomeBenchmark
{
    private const int Clients = 64;
    private const int Port = 5182;
    private const int StudentsPerClass = 28;

    private const string StudentHome = "{ studentHome { banner { title } today { events { title } lessons { startsAt } } workDue { title dueAt } recentFeedback { homeworkId latestFeedback { comment } } recentResources { title } unreadMessages unreadNotifications } }";
    private const string GuardianHome = "{ guardianHome { banner { title } today { events { title } lessons { startsAt } } children { student { givenName } workDue { title dueAt } recentFeedback { homeworkId } recentAbsences { recordedAt justified } } recentResources { title } unreadMessages unreadNotifications } }";
    private const string TeacherHome = "{ teacherHome { banner { title } today { lessons { startsAt } events { title } } awaitingFeedback { id submittedAt } unreadMessages unreadNotifications } }";
    private const string Me = "{ me { id givenName familyName } }";

    public static async Task<int> RunAsync(string[] args)
    {
        var classes = Option(args, "--classes", 10);
        var requestsPerClient = Option(args, "--requests", 30);
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var database = await DatabaseSelection.ResolveAsync(configuration, NullLogger.Instance, null, CancellationToken.None);
        var tokenKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var environment = new Dictionary<string, string>
        {
            ["MONBUREAU_DB"] = database.ConnectionString,
            ["MONBUREAU_MASTER_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["MONBUREAU_TOKEN_KEY"] = tokenKey,
            ["ASPNETCORE_ENVIRONMENT"] = "Benchmark",
            ["URLS"] = $"http://127.0.0.1:{Port}",
        };
        using var host = StartupBenchmark.Start(Path.Combine(AppContext.BaseDirectory, "MonBureau.Host.dll"), environment);
        try
        {
            await StartupBenchmark.WaitReadyAsync(Port);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(60) };
            var tokens = AccessTokens.FromBase64Key(tokenKey);
            var seedWatch = Stopwatch.StartNew();
            var school = await Seed.RunAsync(new Api(http, tokens), classes);
            Console.WriteLine($"Seeded {classes} classes × {StudentsPerClass} students, their guardians, teachers, homework, submissions, feedback, events, resources and absences in {seedWatch.Elapsed.TotalSeconds:F0} s.");

            await MeasureAsync(http, "warm-up", 5, school.Students, Me);
            await MeasureAsync(http, "warm-up", 5, school.Students, StudentHome);
            await MeasureAsync(http, "warm-up", 5, school.Guardians, GuardianHome);
            await MeasureAsync(http, "warm-up", 5, school.Teachers, TeacherHome);
            var baseline = await MeasureAsync(http, "baseline: `me` (one document load)", requestsPerClient, school.Students, Me);
            Result[] results =
            [
                baseline,
                await MeasureAsync(http, "studentHome", requestsPerClient, school.Students, StudentHome),
                await MeasureAsync(http, "guardianHome (1–2 children)", requestsPerClient, school.Guardians, GuardianHome),
                await MeasureAsync(http, "teacherHome", requestsPerClient, school.Teachers, TeacherHome),
            ];

            Console.WriteLine($"| query ({Clients} clients × {requestsPerClient} requests) | req/s | p50 ms | p99 ms | throughput vs baseline |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var result in results)
                Console.WriteLine($"| {result.Name} | {result.PerSecond:F0} | {result.P50:F1} | {result.P99:F1} | {result.PerSecond / baseline.PerSecond:F2} |");
            return 0;
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record Result(string Name, double PerSecond, double P50, double P99);

    /// <summary>Each client signs in as the next person of <paramref name="people"/> and asks <paramref name="query"/> again and again.</summary>
    private static async Task<Result> MeasureAsync(HttpClient http, string name, int requestsPerClient, IReadOnlyList<string> people, string query)
    {
        var latencies = new List<double>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            var mine = new List<double>(requestsPerClient);
            for (var i = 0; i < requestsPerClient; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await Api.PostAsync(http, people[(client + i * Clients) % people.Count], query, null);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            lock (latencies)
                latencies.AddRange(mine);
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        latencies.Sort();
        return new Result(name, latencies.Count / seconds, latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.99)]);
    }

    private sealed record SeededSchool(IReadOnlyList<string> Students, IReadOnlyList<string> Guardians, IReadOnlyList<string> Teachers);

    private sealed class Api(HttpClient http, AccessTokens tokens)
    {
        public string TokenFor(Guid id, Role role, Guid? establishmentId) => tokens.Issue(new Actor(id, role, establishmentId), TimeSpan.FromHours(4));

        public async Task<JsonNode> SendAsync(string token, string query, object? variables = null) => await PostAsync(http, token, query, variables);

        public async Task<Guid> IdAsync(string token, string mutation, object input)
        {
            var data = await SendAsync(token, mutation, new { i = input });
            // The payload's first field is the record (its userErrors are checked by PostAsync).
            return Guid.Parse(data.AsObject().First().Value!.AsObject().First().Value!["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        }

        public static async Task<JsonNode> PostAsync(HttpClient http, string token, string query, object? variables)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            if (body["errors"] is JsonArray { Count: > 0 } errors)
                throw new InvalidOperationException($"{query}: {errors.ToJsonString()}");
            var refused = body["data"]!.AsObject().Select(field => field.Value is JsonObject payload ? payload["userErrors"] as JsonArray : null).FirstOrDefault(e => e is { Count: > 0 });
            if (refused is not null)
                throw new InvalidOperationException($"{query}: {refused.ToJsonString()}");
            return body["data"]!;
        }
    }

    /// <summary>
    /// One establishment through the real command path: per class a teacher, 28 students each with a guardian (every
    /// seventh guardian also of a student in the next class), six pieces of homework, three submissions per student
    /// with feedback on half, two class events; one important establishment event, 20 resources, an absence for one
    /// student in five.
    /// </summary>
    private static class Seed
    {
        private static readonly object Rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true };

        public static async Task<SeededSchool> RunAsync(Api api, int classCount)
        {
            var region = api.TokenFor(Guid.CreateVersion7(), Role.RegionAdministrator, null);
            var uai = $"{Random.Shared.Next(0, 10_000_000):D7}{(char)('A' + Random.Shared.Next(26))}";
            var establishmentId = await api.IdAsync(region, "mutation($i: OpenEstablishmentInput!) { openEstablishment(input: $i) { establishment { id } userErrors { code message } } }", new { uai, name = "Lycée du banc d'essai", academy = "Strasbourg" });
            var admin = api.TokenFor(Guid.CreateVersion7(), Role.EstablishmentAdministrator, establishmentId);
            var directionId = await api.IdAsync(admin, "mutation($i: RegisterStaffMemberInput!) { registerStaffMember(input: $i) { person { id } userErrors { code message } } }", new { establishmentId, givenName = "Anne", familyName = "Proviseure", role = "DIRECTION" });
            var cpeId = await api.IdAsync(admin, "mutation($i: RegisterStaffMemberInput!) { registerStaffMember(input: $i) { person { id } userErrors { code message } } }", new { establishmentId, givenName = "Marc", familyName = "Weber", role = "SCHOOL_LIFE_OFFICE" });
            var direction = api.TokenFor(directionId, Role.Direction, establishmentId);
            var cpe = api.TokenFor(cpeId, Role.SchoolLifeOffice, establishmentId);
            var now = DateTimeOffset.UtcNow;
            await api.SendAsync(direction, "mutation($i: ScheduleAgendaEventInput!) { scheduleAgendaEvent(input: $i) { agendaEvent { id } userErrors { code message } } }", new
            {
                i = new { audience = "ESTABLISHMENT", kind = "OTHER", title = "Journée portes ouvertes", startsAt = now.AddDays(5), endsAt = now.AddDays(5).AddHours(4), important = true },
            });

            var students = new List<string>();
            var guardians = new List<string>();
            var teachers = new List<string>();
            var studentIds = new List<Guid>();
            var guardianIds = new List<Guid>();
            for (var c = 0; c < classCount; c++)
            {
                var classId = await api.IdAsync(admin, "mutation($i: CreateClassInput!) { createClass(input: $i) { schoolClass { id } userErrors { code message } } }", new { establishmentId, name = $"2nde {c + 1}" });
                var teacherId = await api.IdAsync(admin, "mutation($i: RegisterTeacherInput!) { registerTeacher(input: $i) { person { id } userErrors { code message } } }", new { establishmentId, givenName = "Prof", familyName = $"Numéro {c + 1}" });
                await api.SendAsync(admin, "mutation($i: TeachingInput!) { assignTeaching(input: $i) { person { id } userErrors { code message } } }", new { i = new { teacherId, teachingUnitId = classId, subject = "Mathématiques" } });
                var teacher = api.TokenFor(teacherId, Role.Teacher, establishmentId);
                teachers.Add(teacher);

                var inClass = new List<(Guid Id, string Token)>();
                for (var s = 0; s < StudentsPerClass; s++)
                {
                    var studentId = await api.IdAsync(admin, "mutation($i: EnrollStudentInput!) { enrollStudent(input: $i) { person { id } userErrors { code message } } }", new { classId, givenName = $"Élève {s}", familyName = $"Famille {c}-{s}" });
                    var guardianId = await api.IdAsync(admin, "mutation($i: RegisterGuardianInput!) { registerGuardian(input: $i) { person { id } userErrors { code message } } }", new { studentId, givenName = "Parent", familyName = $"Famille {c}-{s}", rights = Rights });
                    if (s % 7 == 0 && guardianIds.Count > StudentsPerClass)
                        await api.SendAsync(admin, "mutation($i: LinkGuardianInput!) { linkGuardian(input: $i) { person { id } userErrors { code message } } }", new { i = new { guardianId = guardianIds[^StudentsPerClass], studentId, rights = Rights } });
                    studentIds.Add(studentId);
                    guardianIds.Add(guardianId);
                    var token = api.TokenFor(studentId, Role.Student, establishmentId);
                    inClass.Add((studentId, token));
                    students.Add(token);
                    guardians.Add(api.TokenFor(guardianId, Role.Guardian, establishmentId));
                    if (s % 5 == 0)
                        await api.SendAsync(cpe, "mutation($i: RecordAbsenceInput!) { recordAbsence(input: $i) { absence { id } userErrors { code message } } }", new { i = new { studentId, from = LastSchoolDay(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } });
                }

                for (var h = 0; h < 6; h++)
                {
                    var homeworkId = await api.IdAsync(teacher, "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }", new
                    {
                        classId, subject = "Mathématiques", title = $"Série {h + 1}", instructions = "Exercices du chapitre.", dueAt = now.AddDays(1 + h), expectedFormat = "TEXT",
                    });
                    if (h >= 3)
                        continue;
                    foreach (var (studentId, token) in inClass)
                    {
                        var submissionId = await api.IdAsync(token, "mutation($i: SubmitHomeworkInput!) { submitHomework(input: $i) { submission { id } userErrors { code message } } }", new { homeworkId, text = "Ma copie." });
                        if ((studentId.GetHashCode() & 1) == 0)
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

            return new SeededSchool(students, guardians, teachers);
        }

        private static DateOnly LastSchoolDay(DateTimeOffset now)
        {
            var day = DateOnly.FromDateTime(now.UtcDateTime);
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                day = day.AddDays(-1);
            return day;
        }
    }
}
