using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Application.People;

public static class EnrollStudentHandler
{
    public static async Task<Guid> Handle(EnrollStudent command, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.EstablishmentAdministrator);
        var schoolClass = await session.Events.FetchLatest<SchoolClass>(command.ClassId, cancellationToken);
        if (schoolClass is not null && !actor.ActsIn(schoolClass.EstablishmentId))
            schoolClass = null;

        var id = Guid.CreateVersion7();
        session.Events.StartStream<Person>(id, PeopleDecisions.EnrollStudent(id, command, schoolClass));
        return id;
    }
}
