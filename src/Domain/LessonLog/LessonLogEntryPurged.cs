namespace MonBureau.Domain.LessonLog;

/// <summary>
/// The entry's retention ran out (its school year plus the establishment's lesson-log retention, 5 years by default):
/// it leaves the lesson log; its content was masked and its attachments deleted. Date, unit and teacher stay as ids.
/// </summary>
public sealed record LessonLogEntryPurged(Guid EntryId, Guid EstablishmentId, DateTimeOffset PurgedAt);
