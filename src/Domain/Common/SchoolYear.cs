namespace MonBureau.Domain.Common;

/// <summary>French school year: 1 September to 31 August, named by its starting year ("2026-2027").</summary>
public readonly record struct SchoolYear(int StartYear)
{
    public DateOnly FirstDay => new(StartYear, 9, 1);

    public DateOnly LastDay => new(StartYear + 1, 8, 31);

    /// <summary>Whether a school year can start that year: before 2000 or after 2100 it is an input error, not a school year.</summary>
    public static bool Plausible(int startYear) => startYear is >= 2000 and <= 2100;

    /// <summary>The school year starting in <paramref name="startYear"/>, as a client names it.</summary>
    public static SchoolYear Of(int startYear) => Plausible(startYear)
        ? new SchoolYear(startYear)
        : throw BusinessRuleException.Invalid($"{startYear} is not a school year: give the year it starts, e.g. 2026 for 2026-2027.");

    public static SchoolYear Containing(DateOnly day) => new(day.Month >= 9 ? day.Year : day.Year - 1);

    public override string ToString() => $"{StartYear}-{StartYear + 1}";
}
