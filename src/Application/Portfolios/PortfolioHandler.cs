using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Homework;
using MonBureau.Domain.People;
using MonBureau.Domain.Portfolios;

namespace MonBureau.Application.Portfolios;

/// <summary>A student curates their portfolios; teachers they ask give feedback. Who may is decided in <see cref="PortfolioDecisions"/>.</summary>
public static class PortfolioHandler
{
    public static async Task<Guid> Handle(CreatePortfolio command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var actor = ActingContext.Require(Role.Student);
        var establishmentId = actor.EstablishmentId ?? throw BusinessRuleException.Forbidden();
        var already = await session.Query<Portfolio>().Where(p => p.StudentId == actor.Id).CountAsync(cancellationToken);
        var created = PortfolioDecisions.Create(Guid.CreateVersion7(), command, actor.Id, establishmentId, already, clock.GetUtcNow());
        session.Events.StartStream<Portfolio>(created.PortfolioId, created);
        return created.PortfolioId;
    }

    public static async Task<Guid> Handle(AddPortfolioEntry command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var student = ActingContext.Require(Role.Student);
        var portfolio = await session.Events.FetchLatest<Portfolio>(command.PortfolioId, cancellationToken);
        var submission = command.SubmissionId is { } submissionId ? await session.Events.FetchLatest<HomeworkSubmission>(submissionId, cancellationToken) : null;
        var added = PortfolioDecisions.AddEntry(Guid.CreateVersion7(), command, portfolio, student.Id, submission?.StudentId, clock.GetUtcNow());
        session.Events.Append(added.PortfolioId, added);
        return added.PortfolioId;
    }

    public static async Task<Guid> Handle(EditPortfolioEntry command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var edited = PortfolioDecisions.EditEntry(command, await LoadAsync(session, command.PortfolioId, cancellationToken), ActingContext.Require(Role.Student).Id, clock.GetUtcNow());
        session.Events.Append(edited.PortfolioId, edited);
        return edited.PortfolioId;
    }

    public static async Task<Guid> Handle(RemovePortfolioEntry command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var removed = PortfolioDecisions.RemoveEntry(command, await LoadAsync(session, command.PortfolioId, cancellationToken), ActingContext.Require(Role.Student).Id, clock.GetUtcNow());
        session.Events.Append(removed.PortfolioId, removed);
        return removed.PortfolioId;
    }

    public static async Task<Guid> Handle(ReorderPortfolioEntries command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reordered = PortfolioDecisions.Reorder(command, await LoadAsync(session, command.PortfolioId, cancellationToken), ActingContext.Require(Role.Student).Id, clock.GetUtcNow());
        session.Events.Append(reordered.PortfolioId, reordered);
        return reordered.PortfolioId;
    }

    public static async Task<Guid> Handle(RequestPortfolioFeedback command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var student = ActingContext.Require(Role.Student);
        var portfolio = await LoadAsync(session, command.PortfolioId, cancellationToken);
        var teacher = await session.Events.FetchLatest<Person>(command.TeacherId, cancellationToken);
        var requested = PortfolioDecisions.RequestFeedback(command, portfolio, student.Id, teacher, await UnitsOfAsync(session, student.Id, cancellationToken), clock.GetUtcNow());
        session.Events.Append(requested.PortfolioId, requested);
        return requested.PortfolioId;
    }

    public static async Task<Guid> Handle(GivePortfolioFeedback command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.Teacher);
        var teacher = await session.Events.FetchLatest<Person>(actor.Id, cancellationToken) ?? throw BusinessRuleException.Forbidden();
        var portfolio = await LoadAsync(session, command.PortfolioId, cancellationToken);
        if (portfolio is not null && !actor.ActsIn(portfolio.EstablishmentId))
            portfolio = null;
        IReadOnlyCollection<Guid> units = portfolio is null ? [] : await UnitsOfAsync(session, portfolio.StudentId, cancellationToken);
        var given = PortfolioDecisions.GiveFeedback(command, portfolio, teacher, units, clock.GetUtcNow());
        session.Events.Append(given.PortfolioId, given);
        return given.PortfolioId;
    }

    public static async Task<Guid> Handle(SharePortfolio command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var shared = PortfolioDecisions.Share(command, await LoadAsync(session, command.PortfolioId, cancellationToken), ActingContext.Require(Role.Student).Id, clock.GetUtcNow());
        session.Events.Append(shared.PortfolioId, shared);
        return shared.PortfolioId;
    }

    public static async Task<Guid> Handle(StopSharingPortfolio command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var stopped = PortfolioDecisions.StopSharing(command, await LoadAsync(session, command.PortfolioId, cancellationToken), ActingContext.Require(Role.Student).Id, clock.GetUtcNow());
        session.Events.Append(stopped.PortfolioId, stopped);
        return stopped.PortfolioId;
    }

    private static ValueTask<Portfolio?> LoadAsync(IDocumentSession session, Guid portfolioId, CancellationToken cancellationToken) =>
        session.Events.FetchLatest<Portfolio>(portfolioId, cancellationToken);

    /// <summary>The student's class and groups now: a teacher of any of them teaches the student.</summary>
    private static async Task<IReadOnlyCollection<Guid>> UnitsOfAsync(IDocumentSession session, Guid studentId, CancellationToken cancellationToken)
    {
        var student = await session.Events.FetchLatest<Person>(studentId, cancellationToken);
        var groups = await session.Query<SchoolGroup>().Where(g => g.Members.Contains(studentId)).Select(g => g.Id).ToListAsync(cancellationToken);
        return student?.ClassId is { } classId ? [classId, .. groups] : [.. groups];
    }
}
