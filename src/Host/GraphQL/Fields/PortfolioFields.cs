using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Portfolios;
using MonBureau.Host.Authorization;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Portfolios;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>
/// Student portfolios (docs/collaboration-portfolios.md): the student curates them; their teachers read them and give feedback when
/// asked; their guardians read those the student shares. Every read by someone other than the student is recorded
/// in the student's access history (<see cref="DataCategory.Portfolio"/>).
/// </summary>
internal static class PortfolioFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Connection<PortfolioType, PortfolioView>("myPortfolios")
            .Description("The signed-in student's portfolios, oldest first.")
            .AuthorizeWithRoles(nameof(Role.Student))
            .ResolveAsync(async ctx =>
            {
                var me = ctx.Actor().Id;
                await using var session = ctx.OpenQuerySession();
                return await session.Query<PortfolioView>().Where(p => p.StudentId == me).ToConnectionAsync(ctx, by => by.Ascending(p => p.CreatedAt));
            });

        query.Field<NonNullGraphType<PortfolioType>, PortfolioView>("portfolio")
            .Description("One portfolio: for its student, their teachers, and their guardians once the student shares it (FORBIDDEN before). Recorded when read by someone else.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The portfolio.")
            .AuthorizeWithRoles(nameof(Role.Student), nameof(Role.Guardian), nameof(Role.Teacher))
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var portfolio = await session.LoadAsync<PortfolioView>(ctx.GetArgument<Guid>("id"), ctx.CancellationToken);
                return await ReadableAsync(ctx, session, portfolio);
            });

        query.Connection<PortfolioType, PortfolioView>("studentPortfolios")
            .Description("A student's portfolios, oldest first: all of them for their teachers, those shared with them for their guardians. Recorded in the student's access history.")
            .Argument<NonNullGraphType<IdGraphType>>("studentId", "The student.")
            .AuthorizeWithRoles(nameof(Role.Guardian), nameof(Role.Teacher))
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var student = await PersonAccess.ReadableAsync(ctx, session, ctx.GetArgument<Guid>("studentId"), DataCategory.Portfolio);
                var portfolios = session.Query<PortfolioView>().Where(p => p.StudentId == student.Id);
                if (ctx.Actor().Role == Role.Guardian)
                    portfolios = portfolios.Where(p => p.SharedWithGuardians);
                return await portfolios.ToConnectionAsync(ctx, by => by.Ascending(p => p.CreatedAt));
            });

        query.Connection<PortfolioType, PortfolioView>("portfoliosAwaitingMyFeedback")
            .Description("For a teacher: the portfolios of their students with an entry they were asked about and have not answered yet, oldest first. Recorded in each student's access history.")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.Actor();
                var (me, establishmentId) = (actor.Id, actor.EstablishmentId ?? Guid.Empty);
                await using var session = ctx.OpenQuerySession();
                var page = await session.Query<PortfolioView>()
                    .Where(p => p.EstablishmentId == establishmentId && p.AwaitingFeedbackFrom.Contains(me))
                    .ToConnectionAsync(ctx, by => by.Ascending(p => p.CreatedAt));
                var now = ctx.Service<TimeProvider>().GetUtcNow();
                var operation = $"{ctx.ParentType.Name}.{ctx.FieldDefinition.Name}";
                await ctx.Service<AccessLog>().RecordAsync([.. page.Nodes.Select(p => p.StudentId).Distinct().Select(id => new AccessRecord(
                    actor.Id, actor.Role, actor.EstablishmentId, id, DataCategory.Portfolio, operation, ActingContext.CorrelationId ?? "", now))]);
                return page;
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        Student<CreatePortfolio, CreatePortfolioInputType>(mutation, "createPortfolio", "Opens a portfolio for the signed-in student (at most 20).");
        Student<AddPortfolioEntry, AddPortfolioEntryInputType>(mutation, "addPortfolioEntry",
            "Adds an entry at the end: the student's own handed-in work (another's is NOT_FOUND), or a free text.");
        Student<EditPortfolioEntry, EditPortfolioEntryInputType>(mutation, "editPortfolioEntry", "Changes an entry's title and text.");
        Student<RemovePortfolioEntry, PortfolioEntryInputType>(mutation, "removePortfolioEntry", "Removes an entry, with its feedback.");
        Student<ReorderPortfolioEntries, ReorderPortfolioEntriesInputType>(mutation, "reorderPortfolioEntries", "Puts the entries in a new order (every entry once).");
        Student<RequestPortfolioFeedback, RequestPortfolioFeedbackInputType>(mutation, "requestPortfolioFeedback",
            "Asks a teacher of the student for feedback on an entry; a teacher who does not teach them is NOT_FOUND.");

        mutation.Field<NonNullGraphType<PortfolioType>, PortfolioView>("sharePortfolio")
            .Description("Shares the portfolio with the student's guardians: they may read it (each read recorded) until sharing stops.")
            .Argument<NonNullGraphType<IdGraphType>>("portfolioId", "The portfolio.")
            .AuthorizeWithRoles(nameof(Role.Student))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<PortfolioView>(new SharePortfolio(ctx.GetArgument<Guid>("portfolioId"))));

        mutation.Field<NonNullGraphType<PortfolioType>, PortfolioView>("stopSharingPortfolio")
            .Description("Stops sharing the portfolio with the student's guardians.")
            .Argument<NonNullGraphType<IdGraphType>>("portfolioId", "The portfolio.")
            .AuthorizeWithRoles(nameof(Role.Student))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<PortfolioView>(new StopSharingPortfolio(ctx.GetArgument<Guid>("portfolioId"))));

        mutation.Field<NonNullGraphType<PortfolioType>, PortfolioView>("givePortfolioFeedback")
            .Description("A teacher comments on an entry the student asked them about (otherwise CONFLICT); the comment is about the student and sealed as theirs.")
            .Argument<NonNullGraphType<GivePortfolioFeedbackInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(async ctx =>
            {
                var portfolio = await ctx.SendAndReadAsync<PortfolioView>(ctx.GetArgument<GivePortfolioFeedback>("input"));
                await using var session = ctx.OpenQuerySession();
                return await ReadableAsync(ctx, session, portfolio);
            });
    }

    /// <summary>A change by the student to their own portfolio, answered with the portfolio as it is now.</summary>
    private static void Student<TCommand, TInput>(ObjectGraphType mutation, string name, string description)
        where TCommand : notnull
        where TInput : IInputObjectGraphType =>
        mutation.Field<NonNullGraphType<PortfolioType>, PortfolioView>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInput>>("input")
            .AuthorizeWithRoles(nameof(Role.Student))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<PortfolioView>(ctx.GetArgument<TCommand>("input")));

    /// <summary>
    /// The portfolio if the actor may read it: its student; a guardian once shared (the same answer whether or not it
    /// exists before that); a teacher of the student. A read by someone else is recorded.
    /// </summary>
    private static async Task<PortfolioView> ReadableAsync(IResolveFieldContext ctx, IQuerySession session, PortfolioView? portfolio)
    {
        var actor = ctx.Actor();
        if (portfolio is null || (actor.Role == Role.Student && portfolio.StudentId != actor.Id))
            throw BusinessRuleException.NotFound("Portfolio");
        if (actor.Role == Role.Guardian && !portfolio.SharedWithGuardians)
            throw new ExecutionError("The student has not shared this portfolio with their guardians.") { Code = ErrorCodes.Forbidden };
        if (actor.Role != Role.Student)
            await PersonAccess.ReadableAsync(ctx, session, portfolio.StudentId, DataCategory.Portfolio);
        return portfolio;
    }
}
