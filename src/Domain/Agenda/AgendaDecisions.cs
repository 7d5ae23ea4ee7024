using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Agenda;

public sealed record ScheduleAgendaEvent(
    AgendaAudience Audience, Guid? TeachingUnitId, AgendaEventKind Kind, string Title, string? Description,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, bool Important) : Redacted;

public sealed record ReviseAgendaEvent(
    Guid EventId, AgendaEventKind Kind, string Title, string? Description,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, bool Important) : Redacted;

public sealed record CancelAgendaEvent(Guid EventId);

/// <summary>Who acts on the agenda: the person, the profile they act in and that profile's establishment.</summary>
public sealed record AgendaEditor(Person Person, Role Role, Guid EstablishmentId);

public static class AgendaDecisions
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(31);

    /// <param name="unit">The class or group named by the command, null when it does not exist or for the establishment.</param>
    public static AgendaEventScheduled Schedule(Guid newId, ScheduleAgendaEvent command, AgendaEditor editor, TeachingUnit? unit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(editor);
        Guid? unitId = null;
        if ((command.Audience == AgendaAudience.Establishment) != (command.TeachingUnitId is null))
            throw BusinessRuleException.Invalid("Name the class or group for a class or group event, and none for the establishment.");
        if (command.Audience == AgendaAudience.Establishment)
        {
            if (!IsStaff(editor))
                throw BusinessRuleException.Forbidden();
        }
        else
        {
            // A class or group elsewhere, or one the teacher does not teach, answers like a missing one.
            if (unit is null || unit.EstablishmentId != editor.EstablishmentId || !MayManageUnit(editor, unit.Id))
                throw BusinessRuleException.NotFound(command.Audience == AgendaAudience.Class ? "Class" : "Group");
            unitId = unit.Id;
        }

        var details = Details(editor.Person.Id, command.Kind, command.Title, command.Description, command.StartsAt, command.EndsAt, command.Location, command.Important);
        if (details.EndsAt <= now)
            throw BusinessRuleException.Invalid("The event must end in the future.");
        if (details.StartsAt > now.AddYears(2))
            throw BusinessRuleException.Invalid("The event must start within two years.");
        return new AgendaEventScheduled(newId, editor.EstablishmentId, command.Audience, unitId, details, editor.Person.Id, now);
    }

    public static AgendaEventRevised Revise(ReviseAgendaEvent command, AgendaEvent? agendaEvent, AgendaEditor editor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var existing = Managed(agendaEvent, editor);
        if (existing.Cancelled)
            throw new BusinessRuleException(ErrorCodes.Conflict, "A cancelled event cannot be changed.");
        var details = Details(editor.Person.Id, command.Kind, command.Title, command.Description, command.StartsAt, command.EndsAt, command.Location, command.Important);
        if (details.StartsAt > now.AddYears(2))
            throw BusinessRuleException.Invalid("The event must start within two years.");
        return new AgendaEventRevised(existing.Id, existing.EstablishmentId, details, editor.Person.Id, now);
    }

    public static AgendaEventCancelled Cancel(AgendaEvent? agendaEvent, AgendaEditor editor, DateTimeOffset now)
    {
        var existing = Managed(agendaEvent, editor);
        if (existing.Cancelled)
            throw new BusinessRuleException(ErrorCodes.Conflict, "This event is already cancelled.");
        return new AgendaEventCancelled(existing.Id, existing.EstablishmentId, editor.Person.Id, now);
    }

    /// <summary>Whoever could schedule an event for its audience may change or cancel it; others do not learn it exists.</summary>
    private static AgendaEvent Managed(AgendaEvent? agendaEvent, AgendaEditor editor)
    {
        ArgumentNullException.ThrowIfNull(editor);
        if (agendaEvent is null || agendaEvent.EstablishmentId != editor.EstablishmentId || !editor.Person.Holds(editor.Role, editor.EstablishmentId))
            throw BusinessRuleException.NotFound("Event");
        var allowed = agendaEvent.TeachingUnitId is { } unitId ? MayManageUnit(editor, unitId) : IsStaff(editor);
        return allowed ? agendaEvent : throw BusinessRuleException.NotFound("Event");
    }

    private static bool IsStaff(AgendaEditor editor) =>
        editor.Role is Role.Direction or Role.SchoolLifeOffice or Role.EstablishmentAdministrator && editor.Person.Holds(editor.Role, editor.EstablishmentId);

    private static bool MayManageUnit(AgendaEditor editor, Guid unitId) =>
        IsStaff(editor) || (editor.Role == Role.Teacher && editor.Person.Holds(Role.Teacher, editor.EstablishmentId) && editor.Person.Teaches(unitId));

    private static AgendaEventDetails Details(
        Guid authorId, AgendaEventKind kind, string title, string? description, DateTimeOffset startsAt, DateTimeOffset endsAt, string? location, bool important)
    {
        if (!Enum.IsDefined(kind))
            throw BusinessRuleException.Invalid("Unknown event kind.");
        if (endsAt <= startsAt)
            throw BusinessRuleException.Invalid("The event must end after it starts.");
        if (endsAt - startsAt > MaxDuration)
            throw BusinessRuleException.Invalid("An event lasts at most 31 days.");
        return new AgendaEventDetails(
            kind,
            Require.Text(title, "Title", 200),
            string.IsNullOrWhiteSpace(description) ? null : PersonalData.Of(authorId, Require.Text(description, "Description", 5_000)),
            startsAt,
            endsAt,
            string.IsNullOrWhiteSpace(location) ? null : Require.Text(location, "Location", 200),
            important);
    }
}
