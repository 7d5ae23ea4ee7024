using GraphQL;
using GraphQL.Types;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using MonBureau.Application.Identity;
using MonBureau.Domain.Common;
using MonBureau.Domain.Identity;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Host.Identity;
using MonBureau.Projections.People;
using Wolverine;

namespace MonBureau.Host.GraphQL.Fields;

internal static class IdentityFields
{
    private static readonly Actor Authentication = Actor.SystemJob("authentication");

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SessionTokensType>, SessionTokens>("signIn")
            .Description("Signs in with login, password and, for staff, the authenticator code. Every attempt is recorded.")
            .Argument<NonNullGraphType<SignInInputType>>("input")
            .AllowAnonymous()
            .ResolveAsync(async ctx =>
            {
                var result = await AsAuthenticationAsync(ctx, bus => bus.RunAsync<SignInResult>(ctx.GetArgument<SignIn>("input"), ctx.CancellationToken));
                return await TokensForAsync(ctx, result);
            });

        mutation.Field<NonNullGraphType<SessionTokensType>, SessionTokens>("renewSession")
            .Description("Trades a refresh token for new tokens. A refresh token works once.")
            .Argument<NonNullGraphType<StringGraphType>>("refreshToken", "The refresh token from signIn or a previous renewal.")
            .AllowAnonymous()
            .ResolveAsync(async ctx =>
            {
                var result = await AsAuthenticationAsync(ctx, bus => bus.RunAsync<SignInResult>(new RenewSession(ctx.GetArgument<string>("refreshToken")), ctx.CancellationToken));
                return await TokensForAsync(ctx, result);
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>, bool>("signOut")
            .Description("Revokes a refresh token, ending that session.")
            .Argument<NonNullGraphType<StringGraphType>>("refreshToken", "The refresh token to revoke.")
            .AllowAnonymous()
            .ResolveAsync(async ctx =>
            {
                await AsAuthenticationAsync(ctx, async bus =>
                {
                    await bus.RunAsync(new EndSession(ctx.GetArgument<string>("refreshToken")), ctx.CancellationToken);
                    return true;
                });
                return true;
            });

        mutation.Field<NonNullGraphType<ActivationResultType>, ActivationResult>("activateAccount")
            .Description("Chooses a password with the one-time code handed out by the school.")
            .Argument<NonNullGraphType<ActivateAccountInputType>>("input")
            .AllowAnonymous()
            .ResolveAsync(async ctx => await AsAuthenticationAsync(ctx, bus => bus.RunAsync<ActivationResult>(ctx.GetArgument<ActivateAccount>("input"), ctx.CancellationToken)));

        mutation.Field<NonNullGraphType<BooleanGraphType>, bool>("confirmSecondFactor")
            .Description("Switches the authenticator app on, after activation (staff) or after startSecondFactorEnrollment.")
            .Argument<NonNullGraphType<ConfirmSecondFactorInputType>>("input")
            .AllowAnonymous()
            .ResolveAsync(async ctx =>
            {
                await AsAuthenticationAsync(ctx, async bus =>
                {
                    await bus.RunAsync(ctx.GetArgument<ConfirmSecondFactor>("input"), ctx.CancellationToken);
                    return true;
                });
                return true;
            });

        mutation.Field<NonNullGraphType<StringGraphType>, string>("startSecondFactorEnrollment")
            .Description("Begins setting up an authenticator app for the signed-in person; returns the otpauth:// URI to scan.")
            .Authorize()
            .ResolveAsync(async ctx => await ctx.Service<IMessageBus>().RunAsync<string>(new StartSecondFactorEnrollment(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<AccountCodeType>, AccountCodeIssued>("openAccount")
            .Description("Gives a person of the establishment an account: a login and a one-time activation code.")
            .Argument<NonNullGraphType<IdGraphType>>("personId", "The person.")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator), nameof(Role.SchoolLifeOffice), nameof(Role.RegionAdministrator))
            .ResolveAsync(async ctx => await ctx.Service<IMessageBus>().RunAsync<AccountCodeIssued>(new OpenAccount(ctx.GetArgument<Guid>("personId")), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<AccountCodeType>, AccountCodeIssued>("resetPassword")
            .Description("Issues a new activation code for a forgotten password; the old password and all sessions stop working.")
            .Argument<NonNullGraphType<IdGraphType>>("personId", "The person.")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator), nameof(Role.SchoolLifeOffice), nameof(Role.RegionAdministrator))
            .ResolveAsync(async ctx => await ctx.Service<IMessageBus>().RunAsync<AccountCodeIssued>(new ResetPassword(ctx.GetArgument<Guid>("personId")), ctx.CancellationToken));
    }

    /// <summary>Nobody is signed in yet, so the authentication service is the actor that records the attempt.</summary>
    private static async Task<T> AsAuthenticationAsync<T>(IResolveFieldContext ctx, Func<IMessageBus, Task<T>> run)
    {
        using var scope = ActingContext.Begin(Authentication, ActingContext.CorrelationId ?? Guid.CreateVersion7().ToString());
        return await run(ctx.Service<IMessageBus>());
    }

    private static async Task<SessionTokens> TokensForAsync(IResolveFieldContext ctx, SignInResult result)
    {
        if (result is not { PersonId: { } personId, Profile: { } profile, RefreshToken: { } refreshToken })
            throw Refusal(result);

        var tokens = ctx.Service<AccessTokens>();
        var actor = new Actor(personId, profile.Role, profile.EstablishmentId == Guid.Empty ? null : profile.EstablishmentId);
        await using var session = ctx.OpenQuerySession();
        var person = await session.LoadAsync<PersonDetails>(personId, ctx.CancellationToken);
        return new SessionTokens(tokens.Issue(actor), DateTimeOffset.UtcNow + AccessTokens.Lifetime, refreshToken, personId, profile, person?.Profiles ?? [profile]);
    }

    private static ExecutionError Refusal(SignInResult result) => result.Failure switch
    {
        SignInFailure.LockedOut => new ExecutionError($"Too many failed attempts; try again after {result.RetryAfter:HH:mm} UTC or ask the school.")
        {
            Code = ErrorCodes.AccountLocked,
            Extensions = new Dictionary<string, object?> { ["retryAfter"] = result.RetryAfter },
        },
        SignInFailure.SecondFactorMissing => new ExecutionError("Enter the code from your authenticator app.") { Code = ErrorCodes.SecondFactorRequired },
        SignInFailure.SecondFactorNotEnrolled => new ExecutionError("Set up your authenticator app first (confirmSecondFactor).") { Code = ErrorCodes.SecondFactorEnrollmentRequired },
        SignInFailure.NoSuchProfile => new ExecutionError("You do not hold this profile.") { Code = ErrorCodes.Forbidden },
        SignInFailure.WrongSecondFactor => new ExecutionError("Wrong code: try the current one.") { Code = ErrorCodes.InvalidCredentials },
        _ => new ExecutionError("Wrong login or password, or the session has ended.") { Code = ErrorCodes.InvalidCredentials },
    };
}
