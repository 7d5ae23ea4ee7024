using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Paper;

/// <summary>What the school-life office printed for a family without digital access: how many items of each kind.</summary>
public sealed record IssueFamilyPaper(Guid GuardianId, IReadOnlyList<Guid> StudentIds, int UnreadMessages, int HomeworkDue, int AbsencesToJustify);

/// <summary>Paper was handed to a family (version papier): who printed what for whom, so issuing it is accountable.</summary>
public sealed record FamilyPaperIssued(
    Guid IssueId, Guid EstablishmentId, Guid GuardianId, IReadOnlyList<Guid> StudentIds, int UnreadMessages, int HomeworkDue, int AbsencesToJustify,
    Guid IssuedBy, DateTimeOffset IssuedAt) : IEstablishmentScoped;

public static class FamilyPaperDecisions
{
    /// <param name="guardian">The guardian's record, null when missing.</param>
    public static FamilyPaperIssued Issue(Guid newId, IssueFamilyPaper command, Guid officeMemberId, Guid establishmentId, Person? guardian, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        // A guardian of another establishment answers like a missing one.
        if (guardian is null || !guardian.Holds(Role.Guardian, establishmentId))
            throw BusinessRuleException.NotFound("Guardian");
        if (command.UnreadMessages < 0 || command.HomeworkDue < 0 || command.AbsencesToJustify < 0)
            throw BusinessRuleException.Invalid("Counts cannot be negative.");
        return new FamilyPaperIssued(
            newId, establishmentId, guardian.Id, [.. command.StudentIds.Distinct()], command.UnreadMessages, command.HomeworkDue, command.AbsencesToJustify,
            officeMemberId, now);
    }
}
