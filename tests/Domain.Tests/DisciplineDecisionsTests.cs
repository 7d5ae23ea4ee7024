using MonBureau.Domain.Common;
using MonBureau.Domain.Discipline;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Tests;

public class DisciplineDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly Guid ClassId = Guid.CreateVersion7();

    private static Person Student(Guid establishmentId)
    {
        var id = Guid.CreateVersion7();
        return Person.Create(new PersonRegistered(id, PersonalData.Of(id, "Léa"), PersonalData.Of(id, "Schneider")))
            .Apply(new StudentEnrolled(id, establishmentId, ClassId));
    }

    private static DecidingStaff Staff(Role role, params Guid[] teaches) =>
        new(Guid.CreateVersion7(), role, EstablishmentId, [.. teaches.Select(u => new Teaching(u, "Mathématiques"))]);

    private static string Code(Action decide) => Assert.Throws<BusinessRuleException>(decide).Code;

    private static SanctionPronounced Pronounce(PronounceSanction command, DecidingStaff? staff = null, Person? student = null) =>
        DisciplineDecisions.PronounceSanction(Guid.CreateVersion7(), command, staff ?? Staff(Role.Direction), student ?? Student(EstablishmentId), Today, Now);

    private static PronounceSanction Sanction(SanctionKind kind, int? days = null, DateOnly? endOfSchooling = null) =>
        new(Guid.Empty, kind, "Insultes envers un surveillant.", days, endOfSchooling);

    [Fact]
    public void A_teacher_punishes_a_student_they_teach_with_the_facts_sealed_under_the_student()
    {
        var student = Student(EstablishmentId);
        var teacher = Staff(Role.Teacher, ClassId);
        var id = Guid.CreateVersion7();

        var given = DisciplineDecisions.GivePunishment(id, new GivePunishment(student.Id, PunishmentKind.Detention, " Bavardages répétés. "), teacher, student, [ClassId], Today, Now);

        Assert.Equal(new PunishmentGiven(id, EstablishmentId, student.Id, teacher.Id, Role.Teacher, PunishmentKind.Detention,
            PersonalData.Of(student.Id, "Bavardages répétés."), Today, Now), given);
    }

    [Fact]
    public void A_teacher_cannot_punish_a_student_they_do_not_teach() =>
        Assert.Equal(ErrorCodes.Forbidden, Code(() => DisciplineDecisions.GivePunishment(Guid.CreateVersion7(),
            new GivePunishment(Guid.Empty, PunishmentKind.ExtraWork, "Travail non fait."), Staff(Role.Teacher, Guid.CreateVersion7()), Student(EstablishmentId), [ClassId], Today, Now)));

    [Theory]
    [InlineData(Role.SchoolLifeOffice)]
    [InlineData(Role.Direction)]
    public void The_school_life_office_and_direction_punish_any_student_of_their_establishment(Role role)
    {
        var student = Student(EstablishmentId);

        var given = DisciplineDecisions.GivePunishment(Guid.CreateVersion7(), new GivePunishment(student.Id, PunishmentKind.Observation, "Retards."), Staff(role), student, [], Today, Now);

        Assert.Equal(role, given.GivenAs);
    }

    [Fact]
    public void A_student_of_another_establishment_is_not_found_for_the_school_life_office() =>
        Assert.Equal(ErrorCodes.NotFound, Code(() => DisciplineDecisions.GivePunishment(Guid.CreateVersion7(),
            new GivePunishment(Guid.Empty, PunishmentKind.Observation, "Retards."), Staff(Role.SchoolLifeOffice), Student(Guid.CreateVersion7()), [], Today, Now)));

    [Theory]
    [InlineData(Role.Guardian)]
    [InlineData(Role.Student)]
    [InlineData(Role.EstablishmentAdministrator)]
    public void Nobody_else_punishes(Role role) =>
        Assert.Equal(ErrorCodes.Forbidden, Code(() => DisciplineDecisions.GivePunishment(Guid.CreateVersion7(),
            new GivePunishment(Guid.Empty, PunishmentKind.Observation, "Retards."), Staff(role), Student(EstablishmentId), [ClassId], Today, Now)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_punishment_without_facts_is_invalid(string facts) =>
        Assert.Equal(ErrorCodes.Validation, Code(() => DisciplineDecisions.GivePunishment(Guid.CreateVersion7(),
            new GivePunishment(Guid.Empty, PunishmentKind.Observation, facts), Staff(Role.SchoolLifeOffice), Student(EstablishmentId), [], Today, Now)));

    [Fact]
    public void Direction_pronounces_a_warning_erased_at_the_end_of_the_school_year()
    {
        var pronounced = Pronounce(Sanction(SanctionKind.Warning));

        Assert.Equal(SanctionKind.Warning, pronounced.Kind);
        Assert.Equal(Today, pronounced.DecidedOn);
        Assert.Equal(new DateOnly(2027, 8, 31), pronounced.ErasedOn);
        Assert.Equal(pronounced.StudentId, pronounced.Facts.SubjectId);
    }

    [Theory]
    [InlineData(Role.Teacher)]
    [InlineData(Role.SchoolLifeOffice)]
    [InlineData(Role.EstablishmentAdministrator)]
    public void Only_direction_pronounces_sanctions(Role role) =>
        Assert.Equal(ErrorCodes.Forbidden, Code(() => Pronounce(Sanction(SanctionKind.Warning), Staff(role, ClassId))));

    [Fact]
    public void A_temporary_exclusion_lasts_one_to_eight_days()
    {
        Assert.Equal(8, Pronounce(Sanction(SanctionKind.TemporaryEstablishmentExclusion, days: 8)).ExclusionDays);
        Assert.Equal(ErrorCodes.Validation, Code(() => Pronounce(Sanction(SanctionKind.TemporaryClassExclusion))));
        Assert.Equal(ErrorCodes.Validation, Code(() => Pronounce(Sanction(SanctionKind.TemporaryClassExclusion, days: 9))));
        Assert.Equal(ErrorCodes.Validation, Code(() => Pronounce(Sanction(SanctionKind.TemporaryClassExclusion, days: 0))));
        Assert.Equal(ErrorCodes.Validation, Code(() => Pronounce(Sanction(SanctionKind.Reprimand, days: 2))));
    }

    [Fact]
    public void A_permanent_exclusion_is_erased_at_the_end_of_secondary_schooling_which_must_be_given()
    {
        var end = new DateOnly(2029, 7, 4);

        Assert.Equal(end, Pronounce(Sanction(SanctionKind.PermanentExclusion, endOfSchooling: end)).ErasedOn);
        Assert.Equal(ErrorCodes.Validation, Code(() => Pronounce(Sanction(SanctionKind.PermanentExclusion))));
        Assert.Equal(ErrorCodes.Validation, Code(() => Pronounce(Sanction(SanctionKind.PermanentExclusion, endOfSchooling: Today.AddDays(-1)))));
        Assert.Equal(ErrorCodes.Validation, Code(() => Pronounce(Sanction(SanctionKind.Warning, endOfSchooling: end))));
    }

    [Fact]
    public void An_unknown_sanction_kind_is_invalid() =>
        Assert.Equal(ErrorCodes.Validation, Code(() => Pronounce(Sanction((SanctionKind)42))));

    [Fact]
    public void Erasing_a_sanction_keeps_its_ids_and_date_only()
    {
        var sanction = new Sanction(Guid.CreateVersion7(), EstablishmentId, Guid.CreateVersion7(), new DateOnly(2027, 8, 31), false);

        Assert.Equal(new SanctionErased(sanction.Id, EstablishmentId, sanction.StudentId, sanction.ErasedOn, Now), DisciplineDecisions.Erase(sanction, Now));
        Assert.True(sanction.Apply(DisciplineDecisions.Erase(sanction, Now)).Erased);
    }
}
