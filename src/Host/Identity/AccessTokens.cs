using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MonBureau.Application.Auditing;

namespace MonBureau.Host.Identity;

/// <summary>
/// Short-lived signed access tokens (JWT, HMAC-SHA256). A token names one person acting in one profile in one
/// establishment, which is exactly the audit envelope's actor.
/// </summary>
public sealed class AccessTokens(SymmetricSecurityKey signingKey)
{
    public const string Issuer = "monbureau";
    public const string RoleClaim = "role";
    public const string EstablishmentClaim = "establishment";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public SymmetricSecurityKey SigningKey { get; } = signingKey;

    public static AccessTokens FromBase64Key(string base64Key) => new(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)));

    public string Issue(Actor actor, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // Token lifetimes run on the wall clock the bearer handler validates against, not on business time.
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = actor.Id.ToString(),
            [RoleClaim] = actor.Role.ToString(),
        };
        if (actor.EstablishmentId is { } establishment)
            claims[EstablishmentClaim] = establishment.ToString();

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? Lifetime),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Issuer,
        IssuerSigningKey = SigningKey,
        NameClaimType = JwtRegisteredClaimNames.Sub,
        RoleClaimType = RoleClaim,
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    /// <summary>The actor a validated principal stands for, or null for an anonymous or malformed one.</summary>
    public static Actor? ActorOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true
            || !Guid.TryParse(user.FindFirstValue(JwtRegisteredClaimNames.Sub), out var id)
            || !Enum.TryParse<Domain.Common.Role>(user.FindFirstValue(RoleClaim), out var role))
            return null;
        Guid? establishment = Guid.TryParse(user.FindFirstValue(EstablishmentClaim), CultureInfo.InvariantCulture, out var e) ? e : null;
        return new Actor(id, role, establishment);
    }
}
