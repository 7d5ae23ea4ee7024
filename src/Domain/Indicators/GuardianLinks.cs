namespace MonBureau.Domain.Indicators;

/// <summary>Which guardians were responsible for which students, and when: the guardian indicators' denominators.</summary>
internal sealed class GuardianLinks
{
    private readonly ILookup<Guid, (Guid Guardian, DateTimeOffset From, DateTimeOffset? Until)> byStudent;

    private GuardianLinks(ILookup<Guid, (Guid Guardian, DateTimeOffset From, DateTimeOffset? Until)> byStudent) => this.byStudent = byStudent;

    public static GuardianLinks From(IEnumerable<IndicatorFact> facts)
    {
        var links = new List<(Guid Student, Guid Guardian, DateTimeOffset From, DateTimeOffset? Until)>();
        foreach (var pair in facts.Where(f => f.Kind is FactKind.GuardianLinked or FactKind.GuardianUnlinked).GroupBy(f => (Guardian: f.PersonId!.Value, Student: f.SubjectId!.Value)))
        {
            DateTimeOffset? since = null;
            foreach (var fact in pair.OrderBy(f => f.At).ThenBy(f => f.Id))
            {
                if (fact.Kind == FactKind.GuardianLinked)
                    since ??= fact.At;
                else if (since is { } from)
                {
                    links.Add((pair.Key.Student, pair.Key.Guardian, from, fact.At));
                    since = null;
                }
            }

            if (since is { } open)
                links.Add((pair.Key.Student, pair.Key.Guardian, open, null));
        }

        return new GuardianLinks(links.ToLookup(l => l.Student, l => (l.Guardian, l.From, l.Until)));
    }

    /// <summary>The guardians responsible, at some moment between <paramref name="start"/> and <paramref name="end"/>, for any of <paramref name="students"/>.</summary>
    public HashSet<Guid> Of(IEnumerable<Guid> students, DateTimeOffset start, DateTimeOffset end) =>
        [.. students.SelectMany(s => byStudent[s]).Where(l => l.From < end && (l.Until is null || l.Until > start)).Select(l => l.Guardian)];
}
