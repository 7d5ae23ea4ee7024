using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Paper;
using MonBureau.Domain.People;

namespace MonBureau.Application.Paper;

public static class FamilyPaperHandler
{
    public static async Task<Guid> Handle(IssueFamilyPaper command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.SchoolLifeOffice);
        var establishmentId = actor.EstablishmentId ?? throw BusinessRuleException.Forbidden();
        var guardian = await session.Events.FetchLatest<Person>(command.GuardianId, cancellationToken);
        var issued = FamilyPaperDecisions.Issue(Guid.CreateVersion7(), command, actor.Id, establishmentId, guardian, clock.GetUtcNow());
        session.Events.StartStream(issued.IssueId, issued);
        return issued.IssueId;
    }
}
