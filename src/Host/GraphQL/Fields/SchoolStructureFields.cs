using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.People;
using MonBureau.Host.Authorization;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Classes;
using MonBureau.Projections.Establishments;
using MonBureau.Projections.People;

namespace MonBureau.Host.GraphQL.Fields;

internal static class SchoolStructureFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<PersonType, PersonDetails>("me")
            .Description("The signed-in person.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                return await session.LoadAsync<PersonDetails>(ctx.Actor().Id, ctx.CancellationToken);
            });

        query.Field<NonNullGraphType<PersonType>, PersonDetails>("person")
            .Description("A person's record: yourself, your child, a student you teach, or (school-life office, direction, administrators) anyone of your establishment.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The person.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                return await PersonAccess.ReadableAsync(ctx, session, ctx.GetArgument<Guid>("id"), DataCategory.Identity);
            });

        query.Field<EstablishmentType, EstablishmentDetails>("myEstablishment")
            .Description("The establishment the signed-in profile belongs to.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                if (ctx.Actor().EstablishmentId is not { } establishmentId)
                    return null;
                await using var session = ctx.OpenQuerySession();
                return await session.LoadAsync<EstablishmentDetails>(establishmentId, ctx.CancellationToken);
            });

        query.Connection<SchoolClassType, ClassDetails>("classes")
            .Description("Classes of the signed-in staff member's establishment (for a teacher: the classes they teach), by school year then name.")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator), nameof(Role.Teacher), nameof(Role.Direction), nameof(Role.SchoolLifeOffice))
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.Actor();
                await using var session = ctx.OpenQuerySession();
                var classes = session.Query<ClassDetails>().Where(c => c.EstablishmentId == actor.EstablishmentId);
                if (actor.Role == Role.Teacher)
                {
                    Guid[] taught = [.. await TeachingStructureFields.TaughtUnitsAsync(session, actor.Id, ctx.CancellationToken)];
                    classes = classes.Where(c => c.Id.IsOneOf(taught));
                }

                return await classes.ToConnectionAsync(ctx, by => by.Descending(c => c.SchoolYearStart).Ascending(c => c.Name));
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<EstablishmentType>, EstablishmentDetails>("openEstablishment")
            .Description("Opens a new establishment in the ENT. Region administrators only.")
            .Argument<NonNullGraphType<OpenEstablishmentInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.RegionAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<EstablishmentDetails>(ctx.GetArgument<OpenEstablishment>("input")));

        mutation.Field<NonNullGraphType<SchoolClassType>, ClassDetails>("createClass")
            .Description("Creates a class in the administrator's establishment.")
            .Argument<NonNullGraphType<CreateClassInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ClassDetails>(ctx.GetArgument<CreateClass>("input")));

        mutation.Field<NonNullGraphType<PersonType>, PersonDetails>("registerTeacher")
            .Description("Registers a teacher in the administrator's establishment.")
            .Argument<NonNullGraphType<RegisterTeacherInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx =>
            {
                var input = ctx.GetArgument<RegisterTeacherInput>("input");
                return ctx.SendAndReadAsync<PersonDetails>(new RegisterStaffMember(input.EstablishmentId, Role.Teacher, input.GivenName, input.FamilyName));
            });

        mutation.Field<NonNullGraphType<PersonType>, PersonDetails>("registerRegionAdministrator")
            .Description("Registers another region administrator (académie or région operator). Region administrators only.")
            .Argument<NonNullGraphType<StringGraphType>>("givenName", "Given name.")
            .Argument<NonNullGraphType<StringGraphType>>("familyName", "Family name.")
            .AuthorizeWithRoles(nameof(Role.RegionAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<PersonDetails>(new RegisterRegionAdministrator(ctx.GetArgument<string>("givenName"), ctx.GetArgument<string>("familyName"))));

        mutation.Field<NonNullGraphType<PersonType>, PersonDetails>("registerStaffMember")
            .Description("Registers a staff member (teacher, CPE, direction, privacy officer, administrator) in the administrator's establishment.")
            .Argument<NonNullGraphType<RegisterStaffMemberInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<PersonDetails>(ctx.GetArgument<RegisterStaffMember>("input")));

        mutation.Field<NonNullGraphType<PersonType>, PersonDetails>("registerGuardian")
            .Description("Registers a new guardian of a student of the administrator's establishment.")
            .Argument<NonNullGraphType<RegisterGuardianInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<PersonDetails>(ctx.GetArgument<RegisterGuardian>("input")));

        mutation.Field<NonNullGraphType<PersonType>, PersonDetails>("linkGuardian")
            .Description("Makes an existing person guardian of one more student, keeping one identity per parent.")
            .Argument<NonNullGraphType<LinkGuardianInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<PersonDetails>(ctx.GetArgument<LinkGuardian>("input")));

        mutation.Field<NonNullGraphType<PersonType>, PersonDetails>("enrollStudent")
            .Description("Enrols a new student in a class of the administrator's establishment.")
            .Argument<NonNullGraphType<EnrollStudentInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<PersonDetails>(ctx.GetArgument<EnrollStudent>("input")));
    }
}
