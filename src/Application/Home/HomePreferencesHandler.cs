using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Establishments;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Home;

namespace MonBureau.Application.Home;

/// <summary>A person's choices for their own home page in the profile they act in (docs/home-page.md).</summary>
public static class HomePreferencesHandler
{
    public static async Task<Guid> Handle(SetHomeMode command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(session, cancellationToken);
        await AppendAsync(session, current, HomeDecisions.ChooseMode(command, current, clock.GetUtcNow()), cancellationToken);
        return current.Id;
    }

    public static async Task<Guid> Handle(ConfigureHomeWidgets command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(session, cancellationToken);
        await AppendAsync(session, current, HomeDecisions.ConfigureWidgets(command, current, clock.GetUtcNow()), cancellationToken);
        return current.Id;
    }

    public static async Task<Guid> Handle(TickWeeklyReminder command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(session, cancellationToken);
        var establishment = await session.Events.FetchLatest<Establishment>(current.Owner.EstablishmentId, cancellationToken);
        await AppendAsync(session, current, HomeDecisions.Tick(command, current, EstablishmentClock.Today(clock, establishment), clock.GetUtcNow()), cancellationToken);
        return current.Id;
    }

    /// <summary>The actor's own preferences in the profile they act in: for a person and profile, never anyone else's.</summary>
    public static HomeOwner OwnerOf(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.EstablishmentId is { } establishmentId && !actor.IsSystem
            ? new HomeOwner(actor.Id, actor.Role, establishmentId)
            : throw BusinessRuleException.Forbidden();
    }

    private static async Task<HomePreferences> CurrentAsync(IDocumentSession session, CancellationToken cancellationToken)
    {
        var owner = OwnerOf(ActingContext.Current ?? throw new MissingActorException());
        return await session.Events.FetchLatest<HomePreferences>(HomePreferences.IdFor(owner), cancellationToken) ?? HomePreferences.Default(owner);
    }

    private static async Task AppendAsync(IDocumentSession session, HomePreferences current, object? change, CancellationToken cancellationToken)
    {
        if (change is null)
            return;
        if (await session.Events.FetchStreamStateAsync(current.Id, cancellationToken) is null)
            session.Events.StartStream<HomePreferences>(current.Id, change);
        else
            session.Events.Append(current.Id, change);
    }
}
