using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Homework;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Grades;
using MonBureau.Domain.Grading;
using MonBureau.Domain.People;

namespace MonBureau.Application.Grades;

/// <summary>A teacher creates assessments in the grade book of a class or group they teach and enters its marks.</summary>
public static class AssessmentHandler
{
    public static async Task<Guid> Handle(CreateAssessment command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.Teacher);
        var teacher = await session.Events.FetchLatest<Person>(actor.Id, cancellationToken) ?? throw BusinessRuleException.Forbidden();
        var unit = await UnitAsync(session, command.TeachingUnitId, cancellationToken);
        var calendar = unit is null ? null : await GradeCalendars.LoadAsync(session, unit.EstablishmentId, cancellationToken);
        var scale = command.GradingScaleId is { } scaleId ? await session.Events.FetchLatest<GradingScale>(scaleId, cancellationToken) : null;

        var created = AssessmentDecisions.Create(Guid.CreateVersion7(), command, teacher, unit, calendar, scale, clock.GetUtcNow());
        session.Events.StartStream<Assessment>(created.AssessmentId, created);
        return created.AssessmentId;
    }

    public static async Task<Guid> Handle(EnterMarks command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.Teacher);
        var assessment = await session.Events.FetchLatest<Assessment>(command.AssessmentId, cancellationToken);
        var students = assessment is null ? [] : await AssignHomeworkHandler.StudentsOfAsync(session, assessment.TeachingUnitId, cancellationToken);

        var entered = AssessmentDecisions.EnterMarks(command, actor.Id, assessment, students, clock.GetUtcNow());
        session.Events.Append(entered.AssessmentId, entered);
        return entered.AssessmentId;
    }

    /// <summary>A class or a group, with the school year it belongs to.</summary>
    private static async Task<AssessedUnit?> UnitAsync(IDocumentSession session, Guid unitId, CancellationToken cancellationToken) =>
        await session.Events.FetchLatest<SchoolClass>(unitId, cancellationToken) is { } c ? new AssessedUnit(c.Id, c.EstablishmentId, c.SchoolYear)
        : await session.Events.FetchLatest<SchoolGroup>(unitId, cancellationToken) is { } g ? new AssessedUnit(g.Id, g.EstablishmentId, g.SchoolYear)
        : null;
}
