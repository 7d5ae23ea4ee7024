using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;
using static MonBureau.Host.Tests.Infrastructure.AttendanceScenario;

namespace MonBureau.Host.Tests;

/// <summary>
/// Issue 6's "done when": one week of school life in 2nde 1, day by day, through GraphQL. Léa misses Monday morning
/// and her mother justifies it with a certificate; Hugo comes late, then skips four half-days and is given a warning.
/// </summary>
[Collection(SchoolWeekHost.Name)]
public class SchoolLifeWeekTests(AppFactory app)
{
    private const string RecordLateness = "mutation($i: RecordLatenessInput!) { recordLateness(input: $i) { lateness { minutes } userErrors { code message } } }";
    private const string Justify = "mutation($i: JustifyAbsenceInput!) { justifyAbsence(input: $i) { absence { justification documents { fileId } } userErrors { code message } } }";
    private const string Accept = "mutation($i: AcceptAbsenceJustificationInput!) { acceptAbsenceJustification(input: $i) { absence { justified } userErrors { code message } } }";
    private const string Attendance = "query($s: ID!) { studentAttendance(studentId: $s) { justifiedHalfDays unjustifiedHalfDays latenessCount lateMinutes absences { id } } }";
    private const string Dashboard = "{ schoolLifeDashboard { alerts { studentId month unjustifiedHalfDays } pendingJustifications { id documents { fileId name } } } }";
    private const string OpenFile = "query($id: ID!) { file(fileId: $id) { contentBase64 } }";
    private const string Pronounce = "mutation($i: PronounceSanctionInput!) { pronounceSanction(input: $i) { sanction { id erasedOn } userErrors { code message } } }";
    private const string Sanctions = "query($id: ID!) { studentSanctions(studentId: $id) { nodes { kind facts } } }";
    private const string Notifications = "{ notifications { nodes { kind summary } } }";

    private static readonly byte[] Certificate = Encoding.ASCII.GetBytes("%PDF-1.4\n% certificat medical du Dr Lambert\n");

    /// <summary>The class's people: Léa (the scenario's student) and her mother Sophie, Hugo and his father, the CPE, the head.</summary>
    private sealed record Cast(AttendanceScenario School, string HugoToken, string HugoFatherToken, string DirectionToken)
    {
        public Guid Lea => School.School.StudentId;
        public Guid Hugo => School.ClassmateId;
        public string LeaToken => School.School.StudentToken;
        public string LeaMotherToken => School.GuardianToken;
        public string CpeToken => School.CpeToken;
        public string TeacherToken => School.School.TeacherToken;
    }

    [Fact]
    public async Task A_week_of_school_life_from_monday_s_roll_call_to_friday_s_sanction()
    {
        var cast = await CastAsync();

        await MondayLeaIsAbsentAndHugoLateAsync(cast);
        var certificateId = await MondayEveningLeaSMotherJustifiesWithACertificateAsync(cast);
        await TuesdayTheCpeRecordsHugoSLatenessAndAcceptsTheJustificationAsync(cast, certificateId);
        await WednesdayToFridayHugoSkipsFourHalfDaysAndTheAlertIsRaisedAsync(cast);
        await FridayTheHeadWarnsHugoAndOnlyHisCircleSeesItAsync(cast);
        await FridayEveningLeaSMotherFindsTheWeekInHerNotificationsAsync(cast);
    }

    private async Task MondayLeaIsAbsentAndHugoLateAsync(Cast cast)
    {
        app.MoveToNext(DayOfWeek.Monday, 8, 5);
        await RollCallAsync(cast, 8, Absent(cast.Lea), Late(cast.Hugo, 10));
        app.MoveToNext(DayOfWeek.Monday, 14, 5);
        await RollCallAsync(cast, 14);

        var lea = await AttendanceOfAsync(cast, cast.Lea);
        Assert.Equal((0, 1), (lea["justifiedHalfDays"]!.GetValue<int>(), lea["unjustifiedHalfDays"]!.GetValue<int>()));
        Assert.Equal(10, (await AttendanceOfAsync(cast, cast.Hugo))["lateMinutes"]!.GetValue<int>());
    }

    private async Task<string> MondayEveningLeaSMotherJustifiesWithACertificateAsync(Cast cast)
    {
        app.MoveToNext(DayOfWeek.Monday, 19);
        var absenceId = (await AttendanceOfAsync(cast, cast.Lea))["absences"]![0]!["id"]!.GetValue<string>();
        var certificate = new { name = "certificat-lea.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String(Certificate) };

        var justification = (await app.Client(cast.LeaMotherToken).SendAsync(Justify,
            new { i = new { absenceId, reasonCode = "MALADIE", explanation = "Léa avait de la fièvre, voici le certificat.", documents = new[] { certificate } } })).Ok()["justifyAbsence"]!["absence"]!;

        Assert.Equal("PENDING", justification["justification"]!.GetValue<string>());
        return justification["documents"]![0]!["fileId"]!.GetValue<string>();
    }

    private async Task TuesdayTheCpeRecordsHugoSLatenessAndAcceptsTheJustificationAsync(Cast cast, string certificateId)
    {
        app.MoveToNext(DayOfWeek.Tuesday, 8, 20);
        var cpe = app.Client(cast.CpeToken);
        (await cpe.SendAsync(RecordLateness, new { i = new { studentId = cast.Hugo, date = Today(), minutes = 20, reasonCode = "REVEIL" } })).Ok();
        var hugo = await AttendanceOfAsync(cast, cast.Hugo);
        Assert.Equal((2, 30), (hugo["latenessCount"]!.GetValue<int>(), hugo["lateMinutes"]!.GetValue<int>()));

        var pending = Assert.Single((await cpe.SendAsync(Dashboard)).Ok()["schoolLifeDashboard"]!["pendingJustifications"]!.AsArray())!;
        Assert.Equal(certificateId, pending["documents"]![0]!["fileId"]!.GetValue<string>());
        Assert.Equal(Certificate, Convert.FromBase64String((await cpe.SendAsync(OpenFile, new { id = certificateId })).Ok()["file"]!["contentBase64"]!.GetValue<string>()));
        Assert.Equal("FORBIDDEN", (await app.Client(cast.TeacherToken).SendAsync(OpenFile, new { id = certificateId })).FirstErrorCode);

        (await cpe.SendAsync(Accept, new { i = new { absenceId = pending["id"]!.GetValue<string>(), comment = "Certificat médical reçu." } })).Ok();

        var lea = await AttendanceOfAsync(cast, cast.Lea);
        Assert.Equal((1, 0), (lea["justifiedHalfDays"]!.GetValue<int>(), lea["unjustifiedHalfDays"]!.GetValue<int>()));
    }

    private async Task WednesdayToFridayHugoSkipsFourHalfDaysAndTheAlertIsRaisedAsync(Cast cast)
    {
        app.MoveToNext(DayOfWeek.Wednesday, 9);
        await RollCallAsync(cast, 8, Absent(cast.Hugo));
        app.MoveToNext(DayOfWeek.Thursday, 15);
        await RollCallAsync(cast, 8, Absent(cast.Hugo));
        await RollCallAsync(cast, 14, Absent(cast.Hugo));
        Assert.Empty(await AlertsAsync(cast.CpeToken));

        app.MoveToNext(DayOfWeek.Friday, 9);
        await RollCallAsync(cast, 8, Absent(cast.Hugo));

        foreach (var reader in new[] { cast.CpeToken, cast.DirectionToken })
        {
            var alert = Assert.Single(await AlertsAsync(reader))!;
            Assert.Equal((cast.Hugo.ToString(), Today().Month, 4),
                (alert["studentId"]!.GetValue<string>(), alert["month"]!.GetValue<int>(), alert["unjustifiedHalfDays"]!.GetValue<int>()));
        }
    }

    private async Task FridayTheHeadWarnsHugoAndOnlyHisCircleSeesItAsync(Cast cast)
    {
        app.MoveToNext(DayOfWeek.Friday, 16);
        var warning = (await app.Client(cast.DirectionToken).SendAsync(Pronounce,
            new { i = new { studentId = cast.Hugo, kind = "WARNING", facts = "Quatre demi-journées d'absence sans motif et insolence envers la vie scolaire." } })).Ok()["pronounceSanction"]!["sanction"]!;

        Assert.Equal(SchoolYear.Containing(Today()).LastDay, DateOnly.Parse(warning["erasedOn"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        foreach (var reader in new[] { cast.HugoToken, cast.HugoFatherToken, cast.CpeToken, cast.DirectionToken })
            Assert.Equal("WARNING", Assert.Single((await app.Client(reader).SendAsync(Sanctions, new { id = cast.Hugo })).Ok()["studentSanctions"]!["nodes"]!.AsArray())!["kind"]!.GetValue<string>());
        foreach (var outsider in new[] { cast.TeacherToken, cast.LeaToken, cast.LeaMotherToken })
            Assert.Equal("FORBIDDEN", (await app.Client(outsider).SendAsync(Sanctions, new { id = cast.Hugo })).FirstErrorCode);
    }

    private async Task FridayEveningLeaSMotherFindsTheWeekInHerNotificationsAsync(Cast cast)
    {
        app.MoveToNext(DayOfWeek.Friday, 19);

        var notifications = (await app.Client(cast.LeaMotherToken).SendAsync(Notifications)).Ok()["notifications"]!["nodes"]!.AsArray();

        var kinds = notifications.Select(n => n!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("absence.recorded", kinds);
        Assert.Contains("justification.accepted", kinds);
        Assert.DoesNotContain("sanction.pronounced", kinds);
        Assert.All(notifications, n => Assert.False(string.IsNullOrWhiteSpace(n!["summary"]!.GetValue<string>())));
    }

    private async Task<Cast> CastAsync()
    {
        var school = await CreateAsync(app);
        var hugoFatherId = SchoolScenario.IdOf((await app.Client(school.School.AdminToken).SendAsync(
            "mutation($i: RegisterGuardianInput!) { registerGuardian(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { studentId = school.ClassmateId, givenName = "Marc", familyName = "Roth", rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true } } })).Ok()["registerGuardian"]!["person"]);
        var establishmentId = school.School.EstablishmentId;
        return new Cast(school,
            app.TokenFor(new Actor(school.ClassmateId, Role.Student, establishmentId)),
            app.TokenFor(new Actor(hugoFatherId, Role.Guardian, establishmentId)),
            app.TokenFor(new Actor(Guid.CreateVersion7(), Role.Direction, establishmentId)));
    }

    /// <summary>Today on the school's (Paris) calendar.</summary>
    private DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);

    private async Task RollCallAsync(Cast cast, int hour, params object[] marks) =>
        (await app.Client(cast.TeacherToken).SendAsync(RollCallMutation, cast.School.RollCall(Today(), hour, marks))).Ok();

    private async Task<JsonNode> AttendanceOfAsync(Cast cast, Guid studentId) =>
        (await app.Client(cast.CpeToken).SendAsync(Attendance, new { s = studentId })).Ok()["studentAttendance"]!;

    private async Task<JsonArray> AlertsAsync(string token) =>
        (await app.Client(token).SendAsync(Dashboard)).Ok()["schoolLifeDashboard"]!["alerts"]!.AsArray();
}
