using MonBureau.Domain.Common;

namespace MonBureau.Domain.Indicators;

/// <summary>
/// Module usage (usage des modules): per week, for the establishment, the share of each profile's expected users who
/// did something in a module. A module is under-used for a profile when the share is below the establishment's threshold.
/// </summary>
internal static class ModuleUsageFold
{
    /// <summary>The modules measured for each profile: those where the profile is expected to act (write, hand in, read its messages).</summary>
    public static readonly IReadOnlyList<(EntModule Module, Role Profile)> Measured =
    [
        (EntModule.Messaging, Role.Teacher), (EntModule.Messaging, Role.Guardian),
        (EntModule.Homework, Role.Teacher), (EntModule.Homework, Role.Student),
        (EntModule.LessonLog, Role.Teacher), (EntModule.Agenda, Role.Teacher), (EntModule.Resources, Role.Teacher),
        (EntModule.Grades, Role.Teacher), (EntModule.SchoolLife, Role.Teacher),
    ];

    public static IEnumerable<WeeklyFigure> Shares(Guid establishmentId, List<IndicatorFact> facts, Roll roll, GuardianLinks links, TimeZoneInfo zone, IsoWeek lastWeek)
    {
        var profileOf = ProfileOf(facts);
        var active = facts
            .Select(f => (Fact: f, Module: IndicatorFacts.ModuleOf(f)))
            .Where(u => u.Module is not null && u.Fact.PersonId is not null)
            .Select(u => (Week: IsoWeek.Of(u.Fact.At, zone), Module: u.Module!.Value, Profile: u.Fact.Role ?? profileOf.GetValueOrDefault(u.Fact.PersonId!.Value), Person: u.Fact.PersonId!.Value))
            .ToHashSet();
        var teachers = facts.Where(f => f.Kind == FactKind.TeacherAppointed).Select(f => (f.PersonId!.Value, f.At)).ToList();
        if (roll.FirstPlacement(zone) is not { } firstWeek)
            yield break;
        for (var week = firstWeek; week <= lastWeek; week = week.Next())
        {
            var (start, end) = (week.StartIn(zone), week.EndIn(zone));
            var students = roll.ClassMembersDuring(start, end).Values.SelectMany(s => s).ToHashSet();
            var expected = new Dictionary<Role, HashSet<Guid>>
            {
                [Role.Student] = students,
                [Role.Guardian] = links.Of(students, start, end),
                [Role.Teacher] = [.. teachers.Where(t => t.At < end).Select(t => t.Item1)],
            };
            foreach (var (module, profile) in Measured)
            {
                var users = expected[profile];
                if (users.Count > 0)
                {
                    yield return new WeeklyFigure(Indicator.ModuleUsage, establishmentId, null, week, users.Count(u => active.Contains((week, module, profile, u))), users.Count, users.Count,
                        module, profile);
                }
            }
        }
    }

    /// <summary>A person's profile in the establishment when the event they acted by does not say it: teacher, guardian, student, else their last sign-in's.</summary>
    private static Dictionary<Guid, Role> ProfileOf(List<IndicatorFact> facts)
    {
        var profiles = new Dictionary<Guid, Role>();
        foreach (var fact in facts.Where(f => f is { Kind: FactKind.SignedIn, Role: not null }))
            profiles[fact.PersonId!.Value] = fact.Role!.Value;
        foreach (var (kind, role) in new[] { (FactKind.StudentPlaced, Role.Student), (FactKind.GuardianLinked, Role.Guardian), (FactKind.TeacherAppointed, Role.Teacher) })
        {
            foreach (var fact in facts.Where(f => f.Kind == kind))
                profiles[fact.PersonId!.Value] = role;
        }

        return profiles;
    }
}
