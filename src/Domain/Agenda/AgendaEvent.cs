using MonBureau.Domain.Common;

namespace MonBureau.Domain.Agenda;

/// <summary>What an agenda event is: a test (devoir surveillé), a meeting, a trip (sortie), a parents' evening (réunion parents-professeurs) or anything else.</summary>
public enum AgendaEventKind
{
    Test,
    Meeting,
    Trip,
    ParentsEvening,
    Other,
}

/// <summary>Who an agenda event is for: the whole establishment, one class or one group.</summary>
public enum AgendaAudience
{
    Establishment,
    Class,
    Group,
}

/// <summary>
/// What can change about an event once scheduled; its audience cannot. The description is the author's free text,
/// sealed under the author's key like homework instructions.
/// </summary>
public sealed record AgendaEventDetails(
    AgendaEventKind Kind, string Title, PersonalData? Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, bool Important);

/// <summary><see cref="TeachingUnitId"/> is the class or group, null for the whole establishment.</summary>
public sealed record AgendaEventScheduled(
    Guid EventId, Guid EstablishmentId, AgendaAudience Audience, Guid? TeachingUnitId, AgendaEventDetails Details, Guid ScheduledBy, DateTimeOffset ScheduledAt)
    : IEstablishmentScoped;

public sealed record AgendaEventRevised(Guid EventId, Guid EstablishmentId, AgendaEventDetails Details, Guid RevisedBy, DateTimeOffset RevisedAt) : IEstablishmentScoped;

/// <summary>A cancelled event stays in the agenda, marked cancelled, so nobody turns up to it.</summary>
public sealed record AgendaEventCancelled(Guid EventId, Guid EstablishmentId, Guid CancelledBy, DateTimeOffset CancelledAt) : IEstablishmentScoped;

public sealed record AgendaEvent(Guid Id, Guid EstablishmentId, AgendaAudience Audience, Guid? TeachingUnitId, bool Cancelled)
{
    public static AgendaEvent Create(AgendaEventScheduled e) => new(e.EventId, e.EstablishmentId, e.Audience, e.TeachingUnitId, false);

    public AgendaEvent Apply(AgendaEventCancelled e) => this with { Cancelled = true };
}
