using GraphQL;
using GraphQL.Types;
using MonBureau.Application;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Common;
using MonBureau.Domain.Privacy;
using MonBureau.Domain.People;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.People;
using Wolverine;

namespace MonBureau.Host.GraphQL.Fields;

internal static class PrivacyFields
{
    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PersonType>, PersonDetails>("rectifyIdentity")
            .Description("Corrects a person's name at their request (rectification, RGPD art. 16): privacy officer or administrator of an establishment where they hold a profile (a guardian: where a child of theirs does). For students, also correct the roster source (SIECLE): the next import that says otherwise wins.")
            .Argument<NonNullGraphType<RectifyIdentityInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.PrivacyOfficer), nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<PersonDetails>(ctx.GetArgument<RectifyIdentity>("input")));

        mutation.Field<NonNullGraphType<DateTimeOffsetGraphType>, DateTimeOffset>("forgetDataSubject")
            .Description("Erases a person's personal data everywhere by destroying their key; returns when it was forgotten. Privacy officer only; cannot be undone. Refused (ERASURE_REFUSED, with each reason and date) while official records need it: the lesson log they wrote, a sanction on their file.")
            .Argument<NonNullGraphType<ForgetDataSubjectInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.PrivacyOfficer))
            .ResolveAsync(async ctx =>
            {
                var command = ctx.GetArgument<ForgetDataSubject>("input");
                await ctx.Service<IMessageBus>().RunAsync(command, ctx.CancellationToken);
                return await ctx.Service<SubjectKeyRing>().ForgottenAtAsync(command.SubjectId, ctx.CancellationToken)
                    ?? throw new InvalidOperationException("The erasure was not recorded.");
            });
    }
}
