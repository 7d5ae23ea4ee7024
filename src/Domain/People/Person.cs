using MonBureau.Domain.Common;

namespace MonBureau.Domain.People;

/// <summary>One identity per human being, whatever profiles they hold and in however many establishments.</summary>
public sealed record PersonRegistered(Guid PersonId, PersonalData GivenName, PersonalData FamilyName);

public sealed record StudentEnrolled(Guid PersonId, Guid EstablishmentId, Guid ClassId) : IEstablishmentScoped;

public sealed record TeacherAppointed(Guid PersonId, Guid EstablishmentId) : IEstablishmentScoped;

public sealed record Profile(Role Role, Guid EstablishmentId);

public sealed record Person(Guid Id, IReadOnlyList<Profile> Profiles, Guid? ClassId)
{
    public static Person Create(PersonRegistered e) => new(e.PersonId, [], null);

    public Person Apply(StudentEnrolled e) =>
        this with { Profiles = With(Role.Student, e.EstablishmentId), ClassId = e.ClassId };

    public Person Apply(TeacherAppointed e) => this with { Profiles = With(Role.Teacher, e.EstablishmentId) };

    public bool Holds(Role role, Guid establishmentId) => Profiles.Contains(new Profile(role, establishmentId));

    private Profile[] With(Role role, Guid establishmentId) =>
        Holds(role, establishmentId) ? [.. Profiles] : [.. Profiles, new Profile(role, establishmentId)];
}
