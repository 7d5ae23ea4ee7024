using System.Security.Cryptography;
using System.Text;

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

    // A name-based UUID (version 5 layout over SHA-256): stable across processes and machines.
    private static Guid From(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
