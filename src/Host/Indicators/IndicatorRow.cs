using System.Globalization;
using System.Text.Json.Serialization;
using MonBureau.Application.Indicators;
using MonBureau.Domain.Indicators;

namespace MonBureau.Host.Indicators;

/// <summary>
/// One exported cell (docs/indicators.md, « Exports »): the same columns in CSV and Parquet. A cell about fewer than
/// <see cref="WeeklyFigure.SmallCellThreshold"/> people keeps its keys but not its figures (small-cell rule).
/// </summary>
public sealed class IndicatorRow
{
    [JsonPropertyName("indicator")]
    public string Indicator { get; init; } = "";

    [JsonPropertyName("establishment_id")]
    public string EstablishmentId { get; init; } = "";

    /// <summary>Empty for the establishment as a whole.</summary>
    [JsonPropertyName("class_id")]
    public string? ClassId { get; init; }

    [JsonPropertyName("class_name")]
    public string? ClassName { get; init; }

    [JsonPropertyName("week")]
    public string Week { get; init; } = "";

    [JsonPropertyName("week_start")]
    public string WeekStart { get; init; } = "";

    [JsonPropertyName("numerator")]
    public double? Numerator { get; init; }

    [JsonPropertyName("denominator")]
    public int? Denominator { get; init; }

    [JsonPropertyName("value")]
    public double? Value { get; init; }

    [JsonPropertyName("unit")]
    public string Unit { get; init; } = "";

    [JsonPropertyName("alert")]
    public bool? Alert { get; init; }

    [JsonPropertyName("threshold")]
    public double Threshold { get; init; }

    [JsonPropertyName("suppressed")]
    public bool Suppressed { get; init; }

    /// <summary>For module usage: the module (<c>lesson_log</c>…); empty for other indicators.</summary>
    [JsonPropertyName("module")]
    public string? Module { get; init; }

    /// <summary>For module usage: the profile counted (<c>teacher</c>, <c>student</c>, <c>guardian</c>); empty for other indicators.</summary>
    [JsonPropertyName("profile")]
    public string? Profile { get; init; }

    public static IReadOnlyList<IndicatorRow> From(IndicatorReading reading, IReadOnlyDictionary<Guid, string> classNames)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(classNames);
        return
        [
            .. reading.Figures
                .OrderBy(f => f.Indicator).ThenBy(f => f.Week).ThenBy(f => f.ClassId is null ? 0 : 1).ThenBy(f => f.ClassId is { } c ? classNames.GetValueOrDefault(c) : null, StringComparer.Ordinal).ThenBy(f => f.ClassId).ThenBy(f => f.Module).ThenBy(f => f.Profile)
                .Select(f => new IndicatorRow
                {
                    Indicator = Names.Of(f.Indicator),
                    EstablishmentId = f.EstablishmentId.ToString(),
                    ClassId = f.ClassId?.ToString(),
                    ClassName = f.ClassId is { } c ? classNames.GetValueOrDefault(c) : null,
                    Week = f.Week.ToString(),
                    WeekStart = f.Week.Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Numerator = f.IsSmallCell ? null : Math.Round(f.Numerator, 3),
                    Denominator = f.IsSmallCell ? null : f.Denominator,
                    Value = f.IsSmallCell ? null : f.Value,
                    Unit = f.Indicator == Domain.Indicators.Indicator.TeacherResponseDelay ? "hours" : "percent",
                    Alert = f.IsSmallCell ? null : reading.Alerts(f),
                    Threshold = reading.ThresholdOf(f.Indicator).Threshold,
                    Suppressed = f.IsSmallCell,
                    Module = f.Module is { } m ? Names.Of(m) : null,
                    Profile = f.Profile is { } p ? Names.Of(p) : null,
                }),
        ];
    }
}

/// <summary>The names of indicators, modules and profiles in exports and charts: the GraphQL enum values, lower-cased.</summary>
internal static class Names
{
    /// <summary>Snake case, as GraphQL names the enum value, lower-cased: <c>LessonLog</c> → <c>lesson_log</c>.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
