using MonBureau.Domain.Timetable;

namespace MonBureau.Domain.Importing;

public sealed record KnownTeacher(string Key, Guid PersonId, IReadOnlyCollection<(string Unit, string Subject)> Teachings);

public sealed record KnownSlot(Guid SlotId, string TeacherKey, string Unit, string Subject, DayOfWeek Day, TimeOnly Start, TimeOnly End, string? Room, TimetableWeek Week);

public abstract record ScheduleStep
{
    public sealed record RegisterTeacher(string Key, string FamilyName, string GivenName) : ScheduleStep;

    public sealed record CreateGroup(string Name) : ScheduleStep;

    public sealed record AssignTeaching(string TeacherKey, string Unit, string Subject) : ScheduleStep;

    public sealed record WithdrawTeaching(string TeacherKey, string Unit, string Subject) : ScheduleStep;

    public sealed record ScheduleSlot(string TeacherKey, string Unit, string Subject, DayOfWeek Day, TimeOnly Start, TimeOnly End, string? Room, TimetableWeek Week) : ScheduleStep;

    public sealed record CancelSlot(Guid SlotId) : ScheduleStep;
}

public sealed record SchedulePlan(IReadOnlyList<ScheduleStep> Steps, IReadOnlyList<NeedsReview> Reviews);

/// <summary>
/// Plans the differences between the schedule file and what earlier imports left: new teachers, teachings and
/// slots appear, those no longer in the file are withdrawn or cancelled, an identical file plans nothing. A teacher
/// whose identifier is new but whose name exists elsewhere is left for review, with all their lines.
/// </summary>
public static class SchedulePlanning
{
    public static SchedulePlan Plan(
        IReadOnlyList<ScheduleLine> lines,
        IReadOnlyCollection<KnownTeacher> known,
        IReadOnlyCollection<KnownSlot> slots,
        IReadOnlySet<string> existingUnits,
        IReadOnlyDictionary<string, IdentityMatch> identities)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(existingUnits);
        ArgumentNullException.ThrowIfNull(identities);
        var steps = new List<ScheduleStep>();
        var reviews = new List<NeedsReview>();
        var knownByKey = known.ToDictionary(t => t.Key);

        var usable = new List<ScheduleLine>();
        foreach (var teacher in lines.GroupBy(l => l.TeacherKey))
        {
            var first = teacher.First();
            if (!knownByKey.ContainsKey(teacher.Key))
            {
                if (identities.GetValueOrDefault(teacher.Key) is IdentityMatch.Ambiguous ambiguous)
                {
                    reviews.AddRange(teacher.Select(l => new NeedsReview(l.LineNumber,
                        $"Teacher {teacher.Key} may already have an account ({ambiguous.Homonyms} person(s) of that name): not imported. Appoint them in this establishment, then import again.")));
                    continue;
                }

                steps.Add(new ScheduleStep.RegisterTeacher(teacher.Key, first.FamilyName, first.GivenName));
            }

            usable.AddRange(teacher);
        }

        var units = new HashSet<string>(existingUnits, StringComparer.OrdinalIgnoreCase);
        steps.AddRange(usable.Select(l => l.Unit).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)
            .Where(units.Add).Select(name => new ScheduleStep.CreateGroup(name)));

        var wanted = usable.Select(l => (l.TeacherKey, Unit: l.Unit.ToUpperInvariant(), Subject: l.Subject.ToUpperInvariant())).ToHashSet();
        var had = known.SelectMany(t => t.Teachings.Select(x => (t.Key, Unit: x.Unit.ToUpperInvariant(), Subject: x.Subject.ToUpperInvariant()))).ToHashSet();
        steps.AddRange(usable.DistinctBy(l => (l.TeacherKey, l.Unit.ToUpperInvariant(), l.Subject.ToUpperInvariant()))
            .Where(l => !had.Contains((l.TeacherKey, l.Unit.ToUpperInvariant(), l.Subject.ToUpperInvariant())))
            .Select(l => new ScheduleStep.AssignTeaching(l.TeacherKey, l.Unit, l.Subject)));
        steps.AddRange(known.SelectMany(t => t.Teachings.Select(x => (t.Key, x.Unit, x.Subject)))
            .Where(x => !wanted.Contains((x.Key, x.Unit.ToUpperInvariant(), x.Subject.ToUpperInvariant())))
            .Select(x => new ScheduleStep.WithdrawTeaching(x.Key, x.Unit, x.Subject)));

        var wantedSlots = usable.Where(l => l.Day is not null)
            .Select(l => new ScheduleStep.ScheduleSlot(l.TeacherKey, l.Unit, l.Subject, l.Day!.Value, l.Start!.Value, l.End!.Value, l.Room, l.Week))
            .Distinct()
            .ToList();
        var current = slots.ToDictionary(s => new ScheduleStep.ScheduleSlot(s.TeacherKey, s.Unit, s.Subject, s.Day, s.Start, s.End, s.Room, s.Week), s => s.SlotId);
        steps.AddRange(wantedSlots.Where(s => !current.ContainsKey(s)));
        var wantedSet = wantedSlots.ToHashSet();
        steps.AddRange(current.Where(c => !wantedSet.Contains(c.Key)).Select(c => new ScheduleStep.CancelSlot(c.Value)));
        return new SchedulePlan(steps, reviews);
    }
}
