using Marten;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Certificates;
using MonBureau.Domain.Common;
using MonBureau.Host.Downloads;
using MonBureau.Projections.Classes;
using MonBureau.Projections.Establishments;
using MonBureau.Projections.People;
using Wolverine;

namespace MonBureau.Host.Certificates;

/// <summary>
/// GET /certificates/schooling/{studentId} with the access token as a Bearer header: the certificate of schooling
/// as application/pdf, generated on request for the student or one of their guardians. A plain download rather than
/// a GraphQL field, so a browser saves it as a file; each issue is recorded as an event (ADR 0014). Refusals answer
/// with the API's error codes as JSON: 401 UNAUTHENTICATED, 403 FORBIDDEN (also for an unknown student), 404 NOT_FOUND,
/// 503 UNAVAILABLE when a guardian's reading of the child's record cannot be recorded.
/// </summary>
public static class SchoolingCertificateEndpoint
{
    public const string Path = "/certificates/schooling";
    private const string Operation = "GET " + Path;

    public static void MapSchoolingCertificate(this IEndpointRouteBuilder app) =>
        app.MapGet(Path + "/{studentId:guid}", DownloadAsync);

    private static async Task<IResult> DownloadAsync(Guid studentId, HttpContext http)
    {
        if (await DownloadRequest.ActorAsync(http) is not { } actor)
            return Refusal(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "Sign in to download a certificate.");

        var correlationId = Guid.CreateVersion7().ToString();
        http.Response.Headers["X-Correlation-Id"] = correlationId;
        using var acting = ActingContext.Begin(actor, correlationId);
        var services = http.RequestServices;
        Guid certificateId;
        try
        {
            certificateId = await services.GetRequiredService<IMessageBus>().RunAsync<Guid>(new IssueSchoolingCertificate(studentId), http.RequestAborted);
        }
        catch (BusinessRuleException refused)
        {
            if (refused.Code == ErrorCodes.Forbidden)
                await services.GetRequiredService<DeniedAccessLog>().RecordAsync(actor, Operation, studentId, "NoRelationship");
            return Refusal(refused.Code == ErrorCodes.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound, refused.Code, refused.Message);
        }

        var content = await ContentAsync(services, certificateId, http.RequestAborted);
        if (actor.Id != studentId)
        {
            try
            {
                await services.GetRequiredService<AccessLog>().RecordAsync([new AccessRecord(
                    actor.Id, actor.Role, actor.EstablishmentId, studentId, DataCategory.Identity, Operation, correlationId, services.GetRequiredService<TimeProvider>().GetUtcNow())]);
            }
            catch (AccessLogUnavailableException)
            {
                return Refusal(StatusCodes.Status503ServiceUnavailable, ErrorCodes.Unavailable, "The service cannot record this consultation right now, so it does not deliver the certificate; try again in a moment.");
            }
        }

        return Results.File(SchoolingCertificateDocument.Render(content), "application/pdf", $"certificat-de-scolarite-{content.SchoolYear}.pdf");
    }

    private static async Task<SchoolingCertificateContent> ContentAsync(IServiceProvider services, Guid certificateId, CancellationToken cancellationToken)
    {
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        var issued = (await session.Events.FetchStreamAsync(certificateId, token: cancellationToken)).Select(e => e.Data).OfType<SchoolingCertificateIssued>().Single();
        var student = await session.LoadAsync<PersonDetails>(issued.StudentId, cancellationToken);
        var schoolClass = await session.LoadAsync<ClassDetails>(issued.ClassId, cancellationToken);
        var establishment = await session.LoadAsync<EstablishmentDetails>(issued.EstablishmentId, cancellationToken);
        return new SchoolingCertificateContent(
            certificateId,
            establishment!.Name,
            establishment.Uai,
            establishment.Academy,
            $"{student!.GivenName} {student.FamilyName.ToString().ToUpper(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))}",
            schoolClass!.Name,
            issued.SchoolYear.ToString(),
            issued.IssuedOn,
            Place: establishment.Name); // establishments have no postal address yet; their name stands for the place
    }

    private static IResult Refusal(int status, string code, string message) => DownloadRequest.Refusal(status, code, message);
}
