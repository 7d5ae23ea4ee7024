using GraphQL.Types;
using MonBureau.Domain.Grades;

namespace MonBureau.Host.GraphQL.Types;

internal sealed class TermDatesInputType : InputObjectGraphType<TermDates>
{
    public TermDatesInputType()
    {
        Name = "TermDatesInput";
        Description = "One term: its name and first and last days.";
        Field(x => x.Name).Description("Name, e.g. « 1er semestre », at most 40 characters.");
        Field(x => x.Start, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("First day; the day after the previous term's last day.");
        Field(x => x.End, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("Last day.");
    }
}

internal sealed class DefineTermsInputType : InputObjectGraphType<DefineTerms>
{
    public DefineTermsInputType()
    {
        Name = "DefineTermsInput";
        Description = "The terms of one school year, first to last, without gap or overlap, inside 1 September–31 August.";
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The establishment.");
        Field(x => x.SchoolYear).Description("Year the school year starts; 2026 means 2026-2027.");
        Field(x => x.Terms, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<TermDatesInputType>>>)).Description("2 to 4 terms (semestres, trimestres).");
    }
}

internal sealed class SetGuardianGradeDelayInputType : InputObjectGraphType<SetGuardianGradeDelay>
{
    public SetGuardianGradeDelayInputType()
    {
        Name = "SetGuardianGradeDelayInput";
        Description = "How long after the student guardians see a new mark.";
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The establishment.");
        Field(x => x.Hours).Description("Delay in hours, 0 to 720 (30 days); 0 shows marks to guardians with the student.");
    }
}

internal sealed class ScheduleReportCardPublicationInputType : InputObjectGraphType<ScheduleReportCardPublication>
{
    public ScheduleReportCardPublicationInputType()
    {
        Name = "ScheduleReportCardPublicationInput";
        Description = "When a term's report cards reach students and guardians; a new schedule replaces the previous one until it is published.";
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The establishment.");
        Field(x => x.SchoolYear).Description("Year the school year starts.");
        Field(x => x.Term).Description("Term number.");
        Field(x => x.StudentsAt).Description("From when students can read their report card; within a year.");
        Field(x => x.GuardiansAt, nullable: true).Description("From when guardians can; the students' time plus the guardians' delay on marks when omitted.");
    }
}

internal sealed class CreateAssessmentInputType : InputObjectGraphType<CreateAssessment>
{
    public CreateAssessmentInputType()
    {
        Name = "CreateAssessmentInput";
        Description = "A new assessment in the grade book of a class or group the teacher teaches this subject to.";
        Field(x => x.TeachingUnitId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Class or group.");
        Field(x => x.Subject).Description("Subject (matière) the teacher teaches there.");
        Field(x => x.Title).Description("Title, at most 200 characters.");
        Field(x => x.Date, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("Day of the assessment, in a term of the class's school year; it decides the term.");
        Field(x => x.Coefficient, nullable: true).Description("Weight in the subject's average, above 0 and at most 20; 1 when omitted.");
        Field(x => x.GradingScaleId, type: typeof(IdGraphType)).Description("A numeric barème whose maximum the marks are out of; or give outOf.");
        Field(x => x.OutOf, nullable: true).Description("Marks are out of this number when no barème is named; 20 when omitted.");
    }
}

internal sealed class MarkInputType : InputObjectGraphType<MarkInput>
{
    public MarkInputType()
    {
        Name = "MarkInput";
        Description = "One student's line: a mark, or absent / exempt / not graded.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("A student of the class or group.");
        Field(x => x.Status, type: typeof(NonNullGraphType<MarkStatusType>)).Description("MARKED with a value, or ABSENT, EXEMPT, NOT_GRADED without one.");
        Field(x => x.Value, nullable: true).Description("The mark, from 0 to the assessment's maximum, at most two decimals.");
        Field(x => x.Comment, nullable: true).Description("Short comment on the student's work, at most 300 characters.");
    }
}

internal sealed class EnterMarksInputType : InputObjectGraphType<EnterMarks>
{
    public EnterMarksInputType()
    {
        Name = "EnterMarksInput";
        Description = "Marks typed or corrected in one go; one bad line refuses the whole entry.";
        Field(x => x.AssessmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The teacher's assessment.");
        Field(x => x.Marks, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<MarkInputType>>>)).Description("1 to 60 lines, one per student.");
    }
}

internal sealed class WriteSubjectAppreciationInputType : InputObjectGraphType<WriteSubjectAppreciation>
{
    public WriteSubjectAppreciationInputType()
    {
        Name = "WriteSubjectAppreciationInput";
        Description = "A teacher's appreciation of a student in their subject for a term; writing again replaces it.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("A student the teacher teaches this subject to.");
        Field(x => x.Subject).Description("Subject (matière).");
        Field(x => x.Term).Description("Term number of the student's school year.");
        Field(x => x.Text).Description("The appreciation, at most 600 characters.");
    }
}

internal sealed class WriteGeneralAppreciationInputType : InputObjectGraphType<WriteGeneralAppreciation>
{
    public WriteGeneralAppreciationInputType()
    {
        Name = "WriteGeneralAppreciationInput";
        Description = "Direction's general appreciation of a student for a term; writing again replaces it.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("A student of the establishment.");
        Field(x => x.Term).Description("Term number of the student's school year.");
        Field(x => x.Text).Description("The appreciation, at most 600 characters.");
    }
}
