using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Grading;

namespace MonBureau.Application.Grading;

public static class CreateGradingScaleHandler
{
    /// <summary>A teacher creates their own barème; direction or an administrator one for the whole establishment.</summary>
    public static Guid Handle(CreateGradingScale command, IDocumentSession session, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Current is { EstablishmentId: { } establishmentId } current ? current : throw BusinessRuleException.Forbidden();
        Guid? owner = actor.Role switch
        {
            Role.Teacher when !command.ForEstablishment => actor.Id,
            Role.Direction or Role.EstablishmentAdministrator when command.ForEstablishment => null,
            Role.Teacher => throw BusinessRuleException.Invalid("Establishment scales are created by direction or an administrator; create your own scale instead."),
            Role.Direction or Role.EstablishmentAdministrator => throw BusinessRuleException.Invalid("Direction and administrators create establishment scales (forEstablishment: true)."),
            _ => throw BusinessRuleException.Forbidden(),
        };

        var created = GradingScaleDecisions.Create(Guid.CreateVersion7(), command, establishmentId, owner, clock.GetUtcNow());
        session.Events.StartStream<GradingScale>(created.ScaleId, created);
        return created.ScaleId;
    }
}
