using System.Text.RegularExpressions;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Importing;

public sealed record GuardianLine(string Key, string FamilyName, string GivenName, GuardianRights Rights);

public sealed record StudentLine(int LineNumber, string Ine, string FamilyName, string GivenName, string ClassName, IReadOnlyList<GuardianLine> Guardians);

public sealed record RejectedLine(int LineNumber, string Reason);

public sealed record ParsedRoster(IReadOnlyList<StudentLine> Students, IReadOnlyList<RejectedLine> Rejected);

/// <summary>
/// The student roster export (SIECLE-like, docs/import-formats.md): UTF-8, semicolon-separated, one student per line
/// with up to two guardians (responsables). Columns are found by header name; extra columns are ignored.
/// A file whose header lacks a required column is malformed as a whole and changes nothing.
/// </summary>
public static partial class StudentRosterCsv
{
    public static readonly string[] StudentColumns = ["INE", "NOM", "PRENOM", "DIVISION"];
    public static readonly string[] GuardianColumns = ["ID", "NOM", "PRENOM", "LEGAL", "ABSENCES", "NOTIFICATIONS"];
    public const int MaxGuardians = 2;

    public static ParsedRoster Parse(string text)
    {
        var rows = SemicolonCsv.Rows(text ?? "").ToList();
        if (rows.Count == 0)
            throw BusinessRuleException.Invalid("The file is empty.");
        var header = rows[0].Fields.Select(h => h.Trim().ToUpperInvariant()).ToList();
        var missing = StudentColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
            throw BusinessRuleException.Invalid($"This is not a student roster: the header lacks {string.Join(", ", missing)} (semicolon-separated, see docs/import-formats.md).");

        var students = new List<StudentLine>();
        var rejected = new List<RejectedLine>();
        var seenIne = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1).Where(r => r.Fields.Any(f => f.Length > 0)))
        {
            string Cell(string column) => header.IndexOf(column) is var i and >= 0 && i < row.Fields.Count ? row.Fields[i].Trim() : "";
            try
            {
                var line = ParseLine(row.LineNumber, Cell);
                if (!seenIne.Add(line.Ine))
                    throw BusinessRuleException.Invalid($"INE {line.Ine} appears twice in the file.");
                students.Add(line);
            }
            catch (BusinessRuleException e)
            {
                rejected.Add(new RejectedLine(row.LineNumber, e.Message));
            }
        }

        return new ParsedRoster(students, rejected);
    }

    private static StudentLine ParseLine(int lineNumber, Func<string, string> cell)
    {
        var ine = cell("INE").ToUpperInvariant();
        if (!IneFormat().IsMatch(ine))
            throw BusinessRuleException.Invalid($"INE '{ine}' is not 10 digits or letters followed by a letter.");
        var guardians = new List<GuardianLine>();
        for (var n = 1; n <= MaxGuardians; n++)
        {
            var key = cell($"RESP{n}_ID");
            if (key.Length == 0)
                continue;
            guardians.Add(new GuardianLine(
                Require.Text(key, $"RESP{n}_ID", 40),
                Require.Text(cell($"RESP{n}_NOM"), $"RESP{n}_NOM", 100),
                Require.Text(cell($"RESP{n}_PRENOM"), $"RESP{n}_PRENOM", 100),
                new GuardianRights(Flag(cell($"RESP{n}_LEGAL"), $"RESP{n}_LEGAL"), Flag(cell($"RESP{n}_ABSENCES"), $"RESP{n}_ABSENCES"), Flag(cell($"RESP{n}_NOTIFICATIONS"), $"RESP{n}_NOTIFICATIONS"))));
        }

        if (guardians.Count == 2 && guardians[0].Key == guardians[1].Key)
            throw BusinessRuleException.Invalid("RESP1_ID and RESP2_ID are the same person.");
        return new StudentLine(lineNumber, ine, Require.Text(cell("NOM"), "NOM", 100), Require.Text(cell("PRENOM"), "PRENOM", 100), Require.Text(cell("DIVISION"), "DIVISION", 50), guardians);
    }

    private static bool Flag(string value, string column) => value.ToUpperInvariant() switch
    {
        "1" or "O" or "OUI" => true,
        "0" or "N" or "NON" or "" => false,
        _ => throw BusinessRuleException.Invalid($"{column} must be O or N (or 1 or 0), not '{value}'."),
    };

    [GeneratedRegex("^[0-9A-Z]{10}[A-Z]$")]
    private static partial Regex IneFormat();
}
