using GraphQL;
using GraphQL.Types;
using MonBureau.Application;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Privacy;
using MonBureau.Host.Authorization;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;

namespace MonBureau.Host.GraphQL.Fields;

internal static class ConsentFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Connection<ConsentStatusType, ConsentStatus>("consents")
            .Description("A person's consents for optional processing, now or as they stood at a past moment.")
            .Argument<NonNullGraphType<IdGraphType>>("subjectId", "The person.")
            .Argument<DateTimeOffsetGraphType>("asOf", "The moment to show; now when omitted.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var subject = await PersonAccess.ReadableAsync(ctx, session, ctx.GetArgument<Guid>("subjectId"), DataCategory.Identity);
                var asOf = ctx.GetArgument<DateTimeOffset?>("asOf");
                var events = asOf is { } moment
                    ? await session.Events.FetchStreamAsync(subject.Id, timestamp: moment, token: ctx.CancellationToken)
                    : await session.Events.FetchStreamAsync(subject.Id, token: ctx.CancellationToken);
                // One status per optional processing, folded from the person's stream: a short list paged in memory.
                return ConsentDecisions.StateAfter(events.Select(e => e.Data)).ToConnection(ctx);
            });

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConsentStatusType>>>, IReadOnlyList<ConsentStatus>>("giveConsent")
            .Description("Gives consent for an optional processing: for oneself, or as legal guardian for one's child.")
            .Argument<NonNullGraphType<IdGraphType>>("subjectId", "The person the consent is about.")
            .Argument<NonNullGraphType<ConsentPurposeType>>("purpose", "The processing.")
            .Authorize()
            .ResolveAsync(ctx => RecordAsync(ctx, new GiveConsent(ctx.GetArgument<Guid>("subjectId"), ctx.GetArgument<ConsentPurpose>("purpose"))));

        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConsentStatusType>>>, IReadOnlyList<ConsentStatus>>("withdrawConsent")
            .Description("Withdraws a consent; it stops applying at once. Its history is kept.")
            .Argument<NonNullGraphType<IdGraphType>>("subjectId", "The person the consent is about.")
            .Argument<NonNullGraphType<ConsentPurposeType>>("purpose", "The processing.")
            .Authorize()
            .ResolveAsync(ctx => RecordAsync(ctx, new WithdrawConsent(ctx.GetArgument<Guid>("subjectId"), ctx.GetArgument<ConsentPurpose>("purpose"))));
    }

    private static async Task<IReadOnlyList<ConsentStatus>?> RecordAsync(IResolveFieldContext ctx, object command)
    {
        var subjectId = await ctx.Service<Wolverine.IMessageBus>().RunAsync<Guid>(command, ctx.CancellationToken);
        await using var session = ctx.OpenQuerySession();
        return ConsentDecisions.StateAfter((await session.Events.FetchStreamAsync(subjectId, token: ctx.CancellationToken)).Select(e => e.Data));
    }
}
