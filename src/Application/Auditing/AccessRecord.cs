using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;

namespace MonBureau.Application.Auditing;

/// <summary>One read of one person's personal data by someone else: who, in which role, whose data, which category, when, in which request.</summary>
public sealed record AccessRecord(
    Guid ActorId, Role Role, Guid? EstablishmentId, Guid SubjectId, DataCategory Category, string Operation, string CorrelationId, DateTimeOffset AccessedAt);
