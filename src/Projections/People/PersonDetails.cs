using Marten.Events.Aggregation;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;
using MonBureau.Domain.Privacy;

namespace MonBureau.Projections.People;

/// <summary>Names stay sealed in this document too: forgetting the person erases them here without a rebuild.</summary>
public sealed class PersonDetails
{
    public Guid Id { get; set; }
    public PersonalData GivenName { get; set; } = null!;
    public PersonalData FamilyName { get; set; } = null!;
    public List<Profile> Profiles { get; set; } = [];
    public List<Guardianship> Children { get; set; } = [];
    public List<Teaching> Teachings { get; set; } = [];
    public Guid? ClassId { get; set; }
    public bool Forgotten { get; set; }
}

public partial class PersonDetailsProjection : SingleStreamProjection<PersonDetails, Guid>
{
    public static PersonDetails Create(PersonRegistered e) =>
        new() { Id = e.PersonId, GivenName = e.GivenName, FamilyName = e.FamilyName };

    public void Apply(StudentEnrolled e, PersonDetails person)
    {
        AddProfile(person, new Profile(Role.Student, e.EstablishmentId));
        person.ClassId = e.ClassId;
    }

    public void Apply(TeacherAppointed e, PersonDetails person) => AddProfile(person, new Profile(Role.Teacher, e.EstablishmentId));

    public void Apply(StaffAppointed e, PersonDetails person) => AddProfile(person, new Profile(e.Role, e.EstablishmentId));

    public void Apply(RegionAdministratorAppointed e, PersonDetails person) => AddProfile(person, new Profile(Role.RegionAdministrator, Profile.RegionWide));

    public void Apply(GuardianshipEstablished e, PersonDetails person)
    {
        AddProfile(person, new Profile(Role.Guardian, e.EstablishmentId));
        person.Children.RemoveAll(c => c.StudentId == e.StudentId);
        person.Children.Add(new Guardianship(e.StudentId, e.EstablishmentId, e.Rights));
    }

    public void Apply(IdentityRectified e, PersonDetails person)
    {
        person.GivenName = e.GivenName;
        person.FamilyName = e.FamilyName;
    }

    public void Apply(DataSubjectForgotten e, PersonDetails person)
    {
        person.GivenName = new PersonalData(e.SubjectId, null);
        person.FamilyName = new PersonalData(e.SubjectId, null);
        person.Forgotten = true;
    }

    public void Apply(StudentChangedClass e, PersonDetails person) => person.ClassId = e.ClassId;

    public void Apply(StudentLeftEstablishment e, PersonDetails person)
    {
        person.Profiles.Remove(new Profile(Role.Student, e.EstablishmentId));
        person.ClassId = null;
    }

    public void Apply(GuardianshipEnded e, PersonDetails person)
    {
        person.Children.RemoveAll(c => c.StudentId == e.StudentId);
        if (!person.Children.Any(c => c.EstablishmentId == e.EstablishmentId))
            person.Profiles.Remove(new Profile(Role.Guardian, e.EstablishmentId));
    }

    public void Apply(TeachingAssigned e, PersonDetails person) => person.Teachings.Add(new Teaching(e.TeachingUnitId, e.Subject));

    public void Apply(TeachingWithdrawn e, PersonDetails person) =>
        person.Teachings.RemoveAll(t => t.TeachingUnitId == e.TeachingUnitId && TeachingDecisions.SameSubject(t.Subject, e.Subject));

    private static void AddProfile(PersonDetails person, Profile profile)
    {
        if (!person.Profiles.Contains(profile))
            person.Profiles.Add(profile);
    }
}
