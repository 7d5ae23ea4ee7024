using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Homework;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Grades;
using MonBureau.Domain.People;

namespace MonBureau.Application.Grades;

/// <summary>Appreciations for the report card: a teacher's in their subject, direction's general one.</summary>
public static class AppreciationHandler
{
    public static async Task<Guid> Handle(WriteSubjectAppreciation command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.Teacher);
        var teacher = await session.Events.FetchLatest<Person>(actor.Id, cancellationToken) ?? throw BusinessRuleException.Forbidden();
        var (student, calendar, year) = await StudentAsync(session, command.StudentId, actor, cancellationToken);
        // The teacher's classes and groups the student belongs to: a teacher has few, the student's groups are not scanned.
        var shared = new List<Guid>();
        foreach (var unitId in teacher.Teachings.Select(t => t.TeachingUnitId).Distinct())
        {
            if (student is not null && await AssignHomeworkHandler.BelongsToAsync(session, student, unitId, cancellationToken))
                shared.Add(unitId);
        }

        var written = AppreciationDecisions.WriteForSubject(command, teacher, student, shared, year, calendar, clock.GetUtcNow());
        session.Events.Append(written.ReportCardId, written);
        return written.ReportCardId;
    }

    public static async Task<Guid> Handle(WriteGeneralAppreciation command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.Direction);
        var (student, calendar, year) = await StudentAsync(session, command.StudentId, actor, cancellationToken);
        var written = AppreciationDecisions.WriteGeneral(command, actor.Id, student, year, calendar, clock.GetUtcNow());
        session.Events.Append(written.ReportCardId, written);
        return written.ReportCardId;
    }

    /// <summary>The student with their class's school year, in the actor's establishment; a student elsewhere or without a class is not found.</summary>
    private static async Task<(Person? Student, GradeCalendar Calendar, SchoolYear Year)> StudentAsync(
        IDocumentSession session, Guid studentId, Actor actor, CancellationToken cancellationToken)
    {
        var establishmentId = actor.EstablishmentId ?? throw BusinessRuleException.Forbidden();
        var calendar = await GradeCalendars.LoadAsync(session, establishmentId, cancellationToken) ?? throw BusinessRuleException.NotFound("Establishment");
        var student = await session.Events.FetchLatest<Person>(studentId, cancellationToken);
        var schoolClass = student?.ClassId is { } classId ? await session.Events.FetchLatest<SchoolClass>(classId, cancellationToken) : null;
        return schoolClass is null || schoolClass.EstablishmentId != establishmentId
            ? throw BusinessRuleException.NotFound("Student")
            : (student, calendar, schoolClass.SchoolYear);
    }
}
