using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;
using MonBureau.Domain.Privacy;

namespace MonBureau.Application.Privacy;

public static class GiveConsentHandler
{
    public static Task<Guid> Handle(GiveConsent command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        ConsentRecorder.RecordAsync(command, command.SubjectId, session, clock, cancellationToken);
}

public static class WithdrawConsentHandler
{
    public static Task<Guid> Handle(WithdrawConsent command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        ConsentRecorder.RecordAsync(command, command.SubjectId, session, clock, cancellationToken);
}

internal static class ConsentRecorder
{
    public static async Task<Guid> RecordAsync(object command, Guid subjectId, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = ActingContext.Current ?? throw new MissingActorException();
        var subject = await session.Events.FetchLatest<Person>(subjectId, cancellationToken);
        var decider = await session.Events.FetchLatest<Person>(actor.Id, cancellationToken);
        if (subject is null || decider is null)
            throw BusinessRuleException.Forbidden();
        session.Events.Append(subjectId, ConsentDecisions.Decide(command, subject, decider, clock.GetUtcNow()));
        return subjectId;
    }
}
