using System.Text.Json.Nodes;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class PortfolioTests(AppFactory app)
{
    private const string Fields = "id title sharedWithGuardians entries { id title text submissionId submission { id text } feedbackRequests { teacherId answeredAt } feedback { teacherId comment } }";
    private const string Create = $"mutation($i: CreatePortfolioInput!) {{ createPortfolio(input: $i) {{ portfolio {{ {Fields} }} userErrors {{ code message }} }} }}";
    private const string Add = $"mutation($i: AddPortfolioEntryInput!) {{ addPortfolioEntry(input: $i) {{ portfolio {{ {Fields} }} userErrors {{ code message }} }} }}";
    private const string Edit = $"mutation($i: EditPortfolioEntryInput!) {{ editPortfolioEntry(input: $i) {{ portfolio {{ {Fields} }} userErrors {{ code message }} }} }}";
    private const string Remove = $"mutation($i: PortfolioEntryInput!) {{ removePortfolioEntry(input: $i) {{ portfolio {{ {Fields} }} userErrors {{ code message }} }} }}";
    private const string Reorder = $"mutation($i: ReorderPortfolioEntriesInput!) {{ reorderPortfolioEntries(input: $i) {{ portfolio {{ {Fields} }} userErrors {{ code message }} }} }}";
    private const string Ask = $"mutation($i: RequestPortfolioFeedbackInput!) {{ requestPortfolioFeedback(input: $i) {{ portfolio {{ {Fields} }} userErrors {{ code message }} }} }}";
    private const string Answer = $"mutation($i: GivePortfolioFeedbackInput!) {{ givePortfolioFeedback(input: $i) {{ portfolio {{ {Fields} }} userErrors {{ code message }} }} }}";
    private const string Share = "mutation($p: ID!) { sharePortfolio(portfolioId: $p) { portfolio { sharedWithGuardians } userErrors { code message } } }";
    private const string StopSharing = "mutation($p: ID!) { stopSharingPortfolio(portfolioId: $p) { portfolio { sharedWithGuardians } userErrors { code message } } }";
    private const string Read = $"query($p: ID!) {{ portfolio(id: $p) {{ {Fields} }} }}";
    private const string Mine = $"{{ myPortfolios {{ nodes {{ {Fields} }} }} }}";
    private const string OfStudent = "query($s: ID!) { studentPortfolios(studentId: $s) { nodes { id title } } }";
    private const string Awaiting = "{ portfoliosAwaitingMyFeedback { nodes { id studentId } } }";
    private const string History = "query($s: ID!) { accessHistory(subjectId: $s, category: PORTFOLIO) { nodes { actorId actorRole operation } } }";

    private static Guid Id(JsonNode node) => Guid.Parse(node["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private static JsonNode Portfolio(GraphQLResponse response, string mutation) => response.Ok()[mutation]!["portfolio"]!;

    private async Task<JsonNode> CreateAsync(string studentToken, string title = "Parcours Avenir") =>
        Portfolio(await app.Client(studentToken).SendAsync(Create, new { i = new { title } }), "createPortfolio");

    private async Task<JsonNode> AddTextAsync(string studentToken, Guid portfolioId, string title, string text) =>
        Portfolio(await app.Client(studentToken).SendAsync(Add, new { i = new { portfolioId, title, text } }), "addPortfolioEntry");

    /// <summary>Homework set to the scenario's class and the student's text handed in: the submission's id.</summary>
    private async Task<Guid> HandInAsync(SchoolScenario school, string studentToken, string text)
    {
        var homework = Id((await app.Client(school.TeacherToken).SendAsync(
            "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }",
            new { i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title = "Exposé", instructions = "Préparer un exposé.", dueAt = app.Clock.GetUtcNow().AddDays(7) } })).Ok()["assignHomework"]!["homework"]!);
        return Id((await app.Client(studentToken).SendAsync(
            "mutation($i: SubmitHomeworkInput!) { submitHomework(input: $i) { submission { id } userErrors { code message } } }",
            new { i = new { homeworkId = homework, text } })).Ok()["submitHomework"]!["submission"]!);
    }

    private async Task<(Guid Id, string Token)> ClassmateAsync(SchoolScenario school)
    {
        var id = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: EnrollStudentInput!) { enrollStudent(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { classId = school.ClassId, givenName = "Tom", familyName = "Keller" } })).Ok()["enrollStudent"]!["person"]);
        return (id, app.TokenFor(new Actor(id, Role.Student, school.EstablishmentId)));
    }

    private async Task<List<(string Actor, string Role, string Operation)>> PortfolioReadsAsync(SchoolScenario school) =>
        [.. (await app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId))).SendAsync(History, new { s = school.StudentId }))
            .Ok()["accessHistory"]!["nodes"]!.AsArray()
            .Select(n => (n!["actorId"]!.GetValue<string>(), n["actorRole"]!.GetValue<string>(), n["operation"]!.GetValue<string>()))];

    [Fact]
    public async Task A_student_curates_a_portfolio_of_their_handed_in_work_and_reflections_in_their_own_order()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var student = app.Client(school.StudentToken);
        var submissionId = await HandInAsync(school, school.StudentToken, "Mon exposé sur les métiers du numérique.");
        var portfolioId = Id(await CreateAsync(school.StudentToken));

        var work = Portfolio(await student.SendAsync(Add, new { i = new { portfolioId, title = "Exposé métiers", submissionId } }), "addPortfolioEntry");
        var withReflection = await AddTextAsync(school.StudentToken, portfolioId, "Stage d'observation", "J'ai découvert le métier d'infirmière.");
        var entries = withReflection["entries"]!.AsArray();
        var (first, second) = (Id(entries[0]!), Id(entries[1]!));
        Portfolio(await student.SendAsync(Reorder, new { i = new { portfolioId, entryIds = new[] { second, first } } }), "reorderPortfolioEntries");
        Portfolio(await student.SendAsync(Edit, new { i = new { portfolioId, entryId = second, title = "Stage en 3e", text = "Une semaine à l'hôpital." } }), "editPortfolioEntry");

        var shown = Assert.Single((await student.SendAsync(Mine)).Ok()["myPortfolios"]!["nodes"]!.AsArray())!;
        Assert.Equal("Parcours Avenir", shown["title"]!.GetValue<string>());
        Assert.Equal(["Stage en 3e", "Exposé métiers"], shown["entries"]!.AsArray().Select(e => e!["title"]!.GetValue<string>()));
        Assert.Equal("Une semaine à l'hôpital.", shown["entries"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Mon exposé sur les métiers du numérique.", shown["entries"]![1]!["submission"]!["text"]!.GetValue<string>());
        Assert.Equal(submissionId.ToString(), work["entries"]![0]!["submissionId"]!.GetValue<string>());

        var removed = Portfolio(await student.SendAsync(Remove, new { i = new { portfolioId, entryId = first } }), "removePortfolioEntry");
        Assert.Equal(second, Id(Assert.Single(removed["entries"]!.AsArray())!));
        Assert.Equal("VALIDATION", (await student.SendAsync(Reorder, new { i = new { portfolioId, entryIds = new[] { second, second } } })).FirstErrorCode);
    }

    [Fact]
    public async Task Another_student_s_work_or_portfolio_is_not_found_and_nothing_is_written()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var (_, classmateToken) = await ClassmateAsync(school);
        var theirs = await HandInAsync(school, classmateToken, "Le travail de Tom.");
        var portfolioId = Id(await CreateAsync(school.StudentToken));
        var classmate = Id(await CreateAsync(classmateToken, "Parcours de Tom"));

        var borrowed = await app.Client(school.StudentToken).SendAsync(Add, new { i = new { portfolioId, title = "Pas à moi", submissionId = theirs } });
        var intruding = await app.Client(classmateToken).SendAsync(Add, new { i = new { portfolioId, title = "Intrus", text = "..." } });
        var peeking = await app.Client(classmateToken).SendAsync(Read, new { p = portfolioId });

        Assert.Equal("NOT_FOUND", borrowed.FirstErrorCode);
        Assert.Equal("NOT_FOUND", intruding.FirstErrorCode);
        Assert.Equal("NOT_FOUND", peeking.FirstErrorCode);
        Assert.Empty((await app.Client(school.StudentToken).SendAsync(Read, new { p = portfolioId })).Ok()["portfolio"]!["entries"]!.AsArray());
        Assert.Empty((await app.Client(classmateToken).SendAsync(Read, new { p = classmate })).Ok()["portfolio"]!["entries"]!.AsArray());
    }

    [Fact]
    public async Task A_teacher_of_the_student_answers_a_feedback_request_and_a_teacher_who_does_not_teach_them_is_refused()
    {
        var family = await FamilyScenario.CreateAsync(app);
        var school = family.School;
        var student = app.Client(school.StudentToken);
        var portfolio = await AddTextAsync(school.StudentToken, Id(await CreateAsync(school.StudentToken, "Parcours citoyen")), "Délégué de classe", "J'ai représenté la classe au conseil.");
        var (portfolioId, entryId) = (Id(portfolio), Id(portfolio["entries"]![0]!));

        var strangerAsked = await student.SendAsync(Ask, new { i = new { portfolioId, entryId, teacherId = family.OtherTeacherId } });
        Assert.Equal("NOT_FOUND", strangerAsked.FirstErrorCode);
        Assert.Empty((await student.SendAsync(Read, new { p = portfolioId })).Ok()["portfolio"]!["entries"]![0]!["feedbackRequests"]!.AsArray());
        var notAsked = await app.Client(school.TeacherToken).SendAsync(Answer, new { i = new { portfolioId, entryId, comment = "Bravo." } });
        Assert.Equal("CONFLICT", notAsked.FirstErrorCode);

        Portfolio(await student.SendAsync(Ask, new { i = new { portfolioId, entryId, teacherId = school.TeacherId } }), "requestPortfolioFeedback");
        var waiting = (await app.Client(school.TeacherToken).SendAsync(Awaiting)).Ok()["portfoliosAwaitingMyFeedback"]!["nodes"]!.AsArray();
        Assert.Equal(portfolioId, Id(Assert.Single(waiting)!));
        var other = app.Client(family.OtherTeacherToken);
        Assert.Equal("NOT_FOUND", (await other.SendAsync(Answer, new { i = new { portfolioId, entryId, comment = "Je ne le connais pas." } })).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await other.SendAsync(Read, new { p = portfolioId })).FirstErrorCode);
        Portfolio(await app.Client(school.TeacherToken).SendAsync(Answer, new { i = new { portfolioId, entryId, comment = "Engagement remarquable, continue." } }), "givePortfolioFeedback");

        var entry = (await student.SendAsync(Read, new { p = portfolioId })).Ok()["portfolio"]!["entries"]![0]!;
        var feedback = Assert.Single(entry["feedback"]!.AsArray())!;
        Assert.Equal("Engagement remarquable, continue.", feedback["comment"]!.GetValue<string>());
        Assert.Equal(school.TeacherId.ToString(), feedback["teacherId"]!.GetValue<string>());
        Assert.NotNull(Assert.Single(entry["feedbackRequests"]!.AsArray())!["answeredAt"]);
        Assert.Empty((await app.Client(school.TeacherToken).SendAsync(Awaiting)).Ok()["portfoliosAwaitingMyFeedback"]!["nodes"]!.AsArray());
        Assert.Contains((school.TeacherId.ToString(), "TEACHER", "Query.portfoliosAwaitingMyFeedback"), await PortfolioReadsAsync(school));
        Assert.Contains((school.TeacherId.ToString(), "TEACHER", "Mutation.givePortfolioFeedback"), await PortfolioReadsAsync(school));
        Assert.DoesNotContain(await PortfolioReadsAsync(school), r => r.Actor == family.OtherTeacherId.ToString() && r.Operation == "Query.portfolio");
    }

    [Fact]
    public async Task Guardians_read_a_portfolio_only_while_the_student_shares_it_and_each_read_is_in_the_access_history()
    {
        var family = await FamilyScenario.CreateAsync(app);
        var school = family.School;
        var portfolioId = Id(await AddTextAsync(school.StudentToken, Id(await CreateAsync(school.StudentToken)), "Forum des métiers", "Je veux devenir architecte."));
        var guardian = app.Client(family.GuardianToken);
        var before = await guardian.SendAsync(Read, new { p = portfolioId });
        var listedBefore = (await guardian.SendAsync(OfStudent, new { s = school.StudentId })).Ok()["studentPortfolios"]!["nodes"]!.AsArray();

        Assert.Equal("FORBIDDEN", before.FirstErrorCode);
        Assert.Contains("not shared", before.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Empty(listedBefore);

        Assert.True((await app.Client(school.StudentToken).SendAsync(Share, new { p = portfolioId })).Ok()["sharePortfolio"]!["portfolio"]!["sharedWithGuardians"]!.GetValue<bool>());
        var read = (await guardian.SendAsync(Read, new { p = portfolioId })).Ok()["portfolio"]!;
        Assert.Equal("Je veux devenir architecte.", read["entries"]![0]!["text"]!.GetValue<string>());
        Assert.Single((await guardian.SendAsync(OfStudent, new { s = school.StudentId })).Ok()["studentPortfolios"]!["nodes"]!.AsArray());
        Assert.Equal("FORBIDDEN", (await app.Client(family.OtherGuardianToken).SendAsync(Read, new { p = portfolioId })).FirstErrorCode);
        var reads = await PortfolioReadsAsync(school);
        Assert.Contains((family.GuardianId.ToString(), "GUARDIAN", "Query.portfolio"), reads);
        Assert.DoesNotContain(reads, r => r.Actor == family.OtherGuardianId.ToString());

        Assert.False((await app.Client(school.StudentToken).SendAsync(StopSharing, new { p = portfolioId })).Ok()["stopSharingPortfolio"]!["portfolio"]!["sharedWithGuardians"]!.GetValue<bool>());
        Assert.Equal("FORBIDDEN", (await guardian.SendAsync(Read, new { p = portfolioId })).FirstErrorCode);
    }

    [Fact]
    public async Task A_teacher_of_the_student_reads_their_portfolios_recorded_and_the_right_of_access_export_holds_them()
    {
        var family = await FamilyScenario.CreateAsync(app);
        var school = family.School;
        var shared = await AddTextAsync(school.StudentToken, Id(await CreateAsync(school.StudentToken, "Parcours partagé")), "Engagement", "Bénévole à la Croix-Rouge.");
        await AddTextAsync(school.StudentToken, Id(await CreateAsync(school.StudentToken, "Parcours privé")), "Brouillon", "Pas encore prêt.");
        (await app.Client(school.StudentToken).SendAsync(Share, new { p = Id(shared) })).Ok();

        var taught = (await app.Client(school.TeacherToken).SendAsync(OfStudent, new { s = school.StudentId })).Ok()["studentPortfolios"]!["nodes"]!.AsArray();
        Assert.Equal(2, taught.Count);
        Assert.Contains((school.TeacherId.ToString(), "TEACHER", "Query.studentPortfolios"), await PortfolioReadsAsync(school));
        Assert.Equal("FORBIDDEN", (await app.Client(family.OtherTeacherToken).SendAsync(OfStudent, new { s = school.StudentId })).FirstErrorCode);

        const string Export = "query($s: ID!) { exportPersonalData(subjectId: $s) { json summary } }";
        var own = JsonNode.Parse((await app.Client(school.StudentToken).SendAsync(Export, new { s = school.StudentId })).Ok()["exportPersonalData"]!["json"]!.GetValue<string>())!;
        Assert.Equal(["Parcours partagé", "Parcours privé"], own["portfolios"]!.AsArray().Select(p => p!["title"]!.GetValue<string>()));
        Assert.Equal("Bénévole à la Croix-Rouge.", own["portfolios"]![0]!["entries"]![0]!["text"]!.GetValue<string>());
        var guardians = JsonNode.Parse((await app.Client(family.GuardianToken).SendAsync(Export, new { s = family.GuardianId })).Ok()["exportPersonalData"]!["json"]!.GetValue<string>())!;
        var child = Assert.Single(guardians["children"]!.AsArray())!;
        Assert.Equal("Parcours partagé", Assert.Single(child["sharedPortfolios"]!.AsArray())!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Forgetting_the_student_shreds_their_portfolios_and_the_teachers_feedback_on_them()
    {
        var canary = $"Canari{Guid.NewGuid():N}";
        var school = await SchoolScenario.CreateAsync(app);
        var portfolio = await AddTextAsync(school.StudentToken, Id(await CreateAsync(school.StudentToken, $"Parcours {canary}")), "Réflexion", $"Texte {canary}");
        var (portfolioId, entryId) = (Id(portfolio), Id(portfolio["entries"]![0]!));
        (await app.Client(school.StudentToken).SendAsync(Ask, new { i = new { portfolioId, entryId, teacherId = school.TeacherId } })).Ok();
        (await app.Client(school.TeacherToken).SendAsync(Answer, new { i = new { portfolioId, entryId, comment = $"Avis {canary}" } })).Ok();
        Assert.NotEmpty(await DatabaseScan.SealedValuesOfAsync(app.ConnectionString, school.StudentId));

        (await app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId))).SendAsync(
            "mutation($i: ForgetDataSubjectInput!) { forgetDataSubject(input: $i) { forgottenAt userErrors { code message } } }",
            new { i = new { subjectId = school.StudentId, ground = "DATA_SUBJECT_REQUEST" } })).Ok();

        var after = (await app.Client(school.StudentToken).SendAsync(Read, new { p = portfolioId })).Ok()["portfolio"]!;
        Assert.Null(after["title"]);
        Assert.Null(after["entries"]![0]!["title"]);
        Assert.Null(after["entries"]![0]!["text"]);
        Assert.Null(after["entries"]![0]!["feedback"]![0]!["comment"]);
        Assert.Empty(await DatabaseScan.TablesContainingAsync(app.ConnectionString, canary));
    }
}
