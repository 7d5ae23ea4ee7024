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
    public static async Task<PersonDetails> ReadableAsync(IResolveFieldContext ctx, IQuerySession session, Guid personId, DataCategory category)
    {
        var actor = ctx.Actor();
        var target = await session.LoadAsync<PersonDetails>(personId, ctx.CancellationToken);
        if (target is not null && actor.Id == personId)
            return target;

        var actorRecord = await session.LoadAsync<PersonDetails>(actor.Id, ctx.CancellationToken);
        var groups = await session.Query<GroupDetails>().Where(g => g.Members.Contains(personId)).Select(g => g.Id).ToListAsync(ctx.CancellationToken);
        Guid[] units = target?.ClassId is { } classId ? [classId, .. groups] : [.. groups];
        if (target is not null && RelationshipPolicy.MayRead(actor, target, actorRecord, units, category))
        {
            var operation = $"{ctx.ParentType.Name}.{ctx.FieldDefinition.Name}";
            await ctx.Service<AccessLog>().RecordAsync([new AccessRecord(
                actor.Id, actor.Role, actor.EstablishmentId, personId, category, operation, ActingContext.CorrelationId ?? "", ctx.Service<TimeProvider>().GetUtcNow())]);
            return target;
        }

        await ctx.Service<DeniedAccessLog>().RecordAsync(actor, $"{ctx.ParentType.Name}.{ctx.FieldDefinition.Name}", personId, "NoRelationship");
        throw new ExecutionError("You are not allowed to see this person.") { Code = ErrorCodes.Forbidden };
    }
}
