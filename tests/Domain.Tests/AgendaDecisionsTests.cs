using MonBureau.Domain.Agenda;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Tests;

public class AgendaDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly TeachingUnit Class = new(Guid.CreateVersion7(), EstablishmentId);

    private static Person Registered()
    {
        var id = Guid.CreateVersion7();
        return Person.Create(new PersonRegistered(id, PersonalData.Of(id, "Claire"), PersonalData.Of(id, "Muller")));
    }

    private static AgendaEditor Teacher(Guid? teaches = null)
    {
        var person = Registered().Apply(new TeacherAppointed(Guid.Empty, EstablishmentId));
        if (teaches is { } unit)
            person = person.Apply(new TeachingAssigned(person.Id, EstablishmentId, unit, "Mathématiques"));
        return new AgendaEditor(person, Role.Teacher, EstablishmentId);
    }

    private static AgendaEditor Staff(Role role) => new(Registered().Apply(new StaffAppointed(Guid.Empty, EstablishmentId, role)), role, EstablishmentId);

    private static ScheduleAgendaEvent Command(AgendaAudience audience, Guid? unit, DateTimeOffset? startsAt = null, TimeSpan? length = null, string? description = "Chapitres 3 et 4")
    {
        var start = startsAt ?? Now.AddDays(3);
        return new(audience, unit, AgendaEventKind.Test, "DS fonctions", description, start, start + (length ?? TimeSpan.FromHours(2)), "Salle 104", false);
    }

    private static AgendaEvent Existing(AgendaEventScheduled scheduled) => AgendaEvent.Create(scheduled);

    [Fact]
    public void Given_a_teacher_of_the_class_When_scheduling_a_test_Then_it_is_scheduled_for_the_class_with_the_description_sealed_under_the_author()
    {
        var teacher = Teacher(Class.Id);
        var id = Guid.CreateVersion7();

        var scheduled = AgendaDecisions.Schedule(id, Command(AgendaAudience.Class, Class.Id), teacher, Class, Now);

        Assert.Equal(id, scheduled.EventId);
        Assert.Equal(Class.Id, scheduled.TeachingUnitId);
        Assert.Equal(EstablishmentId, scheduled.EstablishmentId);
        Assert.Equal(PersonalData.Of(teacher.Person.Id, "Chapitres 3 et 4"), scheduled.Details.Description);
    }

    [Fact]
    public void Given_a_teacher_When_scheduling_for_the_whole_establishment_Then_it_is_forbidden() =>
        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<BusinessRuleException>(() =>
            AgendaDecisions.Schedule(Guid.CreateVersion7(), Command(AgendaAudience.Establishment, null), Teacher(Class.Id), null, Now)).Code);

    [Theory]
    [InlineData(Role.Direction)]
    [InlineData(Role.SchoolLifeOffice)]
    [InlineData(Role.EstablishmentAdministrator)]
    public void Given_staff_When_scheduling_for_the_establishment_Then_it_has_no_class(Role role) =>
        Assert.Null(AgendaDecisions.Schedule(Guid.CreateVersion7(), Command(AgendaAudience.Establishment, null), Staff(role), null, Now).TeachingUnitId);

    [Fact]
    public void Given_a_teacher_who_does_not_teach_the_class_When_scheduling_Then_the_class_is_not_found() =>
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() =>
            AgendaDecisions.Schedule(Guid.CreateVersion7(), Command(AgendaAudience.Class, Class.Id), Teacher(), Class, Now)).Code);

    [Fact]
    public void Given_a_class_of_another_establishment_When_direction_schedules_for_it_Then_it_is_not_found()
    {
        var elsewhere = new TeachingUnit(Guid.CreateVersion7(), Guid.CreateVersion7());

        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() =>
            AgendaDecisions.Schedule(Guid.CreateVersion7(), Command(AgendaAudience.Class, elsewhere.Id), Staff(Role.Direction), elsewhere, Now)).Code);
    }

    [Theory]
    [InlineData(-10, 2)] // already over
    [InlineData(3, -1)] // ends before it starts
    [InlineData(3, 24 * 40)] // longer than 31 days
    [InlineData(800, 2)] // more than two years ahead
    public void Given_bad_dates_When_scheduling_Then_it_is_invalid(int startInDays, int lengthInHours) =>
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() =>
            AgendaDecisions.Schedule(Guid.CreateVersion7(), Command(AgendaAudience.Class, Class.Id, Now.AddDays(startInDays), TimeSpan.FromHours(lengthInHours)), Teacher(Class.Id), Class, Now)).Code);

    [Fact]
    public void Given_a_class_event_without_a_class_or_an_establishment_event_with_one_When_scheduling_Then_it_is_invalid()
    {
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() =>
            AgendaDecisions.Schedule(Guid.CreateVersion7(), Command(AgendaAudience.Class, null), Teacher(Class.Id), null, Now)).Code);
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() =>
            AgendaDecisions.Schedule(Guid.CreateVersion7(), Command(AgendaAudience.Establishment, Class.Id), Staff(Role.Direction), null, Now)).Code);
    }

    [Fact]
    public void Given_an_empty_description_When_scheduling_Then_none_is_stored() =>
        Assert.Null(AgendaDecisions.Schedule(Guid.CreateVersion7(), Command(AgendaAudience.Class, Class.Id, description: "  "), Teacher(Class.Id), Class, Now).Details.Description);

    [Fact]
    public void Given_a_cancelled_event_When_cancelling_or_revising_again_Then_it_conflicts()
    {
        var teacher = Teacher(Class.Id);
        var scheduled = AgendaDecisions.Schedule(Guid.CreateVersion7(), Command(AgendaAudience.Class, Class.Id), teacher, Class, Now);
        var cancelledEvent = Existing(scheduled).Apply(AgendaDecisions.Cancel(Existing(scheduled), teacher, Now));
        var revision = new ReviseAgendaEvent(scheduled.EventId, AgendaEventKind.Test, "DS reporté", null, Now.AddDays(5), Now.AddDays(5).AddHours(1), null, true);

        Assert.True(cancelledEvent.Cancelled);
        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<BusinessRuleException>(() => AgendaDecisions.Cancel(cancelledEvent, teacher, Now)).Code);
        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<BusinessRuleException>(() => AgendaDecisions.Revise(revision, cancelledEvent, teacher, Now)).Code);
    }

    [Fact]
    public void Given_an_establishment_event_When_a_teacher_tries_to_cancel_it_Then_it_is_not_found_but_school_life_may()
    {
        var scheduled = AgendaDecisions.Schedule(Guid.CreateVersion7(), Command(AgendaAudience.Establishment, null), Staff(Role.Direction), null, Now);

        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() => AgendaDecisions.Cancel(Existing(scheduled), Teacher(Class.Id), Now)).Code);
        Assert.Equal(scheduled.EventId, AgendaDecisions.Cancel(Existing(scheduled), Staff(Role.SchoolLifeOffice), Now).EventId);
    }

    [Fact]
    public void Given_an_event_in_the_past_When_revising_it_Then_the_new_details_are_recorded()
    {
        var teacher = Teacher(Class.Id);
        var scheduled = AgendaDecisions.Schedule(Guid.CreateVersion7(), Command(AgendaAudience.Class, Class.Id), teacher, Class, Now);
        var later = Now.AddDays(10);

        var revised = AgendaDecisions.Revise(
            new ReviseAgendaEvent(scheduled.EventId, AgendaEventKind.Test, "DS fonctions (corrigé en ligne)", null, Now.AddDays(3), Now.AddDays(3).AddHours(2), null, false),
            Existing(scheduled), teacher, later);

        Assert.Equal("DS fonctions (corrigé en ligne)", revised.Details.Title);
        Assert.Equal(later, revised.RevisedAt);
    }
}
