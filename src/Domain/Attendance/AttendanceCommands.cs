using MonBureau.Domain.Common;
using MonBureau.Domain.Files;

namespace MonBureau.Domain.Attendance;

/// <summary>
/// An absence recorded by the school-life office: a half-day (same date and part twice), a day (the date alone: morning
/// to afternoon) or a period from one half-day to another.
/// </summary>
/// <param name="FromPart">Morning when omitted.</param>
/// <param name="To">The last day; <paramref name="From"/> when omitted.</param>
/// <param name="ToPart">Afternoon when omitted.</param>
/// <param name="ReasonCode">A reason of the establishment's list, when known.</param>
public sealed record RecordAbsence(Guid StudentId, DateOnly From, DayPart? FromPart, DateOnly? To, DayPart? ToPart, string? ReasonCode);

public sealed record RecordLateness(Guid StudentId, DateOnly Date, int Minutes, string? ReasonCode);

/// <summary>A guardian's justification; the explanation is free text about the student.</summary>
/// <param name="Documents">Scanned supporting documents (a medical certificate), if any.</param>
public sealed record JustifyAbsence(Guid AbsenceId, string ReasonCode, string Explanation, IReadOnlyList<UploadedFile>? Documents = null) : Redacted;

/// <param name="ReasonCode">The reason retained; the guardian's when omitted. It must count as justified.</param>
public sealed record AcceptAbsenceJustification(Guid AbsenceId, string? ReasonCode, string? Comment) : Redacted;

public sealed record RejectAbsenceJustification(Guid AbsenceId, string Comment) : Redacted;
