namespace MonBureau.Domain.Indicators;

/// <summary>Who was in which class and group, and when: the denominators of the indicators, from the enrolment facts.</summary>
internal sealed class Roll
{
    private readonly List<Stay> classStays;
    private readonly ILookup<Guid, Stay> byStudent;
    private readonly ILookup<Guid, Stay> byUnit;

    private Roll(List<Stay> classStays, List<Stay> groupStays)
    {
        this.classStays = classStays;
        byStudent = classStays.ToLookup(s => s.Student);
        byUnit = classStays.Concat(groupStays).ToLookup(s => s.Unit);
    }

    /// <summary>A student's time in one class or group, from <see cref="From"/> until <see cref="Until"/> (excluded), open-ended when null.</summary>
    private sealed record Stay(Guid Student, Guid Unit, DateTimeOffset From, DateTimeOffset? Until)
    {
        public bool Covers(DateTimeOffset at) => From <= at && (Until is null || at < Until);

        public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => From < end && (Until is null || Until > start);
    }

    public static Roll From(IEnumerable<IndicatorFact> facts)
    {
        var classStays = new List<Stay>();
        var groupStays = new List<Stay>();
        foreach (var student in facts.Where(f => f.PersonId is not null && f.Kind is FactKind.StudentPlaced or FactKind.StudentLeft or FactKind.GroupJoined or FactKind.GroupLeft)
                     .GroupBy(f => f.PersonId!.Value))
        {
            Stay? inClass = null;
            var inGroups = new Dictionary<Guid, Stay>();
            foreach (var fact in student.OrderBy(f => f.At).ThenBy(f => f.Id))
            {
                switch (fact.Kind)
                {
                    case FactKind.StudentPlaced or FactKind.StudentLeft:
                        if (inClass is not null)
                            classStays.Add(inClass with { Until = fact.At });
                        inClass = fact.Kind == FactKind.StudentPlaced ? new Stay(student.Key, fact.UnitId!.Value, fact.At, null) : null;
                        if (fact.Kind == FactKind.StudentLeft)
                        {
                            groupStays.AddRange(inGroups.Values.Select(g => g with { Until = fact.At }));
                            inGroups.Clear();
                        }

                        break;
                    case FactKind.GroupJoined:
                        inGroups.TryAdd(fact.UnitId!.Value, new Stay(student.Key, fact.UnitId!.Value, fact.At, null));
                        break;
                    case FactKind.GroupLeft when inGroups.Remove(fact.UnitId!.Value, out var stay):
                        groupStays.Add(stay with { Until = fact.At });
                        break;
                }
            }

            if (inClass is not null)
                classStays.Add(inClass);
            groupStays.AddRange(inGroups.Values);
        }

        return new Roll(classStays, groupStays);
    }

    public IsoWeek? FirstPlacement(TimeZoneInfo zone) => classStays.Count == 0 ? null : IsoWeek.Of(classStays.Min(s => s.From), zone);

    /// <summary>Each class with the students who were in it at some moment between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public Dictionary<Guid, HashSet<Guid>> ClassMembersDuring(DateTimeOffset start, DateTimeOffset end) =>
        classStays.Where(s => s.Overlaps(start, end)).GroupBy(s => s.Unit).ToDictionary(g => g.Key, g => g.Select(s => s.Student).ToHashSet());

    /// <summary>The students of a class or group at a moment.</summary>
    public IEnumerable<Guid> MembersAt(Guid unit, DateTimeOffset at) =>
        byUnit[unit].Where(s => s.Covers(at)).Select(s => s.Student).Distinct().Order();

    public Guid? ClassAt(Guid student, DateTimeOffset at) => byStudent[student].FirstOrDefault(s => s.Covers(at))?.Unit;
}
