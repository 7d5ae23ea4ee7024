using MonBureau.Domain.Common;

namespace MonBureau.Domain.Grades;

/// <summary>A term of the school year (trimestre, semestre), numbered from 1: marks, averages and report cards are per term.</summary>
public sealed record Term(int Number, string Name, DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly day) => day >= Start && day <= End;
}

/// <summary>One term as direction writes it, first to last.</summary>
public sealed record TermDates(string Name, DateOnly Start, DateOnly End);

/// <summary>Direction sets the terms of one school year (by its starting year, 2026 for 2026-2027).</summary>
public sealed record DefineTerms(Guid EstablishmentId, int SchoolYear, IReadOnlyList<TermDates> Terms);

public sealed record TermsDefined(Guid EstablishmentId, SchoolYear SchoolYear, IReadOnlyList<Term> Terms, DateTimeOffset DefinedAt) : IEstablishmentScoped;

public static class SchoolTerms
{
    public const int MaxTerms = 4;

    /// <summary>
    /// The terms of a year whose direction defined none: three trimesters, 1 September–30 November,
    /// 1 December–end of February, 1 March–31 August, so every day of the school year falls in exactly one term.
    /// </summary>
    public static IReadOnlyList<Term> Default(SchoolYear year)
    {
        var december = new DateOnly(year.StartYear, 12, 1);
        var march = new DateOnly(year.StartYear + 1, 3, 1);
        return
        [
            new Term(1, "1er trimestre", new DateOnly(year.StartYear, 9, 1), december.AddDays(-1)),
            new Term(2, "2e trimestre", december, march.AddDays(-1)),
            new Term(3, "3e trimestre", march, year.LastDay),
        ];
    }

    /// <summary>
    /// Two to four terms inside the school year, each starting the day after the previous one ends, so no day
    /// belongs to two terms and none between the first and the last is left out.
    /// </summary>
    public static IReadOnlyList<Term> Check(SchoolYear year, IReadOnlyList<TermDates>? terms)
    {
        var given = terms ?? [];
        if (given.Count < 2 || given.Count > MaxTerms)
            throw BusinessRuleException.Invalid($"Give 2 to {MaxTerms} terms (semestres, trimestres), first to last.");
        var checkedTerms = new List<Term>();
        foreach (var (dates, index) in given.Select((t, i) => (t, i)))
        {
            var name = Require.Text(dates.Name, "Term name", 40);
            if (dates.End < dates.Start)
                throw BusinessRuleException.Invalid($"{name} ends before it starts.");
            if (dates.Start < new DateOnly(year.StartYear, 9, 1) || dates.End > year.LastDay)
                throw BusinessRuleException.Invalid($"{name} must lie within the school year {year} (1 September to 31 August).");
            if (index > 0 && dates.Start != checkedTerms[^1].End.AddDays(1))
                throw BusinessRuleException.Invalid($"{name} must start the day after {checkedTerms[^1].Name} ends: terms neither overlap nor leave gaps.");
            checkedTerms.Add(new Term(index + 1, name, dates.Start, dates.End));
        }

        return checkedTerms;
    }
}
