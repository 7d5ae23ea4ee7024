using GraphQL;
using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.GraphQL;
using MonBureau.Projections.Groups;
using MonBureau.Projections.People;

namespace MonBureau.Host.Authorization;

/// <summary>Loads what <see cref="RelationshipPolicy"/> needs and applies it; a refusal looks the same whether or not the person exists.</summary>
internal static class PersonAccess
{
    /// <summary>
    /// The person, if the actor may read their <paramref name="category"/> data (the category decides who may: see
    /// <see cref="RelationshipPolicy.MayRead"/>); the read is recorded before it is returned.
    /// </summary>
    public static async Task<PersonDetails> ReadableAsync(IResolveFieldContext ctx, IQuerySession session, Guid personId, DataCategory category) =>
        await ReadableAsync(ctx.Actor(), ctx.RequestServices!, session, personId, category, $"{ctx.ParentType.Name}.{ctx.FieldDefinition.Name}", ctx.CancellationToken)
        ?? throw new ExecutionError("You are not allowed to see this person.") { Code = ErrorCodes.Forbidden };

    /// <summary>
    /// Records a read of a person's data whose rule is not the relationship policy but the record's own (a folder the
    /// person shared with the reader, a student's file in a teacher's drop box), so it shows in their access history all the same.
    /// </summary>
    public static Task RecordAsync(IResolveFieldContext ctx, Guid personId, DataCategory category)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var actor = ctx.Actor();
        return ctx.RequestServices!.GetRequiredService<AccessLog>().RecordAsync([new AccessRecord(
            actor.Id, actor.Role, actor.EstablishmentId, personId, category, $"{ctx.ParentType.Name}.{ctx.FieldDefinition.Name}",
            ActingContext.CorrelationId ?? "", ctx.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow())]);
    }

    /// <summary>The same rule for a request outside GraphQL (a download): null when refused, the refusal recorded as denied.</summary>
    /// <param name="operation">What the access history names the read, e.g. « GET /report-cards ».</param>
    public static async Task<PersonDetails?> ReadableAsync(
        Actor actor, IServiceProvider services, IQuerySession session, Guid personId, DataCategory category, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(session);
        var target = await session.LoadAsync<PersonDetails>(personId, cancellationToken);
        if (target is not null && actor.Id == personId)
            return target;

        var actorRecord = await session.LoadAsync<PersonDetails>(actor.Id, cancellationToken);
        var groups = await session.Query<GroupDetails>().Where(g => g.Members.Contains(personId)).Select(g => g.Id).ToListAsync(cancellationToken);
        Guid[] units = target?.ClassId is { } classId ? [classId, .. groups] : [.. groups];
        if (target is not null && RelationshipPolicy.MayRead(actor, target, actorRecord, units, category))
        {
            await services.GetRequiredService<AccessLog>().RecordAsync([new AccessRecord(
                actor.Id, actor.Role, actor.EstablishmentId, personId, category, operation, ActingContext.CorrelationId ?? "",
                services.GetRequiredService<TimeProvider>().GetUtcNow())]);
            return target;
        }

        await services.GetRequiredService<DeniedAccessLog>().RecordAsync(actor, operation, personId, "NoRelationship");
        return null;
    }
}
