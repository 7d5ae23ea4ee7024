using Marten;
using Marten.Events.Projections;
using MonBureau.Domain.Timetable;

namespace MonBureau.Projections.Timetable;

/// <summary>One weekly slot of an establishment's timetable, as teachers and students see it.</summary>
public sealed class TimetableSlotView
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid TeacherId { get; set; }
    public Guid TeachingUnitId { get; set; }
    public string Subject { get; set; } = "";
    public DayOfWeek Day { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public string? Room { get; set; }
    public TimetableWeek Week { get; set; }
}

public partial class TimetableSlotTransformation : EventProjection
{
    public TimetableSlotView Create(TimetableSlotScheduled e) => new()
    {
        Id = e.SlotId,
        EstablishmentId = e.EstablishmentId,
        TeacherId = e.Slot.TeacherId,
        TeachingUnitId = e.Slot.TeachingUnitId,
        Subject = e.Slot.Subject,
        Day = e.Slot.Day,
        Start = e.Slot.Start,
        End = e.Slot.End,
        Room = e.Slot.Room,
        Week = e.Slot.Week,
    };

    public void Project(TimetableSlotCancelled e, IDocumentOperations operations) => operations.Delete<TimetableSlotView>(e.SlotId);
}
