using MonBureau.Domain.Common;

namespace MonBureau.Domain.Timetable;

/// <summary>Fortnightly alternation used by French timetables: every week, or only weeks A or B.</summary>
public enum TimetableWeek
{
    Every,
    A,
    B,
}

/// <summary>A weekly lesson slot (créneau d'emploi du temps): who teaches what to whom, when and where.</summary>
public sealed record TimetableSlot(Guid TeacherId, Guid TeachingUnitId, string Subject, DayOfWeek Day, TimeOnly Start, TimeOnly End, string? Room, TimetableWeek Week);

/// <summary>On the establishment's timetable stream; a changed slot is one cancelled and one scheduled.</summary>
public sealed record TimetableSlotScheduled(Guid EstablishmentId, Guid SlotId, TimetableSlot Slot) : IEstablishmentScoped;

public sealed record TimetableSlotCancelled(Guid EstablishmentId, Guid SlotId) : IEstablishmentScoped;
