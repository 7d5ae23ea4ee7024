using GraphQL;
using GraphQL.Types;
using MonBureau.Application;
using MonBureau.Application.Importing;
using MonBureau.Domain.Common;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.People;
using Wolverine;

namespace MonBureau.Host.GraphQL.Fields;

internal static class ImportFields
{
    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ImportReportType>, ImportReport>("importStudentRoster")
            .Description("Imports students, guardians and classes from the roster export; applies only the differences with the previous import, all at once or not at all.")
            .Argument<NonNullGraphType<ImportStudentRosterInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(async ctx => await ctx.Service<IMessageBus>().RunAsync<ImportReport>(ctx.GetArgument<ImportStudentRoster>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<ScheduleImportReportType>, ScheduleImportReport>("importTeachingSchedule")
            .Description("Imports teachers, their teaching and the timetable from the schedule export; applies only the differences, all at once or not at all.")
            .Argument<NonNullGraphType<ImportTeachingScheduleInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(async ctx => await ctx.Service<IMessageBus>().RunAsync<ScheduleImportReport>(ctx.GetArgument<ImportTeachingSchedule>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PersonType>, PersonDetails>("linkStaffImportKey")
            .Description("Says which existing person an ENSEIGNANT_ID of the schedule export designates (resolving a needsReview line); appoints them as teacher here if needed.")
            .Argument<NonNullGraphType<IdGraphType>>("establishmentId", "Establishment.")
            .Argument<NonNullGraphType<IdGraphType>>("personId", "The existing person.")
            .Argument<NonNullGraphType<StringGraphType>>("importKey", "The ENSEIGNANT_ID of the export.")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<PersonDetails>(
                new LinkStaffImportKey(ctx.GetArgument<Guid>("establishmentId"), ctx.GetArgument<Guid>("personId"), ctx.GetArgument<string>("importKey"))));
    }
}
