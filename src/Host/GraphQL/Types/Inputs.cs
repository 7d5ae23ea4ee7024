using GraphQL.Types;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Homework;
using MonBureau.Domain.People;
using MonBureau.Domain.Privacy;

namespace MonBureau.Host.GraphQL.Types;

public sealed class OpenEstablishmentInputType : InputObjectGraphType<OpenEstablishment>
{
    public OpenEstablishmentInputType()
    {
        Name = "OpenEstablishmentInput";
        Description = "A new establishment joining the ENT.";
        Field(x => x.Uai).Description("UAI code: 7 digits and a letter.");
        Field(x => x.Name).Description("Official name.");
        Field(x => x.Academy).Description("Académie.");
    }
}

public sealed class CreateClassInputType : InputObjectGraphType<CreateClass>
{
    public CreateClassInputType()
    {
        Name = "CreateClassInput";
        Description = "A class to create in the administrator's establishment.";
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Establishment.");
        Field(x => x.Name).Description("Class name, unique in the school year.");
        Field(x => x.SchoolYearStart, nullable: true).Description("Starting year of the school year; the current one when omitted.");
    }
}

/// <summary>Kept for front-ends written before registerStaffMember; it registers a staff member with the teacher profile.</summary>
public sealed record RegisterTeacherInput(Guid EstablishmentId, string GivenName, string FamilyName);

public sealed class RegisterTeacherInputType : InputObjectGraphType<RegisterTeacherInput>
{
    public RegisterTeacherInputType()
    {
        Name = "RegisterTeacherInput";
        Description = "A teacher to register in the administrator's establishment.";
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Establishment.");
        Field(x => x.GivenName).Description("Given name.");
        Field(x => x.FamilyName).Description("Family name.");
    }
}

public sealed class EnrollStudentInputType : InputObjectGraphType<EnrollStudent>
{
    public EnrollStudentInputType()
    {
        Name = "EnrollStudentInput";
        Description = "A student to enrol in a class.";
        Field(x => x.ClassId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Class.");
        Field(x => x.GivenName).Description("Given name.");
        Field(x => x.FamilyName).Description("Family name.");
    }
}

public sealed class RectifyIdentityInputType : InputObjectGraphType<RectifyIdentity>
{
    public RectifyIdentityInputType()
    {
        Name = "RectifyIdentityInput";
        Description = "A corrected name, at the person's request (rectification, RGPD art. 16).";
        Field(x => x.PersonId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The person.");
        Field(x => x.GivenName).Description("Corrected given name (prénom), at most 100 characters.");
        Field(x => x.FamilyName).Description("Corrected family name (nom), at most 100 characters.");
    }
}

public sealed class AssignHomeworkInputType : InputObjectGraphType<AssignHomework>
{
    public AssignHomeworkInputType()
    {
        Name = "AssignHomeworkInput";
        Description = "Work for one of the teacher's classes or groups, or for some of their students.";
        Field(x => x.ClassId, type: typeof(IdGraphType)).Description("Class; give it or a group.");
        Field(x => x.GroupId, type: typeof(IdGraphType)).Description("Group (groupe); give it or a class.");
        Field(x => x.StudentIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Only these students of the class or group; everyone when omitted.");
        Field(x => x.Subject).Description("Subject (matière).");
        Field(x => x.Title).Description("Short title, at most 200 characters.");
        Field(x => x.Instructions).Description("Instructions (consignes), at most 20,000 characters.");
        Field(x => x.DueAt).Description("Due date and time, in the future and within a year.");
        Field(x => x.ExpectedFormat, type: typeof(SubmissionFormatType)).Description("What the submission must contain; TEXT_OR_FILE when omitted.");
        Field(x => x.AllowedContentTypes, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("Accepted file types (e.g. application/pdf); every accepted type when omitted.");
        Field(x => x.WorkspaceFileIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Documents handed out with the work: files of the teacher's workspace they may read (at most 5), referenced rather than copied.");
    }
}

public sealed class EditHomeworkInputType : InputObjectGraphType<EditHomework>
{
    public EditHomeworkInputType()
    {
        Name = "EditHomeworkInput";
        Description = "New instructions, due date and format for work already set, from the version the teacher was looking at.";
        Field(x => x.HomeworkId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The homework.");
        Field(x => x.ExpectedVersion, type: typeof(NonNullGraphType<IntGraphType>)).Description("The homework's version as last read (Homework.version); CONFLICT with the current version when it changed meanwhile.");
        Field(x => x.Instructions).Description("Instructions (consignes), at most 20,000 characters.");
        Field(x => x.DueAt).Description("Due date and time, in the future and within a year.");
        Field(x => x.ExpectedFormat, type: typeof(SubmissionFormatType)).Description("What the submission must contain; unchanged when omitted.");
    }
}

public sealed class ForgetDataSubjectInputType : InputObjectGraphType<ForgetDataSubject>
{
    public ForgetDataSubjectInputType()
    {
        Name = "ForgetDataSubjectInput";
        Description = "Erase every piece of personal data about one person, for good (crypto-shredding).";
        Field(x => x.SubjectId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The person (data subject).");
        Field(x => x.Ground, type: typeof(NonNullGraphType<ErasureGroundType>)).Description("Legal ground for the erasure.");
    }
}

public sealed class ErasureGroundType : EnumerationGraphType<ErasureGround>
{
    public ErasureGroundType()
    {
        Name = "ErasureGround";
        Description = "DATA_SUBJECT_REQUEST (RGPD art. 17 request) or RETENTION_PERIOD_EXPIRED (scheduled purge).";
    }
}

public sealed class RegisterStaffMemberInputType : InputObjectGraphType<RegisterStaffMember>
{
    public RegisterStaffMemberInputType()
    {
        Name = "RegisterStaffMemberInput";
        Description = "A staff member to register in the administrator's establishment.";
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Establishment.");
        Field(x => x.Role, type: typeof(NonNullGraphType<RoleType>)).Description("TEACHER, SCHOOL_LIFE_OFFICE, DIRECTION, PRIVACY_OFFICER or ESTABLISHMENT_ADMINISTRATOR.");
        Field(x => x.GivenName).Description("Given name.");
        Field(x => x.FamilyName).Description("Family name.");
    }
}

public sealed class GuardianRightsInputType : InputObjectGraphType<GuardianRights>
{
    public GuardianRightsInputType()
    {
        Name = "GuardianRightsInput";
        Description = "What this guardian may do for this child.";
        Field(x => x.LegalGuardian).Description("Holds parental authority (responsable légal).");
        Field(x => x.MayJustifyAbsences).Description("May justify the child's absences.");
        Field(x => x.ReceivesSchoolLifeNotices).Description("Receives school-life notices (absences, punishments).");
    }
}

public sealed class RegisterGuardianInputType : InputObjectGraphType<RegisterGuardian>
{
    public RegisterGuardianInputType()
    {
        Name = "RegisterGuardianInput";
        Description = "A new guardian for a student. For a parent already known (another child), use linkGuardian instead.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        Field(x => x.GivenName).Description("Given name.");
        Field(x => x.FamilyName).Description("Family name.");
        Field(x => x.Rights, type: typeof(NonNullGraphType<GuardianRightsInputType>)).Description("Rights for this child.");
    }
}

public sealed class LinkGuardianInputType : InputObjectGraphType<LinkGuardian>
{
    public LinkGuardianInputType()
    {
        Name = "LinkGuardianInput";
        Description = "Makes an existing person guardian of one more student: one identity per parent.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        Field(x => x.GuardianId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The existing person.");
        Field(x => x.Rights, type: typeof(NonNullGraphType<GuardianRightsInputType>)).Description("Rights for this child.");
        Field(x => x.ImportKey, nullable: true).Description("The guardian's RESP_ID in the roster export, when resolving an import review: later imports then recognise them.");
    }
}
