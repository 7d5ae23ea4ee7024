using System.Web;
using MonBureau.Application.Identity;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>Drives the account life cycle through the API as staff and families would.</summary>
public static class Accounts
{
    public const string Password = "Cahier-de-textes-2026!";

    public static async Task<(string Login, string Code)> OpenAsync(AppFactory app, string staffToken, Guid personId)
    {
        var issued = (await app.Client(staffToken).SendAsync(
            "mutation($p: ID!) { openAccount(personId: $p) { accountCode { login activationCode expiresAt } userErrors { code message } } }", new { p = personId })).Ok()["openAccount"]!["accountCode"]!;
        return (issued["login"]!.GetValue<string>(), issued["activationCode"]!.GetValue<string>());
    }

    /// <summary>Opens and activates an account; for staff also sets up the authenticator and returns its secret.</summary>
    public static async Task<(string Login, string? TotpSecret)> ReadyAsync(AppFactory app, string staffToken, Guid personId)
    {
        var (login, code) = await OpenAsync(app, staffToken, personId);
        var activation = (await app.Client().SendAsync(
            "mutation($i: ActivateAccountInput!) { activateAccount(input: $i) { activationResult { secondFactorRequired totpProvisioningUri } userErrors { code message } } }",
            new { i = new { login, activationCode = code, newPassword = Password } })).Ok()["activateAccount"]!["activationResult"]!;
        if (!activation["secondFactorRequired"]!.GetValue<bool>())
            return (login, null);

        var secret = HttpUtility.ParseQueryString(new Uri(activation["totpProvisioningUri"]!.GetValue<string>()).Query)["secret"]!;
        (await app.Client().SendAsync(
            "mutation($i: ConfirmSecondFactorInput!) { confirmSecondFactor(input: $i) { done userErrors { code message } } }",
            new { i = new { login, password = Password, totpCode = NextCode(app, secret) } })).Ok();
        return (login, secret);
    }

    /// <summary>A fresh TOTP code: the clock moves one step on, since a step is accepted only once.</summary>
    public static string NextCode(AppFactory app, string secret)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        return SecondFactor.CodeAt(secret, app.Clock.GetUtcNow());
    }

    public static Task<GraphQLResponse> SignInAsync(AppFactory app, string login, string password = Password, string? totpCode = null, string? role = null, Guid? establishmentId = null) =>
        app.Client().SendAsync(
            "mutation($i: SignInInput!) { signIn(input: $i) { sessionTokens { accessToken refreshToken personId profile { role establishmentId } profiles { role establishmentId } } userErrors { code message retryAfter } } }",
            new { i = new { login, password, totpCode, role, establishmentId } });
}
