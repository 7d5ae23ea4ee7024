using MonBureau.Domain.Common;

namespace MonBureau.Domain.Attendance;

/// <summary>
/// Stream ids derived from natural keys: submitting the roll call of the same lesson again reaches the same stream
/// (a correction, not a second roll call), and each student has exactly one attendance record per establishment.
/// </summary>
public static class AttendanceIds
{
    public static Guid RollCall(Guid teachingUnitId, DateOnly date, TimeOnly start) =>
        From($"roll-call:{teachingUnitId:N}:{date:yyyy-MM-dd}:{start:HH\\:mm}");

    public static Guid StudentRecord(Guid studentId, Guid establishmentId) => From($"attendance:{studentId:N}:{establishmentId:N}");

    public static Guid Alert(Guid studentId, int year, int month) => From($"absenteeism-alert:{studentId:N}:{year:D4}-{month:D2}");

    private static Guid From(string name) => NameBasedId.From(name);
}
