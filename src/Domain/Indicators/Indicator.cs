namespace MonBureau.Domain.Indicators;

/// <summary>The direction dashboard's indicators (field guide, « indicateurs, suivi et pilotage »).</summary>
public enum Indicator
{
    /// <summary>Taux de connexion élèves (hebdo): share of the class's students who signed in during the week, in %.</summary>
    StudentLoginRate,

    /// <summary>Taux de remise en ligne: share of the homework due in the week that was handed in online, in %.</summary>
    OnlineSubmissionRate,

    /// <summary>Délai moyen de réponse enseignant: mean working hours before a teacher answered a family's message.</summary>
    TeacherResponseDelay,

    /// <summary>Taux de consultation des familles: share of the class's students' guardians who signed in during the week, in %.</summary>
    GuardianConsultationRate,

    /// <summary>Taux d'absence: share of the students' marks at the week's roll calls that were « absent », in %.</summary>
    AbsenceRate,

    /// <summary>Taux d'absences non justifiées: share of the week's missed lessons that no accepted justification covers, in %.</summary>
    UnjustifiedAbsenceRate,

    /// <summary>Usage des modules: share of a profile's expected users who did something in a module during the week, in %.</summary>
    ModuleUsage,
}

/// <summary>On which side of its threshold an indicator raises an alert.</summary>
public enum AlertWhen
{
    Below,
    Above,
}

/// <summary>When an indicator raises an alert, and what the field guide recommends doing about it.</summary>
public sealed record IndicatorThreshold(Indicator Indicator, double Threshold, AlertWhen AlertWhen, string RecommendedAction)
{
    public bool Alerts(double value) => AlertWhen == AlertWhen.Below ? value < Threshold : value > Threshold;
}

/// <summary>An establishment's own threshold or action for one indicator (direction's setting, on the establishment's stream).</summary>
public sealed record IndicatorThresholdSet(Guid EstablishmentId, Indicator Indicator, double Threshold, string RecommendedAction) : Common.IEstablishmentScoped;

public static class IndicatorThresholds
{
    public static readonly IReadOnlyList<IndicatorThreshold> Defaults =
    [
        new(Indicator.StudentLoginRate, 60, AlertWhen.Below, "Organiser une demi-journée d'accès encadré et une communication ciblée"),
        new(Indicator.OnlineSubmissionRate, 70, AlertWhen.Below, "Vérifier la clarté des consignes et proposer un tutoriel de 5 minutes"),
        new(Indicator.TeacherResponseDelay, 72, AlertWhen.Above, "Rappeler la charte de communication et proposer des modèles de réponse"),
        new(Indicator.GuardianConsultationRate, 50, AlertWhen.Below, "Rappeler l'ENT aux familles à la prochaine réunion parents-professeurs et renvoyer les courriers d'activation"),
        new(Indicator.AbsenceRate, 10, AlertWhen.Above, "Faire le point avec le CPE sur les élèves les plus absents et contacter les familles"),
        new(Indicator.UnjustifiedAbsenceRate, 25, AlertWhen.Above, "Relancer les familles pour les justificatifs et rappeler la procédure de justification en ligne"),
        new(Indicator.ModuleUsage, 20, AlertWhen.Below, "Présenter le module en conseil pédagogique ou en réunion de familles et proposer une courte formation"),
    ];

    public static IndicatorThreshold Default(Indicator indicator) => Defaults.Single(t => t.Indicator == indicator);

    /// <summary>The thresholds in force after an establishment's settings, the latest setting of each indicator winning.</summary>
    public static IReadOnlyList<IndicatorThreshold> After(IEnumerable<IndicatorThresholdSet> settings)
    {
        var latest = settings.GroupBy(s => s.Indicator).ToDictionary(g => g.Key, g => g.Last());
        return [.. Defaults.Select(d => latest.TryGetValue(d.Indicator, out var set) ? d with { Threshold = set.Threshold, RecommendedAction = set.RecommendedAction } : d)];
    }
}

/// <summary>Direction sets an indicator's alert threshold (a rate in %, the delay in hours) and recommended action.</summary>
public sealed record SetIndicatorThreshold(Guid EstablishmentId, Indicator Indicator, double Threshold, string RecommendedAction);

public static class IndicatorSettingsDecisions
{
    public const int MaxActionLength = 300;

    public static IndicatorThresholdSet Set(SetIndicatorThreshold command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (min, max) = command.Indicator == Indicator.TeacherResponseDelay ? (1d, 720d) : (0d, 100d);
        if (double.IsNaN(command.Threshold) || command.Threshold < min || command.Threshold > max)
            throw Common.BusinessRuleException.Invalid($"The threshold of {command.Indicator} lies between {min} and {max}.");
        return new IndicatorThresholdSet(command.EstablishmentId, command.Indicator, command.Threshold,
            Common.Require.Text(command.RecommendedAction, "RecommendedAction", MaxActionLength));
    }
}
