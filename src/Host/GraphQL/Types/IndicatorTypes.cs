using GraphQL.Types;
using MonBureau.Application.Indicators;
using MonBureau.Domain.Indicators;

namespace MonBureau.Host.GraphQL.Types;

/// <summary>One weekly figure as the dashboard shows it, with its alert.</summary>
public sealed record IndicatorFigureView(
    Indicator Indicator, string Week, DateOnly WeekStart, Guid? ClassId, string? ClassName, double Value, double Numerator, int Denominator, int People,
    bool Alert, double Threshold, string? RecommendedAction, EntModule? Module, Domain.Common.Role? Profile)
{
    public static IndicatorFigureView Of(WeeklyFigure figure, IndicatorReading reading, IReadOnlyDictionary<Guid, string> classNames)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(reading);
        var threshold = reading.ThresholdOf(figure.Indicator);
        var alert = threshold.Alerts(figure.Value);
        return new(figure.Indicator, figure.Week.ToString(), figure.Week.Monday, figure.ClassId, figure.ClassId is { } c ? classNames.GetValueOrDefault(c) : null,
            figure.Value, Math.Round(figure.Numerator, 3), figure.Denominator, figure.People, alert, threshold.Threshold, alert ? threshold.RecommendedAction : null,
            figure.Module, figure.Profile);
    }
}

/// <summary>A class (or the establishment) in alert this week or last, with both weeks side by side.</summary>
public sealed record IndicatorDashboardRow(
    Indicator Indicator, Guid? ClassId, string? ClassName, EntModule? Module, Domain.Common.Role? Profile, IndicatorFigureView? ThisWeek, IndicatorFigureView? LastWeek, string RecommendedAction);

public sealed record IndicatorDashboard(string Week, string PreviousWeek, DateTimeOffset AsOf, IReadOnlyList<IndicatorDashboardRow> Rows);

public sealed record IndicatorExport(string FileName, string ContentType, string Content, bool Base64, int Rows, int SuppressedCells, string Note);

public enum IndicatorExportFormat
{
    Csv,
    Parquet,
}

public sealed class IndicatorType : EnumerationGraphType<Indicator>
{
    public IndicatorType()
    {
        Name = "Indicator";
        Description = "STUDENT_LOGIN_RATE (taux de connexion élèves, %), ONLINE_SUBMISSION_RATE (taux de remise en ligne, %), TEACHER_RESPONSE_DELAY (délai moyen de réponse enseignant, working hours), "
            + "GUARDIAN_CONSULTATION_RATE (taux de consultation des familles, %), ABSENCE_RATE (taux d'absence aux appels, %), UNJUSTIFIED_ABSENCE_RATE (part des absences non justifiées, %), "
            + "MODULE_USAGE (usage d'un module par un profil, %). Definitions: docs/indicators.md.";
    }
}

public sealed class EntModuleType : EnumerationGraphType<EntModule>
{
    public EntModuleType()
    {
        Name = "EntModule";
        Description = "The ENT's modules whose weekly use is measured: MESSAGING (messagerie), HOMEWORK (travail à faire), LESSON_LOG (cahier de textes), AGENDA, RESOURCES (ressources), GRADES (notes et appréciations), SCHOOL_LIFE (vie scolaire: appel, justificatifs).";
    }
}

public sealed class IndicatorExportFormatType : EnumerationGraphType<IndicatorExportFormat>
{
    public IndicatorExportFormatType()
    {
        Name = "IndicatorExportFormat";
        Description = "CSV (UTF-8 text, semicolons) or PARQUET (binary, base64 in the response).";
    }
}

public sealed class IndicatorFigureType : ObjectGraphType<IndicatorFigureView>
{
    public IndicatorFigureType()
    {
        Name = "IndicatorFigure";
        Description = "One indicator for one class (or the whole establishment) over one ISO week in the establishment's time.";
        Field(x => x.Indicator, type: typeof(NonNullGraphType<IndicatorType>)).Description("The indicator.");
        Field(x => x.Week).Description("The ISO week, e.g. 2026-W47.");
        Field(x => x.WeekStart, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("The week's Monday.");
        Field(x => x.ClassId, type: typeof(IdGraphType)).Description("The class; null for the establishment as a whole.");
        Field(x => x.ClassName, nullable: true).Description("The class's name (division).");
        Field(x => x.Value).Description("The figure: numerator over denominator, in % for rates, in working hours for the response delay (one decimal).");
        Field(x => x.Numerator).Description("Students or guardians who signed in, homework handed in, hours of delay in all, lessons missed, missed lessons unjustified, or active users.");
        Field(x => x.Denominator).Description("Students of the class that week, homework expected, answers given, guardians, marks at roll calls, lessons missed, or expected users.");
        Field(x => x.People).Description("How many people the figure describes: students, guardians, answering teachers, absent students, or expected users.");
        Field(x => x.Alert).Description("True when the figure is beyond the establishment's alert threshold.");
        Field(x => x.Threshold).Description("The alert threshold in force.");
        Field(x => x.RecommendedAction, nullable: true).Description("What to do about it, when in alert.");
        Field(x => x.Module, type: typeof(EntModuleType)).Description("For MODULE_USAGE: the module; null for other indicators.");
        Field(x => x.Profile, type: typeof(RoleType)).Description("For MODULE_USAGE: the profile whose expected users are counted (TEACHER, STUDENT, GUARDIAN); null for other indicators.");
    }
}

public sealed class IndicatorDashboardRowType : ObjectGraphType<IndicatorDashboardRow>
{
    public IndicatorDashboardRowType()
    {
        Name = "IndicatorDashboardRow";
        Description = "A class (or the establishment) in alert this week or last.";
        Field(x => x.Indicator, type: typeof(NonNullGraphType<IndicatorType>)).Description("The indicator in alert.");
        Field(x => x.ClassId, type: typeof(IdGraphType)).Description("The class; null for the establishment as a whole.");
        Field(x => x.ClassName, nullable: true).Description("The class's name.");
        Field(x => x.Module, type: typeof(EntModuleType)).Description("For MODULE_USAGE: the under-used module.");
        Field(x => x.Profile, type: typeof(RoleType)).Description("For MODULE_USAGE: the profile that under-uses it.");
        Field(x => x.ThisWeek, type: typeof(IndicatorFigureType)).Description("This week's figure, if any yet.");
        Field(x => x.LastWeek, type: typeof(IndicatorFigureType)).Description("Last week's figure, if any.");
        Field(x => x.RecommendedAction).Description("The recommended action (action recommandée).");
    }
}

public sealed class IndicatorDashboardType : ObjectGraphType<IndicatorDashboard>
{
    public IndicatorDashboardType()
    {
        Name = "IndicatorDashboard";
        Description = "Direction's dashboard (tableau de bord de pilotage): classes in alert, this week against last.";
        Field(x => x.Week).Description("This ISO week.");
        Field(x => x.PreviousWeek).Description("Last ISO week.");
        Field(x => x.AsOf).Description("The moment the figures are computed at.");
        Field(x => x.Rows, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorDashboardRowType>>>))
            .Description("Classes in alert this week or last: this week's alerts first, then by indicator and class.");
    }
}

public sealed class IndicatorExportType : ObjectGraphType<IndicatorExport>
{
    public IndicatorExportType()
    {
        Name = "IndicatorExport";
        Description = "Every figure of the establishment as a file (schema: docs/indicators.md).";
        Field(x => x.FileName).Description("Suggested file name.");
        Field(x => x.ContentType).Description("The file's media type.");
        Field(x => x.Content).Description("The file: the text itself for CSV, base64 for Parquet.");
        Field(x => x.Base64).Description("True when Content is base64.");
        Field(x => x.Rows).Description("Rows in the file.");
        Field(x => x.SuppressedCells).Description("Rows whose figures were withheld under the small-cell rule.");
        Field(x => x.Note).Description("What the reader must know about the file (small-cell rule).");
    }
}

public sealed class IndicatorThresholdType : ObjectGraphType<IndicatorThreshold>
{
    public IndicatorThresholdType()
    {
        Name = "IndicatorThreshold";
        Description = "When an indicator raises an alert and what is recommended then (seuil d'alerte, action recommandée).";
        Field(x => x.Indicator, type: typeof(NonNullGraphType<IndicatorType>)).Description("The indicator.");
        Field(x => x.Threshold).Description("The threshold: % for rates, working hours for the response delay.");
        Field("alertsAbove", x => x.AlertWhen == AlertWhen.Above).Description("True when values above the threshold alert (the delay); false when values below do (rates).");
        Field(x => x.RecommendedAction).Description("The recommended action.");
    }
}

public sealed class SetIndicatorThresholdInputType : InputObjectGraphType<SetIndicatorThreshold>
{
    public SetIndicatorThresholdInputType()
    {
        Name = "SetIndicatorThresholdInput";
        Description = "An establishment's own alert threshold and recommended action for one indicator.";
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Establishment.");
        Field(x => x.Indicator, type: typeof(NonNullGraphType<IndicatorType>)).Description("The indicator.");
        Field(x => x.Threshold).Description("Rates: 0 to 100 (%). Response delay: 1 to 720 (working hours).");
        Field(x => x.RecommendedAction).Description("What to recommend when the indicator alerts (at most 300 characters).");
    }
}
