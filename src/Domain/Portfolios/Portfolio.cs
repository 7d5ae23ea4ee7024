namespace MonBureau.Domain.Portfolios;

/// <summary>One entry as deciding needs it: its work, if any, the teachers ever asked for feedback and those who have not answered yet.</summary>
public sealed record PortfolioEntry(Guid Id, Guid? SubmissionId, IReadOnlyList<Guid> FeedbackAskedOf, IReadOnlyList<Guid> AwaitingFeedbackFrom);

/// <summary>A student's portfolio (portfolio, « parcours »): the state its decisions need.</summary>
public sealed record Portfolio(Guid Id, Guid EstablishmentId, Guid StudentId, IReadOnlyList<PortfolioEntry> Entries, bool SharedWithGuardians)
{
    public static Portfolio Create(PortfolioCreated e) => new(e.PortfolioId, e.EstablishmentId, e.StudentId, [], false);

    public Portfolio Apply(PortfolioEntryAdded e) => this with { Entries = [.. Entries, new PortfolioEntry(e.EntryId, e.SubmissionId, [], [])] };

    public Portfolio Apply(PortfolioEntryRemoved e) => this with { Entries = [.. Entries.Where(x => x.Id != e.EntryId)] };

    public Portfolio Apply(PortfolioEntriesReordered e) => this with { Entries = [.. e.EntryIds.Select(id => Entries.Single(x => x.Id == id))] };

    public Portfolio Apply(PortfolioFeedbackRequested e) => WithEntry(e.EntryId, x => x with
    {
        FeedbackAskedOf = [.. x.FeedbackAskedOf.Where(t => t != e.TeacherId), e.TeacherId],
        AwaitingFeedbackFrom = [.. x.AwaitingFeedbackFrom.Where(t => t != e.TeacherId), e.TeacherId],
    });

    public Portfolio Apply(PortfolioFeedbackGiven e) => WithEntry(e.EntryId, x => x with { AwaitingFeedbackFrom = [.. x.AwaitingFeedbackFrom.Where(t => t != e.TeacherId)] });

    public Portfolio Apply(PortfolioShared e) => this with { SharedWithGuardians = true };

    public Portfolio Apply(PortfolioSharingStopped e) => this with { SharedWithGuardians = false };

    public PortfolioEntry? Entry(Guid entryId) => Entries.FirstOrDefault(x => x.Id == entryId);

    private Portfolio WithEntry(Guid entryId, Func<PortfolioEntry, PortfolioEntry> change) =>
        this with { Entries = [.. Entries.Select(x => x.Id == entryId ? change(x) : x)] };
}
