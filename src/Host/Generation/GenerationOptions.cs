namespace MonBureau.Host.Generation;

/// <summary>What to generate: establishments of the same shape, each with its own seeded roster, timetable and year.</summary>
/// <param name="Students">Per establishment; classes (30 students each), teachers (2.4 per class) and guardians follow.</param>
/// <param name="FirstMonday">The first school day; the weeks follow, weekdays only.</param>
/// <param name="Path">How the school year's commands are written (the imports always take the command path).</param>
public sealed record GenerationOptions(int Establishments, int Seed, int Weeks, int Students, DateOnly FirstMonday, GenerationPath Path = GenerationPath.Bulk)
{
    public const int StudentsPerClass = 30;

    public int Classes => Math.Max(1, (Students + StudentsPerClass - 1) / StudentsPerClass);

    public int Teachers => Math.Max(10, (int)Math.Round(Classes * 2.4));

    /// <summary>A UAI of the region that depends on the seed, the establishment and the first day, so a second run with the same seed on another week does not collide.</summary>
    public string Uai(int index)
    {
        var number = (uint)SeedFor(index, FirstMonday.DayNumber) % 10_000_000;
        return $"{number:D7}{(char)('A' + (Seed + index) % 26)}";
    }

    /// <summary>A made-up second family name per establishment (« -Korami »), so adults of two generated establishments are never homonyms.</summary>
    public string NameSuffix(int index)
    {
        string[] syllables = ["ba", "ko", "ri", "mel", "tan", "vo", "lu", "sen", "da", "mi", "ro", "gu", "zel", "pa", "nor", "ti"];
        var number = (uint)SeedFor(index, FirstMonday.DayNumber, 3);
        var name = string.Concat(Enumerable.Range(0, 6).Select(i => syllables[(number >> (4 * i)) & 15]));
        return $"-{char.ToUpperInvariant(name[0])}{name[1..]}";
    }

    /// <summary>Derived seeds: the same per establishment, class and day whatever order the work runs in.</summary>
    public int SeedFor(params int[] parts) => parts.Aggregate(Seed * 7919, (seed, part) => unchecked((seed * 31) + part + 17));
}

/// <summary>How the generator writes the school year's decisions (ADR 0029).</summary>
public enum GenerationPath
{
    /// <summary>Decided by the domain functions in process, appended a phase of the day at a time with the inline projections run per batch.</summary>
    Bulk,

    /// <summary>Each decision a Wolverine command with its own session and transaction, as the API runs it.</summary>
    Commands,
}
