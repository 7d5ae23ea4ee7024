using System.Security.Cryptography;
using System.Text;

namespace MonBureau.Host.Agenda;

/// <summary>
/// The secret in a feed URL: 32 random bytes in base64url. Only its SHA-256 is stored; with that much entropy a
/// plain hash cannot be reversed by guessing, and looking the hash up leaks nothing about the secret through timing.
/// </summary>
public static class CalendarFeedTokens
{
    private const int Length = 43;

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string PathFor(string token) => $"/calendar/{token}.ics";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
