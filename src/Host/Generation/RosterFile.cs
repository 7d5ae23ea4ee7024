using System.Globalization;
using System.Text;

namespace MonBureau.Host.Generation;

/// <summary>
/// A lycée's student roster (SIECLE-style CSV as the roster import reads it): students spread over classes in three
/// levels, about 1.9 guardians per student, siblings sharing their parents; the same file for the same seed.
/// </summary>
public static class RosterFile
{
    public const string Header = "INE;NOM;PRENOM;DATE_NAISSANCE;DIVISION;RESP1_ID;RESP1_NOM;RESP1_PRENOM;RESP1_LEGAL;RESP1_ABSENCES;RESP1_NOTIFICATIONS;RESP2_ID;RESP2_NOM;RESP2_PRENOM;RESP2_LEGAL;RESP2_ABSENCES;RESP2_NOTIFICATIONS";

    private static readonly string[] FamilyNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel",
        "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
        "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier",
        "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
        "Schmitt", "Meyer", "Weber", "Klein", "Wagner", "Hoffmann", "Schneider", "Fischer", "Becker", "Koch", "Zimmermann", "Braun",
        "Nguyen", "Benali", "Haddad", "Diallo", "Da Silva", "Ferreira", "Kaya", "Yilmaz", "N'Diaye", "O'Brien",
    ];

    private static readonly string[] StudentNames =
    [
        "Léa", "Emma", "Chloé", "Inès", "Manon", "Jade", "Louise", "Camille", "Sarah", "Zoé", "Lina", "Anaïs", "Clara", "Eva",
        "Lucas", "Hugo", "Louis", "Nathan", "Gabriel", "Jules", "Arthur", "Raphaël", "Adam", "Tom", "Théo", "Noah", "Mathis", "Enzo",
        "Maël", "Yanis", "Rayan", "Ethan", "Sacha", "Lilou", "Maëlys", "Océane", "Noémie", "Margaux", "Timéo", "Kylian",
    ];

    private static readonly string[] ParentNames =
    [
        "Sophie", "Nathalie", "Isabelle", "Sandrine", "Céline", "Aurélie", "Stéphanie", "Valérie", "Karine", "Fatima", "Nadia",
        "Thierry", "Laurent", "Stéphane", "Christophe", "Frédéric", "Nicolas", "Olivier", "Sébastien", "Karim", "Jean-Pierre", "Éric",
    ];

    private static readonly string[] Levels = ["2nde", "1re", "Tle"];

    /// <summary>The classes' names, a third of them in each level: « 2nde 1 » … « Tle 16 » for 50.</summary>
    public static IReadOnlyList<string> Classes(int count)
    {
        var perLevel = (count + Levels.Length - 1) / Levels.Length;
        return [.. Enumerable.Range(0, count).Select(n => $"{Levels[n / perLevel]} {n % perLevel + 1}")];
    }

    /// <param name="guardianKeyPrefix">Guardians' keys (RESP_ID) are the source's, unique in the region: each establishment's file needs its own prefix.</param>
    /// <param name="adultNameSuffix">
    /// Appended to the guardians' family names: people are matched across the region by name (homonyms go to review),
    /// so each generated establishment's adults need names of their own.
    /// </param>
    public static string Generate(int students, int classCount, int seed, string guardianKeyPrefix = "R", string adultNameSuffix = "")
    {
        var random = new Random(seed);
        var classes = Classes(classCount);
        var perLevel = (classCount + Levels.Length - 1) / Levels.Length;
        var csv = new StringBuilder(Header).Append('\n');
        var nextGuardian = 100_000;
        string[]? siblingsParents = null;
        for (var n = 0; n < students; n++)
        {
            var classNumber = n % classCount;
            var ine = $"{random.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture)}{(char)('A' + random.Next(26))}";
            string[] parents;
            string family;
            if (siblingsParents is not null && random.Next(10) == 0)
            {
                parents = siblingsParents;
                family = parents[1][..(parents[1].Length - adultNameSuffix.Length)];
            }
            else
            {
                family = FamilyNames[random.Next(FamilyNames.Length)];
                var second = random.Next(10) < 8
                    ? new[] { $"{guardianKeyPrefix}{nextGuardian + 1}", (random.Next(5) == 0 ? FamilyNames[random.Next(FamilyNames.Length)] : family) + adultNameSuffix, ParentNames[random.Next(ParentNames.Length)], "O", "O", "O" }
                    : ["", "", "", "", "", ""];
                parents = [$"{guardianKeyPrefix}{nextGuardian}", family + adultNameSuffix, ParentNames[random.Next(ParentNames.Length)], "O", "O", random.Next(4) == 0 ? "N" : "O", .. second];
                nextGuardian += 2;
            }

            siblingsParents = parents;
            var birth = new DateOnly(2008 + classNumber / perLevel, 1, 1).AddDays(random.Next(365));
            csv.Append(ine).Append(';').Append(family).Append(';').Append(StudentNames[random.Next(StudentNames.Length)]).Append(';')
                .Append(birth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(';').Append(classes[classNumber]).Append(';')
                .AppendJoin(';', parents).Append('\n');
        }

        return csv.ToString();
    }
}
