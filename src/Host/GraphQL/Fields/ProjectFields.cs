using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Application.Forums;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Forums;
using MonBureau.Domain.Projects;
using MonBureau.Host.Authorization;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Projects;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>Interdisciplinary projects (EPI) and their milestones, which go on the agenda of the project's classes and groups.</summary>
internal static class ProjectFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Connection<ProjectType, ProjectView>("projects")
            .Description("The projects the signed-in person runs or takes part in (their classes, groups, co-teaching; every project for the direction), newest first.")
            .AuthorizeWithRoles(nameof(Role.Teacher), nameof(Role.Student), nameof(Role.Direction))
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var visitor = await Visitors.OfAsync(session, ctx.Actor(), ctx.CancellationToken);
                return (await ProjectsOfAsync(ctx, session, visitor)).ToConnection(ctx);
            });

        query.Connection<ProjectType, ProjectView>("childProjects")
            .Description("The projects a child of the signed-in guardian takes part in, newest first.")
            .Argument<NonNullGraphType<IdGraphType>>("studentId", "The child.")
            .AuthorizeWithRoles(nameof(Role.Guardian))
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var child = await PersonAccess.ReadableAsync(ctx, session, ctx.GetArgument<Guid>("studentId"), DataCategory.Homework);
                var establishmentId = ctx.Actor().EstablishmentId ?? throw BusinessRuleException.Forbidden();
                return (await ProjectsOfAsync(ctx, session, await Visitors.StudentAsync(session, child.Id, establishmentId, ctx.CancellationToken))).ToConnection(ctx);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ProjectType>, ProjectView>("createProject")
            .Description("Creates an interdisciplinary project for classes and groups the signed-in teacher teaches, with co-teachers; it coordinates it.")
            .Argument<NonNullGraphType<CreateProjectInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ProjectView>(ctx.GetArgument<CreateProject>("input")));

        mutation.Field<NonNullGraphType<ProjectType>, ProjectView>("addProjectMilestone")
            .Description("Adds a milestone to a project the signed-in teacher coordinates: it goes on the agenda of each class and group of the project (their students are notified like for any agenda event).")
            .Argument<NonNullGraphType<AddMilestoneInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ProjectView>(ctx.GetArgument<AddMilestone>("input")));

        mutation.Field<NonNullGraphType<ProjectType>, ProjectView>("moveProjectMilestone")
            .Description("Moves a milestone to a new due date; its agenda entries move with it.")
            .Argument<NonNullGraphType<MoveMilestoneInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ProjectView>(ctx.GetArgument<MoveMilestone>("input")));

        mutation.Field<NonNullGraphType<ProjectType>, ProjectView>("cancelProjectMilestone")
            .Description("Cancels a milestone; its agenda entries are cancelled (they stay in the agenda, marked cancelled).")
            .Argument<NonNullGraphType<CancelMilestoneInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ProjectView>(ctx.GetArgument<CancelMilestone>("input")));
    }

    /// <remarks>An establishment has tens of projects: read whole and decided on in memory, by the domain's rule.</remarks>
    private static async Task<IReadOnlyList<ProjectView>> ProjectsOfAsync(IResolveFieldContext ctx, IQuerySession session, Visitor? visitor)
    {
        if (visitor is null)
            return [];
        var projects = await session.Query<Project>().Where(p => p.EstablishmentId == visitor.EstablishmentId).ToListAsync(ctx.CancellationToken);
        var ids = projects.Where(p => ProjectDecisions.Standing(p, visitor) != ProjectStanding.None).Select(p => p.Id).ToArray();
        return [.. (await session.LoadManyAsync<ProjectView>(ctx.CancellationToken, ids)).OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id)];
    }
}
