using OtpNet;

namespace MonBureau.Application.Identity;

/// <summary>TOTP (RFC 6238: 30 s steps, 6 digits, SHA-1), as every authenticator app speaks it.</summary>
public static class SecondFactor
{
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public static string ProvisioningUri(string secret, string login) =>
        $"otpauth://totp/MonBureau:{Uri.EscapeDataString(login)}?secret={secret}&issuer=MonBureau&digits=6&period=30";

    /// <summary>The matched time step, or null. One step of drift either way; a step already used is refused (replay).</summary>
    public static long? Verify(string secret, string code, long lastUsedStep, DateTimeOffset now)
    {
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        if (!totp.VerifyTotp(now.UtcDateTime, code.Trim(), out var step, new VerificationWindow(previous: 1, future: 1)))
            return null;
        return step > lastUsedStep ? step : null;
    }

    public static string CodeAt(string secret, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at.UtcDateTime);
}
