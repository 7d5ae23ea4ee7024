using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;
using MonBureau.Domain.Resources;

namespace MonBureau.Application.Resources;

public static class ResourceHandler
{
    public static async Task<Guid> Handle(PublishResource command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = ActingContext.Require(Role.Teacher);
        var teacher = await session.Events.FetchLatest<Person>(actor.Id, cancellationToken) ?? throw BusinessRuleException.Forbidden();
        var published = ResourceDecisions.Publish(Guid.CreateVersion7(), command, teacher, actor.EstablishmentId ?? Guid.Empty, clock.GetUtcNow());
        session.Events.StartStream<Resource>(published.ResourceId, published);
        return published.ResourceId;
    }

    public static async Task<Guid> Handle(ReviseResource command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.Teacher);
        var revised = ResourceDecisions.Revise(command, await session.Events.FetchLatest<Resource>(command.ResourceId, cancellationToken), actor.Id, clock.GetUtcNow());
        session.Events.Append(revised.ResourceId, revised);
        return revised.ResourceId;
    }

    public static async Task<Guid> Handle(ArchiveResource command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Current ?? throw new MissingActorException();
        var resource = await session.Events.FetchLatest<Resource>(command.ResourceId, cancellationToken);
        var archived = ResourceDecisions.Archive(resource, actor.Id, actor.Role, actor.EstablishmentId ?? Guid.Empty, clock.GetUtcNow());
        session.Events.Append(archived.ResourceId, archived);
        return archived.ResourceId;
    }
}
