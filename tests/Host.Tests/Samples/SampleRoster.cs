using System.Globalization;
using System.Text;

namespace MonBureau.Host.Tests.Samples;

/// <summary>
/// Generates the shipped sample roster (lycee-1500-eleves.csv): a lycée of 1,500 students in 50 classes with about
/// 2,800 guardians, siblings sharing their parents, seeded so the file is the same on every machine.
/// </summary>
public static class SampleRoster
{
    public const string FileName = "lycee-1500-eleves.csv";
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

    public static string Generate()
    {
        var random = new Random(2026);
        var csv = new StringBuilder(Header).Append('\n');
        var nextGuardian = 100_000;
        string[]? siblingsParents = null;
        for (var n = 0; n < 1500; n++)
        {
            var classNumber = n % 50;
            var division = $"{Levels[classNumber / 17]} {classNumber % 17 + 1}";
            var ine = $"{random.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture)}{(char)('A' + random.Next(26))}";
            string[] parents;
            string family;
            if (siblingsParents is not null && random.Next(10) == 0)
            {
                parents = siblingsParents;
                family = parents[1];
            }
            else
            {
                family = FamilyNames[random.Next(FamilyNames.Length)];
                var second = random.Next(10) < 8
                    ? new[] { $"R{nextGuardian + 1}", random.Next(5) == 0 ? FamilyNames[random.Next(FamilyNames.Length)] : family, ParentNames[random.Next(ParentNames.Length)], "O", "O", "O" }
                    : ["", "", "", "", "", ""];
                parents = [$"R{nextGuardian}", family, ParentNames[random.Next(ParentNames.Length)], "O", "O", random.Next(4) == 0 ? "N" : "O", .. second];
                nextGuardian += 2;
            }

            siblingsParents = parents;
            var birth = new DateOnly(2008 + classNumber / 17, 1, 1).AddDays(random.Next(365));
            csv.Append(ine).Append(';').Append(family).Append(';').Append(StudentNames[random.Next(StudentNames.Length)]).Append(';')
                .Append(birth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(';').Append(division).Append(';')
                .AppendJoin(';', parents).Append('\n');
        }

        return csv.ToString();
    }
}
