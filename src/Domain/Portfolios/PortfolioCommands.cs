using MonBureau.Domain.Common;

namespace MonBureau.Domain.Portfolios;

public sealed record CreatePortfolio(string Title) : Redacted;

/// <summary>Either <c>SubmissionId</c> (the student's own handed-in work, <c>Text</c> an optional reflection) or a free <c>Text</c>.</summary>
public sealed record AddPortfolioEntry(Guid PortfolioId, string Title, string? Text, Guid? SubmissionId = null) : Redacted;

public sealed record EditPortfolioEntry(Guid PortfolioId, Guid EntryId, string Title, string? Text) : Redacted;

public sealed record RemovePortfolioEntry(Guid PortfolioId, Guid EntryId);

public sealed record ReorderPortfolioEntries(Guid PortfolioId, IReadOnlyList<Guid> EntryIds);

public sealed record RequestPortfolioFeedback(Guid PortfolioId, Guid EntryId, Guid TeacherId);

public sealed record GivePortfolioFeedback(Guid PortfolioId, Guid EntryId, string Comment) : Redacted;

public sealed record SharePortfolio(Guid PortfolioId);

public sealed record StopSharingPortfolio(Guid PortfolioId);
