using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Portfolios;

/// <summary>
/// A student curates their portfolios; only they change them. A portfolio, entry or piece of work that is not theirs
/// answers like a missing one, and so does a teacher who does not teach them: nothing leaks across students.
/// </summary>
public static class PortfolioDecisions
{
    public const int MaxPortfolios = 20;
    public const int MaxEntries = 100;
    public const int MaxTextLength = 20_000;
    public const int MaxFeedbackLength = 5_000;

    public static PortfolioCreated Create(Guid newId, CreatePortfolio command, Guid studentId, Guid establishmentId, int portfoliosAlready, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var title = Require.Text(command.Title, "Title", 200);
        if (portfoliosAlready >= MaxPortfolios)
            throw BusinessRuleException.Invalid($"You already have {MaxPortfolios} portfolios: add to one of them.");
        return new PortfolioCreated(newId, establishmentId, studentId, PersonalData.Of(studentId, title), now);
    }

    /// <param name="submissionOwner">The student who handed in the work the command names; null when none is named or it does not exist.</param>
    public static PortfolioEntryAdded AddEntry(Guid newEntryId, AddPortfolioEntry command, Portfolio? portfolio, Guid studentId, Guid? submissionOwner, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var mine = Owned(portfolio, studentId);
        if (command.SubmissionId is not null && submissionOwner != studentId)
            throw BusinessRuleException.NotFound("Submission");
        if (mine.Entries.Count >= MaxEntries)
            throw BusinessRuleException.Invalid($"A portfolio holds at most {MaxEntries} entries.");
        var (title, text) = Content(command.Title, command.Text, command.SubmissionId is not null);
        return new PortfolioEntryAdded(mine.Id, mine.EstablishmentId, studentId, newEntryId, command.SubmissionId, PersonalData.Of(studentId, title),
            text is null ? null : PersonalData.Of(studentId, text), now);
    }

    public static PortfolioEntryEdited EditEntry(EditPortfolioEntry command, Portfolio? portfolio, Guid studentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var mine = Owned(portfolio, studentId);
        var entry = EntryOf(mine, command.EntryId);
        var (title, text) = Content(command.Title, command.Text, entry.SubmissionId is not null);
        return new PortfolioEntryEdited(mine.Id, mine.EstablishmentId, studentId, entry.Id, PersonalData.Of(studentId, title),
            text is null ? null : PersonalData.Of(studentId, text), now);
    }

    public static PortfolioEntryRemoved RemoveEntry(RemovePortfolioEntry command, Portfolio? portfolio, Guid studentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var mine = Owned(portfolio, studentId);
        return new PortfolioEntryRemoved(mine.Id, mine.EstablishmentId, studentId, EntryOf(mine, command.EntryId).Id, now);
    }

    /// <summary>The new order names every entry once: nothing is dropped or duplicated by a stale screen.</summary>
    public static PortfolioEntriesReordered Reorder(ReorderPortfolioEntries command, Portfolio? portfolio, Guid studentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var mine = Owned(portfolio, studentId);
        var order = command.EntryIds ?? [];
        if (order.Count != mine.Entries.Count || order.Distinct().Count() != order.Count || order.Any(id => mine.Entry(id) is null))
            throw new BusinessRuleException(ErrorCodes.Validation, "Give every entry of the portfolio once, in the new order.") { Field = "EntryIds" };
        return new PortfolioEntriesReordered(mine.Id, mine.EstablishmentId, studentId, [.. order], now);
    }

    /// <param name="teacher">The teacher named, null when not found.</param>
    /// <param name="studentUnits">The classes and groups the student belongs to now.</param>
    public static PortfolioFeedbackRequested RequestFeedback(
        RequestPortfolioFeedback command, Portfolio? portfolio, Guid studentId, Person? teacher, IReadOnlyCollection<Guid> studentUnits, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var mine = Owned(portfolio, studentId);
        var entry = EntryOf(mine, command.EntryId);
        if (!TeachesStudent(teacher, mine, studentUnits))
            throw BusinessRuleException.NotFound("Teacher among yours");
        if (entry.AwaitingFeedbackFrom.Contains(teacher!.Id))
            throw new BusinessRuleException(ErrorCodes.Conflict, "You have already asked this teacher for feedback on this entry; wait for their answer.");
        return new PortfolioFeedbackRequested(mine.Id, mine.EstablishmentId, studentId, entry.Id, teacher.Id, now);
    }

    /// <summary>A teacher comments on an entry they were asked about, while they teach the student.</summary>
    public static PortfolioFeedbackGiven GiveFeedback(GivePortfolioFeedback command, Portfolio? portfolio, Person teacher, IReadOnlyCollection<Guid> studentUnits, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(teacher);
        if (portfolio is null || !TeachesStudent(teacher, portfolio, studentUnits))
            throw BusinessRuleException.NotFound("Portfolio");
        var entry = EntryOf(portfolio, command.EntryId);
        if (!entry.FeedbackAskedOf.Contains(teacher.Id))
            throw new BusinessRuleException(ErrorCodes.Conflict, "The student has not asked you for feedback on this entry.");
        var comment = Require.Text(command.Comment, "Comment", MaxFeedbackLength);
        return new PortfolioFeedbackGiven(portfolio.Id, portfolio.EstablishmentId, portfolio.StudentId, entry.Id, teacher.Id,
            PersonalData.Of(portfolio.StudentId, comment), now);
    }

    public static PortfolioShared Share(SharePortfolio command, Portfolio? portfolio, Guid studentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var mine = Owned(portfolio, studentId);
        return mine.SharedWithGuardians
            ? throw new BusinessRuleException(ErrorCodes.Conflict, "This portfolio is already shared with your guardians.")
            : new PortfolioShared(mine.Id, mine.EstablishmentId, studentId, now);
    }

    public static PortfolioSharingStopped StopSharing(StopSharingPortfolio command, Portfolio? portfolio, Guid studentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var mine = Owned(portfolio, studentId);
        return mine.SharedWithGuardians
            ? new PortfolioSharingStopped(mine.Id, mine.EstablishmentId, studentId, now)
            : throw new BusinessRuleException(ErrorCodes.Conflict, "This portfolio is not shared.");
    }

    /// <summary>A teacher at the student's establishment who teaches one of the student's classes or groups now.</summary>
    public static bool TeachesStudent(Person? teacher, Portfolio portfolio, IReadOnlyCollection<Guid> studentUnits)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(studentUnits);
        return teacher is not null && teacher.Holds(Role.Teacher, portfolio.EstablishmentId) && studentUnits.Any(teacher.Teaches);
    }

    private static Portfolio Owned(Portfolio? portfolio, Guid studentId) =>
        portfolio is not null && portfolio.StudentId == studentId ? portfolio : throw BusinessRuleException.NotFound("Portfolio");

    private static PortfolioEntry EntryOf(Portfolio portfolio, Guid entryId) =>
        portfolio.Entry(entryId) ?? throw BusinessRuleException.NotFound("Portfolio entry");

    /// <summary>A title always; a text for a free entry, optional beside handed-in work.</summary>
    private static (string Title, string? Text) Content(string? title, string? text, bool hasWork)
    {
        var checkedTitle = Require.Text(title, "Title", 200);
        if (hasWork && string.IsNullOrWhiteSpace(text))
            return (checkedTitle, null);
        return (checkedTitle, Require.Text(text, "Text", MaxTextLength));
    }
}
