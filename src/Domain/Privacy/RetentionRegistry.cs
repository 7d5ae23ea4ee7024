using MonBureau.Domain.Common;

namespace MonBureau.Domain.Privacy;

/// <summary>How long a category is kept and why; an establishment may move the duration within the bounds only.</summary>
/// <param name="Duration">Counted from the category's starting point (<see cref="Counted"/>); null when fixed by law per item (sanctions).</param>
/// <param name="PlatformWide">
/// Set for the whole platform, not per establishment: the logs serve the platform's security and the access history is
/// one tamper-evident chain, cut at one date for everyone.
/// </param>
public sealed record RetentionRule(
    RetentionCategory Category, string Purpose, string LegalBasis, string Counted, TimeSpan? Duration, TimeSpan? Minimum, TimeSpan? Maximum, string Source,
    bool PlatformWide = false);

public sealed record RetentionOverridden(Guid EstablishmentId, RetentionCategory Category, TimeSpan Duration, int Version) : IEstablishmentScoped;

public sealed record OverrideRetention(Guid EstablishmentId, RetentionCategory Category, int Days);

/// <summary>The defaults and their sources (shared/domain/ent-research.md, docs/rgpd.md). Durations are in days.</summary>
public static class RetentionRegistry
{
    private static TimeSpan Days(int days) => TimeSpan.FromDays(days);

    public static readonly IReadOnlyList<RetentionRule> Defaults =
    [
        new(RetentionCategory.AccountData, "Give people access to the ENT", "Public task (arrêté du 30 novembre 2006)",
            "after the person no longer needs an account (account closed)", Days(90), Days(0), Days(90), "arrêté du 30/11/2006, art. 6: deleted within 3 months"),
        new(RetentionCategory.AccessHistory, "Prove who read whose data; detect misuse", "Legal obligation of security (RGPD art. 32)",
            "after the read", Days(365), Days(182), Days(1095), "CNIL, recommandation journalisation 2021: 6 months to 1 year, up to 3 years if justified",
            PlatformWide: true),
        new(RetentionCategory.ConnectionLogs, "Secure sign-in; login-rate indicator", "Legal obligation of security (RGPD art. 32)",
            "after the sign-in", Days(365), Days(182), Days(1095), "CNIL, recommandation journalisation 2021", PlatformWide: true),
        new(RetentionCategory.SchoolLifeData, "Follow attendance", "Public task (Code de l'éducation)",
            "after the end of the school year", Days(0), Days(0), Days(365), "CNIL norme simplifiée 2012 (school year; reference only)"),
        new(RetentionCategory.Homework, "Teaching: assignments, submissions, feedback", "Public task",
            "after the end of the school year", Days(365), Days(0), Days(730), "No specific text; falls under the account rule (arrêté 2006 art. 6)"),
        new(RetentionCategory.Messages, "School communication: messages and forum posts", "Public task",
            "after the message", Days(365), Days(90), Days(1095), "No specific text; falls under the account rule (arrêté 2006 art. 6)"),
        new(RetentionCategory.LessonLog, "Official record of lessons (cahier de textes)", "Public task (circulaire 2010-136)",
            "after the end of the school year", Days(1825), Days(365), Days(3650), "Official document; duration unverified, kept 5 years by default"),
        new(RetentionCategory.Sanctions, "Discipline", "Public task (Code de l'éducation)",
            "per sanction, R511-13", null, null, null, "Code de l'éducation R511-13 (décret 2019-906)"),
        new(RetentionCategory.WorkspaceBin, "Let people restore what they deleted from their workspace (corbeille)", "Public task",
            "after the item was put in the bin", Days(Workspace.WorkspaceDecisions.BinDays), Days(Workspace.WorkspaceDecisions.BinDays),
            Days(Workspace.WorkspaceDecisions.BinDays), "The bin's restore window (ADR 0031); nothing is kept once it cannot be restored", PlatformWide: true),
    ];

    public static RetentionRule Rule(RetentionCategory category) => Defaults.Single(r => r.Category == category);

    /// <summary>An establishment's own duration, within the legal bounds of the category.</summary>
    public static RetentionOverridden Override(OverrideRetention command, int currentVersion)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rule = Rule(command.Category);
        if (rule.Minimum is not { } minimum || rule.Maximum is not { } maximum)
            throw BusinessRuleException.Invalid($"The retention of {command.Category} is fixed by law and cannot be changed.");
        if (rule.PlatformWide)
            throw BusinessRuleException.Invalid($"The retention of {command.Category} is set for the whole platform, not per establishment.");
        if (command.Days < minimum.TotalDays || command.Days > maximum.TotalDays)
            throw BusinessRuleException.Invalid($"{command.Category} must be kept between {minimum.TotalDays:0} and {maximum.TotalDays:0} days ({rule.Source}).");
        return new RetentionOverridden(command.EstablishmentId, command.Category, TimeSpan.FromDays(command.Days), currentVersion + 1);
    }
}
