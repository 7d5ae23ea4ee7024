using GraphQL.Types;
using MonBureau.Application.Identity;
using MonBureau.Domain.People;

namespace MonBureau.Host.GraphQL.Types;

/// <summary>What a successful sign-in or renewal returns.</summary>
public sealed record SessionTokens(string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, Guid PersonId, Profile Profile, IReadOnlyList<Profile> Profiles);

public sealed class SessionTokensType : ObjectGraphType<SessionTokens>
{
    public SessionTokensType()
    {
        Name = "SessionTokens";
        Description = "Tokens for one person acting in one profile. Send the access token as `Authorization: Bearer`; renew with the refresh token before it expires.";
        Field(x => x.AccessToken).Description("Short-lived bearer token (15 minutes).");
        Field(x => x.AccessTokenExpiresAt).Description("When the access token expires.");
        Field(x => x.RefreshToken).Description("Single-use token to get new tokens (30 days); each use returns a new one.");
        Field(x => x.PersonId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The signed-in person.");
        Field(x => x.Profile, type: typeof(NonNullGraphType<ProfileType>)).Description("The profile these tokens act in.");
        Field(x => x.Profiles, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ProfileType>>>))
            .Description("Every profile the person holds; sign in again with `role` and `establishmentId` to switch.");
    }
}

public sealed class AccountCodeType : ObjectGraphType<AccountCodeIssued>
{
    public AccountCodeType()
    {
        Name = "AccountCode";
        Description = "A login and one-time activation code to hand to the person (on paper or face to face, never by e-mail to a shared address).";
        Field(x => x.Login).Description("The person's login, e.g. « lea.schneider ».");
        Field(x => x.ActivationCode).Description("One-time code to choose a password; shown once.");
        Field(x => x.ExpiresAt).Description("After this the code no longer works.");
    }
}

public sealed class ActivationResultType : ObjectGraphType<ActivationResult>
{
    public ActivationResultType()
    {
        Name = "ActivationResult";
        Description = "The account has a password. Staff profiles must then set up an authenticator app.";
        Field(x => x.SecondFactorRequired).Description("True when an authenticator app must be confirmed (confirmSecondFactor) before signing in.");
        Field(x => x.TotpProvisioningUri, nullable: true).Description("otpauth:// URI to show as a QR code in the authenticator app.");
    }
}
