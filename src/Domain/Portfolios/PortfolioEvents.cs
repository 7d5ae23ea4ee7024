using MonBureau.Domain.Common;

namespace MonBureau.Domain.Portfolios;

/// <summary>
/// A student opened a portfolio (« Parcours Avenir », « Parcours citoyen », or a title of their own). The title is the
/// student's free text, sealed under their key like everything they write in it.
/// </summary>
public sealed record PortfolioCreated(Guid PortfolioId, Guid EstablishmentId, Guid StudentId, PersonalData Title, DateTimeOffset CreatedAt) : IEstablishmentScoped;

/// <summary>
/// An entry: the student's own handed-in work (<c>SubmissionId</c>, its files travel with it) with an optional
/// reflection, or a free text alone. Title and text are sealed under the student.
/// </summary>
public sealed record PortfolioEntryAdded(
    Guid PortfolioId, Guid EstablishmentId, Guid StudentId, Guid EntryId, Guid? SubmissionId, PersonalData Title, PersonalData? Text, DateTimeOffset AddedAt)
    : IEstablishmentScoped;

public sealed record PortfolioEntryEdited(
    Guid PortfolioId, Guid EstablishmentId, Guid StudentId, Guid EntryId, PersonalData Title, PersonalData? Text, DateTimeOffset EditedAt)
    : IEstablishmentScoped;

public sealed record PortfolioEntryRemoved(Guid PortfolioId, Guid EstablishmentId, Guid StudentId, Guid EntryId, DateTimeOffset RemovedAt) : IEstablishmentScoped;

/// <summary>The entries in the order the student chose; every entry, once.</summary>
public sealed record PortfolioEntriesReordered(Guid PortfolioId, Guid EstablishmentId, Guid StudentId, IReadOnlyList<Guid> EntryIds, DateTimeOffset ReorderedAt)
    : IEstablishmentScoped;

/// <summary>The student asked one of their teachers for feedback on an entry.</summary>
public sealed record PortfolioFeedbackRequested(Guid PortfolioId, Guid EstablishmentId, Guid StudentId, Guid EntryId, Guid TeacherId, DateTimeOffset RequestedAt)
    : IEstablishmentScoped;

/// <summary>The teacher's dated comment on an entry: their text about the student's work, sealed under the student (as homework feedback is).</summary>
public sealed record PortfolioFeedbackGiven(
    Guid PortfolioId, Guid EstablishmentId, Guid StudentId, Guid EntryId, Guid TeacherId, PersonalData Comment, DateTimeOffset GivenAt)
    : IEstablishmentScoped;

/// <summary>The student's guardians may read the portfolio from now on (each read recorded in the student's access history).</summary>
public sealed record PortfolioShared(Guid PortfolioId, Guid EstablishmentId, Guid StudentId, DateTimeOffset SharedAt) : IEstablishmentScoped;

/// <summary>The guardians may no longer read it.</summary>
public sealed record PortfolioSharingStopped(Guid PortfolioId, Guid EstablishmentId, Guid StudentId, DateTimeOffset StoppedAt) : IEstablishmentScoped;
