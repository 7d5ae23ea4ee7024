using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Application;
using MonBureau.Domain.Common;
using MonBureau.Domain.Notifications;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Notifications;
using MonBureau.Projections.People;
using Wolverine;

namespace MonBureau.Host.GraphQL.Fields;

internal static class NotificationFields
{
    private const int Recent = 300;

    public static void AddQueries(ObjectGraphType query)
    {
        query.Connection<NotificationGroupType, NotificationGroupView>("notifications")
            .Description($"The signed-in person's notifications, bursts grouped, newest first (from their latest {Recent}).")
            .Argument<BooleanGraphType>("unreadOnly", "Only groups with something unread (default false).")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var me = ctx.Actor().Id;
                await using var session = ctx.OpenQuerySession();
                var mine = await session.Query<Notification>()
                    .Where(n => n.RecipientId == me)
                    .OrderByDescending(n => n.OccurredAt)
                    .Take(Recent)
                    .ToListAsync(ctx.CancellationToken);
                var unread = mine.Where(n => n.ReadAt is null).Select(n => n.Id).ToHashSet();
                // Bursts are grouped in memory from the latest notifications (bounded above): the groups are paged as a list.
                var groups = NotificationGrouping.Group(mine.Select(n => n.ToItem()))
                    .Where(g => !ctx.GetArgument("unreadOnly", false) || g.Items.Any(i => unread.Contains(i.Id)))
                    .ToList()
                    .ToConnection(ctx);
                var actors = groups.Nodes.Select(g => g.ActorId).OfType<Guid>().Distinct().ToArray();
                var names = (await session.LoadManyAsync<PersonDetails>(ctx.CancellationToken, actors))
                    .ToDictionary(p => p.Id, p => p is { GivenName.Value: { } given, FamilyName.Value: { } family } ? $"{given} {family}" : null);
                return groups.Select(g => new NotificationGroupView(
                    g, g.ActorId is { } actor ? names.GetValueOrDefault(actor) : null, g.Items.Any(i => unread.Contains(i.Id))));
            });

        query.Field<NonNullGraphType<IntGraphType>, int>("unreadNotificationCount")
            .Description("The badge: how many notification groups have something unread.")
            .Authorize()
            .ResolveAsync(UnreadCountAsync);

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationPreferenceType>>>, IReadOnlyList<NotificationPreferenceView>>("notificationPreferences")
            .Description("How the signed-in person is told about each category; guardians start from « essentials only ».")
            .Authorize()
            .ResolveAsync(async ctx => PreferencesOf(await SettingsAsync(ctx), ctx.Actor().Role == Role.Guardian));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<IntGraphType>, int>("markNotificationsRead")
            .Description("Marks the signed-in person's notifications read: the given ones, or all when none is given. Returns how many changed.")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("ids", "Notifications to mark; all when omitted.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var me = ctx.Actor().Id;
                var ids = ctx.GetArgument<List<Guid>?>("ids");
                await using var session = ctx.Service<IDocumentStore>().LightweightSession();
                var query = session.Query<Notification>().Where(n => n.RecipientId == me && n.ReadAt == null);
                var unread = ids is null ? await query.ToListAsync(ctx.CancellationToken) : await query.Where(n => n.Id.IsOneOf(ids)).ToListAsync(ctx.CancellationToken);
                var now = ctx.Service<TimeProvider>().GetUtcNow();
                foreach (var notification in unread)
                    notification.ReadAt = now;
                session.Store<Notification>(unread);
                await session.SaveChangesAsync(ctx.CancellationToken);
                return unread.Count;
            });

        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationPreferenceType>>>, IReadOnlyList<NotificationPreferenceView>>("setNotificationPreference")
            .Description("Chooses how the signed-in person is told about one category.")
            .Argument<NonNullGraphType<NotificationCategoryType>>("category", "The category.")
            .Argument<NonNullGraphType<NotificationPreferenceKindType>>("preference", "Immediately, daily digest, or off.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await ctx.Service<IMessageBus>().RunAsync<Guid>(
                    new SetNotificationPreference(ctx.GetArgument<NotificationCategory>("category"), ctx.GetArgument<NotificationPreference>("preference")), ctx.CancellationToken);
                return PreferencesOf(await SettingsAsync(ctx), ctx.Actor().Role == Role.Guardian);
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>, bool>("setNotificationEmail")
            .Description("Sets (or, with null, removes) the address e-mail notifications go to.")
            .Argument<StringGraphType>("email", "The address.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await ctx.Service<IMessageBus>().RunAsync<Guid>(new SetNotificationEmail(ctx.GetArgument<string?>("email")), ctx.CancellationToken);
                return true;
            });
    }

    /// <summary>The badge: how many notification groups have something unread for the signed-in person.</summary>
    internal static async Task<int> UnreadCountAsync(IResolveFieldContext ctx)
    {
        var me = ctx.Actor().Id;
        await using var session = ctx.OpenQuerySession();
        var unread = await session.Query<Notification>()
            .Where(n => n.RecipientId == me && n.ReadAt == null)
            .OrderByDescending(n => n.OccurredAt)
            .Take(Recent)
            .ToListAsync(ctx.CancellationToken);
        return NotificationGrouping.Group(unread.Select(n => n.ToItem())).Count;
    }

    private static async Task<NotificationSettings> SettingsAsync(IResolveFieldContext ctx)
    {
        var me = ctx.Actor().Id;
        await using var session = ctx.OpenQuerySession();
        return await session.LoadAsync<NotificationSettings>(me, ctx.CancellationToken) ?? NotificationSettings.Create(me);
    }

    private static List<NotificationPreferenceView> PreferencesOf(NotificationSettings settings, bool guardian) =>
        [.. Enum.GetValues<NotificationCategory>().Select(c => new NotificationPreferenceView(c, settings.For(c, guardian), settings.Chosen.ContainsKey(c)))];
}
