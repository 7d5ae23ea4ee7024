using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Teaching;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Application.Attendance;

public static class TakeRollCallHandler
{
    /// <summary>Appends the roll call (or its correction) and, in the same transaction, what it changes in each student's record.</summary>
    public static async Task<Guid> Handle(TakeRollCall command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.Teacher);
        var teacher = await session.Events.FetchLatest<Person>(actor.Id, cancellationToken) ?? throw BusinessRuleException.Forbidden();
        var unit = await AssignTeachingHandler.TeachingUnitAsync(session, command.TeachingUnitId, cancellationToken);
        if (unit is null || !actor.ActsIn(unit.EstablishmentId))
            throw BusinessRuleException.NotFound("Class or group");

        var rollCallId = AttendanceIds.RollCall(unit.Id, command.Date, command.Start);
        var stream = await session.Events.FetchForWriting<RollCall>(rollCallId, cancellationToken);
        var roster = await RosterAsync(session, unit, cancellationToken);
        var today = await AttendanceRecords.TodayAsync(session, clock, unit.EstablishmentId, cancellationToken);
        var now = clock.GetUtcNow();
        var decided = RollCallDecisions.Take(rollCallId, command, teacher, unit, roster, stream.Aggregate, today, now);
        if (decided is null)
            return rollCallId;

        stream.AppendOne(decided);
        var (lesson, changed) = decided switch
        {
            RollCallTaken taken => (taken.Lesson, taken.Marks.Where(m => m.Presence != Presence.Present).ToList()),
            RollCallCorrected corrected => (stream.Aggregate!.Lesson, corrected.Changes.Select(c => c.After).ToList()),
            _ => throw new InvalidOperationException("A roll call decision is a roll call or its correction."),
        };
        foreach (var mark in changed)
        {
            var (record, state) = await AttendanceRecords.ForWritingAsync(session, mark.StudentId, unit.EstablishmentId, cancellationToken);
            record.AppendMany(AttendanceDecisions.FromRollCall(state, rollCallId, lesson, mark, actor.Id, Guid.CreateVersion7, now));
        }

        return rollCallId;
    }

    /// <summary>The students of the class, or the members of the group, still enrolled in the establishment.</summary>
    private static async Task<IReadOnlyList<Guid>> RosterAsync(IDocumentSession session, TeachingUnit unit, CancellationToken cancellationToken)
    {
        if (await session.Events.FetchLatest<SchoolGroup>(unit.Id, cancellationToken) is { } group)
            return group.Members;
        var students = await session.Query<Person>().Where(p => p.ClassId == unit.Id).ToListAsync(cancellationToken);
        return [.. students.Where(s => s.Holds(Role.Student, unit.EstablishmentId)).Select(s => s.Id)];
    }
}
