using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Discipline;

/// <summary>
/// Who may punish or sanction whom, and what a valid decision holds. A teacher punishes only students they teach;
/// the school-life office (CPE) and direction punish any student of their establishment; only direction (the chef
/// d'établissement) pronounces sanctions. A student outside the decider's reach answers like a missing one.
/// </summary>
public static class DisciplineDecisions
{
    public const int MaxFactsLength = 4000;
    public const int MaxExclusionDays = 8;

    /// <summary>The longest a secondary schooling can still last after a decision (a 6e pupil to the end of terminale).</summary>
    private const int MaxYearsOfSchoolingLeft = 8;

    /// <param name="studentUnits">The student's class and groups, to know whether a teacher teaches them.</param>
    public static PunishmentGiven GivePunishment(
        Guid newId, GivePunishment command, DecidingStaff staff, Person? student, IReadOnlyCollection<Guid> studentUnits, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(studentUnits);
        if (staff.Role is not (Role.Teacher or Role.SchoolLifeOffice or Role.Direction))
            throw BusinessRuleException.Forbidden();
        var establishmentId = Reachable(staff, student, staff.Role != Role.Teacher || staff.Teachings.Any(t => studentUnits.Contains(t.TeachingUnitId)));
        if (!Enum.IsDefined(command.Kind))
            throw BusinessRuleException.Invalid("Unknown punishment.");

        return new PunishmentGiven(newId, establishmentId, student!.Id, staff.Id, staff.Role, command.Kind,
            PersonalData.Of(student.Id, Require.Text(command.Facts, "Facts", MaxFactsLength)), today, now);
    }

    public static SanctionPronounced PronounceSanction(Guid newId, PronounceSanction command, DecidingStaff staff, Person? student, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(staff);
        if (staff.Role != Role.Direction)
            throw BusinessRuleException.Forbidden();
        var establishmentId = Reachable(staff, student, mayDecideForThem: true);
        if (!Enum.IsDefined(command.Kind))
            throw BusinessRuleException.Invalid("Unknown sanction.");
        var facts = Require.Text(command.Facts, "Facts", MaxFactsLength);

        var temporary = command.Kind is SanctionKind.TemporaryClassExclusion or SanctionKind.TemporaryEstablishmentExclusion;
        if (temporary && command.ExclusionDays is not (>= 1 and <= MaxExclusionDays))
            throw BusinessRuleException.Invalid($"A temporary exclusion lasts from 1 to {MaxExclusionDays} days.");
        if (!temporary && command.ExclusionDays is not null)
            throw BusinessRuleException.Invalid("Only a temporary exclusion has a number of days.");

        var permanent = command.Kind == SanctionKind.PermanentExclusion;
        if (permanent && (command.EndOfSecondarySchooling is not { } end || end < today || end > today.AddYears(MaxYearsOfSchoolingLeft)))
            throw BusinessRuleException.Invalid($"A permanent exclusion needs the end of the student's secondary schooling, between today and {MaxYearsOfSchoolingLeft} years from now.");
        if (!permanent && command.EndOfSecondarySchooling is not null)
            throw BusinessRuleException.Invalid("Only a permanent exclusion takes the end of secondary schooling.");

        var erasedOn = SanctionErasure.DateFor(command.Kind, today, command.EndOfSecondarySchooling ?? today);
        return new SanctionPronounced(newId, establishmentId, student!.Id, staff.Id, command.Kind,
            PersonalData.Of(student.Id, facts), command.ExclusionDays, today, erasedOn, now);
    }

    /// <summary>The sanctions whose erasure date has passed on <paramref name="today"/> and are still on file.</summary>
    public static IReadOnlyList<Sanction> DueForErasure(IEnumerable<Sanction> sanctions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(sanctions);
        return [.. sanctions.Where(s => !s.Erased && SanctionErasure.IsDue(s.ErasedOn, today))];
    }

    public static SanctionErased Erase(Sanction sanction, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sanction);
        return new SanctionErased(sanction.Id, sanction.EstablishmentId, sanction.StudentId, sanction.ErasedOn, now);
    }

    // The student's establishment, once the decider may act on them; otherwise the refusal reveals nothing about the student.
    private static Guid Reachable(DecidingStaff staff, Person? student, bool mayDecideForThem)
    {
        if (staff.EstablishmentId is not { } establishmentId || student is null || !student.Holds(Role.Student, establishmentId) || !mayDecideForThem)
            throw staff.Role == Role.Teacher ? BusinessRuleException.Forbidden() : BusinessRuleException.NotFound("Student");
        return establishmentId;
    }
}
