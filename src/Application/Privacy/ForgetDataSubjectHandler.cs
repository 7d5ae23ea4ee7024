using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Establishments;
using MonBureau.Domain.Common;
using MonBureau.Domain.Privacy;

namespace MonBureau.Application.Privacy;

public static class ForgetDataSubjectHandler
{
    public static async Task Handle(ForgetDataSubject command, IDocumentSession session, SubjectKeyRing keys, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(keys);
        var actor = ActingContext.Current ?? throw new MissingActorException();
        if (actor.Role is not (Role.PrivacyOfficer or Role.System))
            throw BusinessRuleException.Forbidden();

        var subjectId = Require.Id(command.SubjectId, "Subject");
        ErasureDecisions.EnsureMayErase(await OfficialRecords.OfAsync(session, subjectId, cancellationToken), EstablishmentClock.Today(clock, null));
        await Forgetting.ForgetAsync(session, keys, subjectId, command.Ground, clock.GetUtcNow(), cancellationToken);
    }
}
