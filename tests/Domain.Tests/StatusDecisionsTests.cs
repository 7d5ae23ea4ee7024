using MonBureau.Domain.Common;
using MonBureau.Domain.Status;

namespace MonBureau.Domain.Tests;

public class StatusDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly StatusPublisher Region = new(Guid.CreateVersion7(), Role.RegionAdministrator, null);
    private static readonly StatusPublisher Admin = new(Guid.CreateVersion7(), Role.EstablishmentAdministrator, EstablishmentId);

    private static DeclareIncident Incident(Guid? establishmentId = null) => new(establishmentId, [PlatformModule.Messaging], "Messagerie lente", "Les messages partent en retard.");

    [Fact]
    public void An_establishment_administrators_incident_is_for_their_establishment_and_a_region_administrators_for_the_platform()
    {
        Assert.Equal(EstablishmentId, StatusDecisions.Declare(Guid.NewGuid(), Incident(), Admin, true, Now).EstablishmentId);
        Assert.Null(StatusDecisions.Declare(Guid.NewGuid(), Incident(), Region, true, Now).EstablishmentId);
    }

    [Fact]
    public void An_establishment_administrator_cannot_publish_for_another_establishment()
    {
        var refused = Assert.Throws<BusinessRuleException>(() => StatusDecisions.Declare(Guid.NewGuid(), Incident(Guid.CreateVersion7()), Admin, true, Now));
        Assert.Equal(ErrorCodes.NotFound, refused.Code);
    }

    [Fact]
    public void An_incident_moves_forward_only_and_is_closed_once_resolved()
    {
        var incident = ServiceNotice.Create(StatusDecisions.Declare(Guid.NewGuid(), Incident(), Admin, true, Now));
        var identified = incident.Apply(StatusDecisions.Update(new UpdateIncident(incident.Id, IncidentStatus.Identified, "Cause trouvée."), incident, Admin, Now));

        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() =>
            StatusDecisions.Update(new UpdateIncident(incident.Id, IncidentStatus.Investigating, "?"), identified, Admin, Now)).Code);
        var resolved = identified.Apply(StatusDecisions.Update(new UpdateIncident(incident.Id, IncidentStatus.Resolved, "Réglé."), identified, Admin, Now));
        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<BusinessRuleException>(() =>
            StatusDecisions.Update(new UpdateIncident(incident.Id, IncidentStatus.Resolved, "Encore."), resolved, Admin, Now)).Code);
    }

    [Fact]
    public void A_maintenance_window_needs_modules_an_end_after_its_start_and_at_most_three_days()
    {
        AnnounceMaintenance Window(TimeSpan length, IReadOnlyList<PlatformModule>? modules = null) =>
            new(null, modules ?? [PlatformModule.Grades], "Mise à jour", "Serveurs", Now.AddDays(1), Now.AddDays(1) + length);

        Assert.Throws<BusinessRuleException>(() => StatusDecisions.Announce(Guid.NewGuid(), Window(TimeSpan.FromHours(-1)), Admin, true, Now));
        Assert.Throws<BusinessRuleException>(() => StatusDecisions.Announce(Guid.NewGuid(), Window(TimeSpan.FromDays(4)), Admin, true, Now));
        Assert.Throws<BusinessRuleException>(() => StatusDecisions.Announce(Guid.NewGuid(), Window(TimeSpan.FromHours(2), []), Admin, true, Now));
        Assert.Equal(EstablishmentId, StatusDecisions.Announce(Guid.NewGuid(), Window(TimeSpan.FromHours(2)), Admin, true, Now).EstablishmentId);
    }

    [Fact]
    public void A_maintenance_window_is_cancelled_once_by_whoever_may_announce_it_and_not_once_over()
    {
        var window = ServiceNotice.Create(StatusDecisions.Announce(Guid.NewGuid(), new(null, [PlatformModule.Grades], "Mise à jour", "Serveurs", Now.AddHours(1), Now.AddHours(3)), Admin, true, Now));
        var stranger = Admin with { EstablishmentId = Guid.CreateVersion7() };

        var cancelled = window.Apply(StatusDecisions.Cancel(new CancelMaintenance(window.Id), window, Region, Now));

        Assert.True(cancelled.Cancelled);
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() => StatusDecisions.Cancel(new CancelMaintenance(window.Id), window, stranger, Now)).Code);
        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<BusinessRuleException>(() => StatusDecisions.Cancel(new CancelMaintenance(window.Id), cancelled, Admin, Now)).Code);
        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<BusinessRuleException>(() => StatusDecisions.Cancel(new CancelMaintenance(window.Id), window, Admin, Now.AddHours(4))).Code);
    }
}
