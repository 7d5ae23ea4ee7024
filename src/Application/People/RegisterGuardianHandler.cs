using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Identity;
using MonBureau.Application.Importing;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Application.People;

public static class RegisterGuardianHandler
{
    public static async Task<Guid> Handle(RegisterGuardian command, IDocumentSession session, LookupKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(keys);
        var actor = ActingContext.Require(Role.EstablishmentAdministrator);
        var student = await StudentOfAsync(session, actor, command.StudentId, cancellationToken);

        var id = Guid.CreateVersion7();
        session.Events.StartStream<Person>(id, PeopleDecisions.RegisterGuardian(id, command, student));
        // Later imports must notice this parent rather than create a second identity for them.
        await NameIndexes.AddAsync(session, keys, command.FamilyName, command.GivenName, id, cancellationToken);
        return id;
    }

    /// <summary>The student if the actor may act in their establishment; otherwise as if they did not exist.</summary>
    internal static async Task<Person?> StudentOfAsync(IDocumentSession session, Actor actor, Guid studentId, CancellationToken cancellationToken)
    {
        var student = await session.Events.FetchLatest<Person>(studentId, cancellationToken);
        return student is not null && student.Profiles.Any(p => p.Role == Role.Student && actor.ActsIn(p.EstablishmentId)) ? student : null;
    }
}
