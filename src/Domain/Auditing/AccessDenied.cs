using MonBureau.Domain.Common;

namespace MonBureau.Domain.Auditing;

/// <summary>
/// Someone tried to read or do what they may not. Recorded on the actor's own stream (or the anonymous one) so the
/// privacy officer sees probing and takeover attempts next to the account's other activity.
/// </summary>
public sealed record AccessDenied(Guid? ActorId, Role? Role, Guid? EstablishmentId, string Operation, Guid? TargetId, string Reason);
