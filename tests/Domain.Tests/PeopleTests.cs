using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Tests;

public class PeopleTests
{
    [Fact]
    public void Given_a_class_When_enrolling_a_student_Then_the_person_is_registered_with_sealable_names_and_enrolled()
    {
        var schoolClass = new SchoolClass(Guid.CreateVersion7(), Guid.CreateVersion7(), "2nde 1", new SchoolYear(2026));
        var id = Guid.CreateVersion7();

        var events = PeopleDecisions.EnrollStudent(id, new EnrollStudent(schoolClass.Id, " Léa ", "Schneider"), schoolClass);

        Assert.Equal<object>(
            [new PersonRegistered(id, PersonalData.Of(id, "Léa"), PersonalData.Of(id, "Schneider")), new StudentEnrolled(id, schoolClass.EstablishmentId, schoolClass.Id)],
            events);
    }

    [Fact]
    public void Given_a_person_When_appointed_twice_in_the_same_establishment_Then_the_profile_is_held_once()
    {
        var id = Guid.CreateVersion7();
        var establishment = Guid.CreateVersion7();
        var person = Person.Create(new PersonRegistered(id, PersonalData.Of(id, "A"), PersonalData.Of(id, "B")))
            .Apply(new TeacherAppointed(id, establishment))
            .Apply(new TeacherAppointed(id, establishment));

        Assert.Single(person.Profiles);
        Assert.True(person.Holds(Role.Teacher, establishment));
        Assert.False(person.Holds(Role.Teacher, Guid.CreateVersion7()));
    }

    [Fact]
    public void Given_an_unknown_class_When_enrolling_Then_it_is_not_found() =>
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(
            () => PeopleDecisions.EnrollStudent(Guid.NewGuid(), new EnrollStudent(Guid.NewGuid(), "Léa", "Schneider"), null)).Code);
}
