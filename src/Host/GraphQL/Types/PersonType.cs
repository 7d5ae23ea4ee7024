using GraphQL.Types;
using MonBureau.Domain.People;
using MonBureau.Projections.People;
using MonBureau.Host.GraphQL.Nodes;

namespace MonBureau.Host.GraphQL.Types;

public sealed class PersonType : ObjectGraphType<PersonDetails>
{
    public PersonType()
    {
        this.ImplementsNode();
        Name = "Person";
        Description = "One human being, whatever profiles they hold (student, guardian, teacher…).";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier, also the data-subject id for RGPD.");
        this.PersonalField("givenName", p => p.GivenName, "Given name (prénom).");
        this.PersonalField("familyName", p => p.FamilyName, "Family name (nom).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProfileType>>>, List<Profile>>("profiles")
            .Description("Profiles held, each in one establishment.")
            .Resolve(ctx => ctx.Source.Profiles);
        Field(x => x.ClassId, type: typeof(IdGraphType)).Description("Class of a student, if any.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TeachingType>>>, List<Teaching>>("teachings")
            .Description("What a teacher teaches, to which class or group.")
            .Resolve(ctx => ctx.Source.Teachings);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GuardianshipType>>>, List<Guardianship>>("children")
            .Description("Students this person is guardian of, with the rights held for each.")
            .Resolve(ctx => ctx.Source.Children);
    }
}

public sealed class GuardianshipType : ObjectGraphType<Guardianship>
{
    public GuardianshipType()
    {
        Name = "Guardianship";
        Description = "A guardian's link to one child (responsable légal or other guardian).";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The child.");
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The child's establishment.");
        Field("legalGuardian", x => x.Rights.LegalGuardian).Description("Holds parental authority.");
        Field("mayJustifyAbsences", x => x.Rights.MayJustifyAbsences).Description("May justify absences.");
        Field("receivesSchoolLifeNotices", x => x.Rights.ReceivesSchoolLifeNotices).Description("Receives school-life notices.");
    }
}

public sealed class ProfileType : ObjectGraphType<Profile>
{
    public ProfileType()
    {
        Name = "Profile";
        Description = "A role held in one establishment.";
        Field(x => x.Role, type: typeof(NonNullGraphType<RoleType>)).Description("The profile.");
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Where it is held.");
    }
}

public sealed class RoleType : EnumerationGraphType<Domain.Common.Role>
{
    public RoleType()
    {
        Name = "Role";
        Description = "Profiles: STUDENT (élève), GUARDIAN (responsable légal), TEACHER (enseignant), SCHOOL_LIFE_OFFICE (vie scolaire, CPE), DIRECTION, PRIVACY_OFFICER (référent RGPD), ESTABLISHMENT_ADMINISTRATOR, REGION_ADMINISTRATOR, SYSTEM (a named background job).";
    }
}
