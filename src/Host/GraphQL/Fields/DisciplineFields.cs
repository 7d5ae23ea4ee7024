using GraphQL;
using GraphQL.Types;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Discipline;
using MonBureau.Host.Authorization;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Discipline;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>
/// Punishments and sanctions. A student's disciplinary record is read by the student, their guardians, the
/// school-life office and direction only (<see cref="RelationshipPolicy.MayReadDisciplinaryRecord"/>); a teacher
/// sees the punishments they gave themself, never the sanctions.
/// </summary>
internal static class DisciplineFields
{
    // The profile half of the disciplinary circle; which student is the relationship half (PersonAccess).
    private static readonly string[] RecordReaders = [nameof(Role.Student), nameof(Role.Guardian), nameof(Role.SchoolLifeOffice), nameof(Role.Direction)];

    public static void AddQueries(ObjectGraphType query)
    {
        query.Connection<SanctionType, SanctionDetails>("studentSanctions")
            .Description("A student's sanctions still on file, latest first: for the student, their guardians, the school-life office and direction.")
            .Argument<NonNullGraphType<IdGraphType>>("studentId", "The student.")
            .AuthorizeWithRoles(RecordReaders)
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var student = await PersonAccess.ReadableAsync(ctx, session, ctx.GetArgument<Guid>("studentId"), DataCategory.Sanctions);
                return await session.Query<SanctionDetails>()
                    .Where(s => s.StudentId == student.Id)
                    .ToConnectionAsync(ctx, by => by.Descending(s => s.RecordedAt));
            });

        query.Connection<PunishmentType, PunishmentDetails>("studentPunishments")
            .Description("A student's punishments, latest first: for the student, their guardians, the school-life office and direction.")
            .Argument<NonNullGraphType<IdGraphType>>("studentId", "The student.")
            .AuthorizeWithRoles(RecordReaders)
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var student = await PersonAccess.ReadableAsync(ctx, session, ctx.GetArgument<Guid>("studentId"), DataCategory.Sanctions);
                return await session.Query<PunishmentDetails>()
                    .Where(p => p.StudentId == student.Id)
                    .ToConnectionAsync(ctx, by => by.Descending(p => p.RecordedAt));
            });

        query.Connection<PunishmentType, PunishmentDetails>("punishmentsIGave")
            .Description("The punishments the signed-in teacher gave, latest first; each student's record shown is recorded.")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.Actor();
                await using var session = ctx.OpenQuerySession();
                var given = await session.Query<PunishmentDetails>()
                    .Where(p => p.GivenBy == actor.Id && p.EstablishmentId == actor.EstablishmentId)
                    .ToConnectionAsync(ctx, by => by.Descending(p => p.RecordedAt));
                var now = ctx.Service<TimeProvider>().GetUtcNow();
                var operation = $"{ctx.ParentType.Name}.{ctx.FieldDefinition.Name}";
                await ctx.Service<AccessLog>().RecordAsync([.. given.Nodes.Select(p => p.StudentId).Distinct().Select(studentId => new AccessRecord(
                    actor.Id, actor.Role, actor.EstablishmentId, studentId, DataCategory.Sanctions, operation, ActingContext.CorrelationId ?? "", now))]);
                return given;
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PunishmentType>, PunishmentDetails>("givePunishment")
            .Description("Gives a punishment (punition scolaire): a teacher to a student they teach, the school-life office or direction to any student of the establishment.")
            .Argument<NonNullGraphType<GivePunishmentInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher), nameof(Role.SchoolLifeOffice), nameof(Role.Direction))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<PunishmentDetails>(ctx.GetArgument<GivePunishment>("input")));

        mutation.Field<NonNullGraphType<SanctionType>, SanctionDetails>("pronounceSanction")
            .Description("Pronounces a disciplinary sanction (direction only: the chef d'établissement); its erasure date follows R511-13.")
            .Argument<NonNullGraphType<PronounceSanctionInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Direction))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<SanctionDetails>(ctx.GetArgument<PronounceSanction>("input")));
    }
}
