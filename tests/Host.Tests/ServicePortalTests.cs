using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using Microsoft.IdentityModel.Tokens;
using MonBureau.Application.Portal;
using MonBureau.Host.Portal;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class ServicePortalTests(AppFactory app)
{
    private const string Register = "mutation($i: RegisterConnectorInput!) { registerConnector(input: $i) { connector { id audience } userErrors { code message } } }";
    private const string Enable = "mutation($i: EnableConnectorInput!) { enableConnector(input: $i) { connectorSetting { enabledProfiles } userErrors { code message } } }";
    private const string Approve = "mutation($i: ApproveConnectorInput!) { approveConnector(input: $i) { connectorSetting { approval approvedProfiles approvalReason } userErrors { code message } } }";
    private const string Refuse = "mutation($i: RefuseConnectorInput!) { refuseConnector(input: $i) { connectorSetting { approval approvalReason enabledProfiles } userErrors { code message } } }";
    private const string MyServices = "{ myServices { nodes { connector { id name } health } } }";
    private const string Open = "mutation($c: ID!) { openService(connectorId: $c) { serviceLaunch { assertion launchUrl expiresAt } userErrors { code message } } }";

    private static readonly string[] Students = ["STUDENT"];
    private static readonly string[] Teachers = ["TEACHER"];
    private static readonly string[] TeachersAndStudents = ["TEACHER", "STUDENT"];
    private static readonly string[] FamiliesProfiles = ["GUARDIAN", "STUDENT"];

    private GraphQLClient Region => app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.RegionAdministrator, null)));

    private static string Token(JsonNode node, string field) => node[field]!.GetValue<string>();

    private async Task<Guid> RegisterAsync(string name, string kind = "DIGITAL_TEXTBOOKS", bool personalData = false, string? healthUrl = null) =>
        SchoolScenario.IdOf((await Region.SendAsync(Register, new
        {
            i = new { name, kind, launchUrl = "https://manuels.example.org/sso", healthUrl, audience = $"urn:test:{Guid.NewGuid():N}", receivesPersonalData = personalData },
        })).Ok()["registerConnector"]!["connector"]);

    private async Task<List<JsonNode>> ServicesAsync(string token) =>
        [.. (await app.Client(token).SendAsync(MyServices)).Ok()["myServices"]!["nodes"]!.AsArray().Select(n => n!)];

    private TestRelyingParty RelyingParty(Guid connectorId, string audience) =>
        new(new SymmetricSecurityKey(app.Services.GetRequiredService<ConnectorKeys>().SigningKeyFor(connectorId)), audience);

    private async Task<string> AudienceOfAsync(Guid connectorId) =>
        (await Region.SendAsync("{ connectorCatalogue(first: 100) { nodes { id audience } } }")).Ok()["connectorCatalogue"]!["nodes"]!.AsArray()
            .Single(n => n!["id"]!.GetValue<string>() == connectorId.ToString())!["audience"]!.GetValue<string>();

    [Fact]
    public async Task A_service_enabled_for_students_shows_in_their_portal_only()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var connectorId = await RegisterAsync("Manuels numériques (GAR)");

        (await app.Client(school.AdminToken).SendAsync(Enable, new { i = new { connectorId, profiles = Students } })).Ok();

        var student = Assert.Single(await ServicesAsync(school.StudentToken));
        Assert.Equal("Manuels numériques (GAR)", student["connector"]!["name"]!.GetValue<string>());
        Assert.Equal("UNKNOWN", student["health"]!.GetValue<string>());
        Assert.Empty(await ServicesAsync(school.TeacherToken));
        var other = await SchoolScenario.CreateAsync(app);
        Assert.Empty(await ServicesAsync(other.StudentToken));
        Assert.Equal("NOT_FOUND", (await app.Client(other.StudentToken).SendAsync(Open, new { c = connectorId })).FirstErrorCode);
    }

    [Fact]
    public async Task Opening_a_service_hands_a_pseudonymous_assertion_its_relying_party_accepts_once_within_two_minutes()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var connectorId = await RegisterAsync("Orientation");
        var otherId = await RegisterAsync("Autre service");
        (await app.Client(school.AdminToken).SendAsync(Enable, new { i = new { connectorId, profiles = Students } })).Ok();
        var relyingParty = RelyingParty(connectorId, await AudienceOfAsync(connectorId));

        var launch = (await app.Client(school.StudentToken).SendAsync(Open, new { c = connectorId })).Ok()["openService"]!["serviceLaunch"]!;
        var assertion = Token(launch, "assertion");
        var claims = await relyingParty.AcceptAsync(assertion);

        var subject = (string)claims["sub"];
        Assert.DoesNotContain(school.StudentId.ToString(), subject, StringComparison.OrdinalIgnoreCase);
        Assert.False(claims.ContainsKey("given_name"));
        Assert.False(claims.ContainsKey("family_name"));
        Assert.Equal("Student", claims["profile"]);
        Assert.Equal("https://manuels.example.org/sso", Token(launch, "launchUrl"));

        var replay = await Assert.ThrowsAsync<InvalidOperationException>(() => relyingParty.AcceptAsync(assertion));
        Assert.Contains("replayed", replay.Message, StringComparison.Ordinal);

        var second = Token((await app.Client(school.StudentToken).SendAsync(Open, new { c = connectorId })).Ok()["openService"]!["serviceLaunch"]!, "assertion");
        Assert.Equal(subject, (string)(await relyingParty.AcceptAsync(second))["sub"]);
        var late = Token((await app.Client(school.StudentToken).SendAsync(Open, new { c = connectorId })).Ok()["openService"]!["serviceLaunch"]!, "assertion");
        await Assert.ThrowsAsync<InvalidOperationException>(() => relyingParty.AcceptAsync(late, DateTime.UtcNow.AddMinutes(3)));
        // Another service's key and audience do not accept it: an assertion is for one service only.
        await Assert.ThrowsAsync<InvalidOperationException>(() => RelyingParty(otherId, "urn:other").AcceptAsync(late));
        var tampered = late[..^4] + (late[^4..] == "AAAA" ? "BBBB" : "AAAA");
        await Assert.ThrowsAsync<InvalidOperationException>(() => relyingParty.AcceptAsync(tampered));
    }

    [Fact]
    public async Task A_connector_receiving_personal_data_cannot_be_enabled_without_the_privacy_officer_and_a_refusal_is_recorded_with_its_reason()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var connectorId = await RegisterAsync("Classe virtuelle", "VIRTUAL_CLASSROOM", personalData: true);
        var admin = app.Client(school.AdminToken);
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));

        var unapproved = await admin.SendAsync(Enable, new { i = new { connectorId, profiles = Teachers } });
        var refused = (await officer.SendAsync(Refuse, new { i = new { connectorId, reason = "Pas de clause de sous-traitance dans le contrat." } })).Ok()["refuseConnector"]!["connectorSetting"]!;
        var afterRefusal = await admin.SendAsync(Enable, new { i = new { connectorId, profiles = Teachers } });

        Assert.Equal("PRIVACY_APPROVAL_REQUIRED", unapproved.FirstErrorCode);
        Assert.Equal("REFUSED", Token(refused, "approval"));
        Assert.Equal("Pas de clause de sous-traitance dans le contrat.", Token(refused, "approvalReason"));
        Assert.Equal("PRIVACY_APPROVAL_REQUIRED", afterRefusal.FirstErrorCode);
        Assert.Empty(await ServicesAsync(school.TeacherToken));
        Assert.Equal("FORBIDDEN", (await admin.SendAsync(Refuse, new { i = new { connectorId, reason = "x" } })).FirstErrorCode);
    }

    [Fact]
    public async Task An_approval_for_a_reduced_scope_enables_it_there_only_and_the_assertion_then_carries_names()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var connectorId = await RegisterAsync("Classe virtuelle pilote", "VIRTUAL_CLASSROOM", personalData: true);
        var admin = app.Client(school.AdminToken);
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));

        var approval = (await officer.SendAsync(Approve, new { i = new { connectorId, profiles = Teachers, reason = "Essai avec les enseignants d'abord." } })).Ok()["approveConnector"]!["connectorSetting"]!;
        var tooWide = await admin.SendAsync(Enable, new { i = new { connectorId, profiles = TeachersAndStudents } });
        (await admin.SendAsync(Enable, new { i = new { connectorId, profiles = Teachers } })).Ok();

        Assert.Equal("APPROVED", Token(approval, "approval"));
        Assert.Equal("PRIVACY_APPROVAL_REQUIRED", tooWide.FirstErrorCode);
        Assert.Single(await ServicesAsync(school.TeacherToken));
        Assert.Empty(await ServicesAsync(school.StudentToken));
        var assertion = Token((await app.Client(school.TeacherToken).SendAsync(Open, new { c = connectorId })).Ok()["openService"]!["serviceLaunch"]!, "assertion");
        var claims = await RelyingParty(connectorId, await AudienceOfAsync(connectorId)).AcceptAsync(assertion);
        Assert.Equal("Claire", claims["given_name"]);

        (await admin.SendAsync("mutation($c: ID!) { disableConnector(connectorId: $c) { connectorSetting { enabledProfiles } userErrors { code message } } }", new { c = connectorId })).Ok();
        Assert.Empty(await ServicesAsync(school.TeacherToken));
    }

    [Fact]
    public async Task A_connector_that_times_out_shows_degraded_and_the_portal_is_still_served_at_once()
    {
        using var endpoint = new LocalHealthEndpoint();
        var school = await SchoolScenario.CreateAsync(app);
        var slow = await RegisterAsync("Service lent", "ADMINISTRATIVE", healthUrl: endpoint.Url("slow"));
        var healthy = await RegisterAsync("Service en forme", "ORIENTATION", healthUrl: endpoint.Url("ok"));
        foreach (var connectorId in new[] { slow, healthy })
            (await app.Client(school.AdminToken).SendAsync(Enable, new { i = new { connectorId, profiles = FamiliesProfiles } })).Ok();

        var round = app.Services.GetRequiredService<ConnectorHealthMonitor>().CheckAllAsync(waitForOtherNode: true, CancellationToken.None);
        var page = Stopwatch.StartNew();
        var during = await ServicesAsync(school.StudentToken);
        page.Stop();
        await round;
        var after = await ServicesAsync(school.StudentToken);

        Assert.Equal(2, during.Count);
        Assert.True(page.Elapsed < TimeSpan.FromSeconds(1.5), $"the portal took {page.Elapsed} while a service hung");
        string HealthOf(Guid id) => after.Single(s => s["connector"]!["id"]!.GetValue<string>() == id.ToString())["health"]!.GetValue<string>();
        Assert.Equal("DEGRADED", HealthOf(slow));
        Assert.Equal("UP", HealthOf(healthy));
    }

    [Fact]
    public async Task Only_a_region_administrator_registers_connectors_and_an_http_address_elsewhere_is_refused()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var input = new { i = new { name = "X", kind = "ORIENTATION", launchUrl = "http://example.org/", audience = "urn:x", receivesPersonalData = false } };

        Assert.Equal("FORBIDDEN", (await app.Client(school.AdminToken).SendAsync(Register, input)).FirstErrorCode);
        Assert.Equal("VALIDATION", (await Region.SendAsync(Register, input)).FirstErrorCode);
    }

    [Fact]
    public async Task Two_health_checkers_running_at_once_probe_a_service_once()
    {
        using var endpoint = new LocalHealthEndpoint();
        await RegisterAsync("Service compté", "ORIENTATION", healthUrl: endpoint.Url("counted"));
        // Two nodes of one cluster: same database, each with its own checker.
        var checkers = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<ConnectorHealthMonitor>(app.Services)).ToList();

        // The app's own scheduled checker may hold the cluster's turn at that moment: then both skip, and they race again.
        var attempts = new List<bool[]>();
        do
            attempts.Add(await Task.WhenAll(checkers.Select(c => c.CheckAllAsync(waitForOtherNode: false, CancellationToken.None))));
        while (!attempts[^1].Any(ran => ran) && attempts.Count < 5);

        Assert.All(attempts, rounds => Assert.True(rounds.Count(ran => ran) <= 1, "both checkers ran a round"));
        Assert.Single(attempts[^1], ran => ran);
        Assert.InRange(endpoint.Counted, 1, attempts.Count);
        Assert.Equal(1, endpoint.MostAtOnce);
        checkers.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Each_opening_is_recorded_for_the_direction_s_usage_counts_without_the_pseudonym()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var used = await RegisterAsync("Manuels comptés");
        var unused = await RegisterAsync("Service boudé");
        foreach (var connectorId in new[] { used, unused })
            (await app.Client(school.AdminToken).SendAsync(Enable, new { i = new { connectorId, profiles = TeachersAndStudents } })).Ok();
        var student = app.Client(school.StudentToken);
        var assertion = Token((await student.SendAsync(Open, new { c = used })).Ok()["openService"]!["serviceLaunch"]!, "assertion");
        (await student.SendAsync(Open, new { c = used })).Ok();
        (await app.Client(school.TeacherToken).SendAsync(Open, new { c = used })).Ok();
        var other = await SchoolScenario.CreateAsync(app);
        Assert.Equal("NOT_FOUND", (await app.Client(other.StudentToken).SendAsync(Open, new { c = used })).FirstErrorCode);

        var direction = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.Direction, school.EstablishmentId)));
        var usage = (await direction.SendAsync("{ serviceUsage { nodes { connector { id } openings people } } }")).Ok()["serviceUsage"]!["nodes"]!.AsArray();

        var line = Assert.Single(usage)!;
        Assert.Equal(used.ToString(), line["connector"]!["id"]!.GetValue<string>());
        Assert.Equal(3, line["openings"]!.GetValue<int>());
        Assert.Equal(2, line["people"]!.GetValue<int>());
        var subject = (string)(await RelyingParty(used, await AudienceOfAsync(used)).AcceptAsync(assertion))["sub"];
        Assert.Empty(await DatabaseScan.TablesContainingAsync(app.ConnectionString, subject));
        Assert.Equal("FORBIDDEN", (await app.Client(school.TeacherToken).SendAsync("{ serviceUsage { nodes { openings } } }")).FirstErrorCode);
        Assert.Equal("VALIDATION", (await direction.SendAsync("{ serviceUsage(from: \"2026-01-01T00:00:00Z\", to: \"2025-01-01T00:00:00Z\") { nodes { openings } } }")).FirstErrorCode);
    }
}
