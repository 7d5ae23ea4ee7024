using System.Globalization;
using System.Text;

namespace MonBureau.Domain.Attendance;

/// <summary>One student's line of the absence report.</summary>
public sealed record AbsenceReportLine(Guid StudentId, string? FamilyName, string? GivenName, string? ClassName, AttendanceTotals Totals);

/// <summary>
/// The absence report as CSV in the import files' dialect: UTF-8, semicolon-separated, a header line, quotes doubled.
/// A cell that a spreadsheet would run as a formula (starting with =, +, - or @) is prefixed with an apostrophe.
/// </summary>
public static class AbsenceReportCsv
{
    public const string Header = "ELEVE_ID;NOM;PRENOM;DIVISION;DEMI_JOURNEES_JUSTIFIEES;DEMI_JOURNEES_NON_JUSTIFIEES;RETARDS;MINUTES_RETARD";

    public static string Write(IEnumerable<AbsenceReportLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var line in lines)
        {
            csv.AppendJoin(';',
                line.StudentId.ToString(),
                Cell(line.FamilyName),
                Cell(line.GivenName),
                Cell(line.ClassName),
                line.Totals.JustifiedHalfDays.ToString(CultureInfo.InvariantCulture),
                line.Totals.UnjustifiedHalfDays.ToString(CultureInfo.InvariantCulture),
                line.Totals.Latenesses.ToString(CultureInfo.InvariantCulture),
                line.Totals.LateMinutes.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return csv.ToString();
    }

    private static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
            text = "'" + text;
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 || text.StartsWith('\'') ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
