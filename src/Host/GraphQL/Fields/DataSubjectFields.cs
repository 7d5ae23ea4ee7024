using GraphQL;
using GraphQL.Types;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Authorization;
using MonBureau.Host.Privacy;

namespace MonBureau.Host.GraphQL.Fields;

internal static class DataSubjectFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<PersonalDataExportType>, PersonalDataExport>("exportPersonalData")
            .Description("Everything held about a person (right of access, RGPD art. 15): for the person themself, or the privacy officer answering a request.")
            .Argument<NonNullGraphType<IdGraphType>>("subjectId", "The person.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var subjectId = ctx.GetArgument<Guid>("subjectId");
                if (ctx.Actor().Id != subjectId && ctx.Actor().Role != Role.PrivacyOfficer)
                {
                    await ctx.Service<DeniedAccessLog>().RecordAsync(ctx.Actor(), "Query.exportPersonalData", subjectId, "NotSubjectOrPrivacyOfficer");
                    throw new ExecutionError("Only the person themself or the privacy officer may export their data.") { Code = ErrorCodes.Forbidden };
                }

                await using var session = ctx.OpenQuerySession();
                var person = await PersonAccess.ReadableAsync(ctx, session, subjectId, DataCategory.Identity);
                await ctx.Service<AccessLog>().RecordAsync(PersonalDataExporter.ChildrenConsulted(
                    ctx.Actor(), person, [ctx.Actor().EstablishmentId], "Query.exportPersonalData", ctx.Service<TimeProvider>().GetUtcNow()));
                return await PersonalDataExporter.ExportAsync(session, ctx.Service<AccessHistory>(), person, ctx.CancellationToken);
            });
}

public sealed class PersonalDataExportType : ObjectGraphType<PersonalDataExport>
{
    public PersonalDataExportType()
    {
        Name = "PersonalDataExport";
        Description = "Everything held about a person: a machine-readable JSON bundle and a readable summary.";
        Field(x => x.Json).Description("JSON bundle: person, recorded facts, consents, homework, punishments and sanctions, children, consultations by others.");
        Field(x => x.Summary).Description("A short readable summary of the bundle.");
    }
}
