using System.Globalization;
using MonBureau.Domain.Common;
using MonBureau.Domain.Timetable;

namespace MonBureau.Domain.Importing;

public sealed record ScheduleLine(
    int LineNumber, string TeacherKey, string FamilyName, string GivenName, string Subject, string Unit, DayOfWeek? Day, TimeOnly? Start, TimeOnly? End, string? Room, TimetableWeek Week);

public sealed record ParsedSchedule(IReadOnlyList<ScheduleLine> Lines, IReadOnlyList<RejectedLine> Rejected);

/// <summary>
/// The teachers, teaching and timetable export (STS/EDT-like, docs/import-formats.md): one line per weekly slot, or
/// per teaching without a slot when the day is empty.
/// </summary>
public static class TeachingScheduleCsv
{
    public static readonly string[] Columns = ["ENSEIGNANT_ID", "NOM", "PRENOM", "MATIERE", "CLASSE_OU_GROUPE"];

    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LUNDI"] = DayOfWeek.Monday, ["MARDI"] = DayOfWeek.Tuesday, ["MERCREDI"] = DayOfWeek.Wednesday,
        ["JEUDI"] = DayOfWeek.Thursday, ["VENDREDI"] = DayOfWeek.Friday, ["SAMEDI"] = DayOfWeek.Saturday,
    };

    public static ParsedSchedule Parse(string text)
    {
        var rows = SemicolonCsv.Rows(text ?? "").ToList();
        if (rows.Count == 0)
            throw BusinessRuleException.Invalid("The file is empty.");
        var header = rows[0].Fields.Select(h => h.Trim().ToUpperInvariant()).ToList();
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
            throw BusinessRuleException.Invalid($"This is not a teaching schedule: the header lacks {string.Join(", ", missing)} (semicolon-separated, see docs/import-formats.md).");

        var lines = new List<ScheduleLine>();
        var rejected = new List<RejectedLine>();
        foreach (var row in rows.Skip(1).Where(r => r.Fields.Any(f => f.Length > 0)))
        {
            string Cell(string column) => header.IndexOf(column) is var i and >= 0 && i < row.Fields.Count ? row.Fields[i].Trim() : "";
            try
            {
                lines.Add(ParseLine(row.LineNumber, Cell));
            }
            catch (BusinessRuleException e)
            {
                rejected.Add(new RejectedLine(row.LineNumber, e.Message));
            }
        }

        return new ParsedSchedule(lines, rejected);
    }

    private static ScheduleLine ParseLine(int lineNumber, Func<string, string> cell)
    {
        DayOfWeek? day = null;
        TimeOnly? start = null, end = null;
        if (cell("JOUR") is { Length: > 0 } dayName)
        {
            day = Days.TryGetValue(dayName, out var d) ? d : throw BusinessRuleException.Invalid($"JOUR '{dayName}' is not a school day (LUNDI … SAMEDI).");
            start = Time(cell("DEBUT"), "DEBUT");
            end = Time(cell("FIN"), "FIN");
            if (end <= start)
                throw BusinessRuleException.Invalid("FIN must be after DEBUT.");
        }

        var week = cell("SEMAINE").ToUpperInvariant() switch
        {
            "" => TimetableWeek.Every,
            "A" => TimetableWeek.A,
            "B" => TimetableWeek.B,
            var other => throw BusinessRuleException.Invalid($"SEMAINE must be A, B or empty, not '{other}'."),
        };
        return new ScheduleLine(
            lineNumber,
            Require.Text(cell("ENSEIGNANT_ID"), "ENSEIGNANT_ID", 40),
            Require.Text(cell("NOM"), "NOM", 100),
            Require.Text(cell("PRENOM"), "PRENOM", 100),
            Require.Text(cell("MATIERE"), "MATIERE", 100),
            Require.Text(cell("CLASSE_OU_GROUPE"), "CLASSE_OU_GROUPE", 80),
            day,
            start,
            end,
            cell("SALLE") is { Length: > 0 } room ? room : null,
            week);
    }

    private static TimeOnly Time(string value, string column) =>
        TimeOnly.TryParseExact(value, ["H:mm", "HH:mm", "H'h'mm", "HH'h'mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw BusinessRuleException.Invalid($"{column} '{value}' is not a time such as 08:30.");
}
