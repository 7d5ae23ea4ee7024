using System.Globalization;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Application.Files;
using MonBureau.Application.Importing;
using MonBureau.Application.Indicators;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;
using MonBureau.Host.Tests.Samples;

namespace MonBureau.Host.Tests;

/// <summary>
/// The retention promise end to end: a student whose name is a canary lives a school year through the API, leaves,
/// and once every retention period is over and the nightly purge has run by itself, a backup of the database holds
/// the canary nowhere while the establishment's indicators are those it had.
/// </summary>
[Collection(CanaryHost.Name)]
public class CanaryYearTests(CanaryAppFactory app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private const string Import = "mutation($i: ImportStudentRosterInput!) { importStudentRoster(input: $i) { importReport { studentsLeft } userErrors { code message } } }";
    private const string Assign = "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }";
    private const string Submit = "mutation($i: SubmitHomeworkInput!) { submitHomework(input: $i) { submission { id } userErrors { code message } } }";
    private const string Feedback = "mutation($i: GiveSubmissionFeedbackInput!) { giveSubmissionFeedback(input: $i) { submission { id } userErrors { code message } } }";
    private const string Send = "mutation($i: SendMessageInput!) { sendMessage(input: $i) { messageThread { id } userErrors { code message } } }";
    private const string Reply = "mutation($i: ReplyToThreadInput!) { replyToThread(input: $i) { messageThread { id } userErrors { code message } } }";
    private const string Justify = "mutation($i: JustifyAbsenceInput!) { justifyAbsence(input: $i) { absence { id } userErrors { code message } } }";
    private const string Accept = "mutation($i: AcceptAbsenceJustificationInput!) { acceptAbsenceJustification(input: $i) { absence { id } userErrors { code message } } }";
    private const string Lateness = "mutation($i: RecordLatenessInput!) { recordLateness(input: $i) { lateness { id } userErrors { code message } } }";
    private const string Attendance = "query($s: ID!) { studentAttendance(studentId: $s) { absences { id halfDays { date } } } }";
    private const string Grades = "query($s: ID!, $t: Int!) { studentGrades(studentId: $s, term: $t) { generalAverage } }";

    [Fact]
    public async Task A_year_after_a_canary_student_left_and_every_retention_ran_out_a_backup_holds_no_trace_of_them_and_indicators_are_unchanged()
    {
        var token = $"{Guid.NewGuid():N}"[..12];
        var canary = $"Canari{token}";
        var given = $"Zoé{canary}";
        var family = $"Vogel{canary}";
        app.MoveTo(new DateOnly(2026, 11, 16));

        // September's roster: the canary student and her mother, in the scenario's class.
        var school = await SchoolScenario.CreateAsync(app);
        var admin = app.Client(school.AdminToken);
        var cpeToken = app.TokenFor(new Actor(Guid.CreateVersion7(), Role.SchoolLifeOffice, school.EstablishmentId));
        var directionToken = app.TokenFor(new Actor(Guid.CreateVersion7(), Role.Direction, school.EstablishmentId));
        var roster = $"{SampleRoster.Header}\n4234567890K;{family};{given};12/03/2011;2nde 1;R900001;Durand;Sophie;O;O;O;;;;;;\n";
        (await admin.SendAsync(Import, new { i = new { establishmentId = school.EstablishmentId, csv = roster } })).Ok();
        var (studentId, guardianId) = await StudentAndGuardianAsync(school.EstablishmentId);
        var studentToken = app.TokenFor(new Actor(studentId, Role.Student, school.EstablishmentId));
        var guardianToken = app.TokenFor(new Actor(guardianId, Role.Guardian, school.EstablishmentId));
        var studentLogin = (await Accounts.ReadyAsync(app, school.AdminToken, studentId)).Login;
        var guardianLogin = (await Accounts.ReadyAsync(app, school.AdminToken, guardianId)).Login;
        (await app.Client(guardianToken).SendAsync("mutation($s: ID!) { giveConsent(subjectId: $s, purpose: PHOTO_PUBLICATION) { consentStatuses { given } userErrors { code message } } }", new { s = studentId })).Ok();
        // The office misspelt her first name; the family asks for a correction.
        (await admin.SendAsync("mutation($i: RectifyIdentityInput!) { rectifyIdentity(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { personId = studentId, givenName = $"Zoë{canary}", familyName = family } })).Ok();

        var teacher = app.Client(school.TeacherToken);
        var cpe = app.Client(cpeToken);
        var direction = app.Client(directionToken);
        var student = app.Client(studentToken);
        var guardian = app.Client(guardianToken);
        DateOnly[] days = [new(2026, 11, 23), new(2027, 1, 11), new(2027, 3, 15), new(2027, 5, 17)];
        foreach (var day in days)
        {
            app.MoveTo(day);
            var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            (await Accounts.SignInAsync(app, studentLogin)).Ok();
            (await Accounts.SignInAsync(app, guardianLogin)).Ok();

            var homeworkId = SchoolScenario.IdOf((await teacher.SendAsync(Assign, new
            {
                i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title = "Exercices", instructions = $"{canary} : reprends les exercices 1 à 3.", dueAt = app.Clock.GetUtcNow().AddDays(2) },
            })).Ok()["assignHomework"]!["homework"]);
            var submissionId = SchoolScenario.IdOf((await student.SendAsync(Submit, new
            {
                i = new { homeworkId, text = $"Réponses de {given} {family}.", files = new[] { Pdf($"copie-{canary}.pdf", canary) } },
            })).Ok()["submitHomework"]!["submission"]);
            (await teacher.SendAsync(Feedback, new { i = new { submissionId, comment = $"Bien, {given}, attention aux signes." } })).Ok();

            var threadId = SchoolScenario.IdOf((await guardian.SendAsync(Send, new
            {
                i = new
                {
                    subject = $"Au sujet de {given}", body = $"{given} {family} a du mal en calcul.", concernsStudentId = studentId, confidential = true,
                    recipients = new[] { new { kind = "PERSON", id = school.TeacherId } }, attachments = new[] { Pdf($"bilan-{canary}.pdf", canary) },
                },
            })).Ok()["sendMessage"]!["messageThread"]);
            (await teacher.SendAsync(Reply, new { i = new { threadId, body = $"Je verrai {given} après le cours." } })).Ok();
            (await student.SendAsync(Send, new { i = new { subject = $"Question de {given}", body = $"Ici {given} {family}.", recipients = new[] { new { kind = "PERSON", id = school.TeacherId } } } })).Ok();

            (await teacher.SendAsync(AttendanceScenario.RollCallMutation, new
            {
                i = new { teachingUnitId = school.ClassId, subject = SchoolScenario.Subject, date, start = "08:00:00", end = "09:00:00", marks = new[] { AttendanceScenario.Absent(studentId) } },
            })).Ok();
            var absenceId = (await cpe.SendAsync(Attendance, new { s = studentId })).Ok()["studentAttendance"]!["absences"]!.AsArray()
                .First(a => a!["halfDays"]![0]!["date"]!.GetValue<string>() == date)!["id"]!.GetValue<string>();
            (await guardian.SendAsync(Justify, new { i = new { absenceId, reasonCode = "MALADIE", explanation = $"{given} avait de la fièvre.", documents = new[] { Pdf($"certificat-{canary}.pdf", canary) } } })).Ok();
            (await cpe.SendAsync(Accept, new { i = new { absenceId, comment = $"Certificat de {given} vu." } })).Ok();
            (await cpe.SendAsync(Lateness, new { i = new { studentId, date, minutes = 10 } })).Ok();

            var (assessmentId, term) = await GradesTermTests.AssessAsync(app, school, "Interrogation", 1);
            (await teacher.SendAsync(GradesTermTests.Enter, new { i = new { assessmentId, marks = new[] { new { studentId, status = "MARKED", value = 14, comment = $"{given} progresse." } } } })).Ok();
            (await teacher.SendAsync("mutation($i: WriteSubjectAppreciationInput!) { writeSubjectAppreciation(input: $i) { reportCardAppreciations { subjects { subject } } userErrors { code message } } }",
                new { i = new { studentId, subject = SchoolScenario.Subject, term, text = $"{given} : trimestre sérieux." } })).Ok();
            (await direction.SendAsync("mutation($i: WriteGeneralAppreciationInput!) { writeGeneralAppreciation(input: $i) { reportCardAppreciations { general } userErrors { code message } } }",
                new { i = new { studentId, term, text = $"{given} {family} : bon trimestre." } })).Ok();
            (await teacher.SendAsync(Grades, new { s = studentId, t = term })).Ok();
            (await teacher.SendAsync("mutation($i: WriteLessonLogEntryInput!) { writeLessonLogEntry(input: $i) { lessonLogEntry { id } userErrors { code message } } }",
                new { i = new { teachingUnitId = school.ClassId, subject = SchoolScenario.Subject, lessonDate = date, title = "Fractions", content = "Addition de fractions." } })).Ok();
        }

        (await direction.SendAsync("mutation($i: GivePunishmentInput!) { givePunishment(input: $i) { punishment { id } userErrors { code message } } }",
            new { i = new { studentId, kind = "DETENTION", facts = $"{given} a perturbé le cours." } })).Ok();
        (await direction.SendAsync("mutation($i: PronounceSanctionInput!) { pronounceSanction(input: $i) { sanction { id } userErrors { code message } } }",
            new { i = new { studentId, kind = "REPRIMAND", facts = $"{given} {family} a dégradé le CDI." } })).Ok();
        (await guardian.SendAsync("mutation($s: ID!) { withdrawConsent(subjectId: $s, purpose: PHOTO_PUBLICATION) { consentStatuses { given } userErrors { code message } } }", new { s = studentId })).Ok();

        // Control: while she is a student the canary is there, sealed, for whoever holds the keys — so the checks below can fail.
        Assert.NotEmpty(await RecoverableCanaryAsync(canary));

        // July: the next roster no longer has her; her account closes.
        app.MoveTo(new DateOnly(2027, 7, 5));
        Assert.Equal(1, (await admin.SendAsync(Import, new { i = new { establishmentId = school.EstablishmentId, csv = $"{SampleRoster.Header}\n" } })).Ok()["importStudentRoster"]!["importReport"]!["studentsLeft"]!.GetValue<int>());
        var asOf = app.Clock.GetUtcNow();
        var before = await IndicatorsAsync(school.EstablishmentId, asOf);
        Assert.NotEmpty(before.Figures);

        // Past every retention: the reprimand (end of the following school year), messages, homework and the
        // access history (a year), the lesson log (five years after its school year), the account (3 months).
        await NightlyPurgeAsync(new DateOnly(2032, 10, 4));
        await NightlyPurgeAsync(new DateOnly(2032, 10, 5));

        var dump = await DatabaseDump.PlainSqlAsync(app.ConnectionString);
        Assert.Contains("mt_events", dump, StringComparison.Ordinal);
        foreach (var encoding in Encodings(canary))
            Assert.True(dump.IndexOf(encoding, StringComparison.OrdinalIgnoreCase) < 0, $"the dump still holds the canary ({encoding}) at: {Around(dump, encoding)}");
        // Nor can the application itself, with every key it still holds, open anything that names her.
        Assert.Empty(await RecoverableCanaryAsync(canary));
        Assert.Equal(before.Figures, (await IndicatorsAsync(school.EstablishmentId, asOf)).Figures);
    }

    /// <summary>Where the canary can still be read with the application's own keys: sealed values (by table) and stored files.</summary>
    private async Task<IReadOnlyList<string>> RecoverableCanaryAsync(string canary)
    {
        var keys = app.Services.GetRequiredService<SubjectKeyRing>();
        var sealing = new JsonSerializerOptions { Converters = { new PersonalDataJsonConverter(keys) } };
        var found = new List<string>();
        foreach (var (table, value) in await DatabaseScan.AllSealedValuesAsync(app.ConnectionString))
        {
            if (JsonSerializer.Deserialize<PersonalData>(value, sealing)!.Value?.Contains(canary, StringComparison.Ordinal) == true)
                found.Add(table);
        }

        var files = app.Services.GetRequiredService<FileStore>();
        foreach (var fileId in await StoredFiles.AllAsync(app))
        {
            if (await files.OpenAsync(fileId, CancellationToken.None) is { } file
                && (file.Name.Contains(canary, StringComparison.Ordinal) || Encoding.UTF8.GetString(file.Content).Contains(canary, StringComparison.Ordinal)))
                found.Add($"file {fileId}");
        }

        return found;
    }

    private static object Pdf(string name, string canary) =>
        new { name, contentType = "application/pdf", contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes($"%PDF-1.4\n% {canary}\n")) };

    private async Task<(Guid Student, Guid Guardian)> StudentAndGuardianAsync(Guid establishmentId)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var entry = Assert.Single(await session.Query<RosterEntry>().Where(e => e.EstablishmentId == establishmentId).ToListAsync());
        return (entry.PersonId, Assert.Single(entry.Guardians.Values).GuardianId);
    }

    private async Task<IndicatorReading> IndicatorsAsync(Guid establishmentId, DateTimeOffset asOf)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await IndicatorReadings.AsOfAsync(session, establishmentId, asOf, CancellationToken.None);
    }

    /// <summary>Moves to a day and waits until the nightly purge of the night before has run by itself and planned the next.</summary>
    private async Task NightlyPurgeAsync(DateOnly day)
    {
        var now = app.MoveTo(day);
        var store = app.Services.GetRequiredService<IDocumentStore>();
        for (var attempt = 0; attempt < 150; attempt++)
        {
            await using var session = store.QuerySession();
            if ((await session.LoadAsync<NightlyPurgeSchedule>(NightlyPurgeSchedule.DocumentId))?.NextRunAt > now)
                return;
            await Task.Delay(200);
        }

        Assert.Fail($"the nightly purge did not run within 30 seconds of {day}");
    }

    /// <summary>The canary as text, as hex, and as base64 at each of the three alignments it can have in a longer value.</summary>
    private static IEnumerable<string> Encodings(string canary)
    {
        var bytes = Encoding.UTF8.GetBytes(canary);
        yield return canary;
        yield return Convert.ToHexStringLower(bytes);
        for (var shift = 0; shift < 3; shift++)
            yield return Convert.ToBase64String([.. Enumerable.Repeat((byte)'x', shift), .. bytes])[4..^4];
    }

    /// <summary>The dump's lines around the first hit, so a failure names the table and column.</summary>
    private static string Around(string dump, string needle)
    {
        var at = dump.IndexOf(needle, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return "";
        var copy = dump.LastIndexOf("\nCOPY ", at, StringComparison.Ordinal);
        var header = copy < 0 ? "" : dump[(copy + 1)..dump.IndexOf('\n', copy + 1)];
        return $"{header} … {dump[Math.Max(0, at - 200)..Math.Min(dump.Length, at + 200)]}";
    }
}
