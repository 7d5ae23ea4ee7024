using System.Text.RegularExpressions;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;

namespace MonBureau.Domain.Attendance;

/// <summary>A reason (motif) an absence or lateness can be recorded or justified with; some count as justified.</summary>
public sealed record AbsenceReason(string Code, string Label, bool CountsAsJustified);

/// <summary>On the establishment's stream.</summary>
public sealed record AbsenceReasonAdded(Guid EstablishmentId, string Code, string Label, bool CountsAsJustified) : IEstablishmentScoped;

public sealed record AbsenceReasonRetired(Guid EstablishmentId, string Code) : IEstablishmentScoped;

/// <summary>Adds a reason to the actor's establishment, or brings a retired one back with a new label.</summary>
public sealed record AddAbsenceReason(string Code, string Label, bool CountsAsJustified);

public sealed record RetireAbsenceReason(string Code);

/// <summary>The reasons an establishment uses; every establishment starts with <see cref="Defaults"/>.</summary>
public sealed record AbsenceReasonCatalog(Guid EstablishmentId, IReadOnlyList<AbsenceReason> Reasons)
{
    public static readonly IReadOnlyList<AbsenceReason> Defaults =
    [
        new("MALADIE", "Maladie", true),
        new("RDV_MEDICAL", "Rendez-vous médical", true),
        new("FAMILLE_GRAVE", "Raison familiale grave", true),
        new("CONVOCATION", "Convocation officielle", true),
        new("CONVENANCE", "Convenance personnelle", false),
        new("REVEIL", "Panne de réveil", false),
    ];

    public static AbsenceReasonCatalog Create(EstablishmentOpened e) => new(e.EstablishmentId, Defaults);

    public AbsenceReasonCatalog Apply(AbsenceReasonAdded e) =>
        this with { Reasons = [.. Reasons.Where(r => r.Code != e.Code), new AbsenceReason(e.Code, e.Label, e.CountsAsJustified)] };

    public AbsenceReasonCatalog Apply(AbsenceReasonRetired e) => this with { Reasons = [.. Reasons.Where(r => r.Code != e.Code)] };

    /// <summary>The active reason with that code; an unknown or retired code is a validation error.</summary>
    public AbsenceReason Require(string? code)
    {
        var wanted = (code ?? "").Trim().ToUpperInvariant();
        return Reasons.FirstOrDefault(r => r.Code == wanted) ?? throw BusinessRuleException.Invalid($"Unknown absence reason « {code} ».");
    }
}

public static partial class AbsenceReasonDecisions
{
    public static AbsenceReasonAdded Add(AddAbsenceReason command, AbsenceReasonCatalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (catalog is null)
            throw BusinessRuleException.NotFound("Establishment");
        var code = Require.Text(command.Code, "Code", 30).ToUpperInvariant();
        if (!CodeFormat().IsMatch(code))
            throw BusinessRuleException.Invalid("A reason code is 2 to 30 capital letters, digits or underscores, e.g. SORTIE_SCOLAIRE.");
        if (catalog.Reasons.Any(r => r.Code == code))
            throw new BusinessRuleException(ErrorCodes.Conflict, $"The reason {code} already exists.");
        return new AbsenceReasonAdded(catalog.EstablishmentId, code, Require.Text(command.Label, "Label", 100), command.CountsAsJustified);
    }

    public static AbsenceReasonRetired Retire(RetireAbsenceReason command, AbsenceReasonCatalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(command);
        var code = (command.Code ?? "").Trim().ToUpperInvariant();
        if (catalog is null || catalog.Reasons.All(r => r.Code != code))
            throw BusinessRuleException.NotFound("Absence reason");
        if (catalog.Reasons.Count == 1)
            throw BusinessRuleException.Invalid("An establishment keeps at least one absence reason.");
        return new AbsenceReasonRetired(catalog.EstablishmentId, code);
    }

    [GeneratedRegex("^[A-Z0-9_]{2,30}$")]
    private static partial Regex CodeFormat();
}
