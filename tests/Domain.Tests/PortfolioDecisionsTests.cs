using MonBureau.Domain.Common;
using MonBureau.Domain.People;
using MonBureau.Domain.Portfolios;

namespace MonBureau.Domain.Tests;

public class PortfolioDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly Guid ClassId = Guid.CreateVersion7();
    private static readonly Guid StudentId = Guid.CreateVersion7();
    private static readonly Guid[] StudentUnits = [ClassId];

    private static Person Teacher(Guid unitId) => new(Guid.CreateVersion7(), [new Profile(Role.Teacher, EstablishmentId)], null, [], [new Teaching(unitId, "Histoire")]);

    private static Portfolio Given(params object[] events)
    {
        var portfolio = Portfolio.Create(PortfolioDecisions.Create(Guid.CreateVersion7(), new CreatePortfolio("Parcours Avenir"), StudentId, EstablishmentId, 0, Now));
        foreach (var e in events)
            portfolio = e switch
            {
                PortfolioEntryAdded added => portfolio.Apply(added with { PortfolioId = portfolio.Id }),
                PortfolioFeedbackRequested requested => portfolio.Apply(requested),
                PortfolioFeedbackGiven given => portfolio.Apply(given),
                PortfolioShared shared => portfolio.Apply(shared),
                _ => throw new ArgumentException(e.GetType().Name),
            };
        return portfolio;
    }

    private static PortfolioEntryAdded Entry(Guid? submissionId = null) =>
        new(Guid.Empty, EstablishmentId, StudentId, Guid.CreateVersion7(), submissionId, PersonalData.Of(StudentId, "Stage"), null, Now);

    private static string CodeOf(Action decision) => Assert.Throws<BusinessRuleException>(decision).Code;

    [Fact]
    public void A_portfolio_title_and_an_entry_s_text_are_sealed_under_the_student()
    {
        var created = PortfolioDecisions.Create(Guid.CreateVersion7(), new CreatePortfolio(" Parcours citoyen "), StudentId, EstablishmentId, 0, Now);
        var added = PortfolioDecisions.AddEntry(Guid.CreateVersion7(), new AddPortfolioEntry(created.PortfolioId, "Conseil de vie lycéenne", "J'ai été élue."), Portfolio.Create(created), StudentId, null, Now);

        Assert.Equal(PersonalData.Of(StudentId, "Parcours citoyen"), created.Title);
        Assert.Equal(PersonalData.Of(StudentId, "J'ai été élue."), added.Text);
        Assert.Null(added.SubmissionId);
    }

    [Fact]
    public void An_entry_references_only_the_student_s_own_handed_in_work()
    {
        var portfolio = Given();
        var submissionId = Guid.CreateVersion7();

        var mine = PortfolioDecisions.AddEntry(Guid.CreateVersion7(), new AddPortfolioEntry(portfolio.Id, "Exposé", null, submissionId), portfolio, StudentId, StudentId, Now);

        Assert.Equal(submissionId, mine.SubmissionId);
        Assert.Null(mine.Text);
        Assert.Equal(ErrorCodes.NotFound, CodeOf(() => PortfolioDecisions.AddEntry(Guid.CreateVersion7(), new AddPortfolioEntry(portfolio.Id, "Exposé", null, submissionId), portfolio, StudentId, Guid.CreateVersion7(), Now)));
        Assert.Equal(ErrorCodes.NotFound, CodeOf(() => PortfolioDecisions.AddEntry(Guid.CreateVersion7(), new AddPortfolioEntry(portfolio.Id, "Exposé", null, submissionId), portfolio, StudentId, null, Now)));
    }

    [Fact]
    public void A_free_entry_needs_its_text()
    {
        var portfolio = Given();

        Assert.Equal(ErrorCodes.Validation, CodeOf(() => PortfolioDecisions.AddEntry(Guid.CreateVersion7(), new AddPortfolioEntry(portfolio.Id, "Réflexion", "  "), portfolio, StudentId, null, Now)));
    }

    [Fact]
    public void Another_student_cannot_change_or_share_the_portfolio_it_does_not_exist_for_them()
    {
        var entry = Entry();
        var portfolio = Given(entry);
        var stranger = Guid.CreateVersion7();

        Assert.Equal(ErrorCodes.NotFound, CodeOf(() => PortfolioDecisions.AddEntry(Guid.CreateVersion7(), new AddPortfolioEntry(portfolio.Id, "x", "y"), portfolio, stranger, null, Now)));
        Assert.Equal(ErrorCodes.NotFound, CodeOf(() => PortfolioDecisions.RemoveEntry(new RemovePortfolioEntry(portfolio.Id, entry.EntryId), portfolio, stranger, Now)));
        Assert.Equal(ErrorCodes.NotFound, CodeOf(() => PortfolioDecisions.Share(new SharePortfolio(portfolio.Id), portfolio, stranger, Now)));
    }

    [Fact]
    public void Reordering_names_every_entry_once()
    {
        var (first, second) = (Entry(), Entry());
        var portfolio = Given(first, second);

        var reordered = portfolio.Apply(PortfolioDecisions.Reorder(new ReorderPortfolioEntries(portfolio.Id, [second.EntryId, first.EntryId]), portfolio, StudentId, Now));

        Assert.Equal([second.EntryId, first.EntryId], reordered.Entries.Select(e => e.Id));
        Assert.Equal(ErrorCodes.Validation, CodeOf(() => PortfolioDecisions.Reorder(new ReorderPortfolioEntries(portfolio.Id, [first.EntryId]), portfolio, StudentId, Now)));
        Assert.Equal(ErrorCodes.Validation, CodeOf(() => PortfolioDecisions.Reorder(new ReorderPortfolioEntries(portfolio.Id, [first.EntryId, first.EntryId]), portfolio, StudentId, Now)));
    }

    [Fact]
    public void Feedback_is_asked_of_a_teacher_of_the_student_only()
    {
        var entry = Entry();
        var portfolio = Given(entry);
        var theirs = Teacher(ClassId);

        var requested = PortfolioDecisions.RequestFeedback(new RequestPortfolioFeedback(portfolio.Id, entry.EntryId, theirs.Id), portfolio, StudentId, theirs, StudentUnits, Now);

        Assert.Equal(theirs.Id, requested.TeacherId);
        Assert.Equal(ErrorCodes.NotFound, CodeOf(() => PortfolioDecisions.RequestFeedback(
            new RequestPortfolioFeedback(portfolio.Id, entry.EntryId, Guid.Empty), portfolio, StudentId, Teacher(Guid.CreateVersion7()), StudentUnits, Now)));
        Assert.Equal(ErrorCodes.NotFound, CodeOf(() => PortfolioDecisions.RequestFeedback(
            new RequestPortfolioFeedback(portfolio.Id, entry.EntryId, Guid.Empty), portfolio, StudentId, null, StudentUnits, Now)));
        Assert.Equal(ErrorCodes.Conflict, CodeOf(() => PortfolioDecisions.RequestFeedback(
            new RequestPortfolioFeedback(portfolio.Id, entry.EntryId, theirs.Id), portfolio.Apply(requested), StudentId, theirs, StudentUnits, Now)));
    }

    [Fact]
    public void A_teacher_gives_feedback_when_asked_sealed_under_the_student_and_may_be_asked_again_afterwards()
    {
        var entry = Entry();
        var teacher = Teacher(ClassId);
        var asked = Given(entry, new PortfolioFeedbackRequested(Guid.Empty, EstablishmentId, StudentId, entry.EntryId, teacher.Id, Now));

        var given = PortfolioDecisions.GiveFeedback(new GivePortfolioFeedback(asked.Id, entry.EntryId, "Belle progression."), asked, teacher, StudentUnits, Now);

        Assert.Equal(PersonalData.Of(StudentId, "Belle progression."), given.Comment);
        var answered = asked.Apply(given);
        Assert.Empty(answered.Entries.Single().AwaitingFeedbackFrom);
        Assert.Equal(teacher.Id, PortfolioDecisions.RequestFeedback(new RequestPortfolioFeedback(asked.Id, entry.EntryId, teacher.Id), answered, StudentId, teacher, StudentUnits, Now).TeacherId);
    }

    [Fact]
    public void A_teacher_not_asked_or_not_teaching_the_student_cannot_give_feedback()
    {
        var entry = Entry();
        var teacher = Teacher(ClassId);
        var portfolio = Given(entry);

        Assert.Equal(ErrorCodes.Conflict, CodeOf(() => PortfolioDecisions.GiveFeedback(new GivePortfolioFeedback(portfolio.Id, entry.EntryId, "Bien."), portfolio, teacher, StudentUnits, Now)));
        Assert.Equal(ErrorCodes.NotFound, CodeOf(() => PortfolioDecisions.GiveFeedback(new GivePortfolioFeedback(portfolio.Id, entry.EntryId, "Bien."), portfolio, Teacher(Guid.CreateVersion7()), StudentUnits, Now)));
    }

    [Fact]
    public void Sharing_with_the_guardians_can_be_stopped_and_each_step_happens_once()
    {
        var portfolio = Given();

        var shared = portfolio.Apply(PortfolioDecisions.Share(new SharePortfolio(portfolio.Id), portfolio, StudentId, Now));

        Assert.True(shared.SharedWithGuardians);
        Assert.Equal(ErrorCodes.Conflict, CodeOf(() => PortfolioDecisions.Share(new SharePortfolio(portfolio.Id), shared, StudentId, Now)));
        Assert.False(shared.Apply(PortfolioDecisions.StopSharing(new StopSharingPortfolio(portfolio.Id), shared, StudentId, Now)).SharedWithGuardians);
        Assert.Equal(ErrorCodes.Conflict, CodeOf(() => PortfolioDecisions.StopSharing(new StopSharingPortfolio(portfolio.Id), portfolio, StudentId, Now)));
    }

    [Fact]
    public void A_student_keeps_at_most_twenty_portfolios()
    {
        Assert.Equal(ErrorCodes.Validation, CodeOf(() => PortfolioDecisions.Create(Guid.CreateVersion7(), new CreatePortfolio("Encore un"), StudentId, EstablishmentId, PortfolioDecisions.MaxPortfolios, Now)));
    }
}
