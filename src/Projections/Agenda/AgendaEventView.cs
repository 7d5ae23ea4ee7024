using Marten.Events.Aggregation;
using MonBureau.Domain.Agenda;
using MonBureau.Domain.Common;

namespace MonBureau.Projections.Agenda;

/// <summary>An agenda event as everyone it concerns sees it; a cancelled one stays, marked cancelled.</summary>
public sealed class AgendaEventView
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public AgendaAudience Audience { get; set; }
    public Guid? TeachingUnitId { get; set; }

    /// <summary>The class or group, or the establishment itself: one column to find everything that concerns someone.</summary>
    public Guid AudienceId { get; set; }
    public AgendaEventKind Kind { get; set; }
    public string Title { get; set; } = "";
    public PersonalData? Description { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Location { get; set; }
    public bool Important { get; set; }
    public Guid ScheduledBy { get; set; }
    public DateTimeOffset ScheduledAt { get; set; }
    public DateTimeOffset? RevisedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Changes on every revision or cancellation, so calendar apps notice (iCalendar SEQUENCE).</summary>
    public int Sequence { get; set; }

    public bool Cancelled => CancelledAt is not null;
}

public partial class AgendaEventViewProjection : SingleStreamProjection<AgendaEventView, Guid>
{
    public static AgendaEventView Create(AgendaEventScheduled e)
    {
        var view = new AgendaEventView
        {
            Id = e.EventId,
            EstablishmentId = e.EstablishmentId,
            Audience = e.Audience,
            TeachingUnitId = e.TeachingUnitId,
            AudienceId = e.TeachingUnitId ?? e.EstablishmentId,
            ScheduledBy = e.ScheduledBy,
            ScheduledAt = e.ScheduledAt,
        };
        Fill(view, e.Details);
        return view;
    }

    public void Apply(AgendaEventRevised e, AgendaEventView view)
    {
        Fill(view, e.Details);
        view.RevisedAt = e.RevisedAt;
        view.Sequence++;
    }

    public void Apply(AgendaEventCancelled e, AgendaEventView view)
    {
        view.CancelledAt = e.CancelledAt;
        view.Sequence++;
    }

    private static void Fill(AgendaEventView view, AgendaEventDetails details)
    {
        view.Kind = details.Kind;
        view.Title = details.Title;
        view.Description = details.Description;
        view.StartsAt = details.StartsAt;
        view.EndsAt = details.EndsAt;
        view.Location = details.Location;
        view.Important = details.Important;
    }
}
