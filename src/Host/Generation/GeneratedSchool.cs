using Marten;
using MonBureau.Domain.Classes;
using MonBureau.Domain.People;
using MonBureau.Domain.Timetable;
using MonBureau.Projections.Timetable;

namespace MonBureau.Host.Generation;

/// <summary>One imported establishment as the generator acts in it: its classes with their students, guardians and weekly lessons.</summary>
internal sealed record GeneratedSchool(int Index, Guid EstablishmentId, Guid SchoolLifeOfficerId, IReadOnlyList<GeneratedClass> Classes)
{
    public static async Task<GeneratedSchool> LoadAsync(IDocumentStore store, int index, Guid establishmentId, Guid schoolLifeOfficerId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var classes = await session.Query<SchoolClass>().Where(c => c.EstablishmentId == establishmentId).ToListAsync(cancellationToken);
        var slots = await session.Query<TimetableSlotView>().Where(s => s.EstablishmentId == establishmentId).ToListAsync(cancellationToken);
        var classIds = classes.Select(c => c.Id).ToHashSet();
        // Ids are version 7, so their order is the roster's: the seeded choices fall on the same students every run.
        var students = (await session.Query<Person>().Where(p => p.ClassId != null).ToListAsync(cancellationToken))
            .Where(p => classIds.Contains(p.ClassId!.Value)).OrderBy(p => p.Id).ToList();
        var studentIds = students.Select(s => s.Id).ToHashSet();
        var guardians = (await session.Query<Person>().Where(p => p.Children.Any()).ToListAsync(cancellationToken))
            .SelectMany(g => g.Children.Where(c => studentIds.Contains(c.StudentId)).Select(c => (c.StudentId, GuardianId: g.Id)))
            .ToLookup(x => x.StudentId, x => x.GuardianId);
        return new GeneratedSchool(index, establishmentId, schoolLifeOfficerId, [.. classes.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new GeneratedClass(
            c.Id,
            [.. students.Where(s => s.ClassId == c.Id).Select(s => new GeneratedStudent(s.Id, [.. guardians[s.Id].Order()]))],
            [.. slots.Where(s => s.TeachingUnitId == c.Id && s.Week == TimetableWeek.Every).OrderBy(s => s.Day).ThenBy(s => s.Start)
                .Select(s => new TimetableSlot(s.TeacherId, s.TeachingUnitId, s.Subject, s.Day, s.Start, s.End, s.Room, s.Week))]))]);
    }
}

internal sealed record GeneratedClass(Guid Id, IReadOnlyList<GeneratedStudent> Students, IReadOnlyList<TimetableSlot> Slots);

internal sealed record GeneratedStudent(Guid Id, IReadOnlyList<Guid> Guardians);
