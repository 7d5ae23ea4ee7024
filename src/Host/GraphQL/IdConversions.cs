using System.Numerics;
using GraphQL;

namespace MonBureau.Host.GraphQL;

/// <summary>
/// Every ID in this API is a UUID. GraphQL lets a client send an ID as a number; without these conversions a number
/// reached a resolver as an unknown conversion (an INTERNAL error) instead of a refused input (VALIDATION).
/// </summary>
internal static class IdConversions
{
    public static void Register()
    {
        ValueConverter.Register<int, Guid>(_ => throw NotAnId());
        ValueConverter.Register<long, Guid>(_ => throw NotAnId());
        ValueConverter.Register<BigInteger, Guid>(_ => throw NotAnId());
    }

    private static FormatException NotAnId() => new("An id is a UUID string, not a number.");
}
