using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Application.People;

/// <summary>Region administrators appoint one another; the first one is created by the operators' command line.</summary>
public static class RegisterRegionAdministratorHandler
{
    public static Guid Handle(RegisterRegionAdministrator command, IDocumentSession session)
    {
        ArgumentNullException.ThrowIfNull(command);
        ActingContext.Require(Role.RegionAdministrator);
        var id = Guid.CreateVersion7();
        session.Events.StartStream<Person>(id, PeopleDecisions.RegisterRegionAdministrator(id, command));
        return id;
    }
}
