using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Establishments;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class AuditEnvelopeTests(AppFactory app)
{
    [Fact]
    public async Task Every_event_of_a_request_carries_actor_role_establishment_correlation_causation_and_business_time()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var businessTime = app.Clock.GetUtcNow().AddHours(3).AddMinutes(17);
        app.Clock.SetUtcNow(businessTime);

        (await app.Client(school.TeacherToken).SendAsync(
            "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }",
            new { i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title = "La cellule", instructions = "Lire le chapitre 2.", dueAt = businessTime.AddDays(3) } },
            request => request.Headers.Add("X-Correlation-Id", "audit-test-42"))).Ok();

        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.CorrelationId == "audit-test-42").ToListAsync();

        var assigned = Assert.Single(events);
        Assert.Equal(school.TeacherId.ToString(), assigned.UserName);
        Assert.Equal("Teacher", assigned.Headers![AuditHeaders.ActorRole].ToString());
        Assert.Equal(school.EstablishmentId.ToString(), assigned.Headers[AuditHeaders.Establishment].ToString());
        Assert.StartsWith("AssignHomework/", assigned.CausationId, StringComparison.Ordinal);
        Assert.Equal(businessTime, assigned.Timestamp);
    }

    [Fact]
    public async Task A_region_administrator_opening_an_establishment_is_recorded_inside_that_establishment()
    {
        var school = await SchoolScenario.CreateAsync(app);

        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var opened = Assert.Single(await session.Events.FetchStreamAsync(school.EstablishmentId));

        Assert.Equal("RegionAdministrator", opened.Headers![AuditHeaders.ActorRole].ToString());
        Assert.Equal(school.EstablishmentId.ToString(), opened.Headers[AuditHeaders.Establishment].ToString());
    }

    [Fact]
    public async Task Appending_without_an_actor_is_refused_and_nothing_is_written()
    {
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var id = Guid.CreateVersion7();
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<Establishment>(id, new EstablishmentOpened(id, "0670000A", "Sans acteur", "Strasbourg", "Europe/Paris"));
            await Assert.ThrowsAsync<MissingActorException>(() => session.SaveChangesAsync());
        }

        await using var query = store.QuerySession();
        Assert.Empty(await query.Events.FetchStreamAsync(id));
    }

    [Fact]
    public async Task A_system_job_appends_under_its_stable_name()
    {
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var id = Guid.CreateVersion7();
        using (ActingContext.Begin(Actor.SystemJob("retention-purge"), "job-run-1"))
        {
            await using var session = store.LightweightSession();
            session.Events.StartStream<Establishment>(id, new EstablishmentOpened(id, "0670001A", "Par un job", "Strasbourg", "Europe/Paris"));
            await session.SaveChangesAsync();
        }

        await using var query = store.QuerySession();
        var e = Assert.Single(await query.Events.FetchStreamAsync(id));
        Assert.Equal(SystemActorIds.For("retention-purge").ToString(), e.UserName);
        Assert.Equal("retention-purge", e.Headers![AuditHeaders.SystemJob].ToString());
        Assert.Equal("System", e.Headers[AuditHeaders.ActorRole].ToString());
    }
}
