using System.Globalization;
using System.Text;
using Parquet.Serialization;

namespace MonBureau.Host.Indicators;

/// <summary>The exports data teams load into their tools: CSV (UTF-8, semicolons, header row) and Parquet, same columns.</summary>
public static class IndicatorExports
{
    public const string CsvHeader = "indicator;establishment_id;class_id;class_name;week;week_start;numerator;denominator;value;unit;alert;threshold;suppressed;module;profile";

    public static string Csv(IReadOnlyList<IndicatorRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(';',
                row.Indicator, row.EstablishmentId, row.ClassId ?? "", Quoted(row.ClassName), row.Week, row.WeekStart,
                Number(row.Numerator), row.Denominator?.ToString(CultureInfo.InvariantCulture) ?? "", Number(row.Value), row.Unit,
                row.Alert is { } alert ? (alert ? "true" : "false") : "", Number(row.Threshold), row.Suppressed ? "true" : "false", row.Module ?? "", row.Profile ?? "");
            text.Append('\n');
        }

        return text.ToString();
    }

    public static async Task<byte[]> ParquetAsync(IReadOnlyList<IndicatorRow> rows, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await ParquetSerializer.SerializeAsync(rows, stream, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Class names are typed by staff: quoted when they could break the line (and never starting a formula).</summary>
    private static string Quoted(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var safe = text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;
        return safe.IndexOfAny([';', '"', '\n', '\r']) < 0 ? safe : "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
