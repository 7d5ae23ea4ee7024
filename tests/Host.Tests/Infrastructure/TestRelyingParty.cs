using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>
/// What a connected service does with a hand-off (docs/portal.md): checks the signature with its own key, its audience,
/// the expiry (at most two minutes), and refuses a nonce (jti) it has already seen.
/// </summary>
public sealed class TestRelyingParty(SecurityKey key, string audience)
{
    private readonly HashSet<string> _seen = [];

    /// <summary>The claims of an accepted assertion; <paramref name="at"/> is the service's clock (now by default).</summary>
    public async Task<IDictionary<string, object>> AcceptAsync(string assertion, DateTime? at = null)
    {
        var now = at ?? DateTime.UtcNow;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = "monbureau",
            ValidAudience = audience,
            IssuerSigningKey = key,
            RequireExpirationTime = true,
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } end && now < end && (notBefore is not { } start || (start <= now.AddSeconds(5) && end - start <= TimeSpan.FromMinutes(2))),
        });
        if (!result.IsValid)
            throw new InvalidOperationException($"Refused: {result.Exception?.GetType().Name}");
        var nonce = result.Claims.TryGetValue(JwtRegisteredClaimNames.Jti, out var jti) ? jti as string : null;
        if (nonce is null || !_seen.Add(nonce))
            throw new InvalidOperationException("Refused: replayed");
        return result.Claims;
    }
}
