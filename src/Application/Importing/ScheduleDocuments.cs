using System.Security.Cryptography;
using System.Text;
using MonBureau.Domain.Common;
using MonBureau.Domain.Timetable;

namespace MonBureau.Application.Importing;

/// <summary>What the last schedule import left for one teacher: their identity and the teachings it assigned.</summary>
public sealed class StaffRosterEntry
{
    public string Id { get; set; } = "";
    public Guid EstablishmentId { get; set; }
    public string Key { get; set; } = "";
    public Guid PersonId { get; set; }
    public List<ImportedTeaching> Teachings { get; set; } = [];

    public static string IdFor(Guid establishmentId, string key) => $"sts:{establishmentId}:{key}";
}

public sealed record ImportedTeaching(string Unit, string Subject);

/// <summary>A timetable slot the schedule import created, as it was in the file, to cancel it when it disappears.</summary>
public sealed record ImportedSlot(Guid Id, Guid EstablishmentId, string TeacherKey, string Unit, string Subject, DayOfWeek Day, TimeOnly Start, TimeOnly End, string? Room, TimetableWeek Week);

public sealed record ImportTeachingSchedule(Guid EstablishmentId, string Csv) : Redacted;

public sealed record ScheduleImportReport(
    int TeachersRegistered, int GroupsCreated, int TeachingsAssigned, int TeachingsWithdrawn, int SlotsScheduled, int SlotsCancelled,
    IReadOnlyList<Domain.Importing.RejectedLine> Rejected, IReadOnlyList<Domain.Importing.NeedsReview> NeedsReview)
{
    public int Changes => TeachersRegistered + GroupsCreated + TeachingsAssigned + TeachingsWithdrawn + SlotsScheduled + SlotsCancelled;
}

/// <summary>Each establishment's timetable is one stream, found from the establishment id.</summary>
public static class TimetableStreams
{
    public static Guid For(Guid establishmentId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"monbureau-timetable:{establishmentId}")).AsSpan(0, 16));
}
