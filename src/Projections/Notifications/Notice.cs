using JasperFx.Events;
using MonBureau.Domain.Common;
using MonBureau.Domain.Notifications;

namespace MonBureau.Projections.Notifications;

/// <summary>What an event tells, and to whom, before anything is loaded: the projection reads a page of these at once.</summary>
internal sealed record Notice(IEvent Source, Guid EstablishmentId, NotificationCategory Category, string Kind, Guid? ActorId, Guid SourceId, Audience Audience);

/// <summary>Who a notice is for, as the event says it; <see cref="NotificationAudiences"/> turns it into people.</summary>
internal abstract record Audience
{
    /// <summary>Named people (a message's recipients).</summary>
    public sealed record People(IReadOnlyList<Guid> Ids) : Audience;

    /// <summary>One student's guardians in the establishment, and the student too when it is theirs to know first-hand.</summary>
    public sealed record Family(Guid EstablishmentId, Guid StudentId, bool WithStudent) : Audience;

    /// <summary>The students concerned (named ones, else every student of the class or group) and their guardians in the establishment.</summary>
    public sealed record Families(Guid EstablishmentId, Guid TeachingUnitId, IReadOnlyList<Guid>? Named) : Audience;

    /// <summary>Everyone holding one of <see cref="Roles"/> in the establishment, or any profile there when none is given.</summary>
    public sealed record Members(Guid EstablishmentId, IReadOnlyList<Role> Roles) : Audience;

    /// <summary>The audience of an agenda event as it was scheduled: its class's or group's families, or the whole establishment.</summary>
    public sealed record OfAgendaEvent(Guid EventId) : Audience;
}
