using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MonBureau.Application.Auditing;
using MonBureau.Application.Portal;
using MonBureau.Projections.Portal;

namespace MonBureau.Host.Portal;

/// <summary>A signed hand-off to a connector and where to post it.</summary>
public sealed record ServiceLaunch(Guid ConnectorId, string LaunchUrl, string Assertion, DateTimeOffset ExpiresAt);

/// <summary>
/// Single sign-on hand-off (docs/portal.md): a JWT signed with the connector's own key, for its audience only, valid
/// two minutes, with a one-time nonce (jti) the connector must refuse to see twice. The subject is the connector's
/// pseudonym of the person; names only for a connector that receives personal data (approved by the privacy officer).
/// </summary>
public sealed class ServiceAssertions(ConnectorKeys keys)
{
    public const string Issuer = "monbureau";
    public const string ProfileClaim = "profile";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <param name="names">Given and family name, only for a connector approved for personal data.</param>
    public ServiceLaunch Issue(ConnectorView connector, Actor actor, (string? Given, string? Family)? names = null)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(actor);
        // On the wall clock, like access tokens: the connector validates against its own clock, not business time.
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = keys.PseudonymFor(connector.Id, actor.Id),
            [JwtRegisteredClaimNames.Jti] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            [ProfileClaim] = actor.Role.ToString(),
        };
        if (connector.ReceivesPersonalData && names is { } known)
        {
            claims[JwtRegisteredClaimNames.GivenName] = known.Given ?? "";
            claims[JwtRegisteredClaimNames.FamilyName] = known.Family ?? "";
        }

        var expires = now + Lifetime;
        var assertion = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = connector.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(keys.SigningKeyFor(connector.Id)), SecurityAlgorithms.HmacSha256),
        });
        return new ServiceLaunch(connector.Id, connector.LaunchUrl, assertion, new DateTimeOffset(expires, TimeSpan.Zero));
    }
}
