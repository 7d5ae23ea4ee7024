using MonBureau.Domain.Agenda;
using MonBureau.Domain.Common;
using MonBureau.Domain.Portal;

namespace MonBureau.Domain.VirtualClasses;

/// <summary>A teacher's virtual class (classe virtuelle) for a class or group, on a virtual-classroom connector.</summary>
public sealed record ScheduleVirtualClass(Guid? ClassId, Guid? GroupId, Guid ConnectorId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>Who attended: the students named are present, every other student of the class or group absent.</summary>
public sealed record RecordVirtualClassAttendance(Guid VirtualClassId, IReadOnlyList<Guid> PresentStudentIds);

/// <summary>The class is on the agenda as <c>AgendaEventId</c> (its participants are notified from there); <c>JoinUrl</c> is the provider's room.</summary>
public sealed record VirtualClassScheduled(
    Guid VirtualClassId, Guid EstablishmentId, Guid TeachingUnitId, Guid TeacherId, Guid ConnectorId, Guid AgendaEventId, string Title,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string JoinUrl, DateTimeOffset ScheduledAt) : IEstablishmentScoped;

/// <summary>Each recording replaces the previous one (a late arrival is added by recording again).</summary>
public sealed record VirtualClassAttendanceRecorded(
    Guid VirtualClassId, Guid EstablishmentId, Guid TeacherId, IReadOnlyList<Guid> PresentStudentIds, IReadOnlyList<Guid> AbsentStudentIds, DateTimeOffset RecordedAt)
    : IEstablishmentScoped;

public sealed record VirtualClass(Guid Id, Guid EstablishmentId, Guid TeachingUnitId, Guid TeacherId, DateTimeOffset StartsAt)
{
    public static VirtualClass Create(VirtualClassScheduled e) => new(e.VirtualClassId, e.EstablishmentId, e.TeachingUnitId, e.TeacherId, e.StartsAt);
}


public static class VirtualClassDecisions
{
    /// <summary>The agenda entry the class is, so it shows in everyone's agenda and notifies them like any event.</summary>
    public static ScheduleAgendaEvent AgendaEntry(ScheduleVirtualClass command, string joinUrl)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.ClassId is null == command.GroupId is null)
            throw BusinessRuleException.Invalid("Give either a class or a group.");
        return new ScheduleAgendaEvent(
            command.GroupId is null ? AgendaAudience.Class : AgendaAudience.Group, command.GroupId ?? command.ClassId, AgendaEventKind.Other,
            Require.Text(command.Title, "Title", 200), null, command.StartsAt, command.EndsAt, joinUrl, Important: false);
    }

    /// <summary>The provider's room for this class: its launch address with the class as the room.</summary>
    /// <param name="connector">The connector named by the command, null when missing.</param>
    /// <param name="setting">Its setting at the teacher's establishment, null when never configured there.</param>
    public static string JoinUrl(Connector? connector, ConnectorSetting? setting, Guid virtualClassId)
    {
        // A provider the establishment does not offer its teachers answers like a missing one.
        if (connector is null || connector.Kind != ConnectorKind.VirtualClassroom || setting?.EnabledProfiles.Contains(Role.Teacher) != true)
            throw BusinessRuleException.NotFound("Virtual-classroom service");
        var separator = connector.LaunchUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{connector.LaunchUrl}{separator}room={virtualClassId:N}";
    }

    /// <summary>After the agenda accepted <paramref name="entry"/> as <paramref name="agendaEventId"/> (so the teacher teaches the unit).</summary>
    public static VirtualClassScheduled Scheduled(
        Guid id, Guid agendaEventId, ScheduleAgendaEvent entry, Guid establishmentId, Guid teacherId, Guid connectorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(id, establishmentId, entry.TeachingUnitId!.Value, teacherId, connectorId, agendaEventId, entry.Title,
            entry.StartsAt, entry.EndsAt, entry.Location!, now);
    }

    /// <param name="students">The students of the class or group now.</param>
    public static VirtualClassAttendanceRecorded RecordAttendance(
        RecordVirtualClassAttendance command, Guid teacherId, VirtualClass? virtualClass, IReadOnlySet<Guid> students, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(students);
        if (virtualClass is null || virtualClass.TeacherId != teacherId)
            throw BusinessRuleException.NotFound("Virtual class");
        if (now < virtualClass.StartsAt)
            throw BusinessRuleException.Invalid("Attendance is recorded once the class has started.");
        var present = (command.PresentStudentIds ?? []).Distinct().ToList();
        if (present.FirstOrDefault(s => !students.Contains(s)) is var stranger && stranger != Guid.Empty)
            throw BusinessRuleException.NotFound($"Student {stranger} in this class or group");
        return new VirtualClassAttendanceRecorded(
            virtualClass.Id, virtualClass.EstablishmentId, teacherId, present, [.. students.Where(s => !present.Contains(s)).Order()], now);
    }
}
