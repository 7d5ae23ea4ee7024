using GraphQL.Types;
using MonBureau.Domain.Grades;
using MonBureau.Host.Grades;
using MonBureau.Projections.Grades;
using MonBureau.Host.GraphQL.Nodes;

namespace MonBureau.Host.GraphQL.Types;

public sealed class MarkStatusType : EnumerationGraphType<MarkStatus>
{
    public MarkStatusType()
    {
        Name = "MarkStatus";
        Description = "A grade-book line: MARKED (a mark that counts), ABSENT (absent), EXEMPT (dispensé), NOT_GRADED (non noté); only MARKED counts in averages.";
    }
}

internal sealed class ReportCardPublicationType : ObjectGraphType<ReportCardPublication>
{
    public ReportCardPublicationType()
    {
        Name = "ReportCardPublication";
        Description = "When a term's report cards (bulletins) reach students and guardians, and when that was recorded.";
        Field(x => x.StudentsAt).Description("From when students can read their report card.");
        Field(x => x.GuardiansAt).Description("From when guardians can read it: the students' time or later.");
        Field(x => x.PublishedToStudentsAt, nullable: true).Description("The publication to students as recorded once its time passed; null until then.");
        Field(x => x.PublishedToGuardiansAt, nullable: true).Description("The publication to guardians as recorded once its time passed; null until then.");
    }
}

internal sealed class GradingTermType : ObjectGraphType<TermView>
{
    public GradingTermType()
    {
        Name = "GradingTerm";
        Description = "A term of the school year (trimestre, semestre): marks, averages and report cards are per term.";
        Field<NonNullGraphType<IntGraphType>, int>("number").Description("1 for the first term of the year.").Resolve(ctx => ctx.Source.Term.Number);
        Field<NonNullGraphType<StringGraphType>, string>("name").Description("Name, e.g. « 1er trimestre ».").Resolve(ctx => ctx.Source.Term.Name);
        Field<NonNullGraphType<DateOnlyGraphType>, DateOnly>("start").Description("First day.").Resolve(ctx => ctx.Source.Term.Start);
        Field<NonNullGraphType<DateOnlyGraphType>, DateOnly>("end").Description("Last day.").Resolve(ctx => ctx.Source.Term.End);
        Field<ReportCardPublicationType, ReportCardPublication?>("reportCardPublication")
            .Description("When the term's report cards are published; null until direction schedules it.").Resolve(ctx => ctx.Source.Publication);
    }
}

internal sealed class GradeCalendarType : ObjectGraphType<GradeCalendarView>
{
    public GradeCalendarType()
    {
        Name = "GradeCalendar";
        Description = "An establishment's terms for one school year, with the publication of each term's report cards.";
        Field<NonNullGraphType<IntGraphType>, int>("schoolYear").Description("Year the school year starts; 2026 means 2026-2027.").Resolve(ctx => ctx.Source.SchoolYear.StartYear);
        Field(x => x.Defined).Description("Whether direction defined the terms; otherwise they are the default three trimesters.");
        Field<NonNullGraphType<IntGraphType>, int>("guardianDelayHours")
            .Description("Guardians see a mark this many hours after the student (0: at the same time).").Resolve(ctx => (int)ctx.Source.GuardianDelay.TotalHours);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GradingTermType>>>, IReadOnlyList<TermView>>("terms").Description("The terms, first to last.").Resolve(ctx => ctx.Source.Terms);
    }
}

internal sealed class AssessmentMarkType : ObjectGraphType<MarkDetails>
{
    public AssessmentMarkType()
    {
        Name = "AssessmentMark";
        Description = "One student's line of an assessment, as last entered.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        Field(x => x.Status, type: typeof(NonNullGraphType<MarkStatusType>)).Description("Marked, absent, exempt or not graded.");
        Field(x => x.Value, nullable: true).Description("The mark, out of the assessment's maximum; null unless MARKED.");
        this.PersonalField("comment", m => m.Comment, "The teacher's short comment on the student's work.");
        Field(x => x.FirstEnteredAt).Description("When the line was first entered (guardians' delay counts from here).");
        Field(x => x.LastEnteredAt).Description("When it was last entered.");
        Field<NonNullGraphType<BooleanGraphType>, bool>("corrected").Description("Whether the line was entered more than once; each entry stays in the history.").Resolve(ctx => ctx.Source.Entries > 1);
    }
}

internal sealed class AssessmentType : ObjectGraphType<AssessmentDetails>
{
    public AssessmentType()
    {
        Name = "Assessment";
        this.ImplementsNode();
        Description = "An assessment (évaluation, devoir) in a grade book: its marks count in the subject's average by its coefficient.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.TeachingUnitId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Class or group assessed.");
        Field(x => x.TeacherId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Teacher who set it.");
        Field(x => x.Subject).Description("Subject (matière), spelled as the teaching is.");
        Field(x => x.Title).Description("Title, e.g. « DS 2 : fonctions ».");
        Field(x => x.Date, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("Day of the assessment; it decides the term.");
        Field(x => x.SchoolYear).Description("Year the school year starts.");
        Field(x => x.Term).Description("Term number the assessment counts in.");
        Field(x => x.OutOf).Description("Marks are out of this number (the barème's maximum, 20 by default).");
        Field(x => x.Coefficient).Description("Weight in the subject's average.");
        Field(x => x.GradingScaleId, type: typeof(IdGraphType)).Description("The barème it follows, if one was named.");
        Field(x => x.CreatedAt).Description("When it was created.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssessmentMarkType>>>, List<MarkDetails>>("marks")
            .Description("The students' lines, in the order first entered.").Resolve(ctx => ctx.Source.Marks);
    }
}

internal sealed class ClassFiguresType : ObjectGraphType<ClassFigures>
{
    public ClassFiguresType()
    {
        Name = "ClassFigures";
        Description = "The class's figures in a subject, out of 20: mean, lowest and highest of its students' averages.";
        Field(x => x.Average).Description("Class average (moyenne de la classe), two decimals.");
        Field(x => x.Lowest).Description("Lowest student average.");
        Field(x => x.Highest).Description("Highest student average.");
        Field(x => x.Students).Description("How many students have an average.");
    }
}

internal sealed class GradeBookStudentType : ObjectGraphType<GradeBookStudent>
{
    public GradeBookStudentType()
    {
        Name = "GradeBookStudent";
        Description = "A student of the grade book with their average in it.";
        Field<NonNullGraphType<PersonType>, Projections.People.PersonDetails>("student").Description("The student.").Resolve(ctx => ctx.Source.Student);
        Field(x => x.Average, nullable: true).Description("Their average out of 20 in this subject and term; null without a counted mark.");
    }
}

internal sealed class GradeBookType : ObjectGraphType<GradeBook>
{
    public GradeBookType()
    {
        Name = "GradeBook";
        Description = "The grade book (carnet de notes) of one class or group, subject and term.";
        Field(x => x.TeachingUnitId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Class or group.");
        Field(x => x.Subject).Description("Subject (matière).");
        Field<NonNullGraphType<IntGraphType>, int>("schoolYear").Description("Year the school year starts.").Resolve(ctx => ctx.Source.SchoolYear.StartYear);
        Field<NonNullGraphType<GradingTermType>, TermView>("term").Description("The term.").Resolve(ctx => ctx.Source.Term);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssessmentType>>>, IReadOnlyList<AssessmentDetails>>("assessments")
            .Description("Assessments of the term, by date.").Resolve(ctx => ctx.Source.Assessments);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GradeBookStudentType>>>, IReadOnlyList<GradeBookStudent>>("students")
            .Description("The students of the class or group (and any marked who left it), by name, with their averages.").Resolve(ctx => ctx.Source.Students);
        Field<ClassFiguresType, ClassFigures?>("classFigures").Description("Class average, lowest and highest; null before any counted mark.").Resolve(ctx => ctx.Source.Class);
    }
}

internal sealed class StudentMarkType : ObjectGraphType<StudentMark>
{
    public StudentMarkType()
    {
        Name = "StudentMark";
        Description = "One of the student's marks with the assessment it belongs to.";
        Field<NonNullGraphType<IdGraphType>, Guid>("assessmentId").Description("The assessment.").Resolve(ctx => ctx.Source.Assessment.Id);
        Field<NonNullGraphType<StringGraphType>, string>("title").Description("Title of the assessment.").Resolve(ctx => ctx.Source.Assessment.Title);
        Field<NonNullGraphType<DateOnlyGraphType>, DateOnly>("date").Description("Day of the assessment.").Resolve(ctx => ctx.Source.Assessment.Date);
        Field<NonNullGraphType<DecimalGraphType>, decimal>("outOf").Description("The mark is out of this number.").Resolve(ctx => ctx.Source.Assessment.OutOf);
        Field<NonNullGraphType<DecimalGraphType>, decimal>("coefficient").Description("Weight in the subject's average.").Resolve(ctx => ctx.Source.Assessment.Coefficient);
        Field<NonNullGraphType<MarkStatusType>, MarkStatus>("status").Description("Marked, absent, exempt or not graded.").Resolve(ctx => ctx.Source.Mark.Status);
        Field<DecimalGraphType, decimal?>("value").Description("The mark; null unless MARKED.").Resolve(ctx => ctx.Source.Mark.Value);
        Field<StringGraphType, string?>("comment").Description("The teacher's short comment. Null once the person's data has been erased.").Resolve(ctx => ctx.Source.Mark.Comment?.Value);
        Field<NonNullGraphType<BooleanGraphType>, bool>("corrected").Description("Whether the mark was corrected after it was first entered.").Resolve(ctx => ctx.Source.Mark.Entries > 1);
    }
}

internal sealed class SubjectGradesType : ObjectGraphType<SubjectGrades>
{
    public SubjectGradesType()
    {
        Name = "SubjectGrades";
        Description = "A student's subject in a term: marks, average, the class's figures and the teacher's appreciation.";
        Field(x => x.Subject).Description("Subject (matière).");
        Field(x => x.TeachingUnitId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Class or group the subject is taught to.");
        Field(x => x.Coefficient).Description("Weight of the subject in the general average (1 for now).");
        Field(x => x.Average, nullable: true).Description("The student's average out of 20, two decimals; null without a counted mark.");
        Field<ClassFiguresType, ClassFigures?>("classFigures").Description("Class average, lowest and highest.").Resolve(ctx => ctx.Source.Class);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StudentMarkType>>>, IReadOnlyList<StudentMark>>("marks").Description("The student's marks, by date.").Resolve(ctx => ctx.Source.Marks);
        Field<StringGraphType, string?>("appreciation")
            .Description("The teacher's appreciation for the term: for the family once the report card is published to them. Null once the person's data has been erased.")
            .Resolve(ctx => ctx.Source.Appreciation?.Text.Value);
    }
}

internal sealed class StudentTermGradesType : ObjectGraphType<StudentTermGrades>
{
    public StudentTermGradesType()
    {
        Name = "StudentTermGrades";
        Description = "A student's grades in one term as the reader may see them: guardians see marks after the establishment's delay.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        Field<NonNullGraphType<IntGraphType>, int>("schoolYear").Description("Year the school year starts.").Resolve(ctx => ctx.Source.SchoolYear.StartYear);
        Field<NonNullGraphType<GradingTermType>, TermView>("term").Description("The term.").Resolve(ctx => new TermView(ctx.Source.Term, ctx.Source.Publication));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubjectGradesType>>>, IReadOnlyList<SubjectGrades>>("subjects").Description("Subjects by name.").Resolve(ctx => ctx.Source.Subjects);
        Field(x => x.GeneralAverage, nullable: true).Description("General average out of 20 (moyenne générale): the subjects' averages weighted by their coefficients.");
        Field<StringGraphType, string?>("generalAppreciation")
            .Description("Direction's general appreciation: for the family once the report card is published to them. Null once the person's data has been erased.")
            .Resolve(ctx => ctx.Source.GeneralAppreciation?.Value);
        Field(x => x.ReportCardPublished).Description("Whether the term's report card is available to the reader.");
    }
}

internal sealed class ReportCardAppreciationType : ObjectGraphType<SubjectAppreciation>
{
    public ReportCardAppreciationType()
    {
        Name = "SubjectAppreciation";
        Description = "A teacher's appreciation of a student in their subject for a term.";
        Field(x => x.Subject).Description("Subject (matière).");
        Field(x => x.TeacherId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Teacher who wrote it.");
        this.PersonalField("text", a => a.Text, "The appreciation.");
        Field(x => x.WrittenAt).Description("When it was last written.");
    }
}

internal sealed class ReportCardNotesType : ObjectGraphType<ReportCardNotes>
{
    public ReportCardNotesType()
    {
        Name = "ReportCardAppreciations";
        Description = "The appreciations written for a student's report card of one term.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        Field(x => x.SchoolYear).Description("Year the school year starts.");
        Field(x => x.Term).Description("Term number.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportCardAppreciationType>>>, List<SubjectAppreciation>>("subjects")
            .Description("One appreciation per subject.").Resolve(ctx => ctx.Source.Subjects);
        this.PersonalField("general", n => n.General, "Direction's general appreciation.");
    }
}

internal sealed class ReportCardStatusType : ObjectGraphType<ReportCardStatus>
{
    public ReportCardStatusType()
    {
        Name = "ReportCard";
        Description = "A student's report card (bulletin) of one term: whether the reader can download it yet, and where.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        Field<NonNullGraphType<IntGraphType>, int>("schoolYear").Description("Year the school year starts.").Resolve(ctx => ctx.Source.SchoolYear.StartYear);
        Field<NonNullGraphType<GradingTermType>, TermView>("term").Description("The term, with the publication times.").Resolve(ctx => ctx.Source.Term);
        Field(x => x.Available).Description("Whether the reader can download it now: staff always, the family from its publication time.");
        Field(x => x.DownloadPath).Description("GET this path with the access token as a Bearer header for the PDF.");
    }
}
