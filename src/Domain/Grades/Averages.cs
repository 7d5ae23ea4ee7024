namespace MonBureau.Domain.Grades;

/// <summary>A student's line of one assessment, with what it weighs.</summary>
public sealed record ScoredMark(MarkStatus Status, decimal? Value, decimal OutOf, decimal Coefficient);

/// <summary>A class's figures in one subject: the mean, lowest and highest of its students' averages.</summary>
public sealed record ClassFigures(decimal Average, decimal Lowest, decimal Highest, int Students);

/// <summary>A subject's average with the coefficient it weighs in the general average (1 unless the establishment says otherwise).</summary>
public sealed record SubjectResult(decimal? Average, decimal Coefficient = 1m);

/// <summary>
/// Averages as a report card prints them, every one out of 20 and rounded to two decimals half away from zero
/// (12.345 → 12.35). A subject average is computed from the exact marks and rounded once; the class figures and the
/// general average are computed from the rounded subject averages, the figures a family sees, so they can redo the sum.
/// Absent, exempt and not-graded lines count for nothing: neither a zero nor a coefficient.
/// </summary>
public static class Averages
{
    public const int Decimals = 2;
    public const decimal Scale = 20m;

    public static decimal Round(decimal value) => decimal.Round(value, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>Σ(mark / out of × 20 × coefficient) / Σ coefficients over counted marks; null when none counts.</summary>
    public static decimal? OfSubject(IEnumerable<ScoredMark> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var counted = marks.Where(m => m is { Status: MarkStatus.Marked, Value: not null } && m.OutOf > 0 && m.Coefficient > 0).ToList();
        if (counted.Count == 0)
            return null;
        var weights = counted.Sum(m => m.Coefficient);
        return Round(counted.Sum(m => m.Value!.Value / m.OutOf * Scale * m.Coefficient) / weights);
    }

    /// <summary>Over the students who have an average; null when none has.</summary>
    public static ClassFigures? OfClass(IEnumerable<decimal?> studentAverages)
    {
        ArgumentNullException.ThrowIfNull(studentAverages);
        var averages = studentAverages.OfType<decimal>().ToList();
        return averages.Count == 0 ? null : new ClassFigures(Round(averages.Average()), averages.Min(), averages.Max(), averages.Count);
    }

    /// <summary>The subjects' averages weighted by their coefficients; subjects without an average are left out.</summary>
    public static decimal? General(IEnumerable<SubjectResult> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var counted = subjects.Where(s => s.Average is not null && s.Coefficient > 0).ToList();
        return counted.Count == 0 ? null : Round(counted.Sum(s => s.Average!.Value * s.Coefficient) / counted.Sum(s => s.Coefficient));
    }
}
