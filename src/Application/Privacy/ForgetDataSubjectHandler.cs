using Marten;
using MonBureau.Application.Auditing;
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

        await Forgetting.ForgetAsync(session, keys, Require.Id(command.SubjectId, "Subject"), command.Ground, clock.GetUtcNow(), cancellationToken);
    }
}
