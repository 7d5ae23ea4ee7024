using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Establishments;
using MonBureau.Domain.Certificates;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.People;

namespace MonBureau.Application.Certificates;

/// <summary>Records the issue of a certificate of schooling; the API renders the document from the read models.</summary>
public static class IssueSchoolingCertificateHandler
{
    public static async Task<Guid> Handle(IssueSchoolingCertificate command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Current ?? throw new MissingActorException();
        var requester = await session.Events.FetchLatest<Person>(actor.Id, cancellationToken);
        var student = await session.Events.FetchLatest<Person>(command.StudentId, cancellationToken);
        var schoolClass = student?.ClassId is { } classId ? await session.Events.FetchLatest<SchoolClass>(classId, cancellationToken) : null;
        var establishment = actor.EstablishmentId is { } id ? await session.Events.FetchLatest<Establishment>(id, cancellationToken) : null;

        var issued = SchoolingCertificateDecisions.Issue(
            Guid.CreateVersion7(), command, actor.Role, actor.EstablishmentId, requester, student, schoolClass,
            EstablishmentClock.Today(clock, establishment), clock.GetUtcNow());
        session.Events.StartStream<SchoolingCertificateIssued>(issued.CertificateId, issued);
        return issued.CertificateId;
    }
}
