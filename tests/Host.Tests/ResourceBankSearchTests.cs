using System.Text.Json.Nodes;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class ResourceBankSearchTests(AppFactory app)
{
    private const string Publish = "mutation($i: PublishResourceInput!) { publishResource(input: $i) { resource { id title sharing } userErrors { code message } } }";
    private const string Search = "query($t: String!) { searchResources(text: $t) { nodes { id title } } }";

    private static object Resource(string title, string body, string sharing = "ESTABLISHMENT", string subject = "Mathématiques", params string[] tags) =>
        new { i = new { title, subject, level = "1re", tags, body, sharing } };

    private async Task<string> PublishAsync(string token, object resource) =>
        (await app.Client(token).SendAsync(Publish, resource)).Ok()["publishResource"]!["resource"]!["id"]!.GetValue<string>();

    private async Task<JsonArray> SearchAsync(string token, string text) =>
        (await app.Client(token).SendAsync(Search, new { t = text })).Ok()["searchResources"]!["nodes"]!.AsArray();

    private static List<string> Titles(JsonArray found) => [.. found.Select(r => r!["title"]!.GetValue<string>())];

    [Theory]
    [InlineData("equation second degre")]
    [InlineData("équations du second degré")]
    [InlineData("Équation discriminant")]
    [InlineData("equation discriminant")]
    public async Task Searching_with_or_without_accents_ranks_the_right_resource_first_among_decoys(string text)
    {
        var school = await SchoolScenario.CreateAsync(app);
        var teacher = school.TeacherToken;
        var expected = await PublishAsync(teacher, Resource("Équations du second degré",
            "Résoudre une équation du second degré à l'aide du discriminant ; exercices corrigés.", tags: ["polynôme", "discriminant"]));
        await PublishAsync(teacher, Resource("Équations du premier degré", "Résoudre une équation du premier degré ; mise en équation de problèmes."));
        await PublishAsync(teacher, Resource("Fonctions du second degré", "Variations et représentation graphique d'une fonction polynôme."));
        await PublishAsync(teacher, Resource("Le Second Empire", "Napoléon III et le Second Empire, de 1852 à 1870.", subject: "Histoire"));
        await PublishAsync(teacher, Resource("Angles et degrés", "Mesurer un angle en degrés avec un rapporteur."));

        var found = await SearchAsync(school.StudentToken, text);

        Assert.Equal(expected, found[0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Archived_resources_leave_the_search_and_their_author_still_finds_them_among_their_own()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var id = await PublishAsync(school.TeacherToken, Resource("Suites arithmétiques", "Définition et somme des termes d'une suite arithmétique."));

        var archived = (await app.Client(school.TeacherToken).SendAsync("mutation($id: ID!) { archiveResource(resourceId: $id) { resource { archived } userErrors { code message } } }", new { id })).Ok()["archiveResource"]!["resource"]!;

        Assert.True(archived["archived"]!.GetValue<bool>());
        Assert.Empty(await SearchAsync(school.StudentToken, "suites arithmétiques"));
        Assert.Empty(await SearchAsync(school.TeacherToken, "suites arithmétiques"));
        var mine = (await app.Client(school.TeacherToken).SendAsync("{ myResources(includeArchived: true) { nodes { id archived } } }")).Ok()["myResources"]!["nodes"]!.AsArray();
        Assert.Contains(mine, r => r!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task Each_sharing_level_reaches_exactly_its_readers()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var colleague = await AgendaPeople.TeacherOfAsync(app, school, school.ClassId, "mathématiques");
        var historian = await AgendaPeople.TeacherOfAsync(app, school, school.ClassId, "Histoire", "Brun");
        await PublishAsync(school.TeacherToken, Resource("Probabilités : brouillon personnel", "Arbres de probabilités", sharing: "TEACHER"));
        await PublishAsync(school.TeacherToken, Resource("Probabilités : progression de l'équipe", "Arbres de probabilités", sharing: "SUBJECT_TEAM"));
        await PublishAsync(school.TeacherToken, Resource("Probabilités : fiche élève", "Arbres de probabilités", sharing: "ESTABLISHMENT"));

        Assert.Equal(3, (await SearchAsync(school.TeacherToken, "probabilités")).Count);
        Assert.Equal(["Probabilités : fiche élève", "Probabilités : progression de l'équipe"], Titles(await SearchAsync(colleague.Token, "probabilités")).Order());
        Assert.Equal(["Probabilités : fiche élève"], Titles(await SearchAsync(historian.Token, "probabilités")));
        Assert.Equal(["Probabilités : fiche élève"], Titles(await SearchAsync(school.StudentToken, "probabilités")));
        Assert.Empty(await SearchAsync(other.TeacherToken, "probabilités"));
        Assert.Empty(await SearchAsync(other.StudentToken, "probabilités"));
    }

    [Fact]
    public async Task A_resource_outside_ones_reach_reads_as_not_found()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var id = await PublishAsync(school.TeacherToken, Resource("Corrigé du DS", "Ne pas diffuser.", sharing: "TEACHER"));

        var response = await app.Client(school.StudentToken).SendAsync("query($id: ID!) { resource(id: $id) { title } }", new { id });

        Assert.Equal("NOT_FOUND", response.FirstErrorCode);
    }

    [Fact]
    public async Task Only_the_author_revises_a_resource_other_teachers_cannot_archive_it_and_direction_can()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var colleague = await AgendaPeople.TeacherOfAsync(app, school, school.ClassId, "Mathématiques");
        var direction = await AgendaPeople.StaffAsync(app, school, Role.Direction);
        var id = await PublishAsync(school.TeacherToken, Resource("Vecteurs", "Coordonnées et colinéarité."));
        const string Revise = "mutation($i: ReviseResourceInput!) { reviseResource(input: $i) { resource { title } userErrors { code message } } }";
        const string Archive = "mutation($id: ID!) { archiveResource(resourceId: $id) { resource { archived } userErrors { code message } } }";
        var revision = new { i = new { resourceId = id, title = "Vecteurs du plan", subject = "Mathématiques", body = "Coordonnées, colinéarité, produit scalaire.", sharing = "ESTABLISHMENT" } };

        Assert.Equal("NOT_FOUND", (await app.Client(colleague.Token).SendAsync(Revise, revision)).FirstErrorCode);
        Assert.Equal("NOT_FOUND", (await app.Client(colleague.Token).SendAsync(Archive, new { id })).FirstErrorCode);
        Assert.Equal("Vecteurs du plan", (await app.Client(school.TeacherToken).SendAsync(Revise, revision)).Ok()["reviseResource"]!["resource"]!["title"]!.GetValue<string>());
        Assert.True((await app.Client(direction.Token).SendAsync(Archive, new { id })).Ok()["archiveResource"]!["resource"]!["archived"]!.GetValue<bool>());
        Assert.Equal("CONFLICT", (await app.Client(school.TeacherToken).SendAsync(Revise, revision)).FirstErrorCode);
    }

    [Fact]
    public async Task A_resource_without_a_title_is_refused_and_a_student_cannot_publish()
    {
        var school = await SchoolScenario.CreateAsync(app);

        Assert.Equal("VALIDATION", (await app.Client(school.TeacherToken).SendAsync(Publish, Resource(" ", "Contenu"))).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await app.Client(school.StudentToken).SendAsync(Publish, Resource("Fiche", "Contenu"))).FirstErrorCode);
        Assert.Empty((await app.Client(school.TeacherToken).SendAsync("{ myResources { nodes { id } } }")).Ok()["myResources"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task Recent_resources_list_what_the_reader_may_see_newest_first()
    {
        var school = await SchoolScenario.CreateAsync(app);
        await PublishAsync(school.TeacherToken, Resource("Fiche 1", "Première fiche."));
        await PublishAsync(school.TeacherToken, Resource("Brouillon", "Privé.", sharing: "TEACHER"));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await PublishAsync(school.TeacherToken, Resource("Fiche 2", "Deuxième fiche."));

        var recent = (await app.Client(school.StudentToken).SendAsync("{ recentResources { nodes { title } } }")).Ok()["recentResources"]!["nodes"]!.AsArray();

        Assert.Equal(["Fiche 2", "Fiche 1"], Titles(recent));
    }
}
