using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using MonBureau.Application.Auditing;
using MonBureau.Host.Identity;

namespace MonBureau.Host.Downloads;

/// <summary>
/// What the document downloads (certificates, report cards) share outside the GraphQL pipeline: the caller from the
/// Bearer access token, and refusals shaped like the API's errors (ADR 0014).
/// </summary>
internal static class DownloadRequest
{
    /// <summary>The signed-in caller, or null after setting the challenge header.</summary>
    public static async Task<Actor?> ActorAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var authentication = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (authentication.Succeeded && AccessTokens.ActorOf(authentication.Principal) is { } actor)
            return actor;
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return null;
    }

    public static IResult Refusal(int status, string code, string message) =>
        Results.Json(new { errors = new[] { new { message, extensions = new { code } } } }, statusCode: status);
}
