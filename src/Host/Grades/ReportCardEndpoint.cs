using System.Globalization;
using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Grades;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Grades;
using MonBureau.Host.Authorization;
using MonBureau.Host.Downloads;
using MonBureau.Host.GraphQL.Fields;
using MonBureau.Projections.Classes;
using MonBureau.Projections.Establishments;
using MonBureau.Projections.People;

namespace MonBureau.Host.Grades;

/// <summary>
/// GET /report-cards/{studentId}/{schoolYear}/{term} with the access token as a Bearer header: the report card
/// (bulletin) as application/pdf, rendered on request from the grade books, like the certificate of schooling
/// (ADR 0014). Students and guardians get it from their publication time (ADR 0019), teachers and direction at any
/// time. Refusals answer with the API's error codes as JSON: 401 UNAUTHENTICATED, 404 NOT_FOUND (unknown term, or not
/// published yet for the caller, saying when it will be), 403 FORBIDDEN (a profile that does not read grades, not the
/// caller's student, also for an unknown one), 503 UNAVAILABLE when the reading cannot be recorded. Every download by
/// someone other than the student is recorded in the access history (<see cref="DataCategory.Grades"/>).
/// </summary>
public static class ReportCardEndpoint
{
    public const string Path = "/report-cards";
    private const string Operation = "GET " + Path;
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static void MapReportCards(this IEndpointRouteBuilder app) =>
        app.MapGet(Path + "/{studentId:guid}/{schoolYear:int}/{term:int}", DownloadAsync);

    private static async Task<IResult> DownloadAsync(Guid studentId, int schoolYear, int term, HttpContext http)
    {
        if (await DownloadRequest.ActorAsync(http) is not { } actor)
            return DownloadRequest.Refusal(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "Sign in to download a report card.");

        var correlationId = Guid.CreateVersion7().ToString();
        http.Response.Headers["X-Correlation-Id"] = correlationId;
        using var acting = ActingContext.Begin(actor, correlationId);
        var services = http.RequestServices;
        var cancellationToken = http.RequestAborted;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        var calendar = actor.EstablishmentId is { } establishmentId ? await GradeCalendars.LoadAsync(session, establishmentId, cancellationToken) : null;
        if (!SchoolYear.Plausible(schoolYear))
            return DownloadRequest.Refusal(StatusCodes.Status400BadRequest, ErrorCodes.Validation, $"{schoolYear} is not a school year: give the year it starts.");
        var year = new SchoolYear(schoolYear);
        if (calendar?.TermOf(year, term) is not { } found)
            return DownloadRequest.Refusal(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"Term {term} of {year} was not found.");

        // The profiles that read grades in the API; other staff (administrators, the school-life office) do not.
        if (actor.Role is not (Role.Student or Role.Guardian or Role.Teacher or Role.Direction))
            return DownloadRequest.Refusal(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Your profile does not read report cards.");
        var reader = TermGrades.ReaderFor(actor);
        var publication = calendar.PublicationOf(year, term);
        if (!GradeVisibility.SeesReportCard(reader, publication, now))
            return DownloadRequest.Refusal(StatusCodes.Status404NotFound, ErrorCodes.NotFound, NotYet(reader, publication));

        PersonDetails? student;
        try
        {
            student = await PersonAccess.ReadableAsync(actor, services, session, studentId, DataCategory.Grades, Operation, cancellationToken);
        }
        catch (AccessLogUnavailableException)
        {
            return DownloadRequest.Refusal(StatusCodes.Status503ServiceUnavailable, ErrorCodes.Unavailable, "The service cannot record this consultation right now, so it does not deliver the report card; try again in a moment.");
        }

        if (student is null)
            return DownloadRequest.Refusal(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "You are not allowed to see this student's report card.");

        var content = await ContentAsync(session, calendar, student, year, found, now, cancellationToken);
        return Results.File(ReportCardDocument.Render(content), "application/pdf", $"bulletin-{year}-t{term}.pdf");
    }

    private static string NotYet(GradeReader reader, ReportCardPublication? publication)
    {
        var at = publication?.TimeFor(reader == GradeReader.Guardian ? ReportCardAudience.Guardians : ReportCardAudience.Students);
        return at is null
            ? "This report card is not published yet: its publication has not been scheduled."
            : $"This report card is not published yet: it will be on {at.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.";
    }

    /// <summary>Once published the report card shows every mark of the term: the guardians' delay on single marks no longer applies.</summary>
    private static async Task<ReportCardContent> ContentAsync(
        IQuerySession session, GradeCalendar calendar, PersonDetails student, SchoolYear year, Term term, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var grades = await TermGrades.OfStudentAsync(session, student.Id, year, term, calendar, GradeReader.Staff, now, cancellationToken);
        var establishment = await session.LoadAsync<EstablishmentDetails>(calendar.EstablishmentId, cancellationToken);
        var schoolClass = student.ClassId is { } classId ? await session.LoadAsync<ClassDetails>(classId, cancellationToken) : null;
        var absences = await AttendanceFields.AbsencesAsync(session, calendar.EstablishmentId, [student.Id], term.Start, term.End, cancellationToken);
        var totals = AttendanceTotals.Of(absences.Select(a => ((IEnumerable<HalfDay>)a.HalfDays, a.Justified)), [], term.Start, term.End);
        return new ReportCardContent(
            establishment?.Name ?? "",
            establishment?.Uai ?? "",
            $"{student.GivenName} {student.FamilyName.ToString().ToUpper(French)}",
            schoolClass?.Name ?? "",
            year.ToString(),
            term.Name,
            term.Start,
            term.End,
            [.. grades.Subjects.Select(s => new ReportCardLine(s.Subject, s.Coefficient, s.Average, s.Class?.Average, s.Class?.Lowest, s.Class?.Highest, s.Appreciation?.Text.Value))],
            grades.GeneralAverage,
            grades.GeneralAppreciation?.Value,
            totals.JustifiedHalfDays,
            totals.UnjustifiedHalfDays);
    }
}
