namespace MonBureau.Domain.Common;

/// <summary>French school year: 1 September to 31 August, named by its starting year ("2026-2027").</summary>
public readonly record struct SchoolYear(int StartYear)
{
    public DateOnly FirstDay => new(StartYear, 9, 1);

    public DateOnly LastDay => new(StartYear + 1, 8, 31);

    public static SchoolYear Containing(DateOnly day) => new(day.Month >= 9 ? day.Year : day.Year - 1);

    public override string ToString() => $"{StartYear}-{StartYear + 1}";
}
