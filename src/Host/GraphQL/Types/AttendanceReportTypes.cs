using GraphQL.Types;
using MonBureau.Domain.Attendance;
using MonBureau.Projections.Attendance;

namespace MonBureau.Host.GraphQL.Types;

/// <summary>A student's attendance over a period, for the student, their guardians and the school-life office.</summary>
public sealed record AttendanceSummary(Guid StudentId, DateOnly From, DateOnly To, AttendanceTotals Totals, IReadOnlyList<AbsenceView> Absences, IReadOnlyList<LatenessView> Latenesses);

public sealed class AttendanceSummaryType : ObjectGraphType<AttendanceSummary>
{
    public AttendanceSummaryType()
    {
        Name = "AttendanceSummary";
        Description = "A student's absences and latenesses over a period, with counted half-days.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        Field(x => x.From, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("First day of the period.");
        Field(x => x.To, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("Last day of the period.");
        Field("justifiedHalfDays", x => x.Totals.JustifiedHalfDays).Description("Justified half-days of absence.");
        Field("unjustifiedHalfDays", x => x.Totals.UnjustifiedHalfDays).Description("Unjustified half-days of absence.");
        Field("latenessCount", x => x.Totals.Latenesses).Description("Latenesses.");
        Field("lateMinutes", x => x.Totals.LateMinutes).Description("Minutes late in all.");
        Field(x => x.Absences, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AbsenceType>>>)).Description("Absences of the period, latest first (withdrawn ones left out).");
        Field(x => x.Latenesses, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<LatenessType>>>)).Description("Latenesses of the period, latest first (withdrawn ones left out).");
    }
}

public sealed class AbsenceReportLineType : ObjectGraphType<AbsenceReportLine>
{
    public AbsenceReportLineType()
    {
        Name = "AbsenceReportLine";
        Description = "One student's totals in the absence report.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        Field(x => x.FamilyName, nullable: true).Description("Family name; null once the person's data has been erased.");
        Field(x => x.GivenName, nullable: true).Description("Given name; null once the person's data has been erased.");
        Field(x => x.ClassName, nullable: true).Description("Class (division).");
        Field("justifiedHalfDays", x => x.Totals.JustifiedHalfDays).Description("Justified half-days of absence.");
        Field("unjustifiedHalfDays", x => x.Totals.UnjustifiedHalfDays).Description("Unjustified half-days of absence.");
        Field("latenessCount", x => x.Totals.Latenesses).Description("Latenesses.");
        Field("lateMinutes", x => x.Totals.LateMinutes).Description("Minutes late in all.");
    }
}

/// <summary>What the school-life office looks at first.</summary>
public sealed record SchoolLifeDashboard(IReadOnlyList<AbsenteeismAlertView> Alerts, IReadOnlyList<AbsenceView> PendingJustifications);

public sealed class SchoolLifeDashboardType : ObjectGraphType<SchoolLifeDashboard>
{
    public SchoolLifeDashboardType()
    {
        Name = "SchoolLifeDashboard";
        Description = "The school-life office's dashboard (tableau de bord de la vie scolaire).";
        Field(x => x.Alerts, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AbsenteeismAlertType>>>)).Description("Absenteeism alerts, latest first.");
        Field(x => x.PendingJustifications, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AbsenceType>>>)).Description("Justifications awaiting a decision, oldest first.");
    }
}
