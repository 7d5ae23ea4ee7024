using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Discipline;

/// <summary>Gives a punishment (punition scolaire) to a student; <see cref="Facts"/> is the account of what happened.</summary>
public sealed record GivePunishment(Guid StudentId, PunishmentKind Kind, string Facts) : Redacted;

/// <summary>Pronounces a disciplinary sanction.</summary>
/// <param name="ExclusionDays">For a temporary exclusion only: its length, 1 to 8 days (R511-13).</param>
/// <param name="EndOfSecondarySchooling">For a permanent exclusion only: the last day of the student's secondary schooling, its erasure date.</param>
public sealed record PronounceSanction(Guid StudentId, SanctionKind Kind, string Facts, int? ExclusionDays, DateOnly? EndOfSecondarySchooling) : Redacted;

/// <summary>Who decides, as the decisions need to see them: the profile they act in and, for a teacher, what they teach.</summary>
public sealed record DecidingStaff(Guid Id, Role Role, Guid? EstablishmentId, IReadOnlyList<Teaching> Teachings);
