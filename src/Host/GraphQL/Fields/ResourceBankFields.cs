using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Domain.Common;
using MonBureau.Domain.Resources;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Host.Setup;
using MonBureau.Projections.People;
using MonBureau.Projections.Resources;
using Npgsql;

namespace MonBureau.Host.GraphQL.Fields;

internal static class ResourceBankFields
{
    private const int MaxListed = 50;

    public static void AddQueries(ObjectGraphType query)
    {
        query.Connection<ResourceType, ResourceView>("searchResources")
            .Description("Searches the resource bank by keywords (French stemming, accents ignored), best match first, at most 50; only resources the signed-in person may see.")
            .Argument<NonNullGraphType<StringGraphType>>("text", "Keywords, e.g. « équations du second degré ».")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var text = ctx.GetArgument<string>("text");
                if (text.Length > 200)
                    throw BusinessRuleException.Invalid("Search text must be at most 200 characters.");
                await using var session = ctx.OpenQuerySession();
                var reader = await ReaderAsync(ctx, session);
                var ids = await ResourceSearch.SearchAsync(ctx.Service<NpgsqlDataSource>(), PersistenceSetup.Schema, text, reader, ctx.CancellationToken);
                var found = (await session.LoadManyAsync<ResourceView>(ctx.CancellationToken, ids)).ToDictionary(r => r.Id);
                // Ranked by PostgreSQL and capped there, then checked against the reader's rights: the bounded result is paged in memory.
                return ids.Where(found.ContainsKey).Select(id => found[id]).Where(reader.MaySee).ToList().ToConnection(ctx);
            });

        query.Connection<ResourceType, ResourceView>("recentResources")
            .Description("The latest resources the signed-in person may see, most recently changed first, at most 50.")
            .Argument<StringGraphType>("subject", "Only this subject.")
            .Authorize()
            .ResolveAsync(async ctx => (await RecentAsync(ctx, ctx.GetArgument<string?>("subject")?.Trim(), MaxListed)).ToConnection(ctx));

        query.Connection<ResourceType, ResourceView>("myResources")
            .Description("The signed-in teacher's own resources, most recently changed first.")
            .Argument<BooleanGraphType>("includeArchived", "Also list archived ones (default false).")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(async ctx =>
            {
                var me = ctx.Actor().Id;
                var includeArchived = ctx.GetArgument("includeArchived", false);
                await using var session = ctx.OpenQuerySession();
                return await session.Query<ResourceView>()
                    .Where(r => r.AuthorId == me && (includeArchived || !r.Archived))
                    .ToConnectionAsync(ctx, by => by.Descending(r => r.UpdatedAt));
            });

        query.Field<ResourceType, ResourceView>("resource")
            .Description("One resource, if the signed-in person may see it (its author sees it archived too).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The resource.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var resource = await session.LoadAsync<ResourceView>(ctx.GetArgument<Guid>("id"), ctx.CancellationToken);
                var reader = await ReaderAsync(ctx, session);
                return resource is not null && (resource.AuthorId == reader.PersonId || reader.MaySee(resource))
                    ? resource
                    : throw BusinessRuleException.NotFound("Resource");
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ResourceType>, ResourceView>("publishResource")
            .Description("Adds a resource to the bank, shared as the teacher chooses.")
            .Argument<NonNullGraphType<PublishResourceInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ResourceView>(ctx.GetArgument<PublishResource>("input")));

        mutation.Field<NonNullGraphType<ResourceType>, ResourceView>("reviseResource")
            .Description("Changes one of the teacher's resources.")
            .Argument<NonNullGraphType<ReviseResourceInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ResourceView>(ctx.GetArgument<ReviseResource>("input")));

        mutation.Field<NonNullGraphType<ResourceType>, ResourceView>("archiveResource")
            .Description("Archives a resource instead of deleting it: by its author, or by direction.")
            .Argument<NonNullGraphType<IdGraphType>>("resourceId", "The resource.")
            .AuthorizeWithRoles(nameof(Role.Teacher), nameof(Role.Direction))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ResourceView>(new ArchiveResource(ctx.GetArgument<Guid>("resourceId"))));
    }

    /// <summary>The latest resources the signed-in person may see, most recently changed first, at most <paramref name="take"/> (a bounded list, paged in memory).</summary>
    internal static async Task<IReadOnlyList<ResourceView>> RecentAsync(IResolveFieldContext ctx, string? subject, int take)
    {
        await using var session = ctx.OpenQuerySession();
        var reader = await ReaderAsync(ctx, session);
        // Shared or own, newest first; the subject-team rule is then applied to a bounded batch.
        var candidates = await session.Query<ResourceView>()
            .Where(r => r.EstablishmentId == reader.EstablishmentId && !r.Archived && (r.AuthorId == reader.PersonId || r.Sharing != ResourceSharing.Teacher))
            .OrderByDescending(r => r.UpdatedAt)
            .Take(take * 4)
            .ToListAsync(ctx.CancellationToken);
        return [.. candidates.Where(reader.MaySee)
            .Where(r => string.IsNullOrEmpty(subject) || string.Equals(r.Subject, subject, StringComparison.OrdinalIgnoreCase))
            .Take(take)];
    }

    internal static async Task<ResourceReader> ReaderAsync(IResolveFieldContext ctx, IQuerySession session)
    {
        var actor = ctx.Actor();
        IReadOnlyCollection<string> subjects = [];
        if (actor.Role == Role.Teacher)
            subjects = [.. (await session.LoadAsync<PersonDetails>(actor.Id, ctx.CancellationToken))?.Teachings.Select(t => t.Subject.Trim()).Distinct(StringComparer.OrdinalIgnoreCase) ?? []];
        return new ResourceReader(actor.Id, actor.EstablishmentId ?? Guid.Empty, subjects);
    }
}
