using GraphQL.Types;
using MonBureau.Domain.Discipline;
using MonBureau.Projections.Discipline;

namespace MonBureau.Host.GraphQL.Types;

public sealed class PunishmentKindType : EnumerationGraphType<PunishmentKind>
{
    public PunishmentKindType()
    {
        Name = "PunishmentKind";
        Description = "Punitions scolaires: OBSERVATION (carnet de correspondance), ORAL_APOLOGY (excuse orale), WRITTEN_APOLOGY (excuse écrite), EXTRA_WORK (devoir supplémentaire), DETENTION (retenue).";
    }
}

public sealed class SanctionKindType : EnumerationGraphType<SanctionKind>
{
    public SanctionKindType()
    {
        Name = "SanctionKind";
        Description = "Sanctions disciplinaires (Code de l'éducation R511-13): WARNING (avertissement), REPRIMAND (blâme), RESPONSIBILITY_MEASURE (mesure de responsabilisation), TEMPORARY_CLASS_EXCLUSION (exclusion temporaire de la classe), TEMPORARY_ESTABLISHMENT_EXCLUSION (exclusion temporaire de l'établissement), PERMANENT_EXCLUSION (exclusion définitive).";
    }
}

public sealed class PunishmentType : ObjectGraphType<PunishmentDetails>
{
    public PunishmentType()
    {
        Name = "Punishment";
        Description = "A punishment (punition scolaire) given to a student by a teacher, the school-life office or direction.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student punished.");
        Field(x => x.GivenBy, type: typeof(NonNullGraphType<IdGraphType>)).Description("The staff member who gave it.");
        Field(x => x.GivenAs, type: typeof(NonNullGraphType<RoleType>)).Description("The profile they acted in.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<PunishmentKindType>)).Description("Which punishment.");
        this.PersonalField("facts", p => p.Facts, "What happened (les faits).");
        Field(x => x.GivenOn, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("The day it was given (establishment's date).");
        Field(x => x.RecordedAt).Description("When it was recorded.");
    }
}

public sealed class SanctionType : ObjectGraphType<SanctionDetails>
{
    public SanctionType()
    {
        Name = "Sanction";
        Description = "A disciplinary sanction pronounced by direction; it leaves the student's file on its legal erasure date.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student sanctioned.");
        Field(x => x.PronouncedBy, type: typeof(NonNullGraphType<IdGraphType>)).Description("The head of establishment (or deputy) who pronounced it.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<SanctionKindType>)).Description("Which sanction.");
        this.PersonalField("facts", s => s.Facts, "What happened (les faits).");
        Field(x => x.ExclusionDays, nullable: true).Description("Length of a temporary exclusion, in days; null otherwise.");
        Field(x => x.DecidedOn, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("The day it was pronounced (establishment's date).");
        Field(x => x.ErasedOn, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("Last day on the student's file (R511-13); it is erased the day after.");
        Field(x => x.RecordedAt).Description("When it was recorded.");
    }
}

public sealed class GivePunishmentInputType : InputObjectGraphType<GivePunishment>
{
    public GivePunishmentInputType()
    {
        Name = "GivePunishmentInput";
        Description = "A punishment for one student.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<PunishmentKindType>)).Description("Which punishment.");
        Field(x => x.Facts).Description($"What happened, at most {DisciplineDecisions.MaxFactsLength} characters.");
    }
}

public sealed class PronounceSanctionInputType : InputObjectGraphType<PronounceSanction>
{
    public PronounceSanctionInputType()
    {
        Name = "PronounceSanctionInput";
        Description = "A disciplinary sanction for one student.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<SanctionKindType>)).Description("Which sanction.");
        Field(x => x.Facts).Description($"What happened, at most {DisciplineDecisions.MaxFactsLength} characters.");
        Field(x => x.ExclusionDays, nullable: true).Description($"Temporary exclusions only: 1 to {DisciplineDecisions.MaxExclusionDays} days.");
        Field(x => x.EndOfSecondarySchooling, type: typeof(DateOnlyGraphType)).Description("Permanent exclusion only: last day of the student's secondary schooling, when the sanction is erased.");
    }
}
