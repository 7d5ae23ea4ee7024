using System.Globalization;
using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Timetable;
using MonBureau.Projections.Agenda;
using MonBureau.Projections.Establishments;
using MonBureau.Projections.Groups;
using MonBureau.Projections.People;
using MonBureau.Projections.Timetable;

namespace MonBureau.Host.Agenda;

/// <summary>One dated lesson of the weekly timetable; <see cref="StudentIds"/> says which children it is for when a guardian reads it.</summary>
public sealed record LessonOccurrence(TimetableSlotView Slot, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<Guid> StudentIds);

public sealed record PersonalAgendaView(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<LessonOccurrence> Lessons, IReadOnlyList<AgendaEventView> Events);

/// <summary>
/// What concerns one person over a period: their timetable laid out on dates, and the agenda events for them — a
/// student's establishment, class and groups; each child's for a guardian; the establishment and the classes and
/// groups a teacher teaches; the establishment for other staff. A guardian's reading of a child's agenda is recorded
/// in the access history, as any read of that child's data by someone else.
/// </summary>
public static class PersonalAgenda
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(186);

    public static async Task<PersonalAgendaView> ReadAsync(
        IQuerySession session, AccessLog accessLog, Actor actor, DateTimeOffset from, DateTimeOffset to, string operation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(accessLog);
        ArgumentNullException.ThrowIfNull(actor);
        if (to <= from)
            throw BusinessRuleException.Invalid("The end of the period must be after its start.");
        if (to - from > MaxRange)
            throw BusinessRuleException.Invalid($"The period is at most {MaxRange.TotalDays} days.");
        if (actor.EstablishmentId is not { } establishmentId)
            return new PersonalAgendaView(from, to, [], []);

        var me = await session.LoadAsync<PersonDetails>(actor.Id, cancellationToken);
        var audience = await AudienceAsync(session, actor, establishmentId, me, cancellationToken);
        if (actor.Role == Role.Guardian)
            await RecordChildrenReadAsync(accessLog, actor, establishmentId, audience.Students.Keys, operation, now);

        Guid[] audienceIds = [establishmentId, .. audience.Units];
        var events = await session.Query<AgendaEventView>()
            .Where(e => e.AudienceId.IsOneOf(audienceIds) && e.StartsAt < to && e.EndsAt > from)
            .OrderBy(e => e.StartsAt)
            .ToListAsync(cancellationToken);
        if (events.Any(e => e.EstablishmentId != establishmentId))
            events = [.. events.Where(e => e.EstablishmentId == establishmentId)];

        var slots = actor.Role == Role.Teacher
            ? await session.Query<TimetableSlotView>().Where(s => s.TeacherId == actor.Id).ToListAsync(cancellationToken)
            : audience.Units.Count == 0 ? [] : await session.Query<TimetableSlotView>().Where(s => s.TeachingUnitId.IsOneOf(audience.Units.ToArray())).ToListAsync(cancellationToken);
        var zone = await ZoneAsync(session, establishmentId, cancellationToken);
        var forChildren = actor.Role == Role.Guardian ? audience.Students : new Dictionary<Guid, HashSet<Guid>>();
        return new PersonalAgendaView(from, to, Occurrences(slots, forChildren, zone, from, to), events);
    }

    /// <summary>
    /// Whether one event is on the actor's agenda (node(id:) reads it under the agenda's rule); a guardian's read is
    /// recorded against the children it concerns, as reading their agenda is.
    /// </summary>
    public static async Task<bool> ShowsAsync(
        IQuerySession session, AccessLog accessLog, Actor actor, AgendaEventView agendaEvent, string operation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(agendaEvent);
        if (actor.EstablishmentId is not { } establishmentId || agendaEvent.EstablishmentId != establishmentId)
            return false;
        var me = await session.LoadAsync<PersonDetails>(actor.Id, cancellationToken);
        var audience = await AudienceAsync(session, actor, establishmentId, me, cancellationToken);
        var wholeEstablishment = agendaEvent.AudienceId == establishmentId;
        if (!wholeEstablishment && !audience.Units.Contains(agendaEvent.AudienceId))
            return false;
        if (actor.Role == Role.Guardian)
            await RecordChildrenReadAsync(accessLog, actor, establishmentId,
                [.. audience.Students.Where(s => wholeEstablishment || s.Value.Contains(agendaEvent.AudienceId)).Select(s => s.Key)], operation, now);
        return true;
    }

    private static async Task RecordChildrenReadAsync(AccessLog accessLog, Actor actor, Guid establishmentId, IEnumerable<Guid> children, string operation, DateTimeOffset now)
    {
        Guid[] read = [.. children];
        if (read.Length > 0)
            await accessLog.RecordAsync([.. read.Select(child =>
                new AccessRecord(actor.Id, actor.Role, establishmentId, child, DataCategory.Timetable, operation, ActingContext.CorrelationId ?? "", now))]);
    }

    /// <summary>The classes and groups whose events and lessons concern the actor, and per student (for guardians and students) their own units.</summary>
    private static async Task<(IReadOnlyCollection<Guid> Units, IReadOnlyDictionary<Guid, HashSet<Guid>> Students)> AudienceAsync(
        IQuerySession session, Actor actor, Guid establishmentId, PersonDetails? me, CancellationToken cancellationToken)
    {
        Guid[] students = actor.Role switch
        {
            Role.Student => [actor.Id],
            Role.Guardian => [.. me?.Children.Where(c => c.EstablishmentId == establishmentId).Select(c => c.StudentId) ?? []],
            _ => [],
        };
        if (actor.Role == Role.Teacher)
            return ([.. me?.Teachings.Select(t => t.TeachingUnitId).Distinct() ?? []], new Dictionary<Guid, HashSet<Guid>>());

        var unitsByStudent = new Dictionary<Guid, HashSet<Guid>>();
        if (students.Length == 0)
            return ([], unitsByStudent);
        var people = await session.LoadManyAsync<PersonDetails>(cancellationToken, students);
        foreach (var student in people.Where(p => p.Profiles.Contains(new Domain.People.Profile(Role.Student, establishmentId))))
        {
            var studentId = student.Id;
            HashSet<Guid> units = [.. await session.Query<GroupDetails>()
                .Where(g => g.EstablishmentId == establishmentId && g.Members.Contains(studentId))
                .Select(g => g.Id)
                .ToListAsync(cancellationToken)];
            if (student.ClassId is { } classId)
                units.Add(classId);
            unitsByStudent[student.Id] = units;
        }

        return ([.. unitsByStudent.Values.SelectMany(u => u).Distinct()], unitsByStudent);
    }

    private static async Task<TimeZoneInfo> ZoneAsync(IQuerySession session, Guid establishmentId, CancellationToken cancellationToken)
    {
        var establishment = await session.LoadAsync<EstablishmentDetails>(establishmentId, cancellationToken);
        return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrEmpty(establishment?.TimeZone) ? EstablishmentDecisions.DefaultTimeZone : establishment.TimeZone);
    }

    /// <summary>
    /// Lays weekly slots on the dates of the period, in the establishment's time zone. Fortnightly slots follow ISO
    /// week parity (odd weeks are A) until establishments can set their own alternation (ADR 0016).
    /// </summary>
    public static IReadOnlyList<LessonOccurrence> Occurrences(
        IReadOnlyList<TimetableSlotView> slots, IReadOnlyDictionary<Guid, HashSet<Guid>> students, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(students);
        var lessons = new List<LessonOccurrence>();
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var week = ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)) % 2 == 1 ? TimetableWeek.A : TimetableWeek.B;
            foreach (var slot in slots.Where(s => s.Day == day.DayOfWeek && (s.Week == TimetableWeek.Every || s.Week == week)))
            {
                var startsAt = At(day, slot.Start, zone);
                var endsAt = At(day, slot.End, zone);
                if (startsAt >= to || endsAt <= from)
                    continue;
                Guid[] forStudents = [.. students.Where(s => s.Value.Contains(slot.TeachingUnitId)).Select(s => s.Key)];
                lessons.Add(new LessonOccurrence(slot, startsAt, endsAt, forStudents));
            }
        }

        return [.. lessons.OrderBy(l => l.StartsAt).ThenBy(l => l.Slot.Subject, StringComparer.Ordinal)];
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
