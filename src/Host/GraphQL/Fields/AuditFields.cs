using System.Globalization;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.People;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>The privacy officer's questions: who consulted this person's data, and what did this account consult.</summary>
internal static class AuditFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Connection<AccessEntryType, AccessEntry>("accessHistory", AccessPageSize, AccessHistory.MaxPage)
            .Description("Who consulted a person's data, in which profile and when, newest first (« qui a consulté les absences de Léa depuis septembre ? »).")
            .Argument<NonNullGraphType<IdGraphType>>("subjectId", "The person whose data was consulted.")
            .WithPageArguments()
            .AuthorizeWithRoles(nameof(Role.PrivacyOfficer))
            .ResolveAsync(async ctx =>
            {
                var subjectId = ctx.GetArgument<Guid>("subjectId");
                await RequireOfMyEstablishmentAsync(ctx, subjectId);
                return await PageAsync(ctx, subjectId: subjectId, actorId: null);
            });

        query.Connection<AccessEntryType, AccessEntry>("accessesBy", AccessPageSize, AccessHistory.MaxPage)
            .Description("What one account consulted in the privacy officer's establishment, newest first (account takeover checks).")
            .Argument<NonNullGraphType<IdGraphType>>("actorId", "The account (person) who consulted.")
            .WithPageArguments()
            .AuthorizeWithRoles(nameof(Role.PrivacyOfficer))
            .ResolveAsync(async ctx => await PageAsync(ctx, subjectId: null, actorId: ctx.GetArgument<Guid>("actorId")));
    }

    public static void AddReports(ObjectGraphType query)
    {
        query.Connection<AccessAnomalyType, AccessAnomaly>("accessAnomalies")
            .Description("Accounts of the establishment that consulted many more people than usual, or were refused again and again, in a period.")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("from", "Start of the period (inclusive).")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("to", "End of the period (exclusive).")
            .AuthorizeWithRoles(nameof(Role.PrivacyOfficer))
            // One line per unusual account, computed whole for the period: the (short) result is paged in memory.
            .ResolveAsync(async ctx => (await ctx.Service<AccessAnomalies>().FindAsync(
                ctx.Actor().EstablishmentId ?? Guid.Empty, ctx.GetArgument<DateTimeOffset>("from"), ctx.GetArgument<DateTimeOffset>("to"), ctx.CancellationToken)).ToConnection(ctx));

        query.Field<NonNullGraphType<StringGraphType>, string>("accessHistoryCsv")
            .Description($"A person's access history as CSV (semicolon-separated, newest first, at most {CsvLimit} rows), to answer a family in writing.")
            .Argument<NonNullGraphType<IdGraphType>>("subjectId", "The person whose data was consulted.")
            .Argument<DataCategoryType>("category", "Only this kind of data.")
            .Argument<DateTimeOffsetGraphType>("from", "From this moment (inclusive).")
            .Argument<DateTimeOffsetGraphType>("to", "Until this moment (exclusive).")
            .AuthorizeWithRoles(nameof(Role.PrivacyOfficer))
            .ResolveAsync(async ctx =>
            {
                var subjectId = ctx.GetArgument<Guid>("subjectId");
                await RequireOfMyEstablishmentAsync(ctx, subjectId);
                return await CsvAsync(ctx, subjectId);
            });
    }

    private const int CsvLimit = 10_000;

    private static async Task<string> CsvAsync(IResolveFieldContext ctx, Guid subjectId)
    {
        var entries = new List<AccessEntry>();
        long? before = null;
        AccessPage page;
        do
        {
            page = await ctx.Service<AccessHistory>().QueryAsync(
                new AccessQuery(subjectId, null, ctx.Actor().EstablishmentId, ctx.GetArgument<DataCategory?>("category"),
                    ctx.GetArgument<DateTimeOffset?>("from"), ctx.GetArgument<DateTimeOffset?>("to"), before, AccessHistory.MaxPage),
                ctx.CancellationToken);
            entries.AddRange(page.Entries);
            before = page.Entries.Count > 0 ? page.Entries[^1].Sequence : null;
        }
        while (page.HasMore && entries.Count < CsvLimit);

        await using var session = ctx.OpenQuerySession();
        var actors = (await session.LoadManyAsync<PersonDetails>(ctx.CancellationToken, entries.Select(e => e.Record.ActorId).Distinct()))
            .ToDictionary(p => p.Id, p => $"{p.GivenName.Value} {p.FamilyName.Value}".Trim());
        var csv = new System.Text.StringBuilder("date;actor_id;actor_name;actor_role;category;operation;correlation_id\n");
        foreach (var record in entries.Take(CsvLimit).Select(e => e.Record))
        {
            var name = actors.GetValueOrDefault(record.ActorId, "").Replace("\"", "\"\"", StringComparison.Ordinal);
            csv.Append(CultureInfo.InvariantCulture, $"{record.AccessedAt:yyyy-MM-dd HH:mm:ss}Z;{record.ActorId};\"{name}\";{record.Role};{record.Category};{record.Operation};{record.CorrelationId}\n");
        }

        return csv.ToString();
    }

    public static void AddVerification(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ChainVerificationType>, ChainVerification>("verifyAccessHistory")
            .Description("Checks that no access record was changed, removed or inserted since it was written (tamper evidence).")
            .AuthorizeWithRoles(nameof(Role.PrivacyOfficer))
            .ResolveAsync(async ctx => await ctx.Service<AccessChainVerifier>().VerifyAsync(ctx.CancellationToken));
        query.Field<NonNullGraphType<EventLogVerificationType>, EventLogVerification>("verifyEventLog")
            .Description("Checks that no event of the event log (the record of every action) was changed, removed or inserted since it was sealed, except by a recorded purge (tamper evidence).")
            .AuthorizeWithRoles(nameof(Role.PrivacyOfficer))
            .ResolveAsync(async ctx => await ctx.Service<EventChainVerifier>().VerifyAsync(ctx.CancellationToken));
    }

    /// <summary>The access history pages by more than other lists (up to <see cref="AccessHistory.MaxPage"/>): audits read it in bulk.</summary>
    private const int AccessPageSize = 50;

    private static FieldBuilder<object?, Connection<AccessEntry>> WithPageArguments(this FieldBuilder<object?, Connection<AccessEntry>> field) => field
        .Argument<DataCategoryType>("category", "Only this kind of data.")
        .Argument<DateTimeOffsetGraphType>("from", "From this moment (inclusive).")
        .Argument<DateTimeOffsetGraphType>("to", "Until this moment (exclusive).");

    /// <summary>A keyset page on the history's sequence, read in SQL by <see cref="AccessHistory"/>.</summary>
    private static async Task<Connection<AccessEntry>> PageAsync(IResolveFieldContext ctx, Guid? subjectId, Guid? actorId)
    {
        var request = PageRequest.From(ctx);
        long? before = request.After is { } after ? (long)Cursor.Decode(after, Cursor.Keyset, [typeof(long)])[0] : null;
        var page = await ctx.Service<AccessHistory>().QueryAsync(
            new AccessQuery(subjectId, actorId, ctx.Actor().EstablishmentId, ctx.GetArgument<DataCategory?>("category"),
                ctx.GetArgument<DateTimeOffset?>("from"), ctx.GetArgument<DateTimeOffset?>("to"), before, request.First),
            ctx.CancellationToken);
        return Connection.Of(page.Entries, page.HasMore, request, entry => Cursor.Encode(Cursor.Keyset, [entry.Sequence]));
    }

    /// <summary>The privacy officer audits the people of their establishment; anyone else is refused like a missing person.</summary>
    private static async Task RequireOfMyEstablishmentAsync(IResolveFieldContext ctx, Guid subjectId)
    {
        await using var session = ctx.OpenQuerySession();
        var subject = await session.LoadAsync<PersonDetails>(subjectId, ctx.CancellationToken);
        if (subject?.Profiles.Any(p => p.EstablishmentId == ctx.Actor().EstablishmentId) == true)
            return;
        await ctx.Service<DeniedAccessLog>().RecordAsync(ctx.Actor(), "Query.accessHistory", subjectId, "NotOfMyEstablishment");
        throw new ExecutionError("You are not allowed to see this person's access history.") { Code = ErrorCodes.Forbidden };
    }
}
