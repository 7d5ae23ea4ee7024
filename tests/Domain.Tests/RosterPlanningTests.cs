using MonBureau.Domain.Common;
using MonBureau.Domain.Importing;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Tests;

public class RosterPlanningTests
{
    private const string Header = "INE;NOM;PRENOM;DIVISION;RESP1_ID;RESP1_NOM;RESP1_PRENOM;RESP1_LEGAL;RESP1_ABSENCES;RESP1_NOTIFICATIONS";
    private static readonly GuardianRights AllRights = new(true, true, true);

    private static List<(StudentLine, string)> Lines(string body) =>
        [.. StudentRosterCsv.Parse($"{Header}\n{body}").Students.Select(s => (s, "key-" + s.Ine))];

    private static RosterPlan Plan(string body, IReadOnlyCollection<KnownStudent>? known = null, params string[] classes) =>
        RosterPlanning.Plan(Lines(body), known ?? [], classes.ToHashSet(), new Dictionary<string, IdentityMatch>());

    [Fact]
    public void Given_an_empty_establishment_When_planning_Then_classes_students_and_guardians_are_all_created()
    {
        var plan = Plan("1234567890A;Durand;Léa;2nde 2;R1;Durand;Sophie;O;O;O");

        Assert.Collection(plan.Steps,
            s => Assert.Equal(new RosterStep.CreateClass("2nde 2"), s),
            s => Assert.IsType<RosterStep.Enroll>(s),
            s => Assert.Equal("R1", Assert.IsType<RosterStep.AddGuardian>(s).Guardian.Key));
    }

    [Fact]
    public void Given_the_same_roster_already_imported_When_planning_Then_nothing_changes()
    {
        var known = new KnownStudent("key-1234567890A", Guid.NewGuid(), "2nde 2", new Dictionary<string, KnownGuardianship> { ["R1"] = new(Guid.NewGuid(), AllRights) });

        var plan = Plan("1234567890A;Durand;Léa;2nde 2;R1;Durand;Sophie;O;O;O", [known], "2nde 2");

        Assert.Empty(plan.Steps);
    }

    [Fact]
    public void Given_a_known_student_When_their_class_rights_and_presence_change_Then_only_those_differences_are_planned()
    {
        var guardianId = Guid.NewGuid();
        var staying = new KnownStudent("key-1234567890A", Guid.NewGuid(), "2nde 2", new Dictionary<string, KnownGuardianship> { ["R1"] = new(guardianId, AllRights) });
        var leaving = new KnownStudent("key-9999999999Z", Guid.NewGuid(), "2nde 2", new Dictionary<string, KnownGuardianship>());

        var plan = Plan("1234567890A;Durand;Léa;1re 4;R1;Durand;Sophie;O;N;O", [staying, leaving], "2nde 2", "1re 4");

        Assert.Equal<RosterStep>(
            [new RosterStep.MoveToClass(staying.PersonId, "1re 4"), new RosterStep.ChangeRights(staying.PersonId, guardianId, new GuardianRights(true, false, true)), new RosterStep.Leave(leaving.PersonId)],
            plan.Steps);
    }

    [Fact]
    public void Given_homonyms_elsewhere_and_no_matching_key_When_planning_Then_the_guardian_is_left_for_review_not_guessed()
    {
        var identities = new Dictionary<string, IdentityMatch> { ["R7"] = new IdentityMatch.Ambiguous(1) };

        var plan = RosterPlanning.Plan(Lines("1234567890A;Durand;Léa;2nde 2;R7;Durand;Sophie;O;O;O"), [], new HashSet<string> { "2nde 2" }, identities);

        Assert.DoesNotContain(plan.Steps, s => s is RosterStep.AddGuardian);
        Assert.Equal(2, Assert.Single(plan.Reviews).LineNumber);
    }

    [Fact]
    public void Given_a_file_without_the_roster_columns_When_parsing_Then_the_whole_file_is_refused() =>
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() => StudentRosterCsv.Parse("nom,prenom\nDurand,Léa")).Code);

    [Fact]
    public void Quoted_fields_may_hold_separators_and_line_breaks()
    {
        var rows = SemicolonCsv.Rows("a;\"b;c\";\"d\ne\";\"f\"\"g\"\nh;i").ToList();

        Assert.Equal(["a", "b;c", "d\ne", "f\"g"], rows[0].Fields);
        Assert.Equal(3, rows[1].LineNumber);
    }
}
