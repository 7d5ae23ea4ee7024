using System.Globalization;
using System.Text;

namespace MonBureau.Application.Identity;

/// <summary>Logins as French ENTs hand them out: "prenom.nom", accents folded, a number added when taken.</summary>
public static class LoginNames
{
    public static string Base(string givenName, string familyName) => $"{Fold(givenName)}.{Fold(familyName)}";

    public static IEnumerable<string> Candidates(string givenName, string familyName)
    {
        var root = Base(givenName, familyName);
        yield return root;
        for (var n = 2; ; n++)
            yield return root + n.ToString(CultureInfo.InvariantCulture);
    }

    private static string Fold(string name)
    {
        var folded = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterOrDigit(lower))
                folded.Append(lower);
            else if (lower is ' ' or '-' or '\'' && folded.Length > 0 && folded[^1] != '-')
                folded.Append('-');
        }

        var result = folded.ToString().Trim('-');
        return result.Length == 0 ? "user" : result;
    }
}
