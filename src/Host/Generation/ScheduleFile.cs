using System.Globalization;
using System.Text;

namespace MonBureau.Host.Generation;

/// <summary>
/// A lycée's timetable (CSV as the schedule import reads it): 30 hours a week of ten subjects for each class, teachers
/// in proportion to the hours, plus a language group taught in alternating weeks, placed so that no class and no
/// teacher is in two places at once; the same file for the same seed.
/// </summary>
public static class ScheduleFile
{
    public const string Header = "ENSEIGNANT_ID;NOM;PRENOM;MATIERE;CLASSE_OU_GROUPE;JOUR;DEBUT;FIN;SALLE;SEMAINE";

    /// <summary>The group of the alternating weeks.</summary>
    public const string LanguageGroup = "LV2 allemand renforcé";

    public static readonly IReadOnlyList<(string Subject, int Hours)> Subjects =
    [
        ("Mathématiques", 4), ("Français", 4), ("Histoire-géographie", 3), ("Anglais", 3), ("Physique-chimie", 3),
        ("Allemand", 2), ("SVT", 2), ("EPS", 2), ("SES", 1), ("Enseignement moral et civique", 1),
    ];

    private static readonly string[] Days = ["LUNDI", "MARDI", "MERCREDI", "JEUDI", "VENDREDI"];
    private static readonly int[] Hours = [8, 9, 10, 11, 13, 14, 15, 16];
    private static readonly string[] GivenNames = ["Claire", "Paul", "Isabelle", "Marc", "Hélène", "Julien", "Anne", "Pierre", "Sylvie", "Franck", "Agnès", "Yves"];
    private static readonly string[] FamilyNames = ["Koenig", "Haas", "Lang", "Roth", "Vogel", "Frey", "Keller", "Jung", "Bauer", "Walter", "Huber", "Graff", "Stoll", "Ott", "Kuntz"];

    /// <param name="classes">The classes, named as in the roster.</param>
    /// <param name="teacherCount">About how many teachers share the hours (120 for 50 classes).</param>
    /// <param name="teacherKeyPrefix">Teachers' keys are the source's, unique in the region: each establishment's file needs its own prefix.</param>
    /// <param name="nameSuffix">Appended to the teachers' family names, which the region matches people by (see <see cref="RosterFile"/>).</param>
    public static string Generate(IReadOnlyList<string> classes, int teacherCount, int seed, string teacherKeyPrefix = "E", string nameSuffix = "")
    {
        ArgumentNullException.ThrowIfNull(classes);
        var random = new Random(seed);
        var totalHours = classes.Count * Subjects.Sum(s => s.Hours);
        var teachers = new List<(string Key, string Family, string Given, string Subject)>();
        foreach (var (subject, hours) in Subjects)
        {
            var count = Math.Max(1, (int)Math.Round((double)teacherCount * hours * classes.Count / totalHours));
            for (var i = 0; i < count; i++)
                teachers.Add(($"{teacherKeyPrefix}{1000 + teachers.Count}", FamilyNames[random.Next(FamilyNames.Length)] + nameSuffix, GivenNames[random.Next(GivenNames.Length)], subject));
        }

        var busy = new HashSet<(string Who, int Slot)>();
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var (schoolClass, index) in classes.Select((c, i) => (c, i)))
        {
            foreach (var (subject, hours) in Subjects)
            {
                var ofSubject = teachers.Where(t => t.Subject == subject).ToList();
                var teacher = ofSubject[index % ofSubject.Count];
                for (var h = 0; h < hours; h++)
                {
                    var slot = Enumerable.Range(0, Days.Length * Hours.Length).OrderBy(_ => random.Next())
                        .First(s => !busy.Contains((schoolClass, s)) && !busy.Contains((teacher.Key, s)));
                    busy.Add((schoolClass, slot));
                    busy.Add((teacher.Key, slot));
                    var start = Hours[slot % Hours.Length];
                    csv.Append(CultureInfo.InvariantCulture, $"{teacher.Key};{teacher.Family};{teacher.Given};{subject};{schoolClass};{Days[slot / Hours.Length]};")
                        .Append(CultureInfo.InvariantCulture, $"{start:D2}:00;{start + 1:D2}:00;S{100 + random.Next(60)};\n");
                }
            }
        }

        // Language groups across classes, taught in alternating weeks.
        var german = teachers.First(t => t.Subject == "Allemand");
        csv.Append(CultureInfo.InvariantCulture, $"{german.Key};{german.Family};{german.Given};Allemand;{LanguageGroup};MERCREDI;12:00;13:00;S120;A\n");
        csv.Append(CultureInfo.InvariantCulture, $"{german.Key};{german.Family};{german.Given};Allemand;{LanguageGroup};MERCREDI;12:00;13:00;S121;B\n");
        return csv.ToString();
    }
}
