using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Application.Indicators;
using MonBureau.Domain.Common;
using MonBureau.Domain.Indicators;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>
/// The direction dashboard's indicators, from a class's real activity: sign-ins, homework handed in, families' messages
/// answered. Its own clock jumps over a year for the purge, hence the year-end host.
/// </summary>
[Collection(YearEndHost.Name)]
public class IndicatorTests(AppFactory app)
{
    private const string Assign = "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }";
    private const string Submit = "mutation($i: SubmitHomeworkInput!) { submitHomework(input: $i) { submission { id } userErrors { code message } } }";
    private const string Reply = "mutation($i: ReplyToThreadInput!) { replyToThread(input: $i) { messageThread { id } userErrors { code message } } }";

    [Fact]
    public async Task Figures_seen_live_each_week_are_found_again_after_a_rebuild_after_a_purge_and_as_of_those_weeks()
    {
        var weekA = app.MoveToNext(DayOfWeek.Monday, 8);
        var school = await ClassAsync();

        // Week A: 4 of the 6 students sign in, 5 hand the homework in, the teacher answers the family the next day; the
        // family signs in; 2 students miss the first lesson, and nobody has justified it by the end of the week.
        await SignInAsync(school.Logins.Take(4));
        await HomeworkAsync(school, dueInHours: 80, handedInBy: 5);
        (await Accounts.SignInAsync(app, school.GuardianLogin)).Ok();
        await RollCallAsync(school, school.StudentIds[0], school.StudentIds[1]);
        app.MoveToNext(DayOfWeek.Monday, 10);
        var threadA = await FamilyWritesAsync(school);
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        await TeacherAnswersAsync(school, threadA);
        app.MoveToNext(DayOfWeek.Sunday, 22);
        var liveA = await ReadAsync(school, app.Clock.GetUtcNow());

        // Week B: 2 sign in, 2 hand in; the family writes on Monday and waits until the next Monday afternoon; the
        // family justifies last week's absence, and the school-life office accepts it.
        app.MoveToNext(DayOfWeek.Monday, 8);
        await SignInAsync(school.Logins.Take(2));
        await JustifyLastAbsenceAsync(school);
        await HomeworkAsync(school, dueInHours: 56, handedInBy: 2);
        var threadB = await FamilyWritesAsync(school);
        app.MoveToNext(DayOfWeek.Sunday, 22);
        var liveB = await ReadAsync(school, app.Clock.GetUtcNow());

        app.MoveToNext(DayOfWeek.Monday, 17);
        await TeacherAnswersAsync(school, threadB);
        var liveNow = await ReadAsync(school, app.Clock.GetUtcNow());

        var week = IsoWeek.Of(weekA, Paris);
        Assert.Equal(66.7, Figure(liveA, Indicator.StudentLoginRate, school.ClassId, week).Value);
        Assert.Equal(83.3, Figure(liveA, Indicator.OnlineSubmissionRate, school.ClassId, week).Value);
        Assert.Equal(13, Figure(liveA, Indicator.TeacherResponseDelay, null, week).Value);
        Assert.Equal(33.3, Figure(liveB, Indicator.StudentLoginRate, school.ClassId, week.Next()).Value);
        Assert.Equal(33.3, Figure(liveB, Indicator.OnlineSubmissionRate, school.ClassId, week.Next()).Value);
        Assert.Equal(74, Figure(liveNow, Indicator.TeacherResponseDelay, null, week.Next().Next()).Value);
        Assert.True(liveNow.Alerts(Figure(liveNow, Indicator.TeacherResponseDelay, null, week.Next().Next())));
        Assert.Equal(100, Figure(liveA, Indicator.GuardianConsultationRate, school.ClassId, week).Value);
        Assert.Equal(0, Figure(liveB, Indicator.GuardianConsultationRate, school.ClassId, week.Next()).Value);
        Assert.Equal((2.0, 6, 33.3), Parts(Figure(liveA, Indicator.AbsenceRate, school.ClassId, week)));
        Assert.Equal(100, Figure(liveA, Indicator.UnjustifiedAbsenceRate, school.ClassId, week).Value);
        // The justification recorded in week B changes week A from then on, not as it was seen at the end of week A.
        Assert.Equal(50, Figure(liveB, Indicator.UnjustifiedAbsenceRate, school.ClassId, week).Value);
        Assert.Equal(1, Figure(liveA, Indicator.ModuleUsage, null, week, EntModule.SchoolLife, Role.Teacher).Numerator);
        Assert.Equal(5, Figure(liveA, Indicator.ModuleUsage, null, week, EntModule.Homework, Role.Student).Numerator);

        // As of past weeks: what the dashboard showed then, late answers and later weeks left out.
        Assert.Equal(liveA.Figures, (await ReadAsync(school, liveA.AsOf)).Figures);
        Assert.Equal(liveB.Figures, (await ReadAsync(school, liveB.AsOf)).Figures);

        // Rebuilt from the log after the facts were lost.
        var factsBefore = await FactsAsync(school.EstablishmentId);
        await LoseFactsAsync(school.EstablishmentId);
        Assert.Empty((await ReadAsync(school, liveNow.AsOf)).Figures);
        await RebuildAsync();
        Assert.Equal(factsBefore, await FactsAsync(school.EstablishmentId));
        await AssertSameAsync(school, liveA, liveB, liveNow);

        // Erased people and purged conversations leave every figure as it was, rebuilt or not.
        await ForgetAsync(school, school.GuardianId);
        await ForgetAsync(school, school.StudentIds[0]);
        app.Clock.Advance(TimeSpan.FromDays(400));
        Assert.True((await PurgeAsync())[Domain.Privacy.RetentionCategory.Messages] >= 2);
        await AssertSameAsync(school, liveA, liveB, liveNow);
        await LoseFactsAsync(school.EstablishmentId);
        await RebuildAsync();
        await AssertSameAsync(school, liveA, liveB, liveNow);
    }

    [Fact]
    public async Task Direction_sees_the_class_in_alert_with_its_recommended_action_and_exports_withhold_small_cells()
    {
        app.MoveToNext(DayOfWeek.Monday, 8);
        var school = await ClassAsync();
        await SignInAsync(school.Logins.Take(1));
        var direction = app.Client(school.DirectionToken);

        var dashboard = (await direction.SendAsync(
            "{ indicatorDashboard { week rows { indicator className recommendedAction thisWeek { value alert numerator denominator } lastWeek { value } } } }")).Ok()["indicatorDashboard"]!;
        var login = Assert.Single(dashboard["rows"]!.AsArray(), r => r!["indicator"]!.GetValue<string>() == "STUDENT_LOGIN_RATE" && r["className"]?.GetValue<string>() == "2nde 1")!;
        Assert.Equal(16.7, login["thisWeek"]!["value"]!.GetValue<double>());
        Assert.Equal(6, login["thisWeek"]!["denominator"]!.GetValue<int>());
        Assert.StartsWith("Organiser une demi-journée d'accès encadré", login["recommendedAction"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(login["lastWeek"]);

        var csv = (await direction.SendAsync("{ indicatorExport(format: CSV) { content suppressedCells note rows } }")).Ok()["indicatorExport"]!;
        var lines = csv["content"]!.GetValue<string>().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Indicators.IndicatorExports.CsvHeader, lines[0]);
        Assert.Contains(lines, l => l.Contains(";2nde 1;", StringComparison.Ordinal) && l.Contains(";1;6;16.7;percent;true;60;false", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(";1ère 2;", StringComparison.Ordinal) && l.EndsWith(";;;;percent;;60;true;;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("module_usage;", StringComparison.Ordinal) && l.EndsWith(";homework;student", StringComparison.Ordinal));
        Assert.True(csv["suppressedCells"]!.GetValue<int>() >= 1);
        Assert.Contains("fewer than 5 people", csv["note"]!.GetValue<string>(), StringComparison.Ordinal);

        var parquet = (await direction.SendAsync("{ indicatorExport(format: PARQUET) { content base64 rows } }")).Ok()["indicatorExport"]!;
        using var file = new MemoryStream(Convert.FromBase64String(parquet["content"]!.GetValue<string>()));
        var read = await Parquet.Serialization.ParquetSerializer.DeserializeAsync<Indicators.IndicatorRow>(file);
        Assert.Equal(Indicators.IndicatorExports.CsvHeader.Split(';'), read.Schema.GetDataFields().Select(f => f.Name));
        Assert.Equal(parquet["rows"]!.GetValue<int>(), read.Data.Count);
        Assert.Contains(read.Data, r => r.ClassName == "2nde 1" && r.Indicator == "student_login_rate" && r.Value == 16.7 && r.Alert == true);

        var usage = (await direction.SendAsync("{ moduleUsage { module profile value alert recommendedAction } }")).Ok()["moduleUsage"]!.AsArray();
        var homework = Assert.Single(usage, u => u!["module"]!.GetValue<string>() == "HOMEWORK" && u["profile"]!.GetValue<string>() == "STUDENT")!;
        Assert.Equal((0, true), (homework["value"]!.GetValue<double>(), homework["alert"]!.GetValue<bool>()));
        Assert.StartsWith("Présenter le module", homework["recommendedAction"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("VALIDATION", (await direction.SendAsync("{ indicatorSeries(indicator: MODULE_USAGE) { week } }")).FirstErrorCode);
        var usageChart = (await direction.SendAsync("{ indicatorChart(indicator: MODULE_USAGE, module: HOMEWORK, profile: STUDENT) }")).Ok()["indicatorChart"]!.GetValue<string>();
        Assert.Contains("seuil d'alerte 20", usageChart, StringComparison.Ordinal);

        var chart = (await direction.SendAsync("query($c: ID) { indicatorChart(indicator: STUDENT_LOGIN_RATE, classId: $c) }", new { c = school.ClassId })).Ok()["indicatorChart"]!.GetValue<string>();
        Assert.StartsWith("<svg", chart, StringComparison.Ordinal);
        Assert.Contains("<circle", chart, StringComparison.Ordinal);
        Assert.Contains("seuil d'alerte 60", chart, StringComparison.Ordinal);

        var thresholds = (await direction.SendAsync(
            "mutation($i: SetIndicatorThresholdInput!) { setIndicatorThreshold(input: $i) { indicatorThresholds { indicator threshold recommendedAction } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, indicator = "STUDENT_LOGIN_RATE", threshold = 10, recommendedAction = "Relancer les familles par SMS" } })).Ok()["setIndicatorThreshold"]!["indicatorThresholds"]!;
        Assert.Equal(10, thresholds.AsArray().Single(t => t!["indicator"]!.GetValue<string>() == "STUDENT_LOGIN_RATE")!["threshold"]!.GetValue<double>());
        var alerts = (await direction.SendAsync("{ indicatorAlerts { indicator className } }")).Ok()["indicatorAlerts"]!.AsArray();
        Assert.DoesNotContain(alerts, a => a!["indicator"]!.GetValue<string>() == "STUDENT_LOGIN_RATE" && a["className"]?.GetValue<string>() == "2nde 1");
    }

    [Fact]
    public async Task Teachers_cannot_read_indicators_and_a_threshold_out_of_range_changes_nothing()
    {
        app.MoveToNext(DayOfWeek.Monday, 8);
        var family = await FamilyScenario.CreateAsync(app);
        var direction = app.Client(family.DirectionToken);

        Assert.Equal("FORBIDDEN", (await app.Client(family.School.TeacherToken).SendAsync("{ indicatorDashboard { week } }")).FirstErrorCode);
        Assert.Equal("VALIDATION", (await direction.SendAsync(
            "mutation($i: SetIndicatorThresholdInput!) { setIndicatorThreshold(input: $i) { indicatorThresholds { threshold } userErrors { code message } } }",
            new { i = new { establishmentId = family.School.EstablishmentId, indicator = "ONLINE_SUBMISSION_RATE", threshold = 150, recommendedAction = "x" } })).FirstErrorCode);
        Assert.Equal("NOT_FOUND", (await direction.SendAsync(
            "query($c: ID) { indicatorSeries(indicator: STUDENT_LOGIN_RATE, classId: $c) { week } }", new { c = Guid.CreateVersion7() })).FirstErrorCode);
        Assert.Equal("VALIDATION", (await direction.SendAsync(
            "query($a: DateTimeOffset) { indicatorAlerts(asOf: $a) { week } }", new { a = app.Clock.GetUtcNow().AddDays(1) })).FirstErrorCode);

        var thresholds = (await direction.SendAsync("{ indicatorThresholds { indicator threshold } }")).Ok()["indicatorThresholds"]!.AsArray();
        Assert.Equal(70, thresholds.Single(t => t!["indicator"]!.GetValue<string>() == "ONLINE_SUBMISSION_RATE")!["threshold"]!.GetValue<double>());
    }

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private sealed record IndicatorClass(
        Guid EstablishmentId, Guid ClassId, IReadOnlyList<Guid> StudentIds, IReadOnlyList<string> StudentTokens, IReadOnlyList<string> Logins,
        string TeacherToken, Guid GuardianId, string GuardianToken, string GuardianLogin, Guid TeacherId, string DirectionToken, string CpeToken);

    /// <summary>The family scenario's class with 5 more students, every student with an account.</summary>
    private async Task<IndicatorClass> ClassAsync()
    {
        var family = await FamilyScenario.CreateAsync(app);
        var school = family.School;
        var admin = app.Client(school.AdminToken);
        var students = new List<Guid> { school.StudentId };
        foreach (var name in new[] { "Hugo", "Inès", "Jules", "Lina", "Malo" })
        {
            students.Add(SchoolScenario.IdOf((await admin.SendAsync(
                "mutation($i: EnrollStudentInput!) { enrollStudent(input: $i) { person { id } userErrors { code message } } }",
                new { i = new { classId = school.ClassId, givenName = name, familyName = "Roth" } })).Ok()["enrollStudent"]!["person"]));
        }

        var logins = new List<string>();
        foreach (var student in students)
            logins.Add((await Accounts.ReadyAsync(app, school.AdminToken, student)).Login);
        var guardianLogin = (await Accounts.ReadyAsync(app, school.AdminToken, family.GuardianId)).Login;
        return new IndicatorClass(
            school.EstablishmentId, school.ClassId, students, [.. students.Select(s => app.TokenFor(new Actor(s, Role.Student, school.EstablishmentId)))], logins,
            school.TeacherToken, family.GuardianId, family.GuardianToken, guardianLogin, school.TeacherId, family.DirectionToken, family.CpeToken);
    }

    private async Task SignInAsync(IEnumerable<string> logins)
    {
        foreach (var login in logins)
            (await Accounts.SignInAsync(app, login)).Ok();
    }

    private async Task HomeworkAsync(IndicatorClass school, int dueInHours, int handedInBy)
    {
        var homeworkId = (await app.Client(school.TeacherToken).SendAsync(Assign, new
        {
            i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title = "Exercices", instructions = "Exercices 1 à 3.", dueAt = app.Clock.GetUtcNow().AddHours(dueInHours) },
        })).Ok()["assignHomework"]!["homework"]!["id"]!.GetValue<string>();
        foreach (var token in school.StudentTokens.Take(handedInBy))
            (await app.Client(token).SendAsync(Submit, new { i = new { homeworkId, text = "Mes réponses.", files = Array.Empty<object>() } })).Ok();
    }

    /// <summary>This morning's first lesson (08:00 local), the given students absent.</summary>
    private async Task RollCallAsync(IndicatorClass school, params Guid[] absent)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Paris).DateTime);
        (await app.Client(school.TeacherToken).SendAsync(AttendanceScenario.RollCallMutation, new
        {
            i = new
            {
                teachingUnitId = school.ClassId, subject = SchoolScenario.Subject, date = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                start = "08:00:00", end = "09:00:00", marks = absent.Select(AttendanceScenario.Absent).ToArray(),
            },
        })).Ok();
    }

    /// <summary>The family justifies their child's absence (illness) and the school-life office accepts it.</summary>
    private async Task JustifyLastAbsenceAsync(IndicatorClass school)
    {
        var absenceId = (await app.Client(school.CpeToken).SendAsync(AttendanceScenario.Summary, new { s = school.StudentIds[0] })).Ok()["studentAttendance"]!["absences"]![0]!["id"]!.GetValue<string>();
        (await app.Client(school.GuardianToken).SendAsync(
            "mutation($i: JustifyAbsenceInput!) { justifyAbsence(input: $i) { absence { id } userErrors { code message } } }",
            new { i = new { absenceId, reasonCode = "MALADIE", explanation = "Fièvre." } })).Ok();
        (await app.Client(school.CpeToken).SendAsync(
            "mutation($i: AcceptAbsenceJustificationInput!) { acceptAbsenceJustification(input: $i) { absence { id } userErrors { code message } } }", new { i = new { absenceId } })).Ok();
    }

    private async Task<string> FamilyWritesAsync(IndicatorClass school) =>
        (await app.Client(school.GuardianToken).SendAsync(MessagingTests.Send, new
        {
            i = new { subject = "Question", body = "Pourriez-vous nous rappeler ?", recipients = new[] { new { kind = "PERSON", id = school.TeacherId } } },
        })).Ok()["sendMessage"]!["messageThread"]!["id"]!.GetValue<string>();

    private async Task TeacherAnswersAsync(IndicatorClass school, string threadId) =>
        (await app.Client(school.TeacherToken).SendAsync(Reply, new { i = new { threadId, body = "Bien sûr." } })).Ok();

    private async Task<IndicatorReading> ReadAsync(IndicatorClass school, DateTimeOffset asOf)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await IndicatorReadings.AsOfAsync(session, school.EstablishmentId, asOf, CancellationToken.None);
    }

    private static WeeklyFigure Figure(IndicatorReading reading, Indicator indicator, Guid? classId, IsoWeek week, EntModule? module = null, Role? profile = null) =>
        Assert.Single(reading.Figures, f => f.Indicator == indicator && f.ClassId == classId && f.Week == week && f.Module == module && f.Profile == profile);

    private static (double Numerator, int Denominator, double Value) Parts(WeeklyFigure figure) => (figure.Numerator, figure.Denominator, figure.Value);

    private async Task AssertSameAsync(IndicatorClass school, params IndicatorReading[] seen)
    {
        foreach (var reading in seen)
            Assert.Equal(reading.Figures, (await ReadAsync(school, reading.AsOf)).Figures);
    }

    private async Task<IReadOnlyList<string>> FactsAsync(Guid establishmentId)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. (await session.Query<IndicatorFact>().Where(f => f.EstablishmentId == establishmentId).ToListAsync()).OrderBy(f => f.Id).Select(f => f.ToString())];
    }

    private async Task LoseFactsAsync(Guid establishmentId)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.DeleteWhere<IndicatorFact>(f => f.EstablishmentId == establishmentId);
        await session.SaveChangesAsync();
    }

    private async Task RebuildAsync()
    {
        var summary = await IndicatorRebuild.RunAsync(app.Services.GetRequiredService<IDocumentStore>(), null, CancellationToken.None, batchSize: 50);
        Assert.True(summary.FactsWritten > 0, summary.ToString());
    }

    private async Task ForgetAsync(IndicatorClass school, Guid subjectId) =>
        (await app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId))).SendAsync(
            "mutation($i: ForgetDataSubjectInput!) { forgetDataSubject(input: $i) { forgottenAt userErrors { code message } } }",
            new { i = new { subjectId, ground = "DATA_SUBJECT_REQUEST" } })).Ok();

    private async Task<IReadOnlyDictionary<Domain.Privacy.RetentionCategory, long>> PurgeAsync() => (await RetentionPurges.RunAsync(app)).Due;
}
