using MonBureau.Domain.Common;
using MonBureau.Domain.Importing;

namespace MonBureau.Application.Importing;

/// <summary>
/// What the last roster import left for one student, so the next import can plan only the differences. It holds
/// the keyed hash of the INE (never the INE), and the roster's own identifiers of the guardians.
/// </summary>
public sealed class RosterEntry
{
    public string Id { get; set; } = "";
    public Guid EstablishmentId { get; set; }
    public string IneKey { get; set; } = "";
    public Guid PersonId { get; set; }
    public string ClassName { get; set; } = "";
    public Dictionary<string, KnownGuardianship> Guardians { get; set; } = [];

    public static string IdFor(Guid establishmentId, string ineKey) => $"{establishmentId}:{ineKey}";
}

/// <summary>The roster's identifier of a guardian (RESP_ID) in one establishment, and the person it designates.</summary>
public sealed record GuardianKey(string Id, Guid PersonId)
{
    public static string IdFor(Guid establishmentId, string key) => $"resp:{establishmentId}:{key}";
}

/// <summary>
/// People registered under one name (keyed hash of the normalized name), to notice a possible existing identity
/// instead of silently creating a second account for the same parent.
/// </summary>
public sealed class NameIndex
{
    public string Id { get; set; } = "";
    public List<Guid> PersonIds { get; set; } = [];
}

public sealed record ImportStudentRoster(Guid EstablishmentId, string Csv) : Redacted;

public sealed record ImportReport(
    int ClassesCreated,
    int StudentsEnrolled,
    int StudentsMoved,
    int StudentsLeft,
    int GuardiansAdded,
    int GuardianRightsChanged,
    int GuardianshipsEnded,
    IReadOnlyList<RejectedLine> Rejected,
    IReadOnlyList<NeedsReview> NeedsReview)
{
    public int Changes => ClassesCreated + StudentsEnrolled + StudentsMoved + StudentsLeft + GuardiansAdded + GuardianRightsChanged + GuardianshipsEnded;
}
