using MonBureau.Domain.Common;

namespace MonBureau.Domain.People;

/// <summary>A teacher teaches a subject to a class or a group (service d'enseignement); on the teacher's stream.</summary>
public sealed record TeachingAssigned(Guid TeacherId, Guid EstablishmentId, Guid TeachingUnitId, string Subject) : IEstablishmentScoped;

public sealed record TeachingWithdrawn(Guid TeacherId, Guid EstablishmentId, Guid TeachingUnitId, string Subject) : IEstablishmentScoped;

public sealed record Teaching(Guid TeachingUnitId, string Subject);

public sealed record AssignTeaching(Guid TeacherId, Guid TeachingUnitId, string Subject);

public sealed record WithdrawTeaching(Guid TeacherId, Guid TeachingUnitId, string Subject);

/// <summary>A class or a group a teaching can be given to, as the decision needs to see it.</summary>
public sealed record TeachingUnit(Guid Id, Guid EstablishmentId);

public static class TeachingDecisions
{
    public static TeachingAssigned Assign(AssignTeaching command, Person? teacher, TeachingUnit? unit)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (unit is null)
            throw BusinessRuleException.NotFound("Class or group");
        if (teacher is null || !teacher.Holds(Role.Teacher, unit.EstablishmentId))
            throw BusinessRuleException.NotFound("Teacher");
        var subject = Require.Text(command.Subject, "Subject", 100);
        if (teacher.Teaches(unit.Id, subject))
            throw new BusinessRuleException(ErrorCodes.Conflict, $"This teacher already teaches {subject} there.");
        return new TeachingAssigned(teacher.Id, unit.EstablishmentId, unit.Id, subject);
    }

    public static TeachingWithdrawn Withdraw(WithdrawTeaching command, Person? teacher, Guid establishmentId)
    {
        ArgumentNullException.ThrowIfNull(command);
        var subject = (command.Subject ?? "").Trim();
        if (teacher is null || !teacher.Teaches(command.TeachingUnitId, subject))
            throw BusinessRuleException.NotFound("Teaching");
        return new TeachingWithdrawn(teacher.Id, establishmentId, command.TeachingUnitId, teacher.Teachings.First(t => t.TeachingUnitId == command.TeachingUnitId && SameSubject(t.Subject, subject)).Subject);
    }

    public static bool SameSubject(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
