using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Messaging;

namespace MonBureau.Application.Messaging;

public static class MessageTemplateHandler
{
    public static Guid Handle(CreateMessageTemplate command, IDocumentSession session, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (actor, establishmentId) = Staff();
        var created = MessageTemplateDecisions.Create(Guid.CreateVersion7(), command, actor.Role, actor.Id, establishmentId, clock.GetUtcNow());
        session.Events.StartStream<MessageTemplate>(created.TemplateId, created);
        return created.TemplateId;
    }

    public static async Task<Guid> Handle(RetireMessageTemplate command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (actor, establishmentId) = Staff();
        var stream = await session.Events.FetchForWriting<MessageTemplate>(command.TemplateId, cancellationToken);
        stream.AppendOne(MessageTemplateDecisions.Retire(stream.Aggregate, actor.Role, actor.Id, establishmentId, clock.GetUtcNow()));
        return command.TemplateId;
    }

    private static (Actor Actor, Guid EstablishmentId) Staff() =>
        ActingContext.Current is { EstablishmentId: { } establishmentId, IsSystem: false } actor ? (actor, establishmentId) : throw BusinessRuleException.Forbidden();
}
