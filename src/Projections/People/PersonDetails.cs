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
    public Guid? ClassId { get; set; }
    public bool Forgotten { get; set; }
}

public partial class PersonDetailsProjection : SingleStreamProjection<PersonDetails, Guid>
{
    public static PersonDetails Create(PersonRegistered e) =>
        new() { Id = e.PersonId, GivenName = e.GivenName, FamilyName = e.FamilyName };

    public void Apply(StudentEnrolled e, PersonDetails person)
    {
        person.Profiles.Add(new Profile(Role.Student, e.EstablishmentId));
        person.ClassId = e.ClassId;
    }

    public void Apply(TeacherAppointed e, PersonDetails person) => person.Profiles.Add(new Profile(Role.Teacher, e.EstablishmentId));

    public void Apply(DataSubjectForgotten e, PersonDetails person)
    {
        person.GivenName = new PersonalData(e.SubjectId, null);
        person.FamilyName = new PersonalData(e.SubjectId, null);
        person.Forgotten = true;
    }
}
