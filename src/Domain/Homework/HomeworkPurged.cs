namespace MonBureau.Domain.Homework;

/// <summary>
/// The homework's retention ran out (its school year plus the establishment's homework retention): it leaves every
/// list. Its instructions were masked in the events beforehand; its dates and ids stay for the indicators.
/// </summary>
public sealed record HomeworkPurged(Guid HomeworkId, Guid EstablishmentId, DateTimeOffset PurgedAt);

/// <summary>A student's work on a purged homework leaves their file: text, files and the teacher's comments are gone.</summary>
public sealed record SubmissionPurged(Guid SubmissionId, Guid HomeworkId, Guid EstablishmentId, Guid StudentId, DateTimeOffset PurgedAt);
