using System.Text.Json.Nodes;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class StatusPageTests(AppFactory app)
{
    private const string Declare = "mutation($i: DeclareIncidentInput!) { declareIncident(input: $i) { serviceNotice { id status establishmentId timeline { status message } } userErrors { code message } } }";
    private const string Update = "mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { serviceNotice { id status endsAt timeline { status message } } userErrors { code message } } }";
    private const string Announce = "mutation($i: AnnounceMaintenanceInput!) { announceMaintenance(input: $i) { serviceNotice { id } userErrors { code message } } }";
    private const string Incidents = "query($e: ID) { currentIncidents(establishmentId: $e) { nodes { id title } } }";
    private const string Maintenance = "query($e: ID) { upcomingMaintenance(establishmentId: $e) { nodes { id title startsAt } } }";

    private static readonly string[] AgendaOnly = ["AGENDA"];

    private string RegionToken => app.TokenFor(new Actor(Guid.CreateVersion7(), Role.RegionAdministrator, null));

    private static object Incident(Guid? establishmentId, string title) =>
        new { i = new { establishmentId, modules = new[] { "MESSAGING" }, title, message = "Les messages partent avec du retard." } };

    private object Window(Guid? establishmentId, string title, TimeSpan startsIn) => new
    {
        i = new
        {
            establishmentId, modules = new[] { "GRADES", "HOMEWORK" }, title, message = "Mise à jour des serveurs.",
            startsAt = app.Clock.GetUtcNow() + startsIn, endsAt = app.Clock.GetUtcNow() + startsIn + TimeSpan.FromHours(2),
        },
    };

    private static List<string> Ids(JsonNode data, string field) =>
        [.. data[field]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>())];

    [Fact]
    public async Task An_establishment_incident_is_shown_publicly_with_its_timeline_until_it_is_resolved()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var admin = app.Client(school.AdminToken);

        var declared = (await admin.SendAsync(Declare, Incident(null, "Messagerie lente"))).Ok()["declareIncident"]!["serviceNotice"]!;
        var id = declared["id"]!.GetValue<string>();
        Assert.Equal(school.EstablishmentId.ToString(), declared["establishmentId"]!.GetValue<string>());
        Assert.Contains(id, Ids((await app.Client().SendAsync(Incidents, new { e = school.EstablishmentId })).Ok(), "currentIncidents"));
        Assert.DoesNotContain(id, Ids((await app.Client().SendAsync(Incidents)).Ok(), "currentIncidents"));

        (await admin.SendAsync(Update, new { i = new { incidentId = id, status = "IDENTIFIED", message = "Un serveur de courrier est saturé." } })).Ok();
        var resolved = (await admin.SendAsync(Update, new { i = new { incidentId = id, status = "RESOLVED", message = "Tout est rentré dans l'ordre." } })).Ok()["updateIncident"]!["serviceNotice"]!;

        Assert.Equal(["INVESTIGATING", "IDENTIFIED", "RESOLVED"], resolved["timeline"]!.AsArray().Select(u => u!["status"]!.GetValue<string>()));
        Assert.NotNull(resolved["endsAt"]);
        Assert.DoesNotContain(id, Ids((await app.Client().SendAsync(Incidents, new { e = school.EstablishmentId })).Ok(), "currentIncidents"));
        var publicView = (await app.Client().SendAsync("query($id: ID!) { serviceNotice(id: $id) { timeline { message } } }", new { id })).Ok();
        Assert.Equal(3, publicView["serviceNotice"]!["timeline"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_incident_never_moves_backwards_and_a_resolved_one_cannot_be_updated()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var admin = app.Client(school.AdminToken);
        var id = (await admin.SendAsync(Declare, Incident(null, "Connexion impossible"))).Ok()["declareIncident"]!["serviceNotice"]!["id"]!.GetValue<string>();
        (await admin.SendAsync(Update, new { i = new { incidentId = id, status = "IDENTIFIED", message = "Cause trouvée." } })).Ok();

        var backwards = await admin.SendAsync(Update, new { i = new { incidentId = id, status = "INVESTIGATING", message = "?" } });
        (await admin.SendAsync(Update, new { i = new { incidentId = id, status = "RESOLVED", message = "Réglé." } })).Ok();
        var afterResolution = await admin.SendAsync(Update, new { i = new { incidentId = id, status = "RESOLVED", message = "Encore." } });

        Assert.Equal("VALIDATION", backwards.FirstErrorCode);
        Assert.Equal("CONFLICT", afterResolution.FirstErrorCode);
        var timeline = (await app.Client().SendAsync("query($id: ID!) { serviceNotice(id: $id) { timeline { status } } }", new { id })).Ok()["serviceNotice"]!["timeline"]!.AsArray();
        Assert.Equal(3, timeline.Count);
    }

    [Fact]
    public async Task Only_administrators_publish_and_an_establishment_administrator_only_for_their_own_establishment()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);

        Assert.Equal("FORBIDDEN", (await app.Client(school.TeacherToken).SendAsync(Declare, Incident(null, "x"))).FirstErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await app.Client().SendAsync(Declare, Incident(null, "x"))).FirstErrorCode);
        Assert.Equal("NOT_FOUND", (await app.Client(school.AdminToken).SendAsync(Declare, Incident(other.EstablishmentId, "Ailleurs"))).FirstErrorCode);
        var otherIncident = (await app.Client(other.AdminToken).SendAsync(Declare, Incident(null, "Chez l'autre"))).Ok()["declareIncident"]!["serviceNotice"]!["id"]!.GetValue<string>();
        var foreignUpdate = await app.Client(school.AdminToken).SendAsync(Update, new { i = new { incidentId = otherIncident, status = "RESOLVED", message = "Non." } });

        Assert.Equal("NOT_FOUND", foreignUpdate.FirstErrorCode);
        Assert.DoesNotContain((await app.Client().SendAsync(Incidents, new { e = school.EstablishmentId })).Ok()["currentIncidents"]!["nodes"]!.AsArray(),
            n => n!["title"]!.GetValue<string>() is "Ailleurs" or "Chez l'autre");
        Assert.Equal("INVESTIGATING", (await app.Client().SendAsync("query($id: ID!) { serviceNotice(id: $id) { status } }", new { id = otherIncident })).Ok()["serviceNotice"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Maintenance_is_announced_publicly_a_week_ahead_and_shown_on_home_pages_the_day_before()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var admin = app.Client(school.AdminToken);
        var far = (await admin.SendAsync(Announce, Window(null, "Dans dix jours", TimeSpan.FromDays(10)))).Ok()["announceMaintenance"]!["serviceNotice"]!["id"]!.GetValue<string>();
        var week = (await admin.SendAsync(Announce, Window(null, "Dans trois jours", TimeSpan.FromDays(3)))).Ok()["announceMaintenance"]!["serviceNotice"]!["id"]!.GetValue<string>();
        var tonight = (await admin.SendAsync(Announce, Window(null, "Ce soir", TimeSpan.FromHours(12)))).Ok()["announceMaintenance"]!["serviceNotice"]!["id"]!.GetValue<string>();

        var listed = Ids((await app.Client().SendAsync(Maintenance, new { e = school.EstablishmentId })).Ok(), "upcomingMaintenance");
        var banner = (await app.Client(school.StudentToken).SendAsync("{ studentHome { serviceNotices { id kind } } }")).Ok()["studentHome"]!["serviceNotices"]!
            .AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();

        Assert.DoesNotContain(far, listed);
        Assert.Contains(week, listed);
        Assert.Contains(tonight, listed);
        Assert.Contains(tonight, banner);
        Assert.DoesNotContain(week, banner);
        Assert.DoesNotContain(tonight, Ids((await app.Client().SendAsync(Maintenance)).Ok(), "upcomingMaintenance"));
    }

    [Fact]
    public async Task A_platform_wide_incident_is_on_every_home_page_and_on_the_public_page()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var region = app.Client(RegionToken);
        var id = (await region.SendAsync(Declare, Incident(null, "Panne générale"))).Ok()["declareIncident"]!["serviceNotice"]!["id"]!.GetValue<string>();

        try
        {
            Assert.Contains(id, Ids((await app.Client().SendAsync(Incidents)).Ok(), "currentIncidents"));
            var teacherBanner = (await app.Client(school.TeacherToken).SendAsync("{ teacherHome { serviceNotices { id title } } }")).Ok()["teacherHome"]!["serviceNotices"]!.AsArray();
            Assert.Contains(teacherBanner, n => n!["id"]!.GetValue<string>() == id);
        }
        finally
        {
            // Platform-wide notices are seen by every test of the collection: leave none open.
            (await region.SendAsync(Update, new { i = new { incidentId = id, status = "RESOLVED", message = "Rétabli." } })).Ok();
        }
    }

    [Fact]
    public async Task A_maintenance_window_ending_before_it_starts_is_refused_and_nothing_is_announced()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var start = app.Clock.GetUtcNow().AddDays(1);

        var response = await app.Client(school.AdminToken).SendAsync(Announce, new
        {
            i = new { modules = AgendaOnly, title = "À l'envers", message = "m", startsAt = start, endsAt = start.AddHours(-1) },
        });

        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.DoesNotContain((await app.Client().SendAsync(Maintenance, new { e = school.EstablishmentId })).Ok()["upcomingMaintenance"]!["nodes"]!.AsArray(),
            n => n!["title"]!.GetValue<string>() == "À l'envers");
    }

    [Fact]
    public async Task A_cancelled_maintenance_window_leaves_the_status_page_and_the_banner_and_is_cancelled_once()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var admin = app.Client(school.AdminToken);
        var id = (await admin.SendAsync(Announce, Window(null, "Migration des notes", TimeSpan.FromHours(3)))).Ok()["announceMaintenance"]!["serviceNotice"]!["id"]!.GetValue<string>();
        const string Banner = "{ studentHome { serviceNotices { id } } }";
        Assert.Contains(id, Ids((await app.Client().SendAsync(Maintenance, new { e = school.EstablishmentId })).Ok(), "upcomingMaintenance"));
        Assert.Contains(id, (await app.Client(school.StudentToken).SendAsync(Banner)).Ok()["studentHome"]!["serviceNotices"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        const string Cancel = "mutation($m: ID!) { cancelMaintenance(maintenanceId: $m) { serviceNotice { id cancelledAt } userErrors { code message } } }";
        var other = await SchoolScenario.CreateAsync(app);

        Assert.Equal("NOT_FOUND", (await app.Client(other.AdminToken).SendAsync(Cancel, new { m = id })).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await app.Client(school.TeacherToken).SendAsync(Cancel, new { m = id })).FirstErrorCode);
        var cancelled = (await app.Client(RegionToken).SendAsync(Cancel, new { m = id })).Ok()["cancelMaintenance"]!["serviceNotice"]!;

        Assert.NotNull(cancelled["cancelledAt"]);
        Assert.DoesNotContain(id, Ids((await app.Client().SendAsync(Maintenance, new { e = school.EstablishmentId })).Ok(), "upcomingMaintenance"));
        Assert.DoesNotContain(id, (await app.Client(school.StudentToken).SendAsync(Banner)).Ok()["studentHome"]!["serviceNotices"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal("CONFLICT", (await admin.SendAsync(Cancel, new { m = id })).FirstErrorCode);
    }
}
