using System.Globalization;
using MonBureau.Domain.Common;

namespace MonBureau.Domain.Grading;

/// <summary>How a grade is written: a mark out of a maximum (/20, /10), or one of ordered levels (A–E, competency levels).</summary>
public enum GradingScaleKind
{
    Numeric,
    Levels,
}

/// <summary>A barème template. <c>OwnerTeacherId</c> null: shared by the whole establishment; otherwise one teacher's own.</summary>
public sealed record GradingScaleCreated(
    Guid ScaleId, Guid EstablishmentId, Guid? OwnerTeacherId, string Name, GradingScaleKind Kind, decimal? Maximum, IReadOnlyList<string> Levels, DateTimeOffset CreatedAt)
    : IEstablishmentScoped;

public sealed record CreateGradingScale(string Name, GradingScaleKind Kind, decimal? Maximum, IReadOnlyList<string>? Levels, bool ForEstablishment);

/// <summary>A grade as recorded: the scale it was given on, and the mark written as the scale writes it ("14,5", "B", "Maîtrisé").</summary>
public sealed record Grade(Guid ScaleId, string ScaleName, string Mark);

public sealed record GradingScale(Guid Id, Guid EstablishmentId, Guid? OwnerTeacherId, string Name, GradingScaleKind Kind, decimal? Maximum, IReadOnlyList<string> Levels)
{
    public static GradingScale Create(GradingScaleCreated e) => new(e.ScaleId, e.EstablishmentId, e.OwnerTeacherId, e.Name, e.Kind, e.Maximum, e.Levels);

    /// <summary>Whether this teacher may grade on it: the establishment's scales and their own.</summary>
    public bool UsableBy(Guid teacherId, Guid establishmentId) =>
        EstablishmentId == establishmentId && (OwnerTeacherId is null || OwnerTeacherId == teacherId);

    /// <summary>The mark in its canonical form, or a validation error saying what the scale expects.</summary>
    public Grade Grade(string? mark)
    {
        var written = Require.Text(mark, "Mark", 40);
        if (Kind == GradingScaleKind.Levels)
        {
            var level = Levels.FirstOrDefault(l => string.Equals(l, written, StringComparison.OrdinalIgnoreCase));
            return level is null
                ? throw BusinessRuleException.Invalid($"Mark {written} is not on the scale {Name} (one of: {string.Join(", ", Levels)}).")
                : new Grade(Id, Name, level);
        }

        if (!decimal.TryParse(written.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value < 0 || value > Maximum || decimal.Round(value, 2) != value)
            throw BusinessRuleException.Invalid($"Mark {written} must be a number from 0 to {Maximum} with at most two decimals.");
        return new Grade(Id, Name, value.ToString("0.##", CultureInfo.InvariantCulture));
    }
}

public static class GradingScaleDecisions
{
    public const int MaxLevels = 12;

    /// <param name="ownerTeacherId">The teacher creating their own scale, or null for an establishment scale (direction, administrator).</param>
    public static GradingScaleCreated Create(Guid newId, CreateGradingScale command, Guid establishmentId, Guid? ownerTeacherId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = Require.Text(command.Name, "Scale name", 60);
        if (command.Kind == GradingScaleKind.Numeric)
        {
            if (command.Maximum is not { } max || max <= 0 || max > 1000 || decimal.Round(max, 2) != max)
                throw BusinessRuleException.Invalid("A numeric scale needs a maximum above 0 and at most 1000, e.g. 20.");
            if (command.Levels is { Count: > 0 })
                throw BusinessRuleException.Invalid("A numeric scale has a maximum, not levels.");
            return new GradingScaleCreated(newId, establishmentId, ownerTeacherId, name, command.Kind, max, [], now);
        }

        var levels = (command.Levels ?? []).Select(l => Require.Text(l, "Level", 40)).ToList();
        if (levels.Count < 2 || levels.Count > MaxLevels)
            throw BusinessRuleException.Invalid($"A scale of levels needs 2 to {MaxLevels} levels, best first.");
        if (levels.Distinct(StringComparer.OrdinalIgnoreCase).Count() != levels.Count)
            throw BusinessRuleException.Invalid("Each level of the scale must be different.");
        if (command.Maximum is not null)
            throw BusinessRuleException.Invalid("A scale of levels has levels, not a maximum.");
        return new GradingScaleCreated(newId, establishmentId, ownerTeacherId, name, command.Kind, null, levels, now);
    }
}
