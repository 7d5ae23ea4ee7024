using MonBureau.Domain.Common;

namespace MonBureau.Domain.Messaging;

/// <summary>Set by direction or the administrator, on the establishment's stream.</summary>
public sealed record QuietHoursSet(Guid EstablishmentId, QuietHours QuietHours) : IEstablishmentScoped;

public sealed record MessagingRulesSet(Guid EstablishmentId, MessagingRules Rules) : IEstablishmentScoped;

/// <summary>An establishment's messaging settings; the defaults hold until direction changes them.</summary>
public sealed record MessagingSettings(Guid Id, QuietHours QuietHours, MessagingRules Rules)
{
    public static MessagingSettings DefaultFor(Guid establishmentId) => new(establishmentId, QuietHours.Default, MessagingRules.Default);

    public MessagingSettings Apply(QuietHoursSet e) => this with { QuietHours = e.QuietHours };

    public MessagingSettings Apply(MessagingRulesSet e) => this with { Rules = e.Rules };
}
