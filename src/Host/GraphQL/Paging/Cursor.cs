using System.Buffers.Text;
using System.Text.Json;
using MonBureau.Domain.Common;

namespace MonBureau.Host.GraphQL.Paging;

/// <summary>
/// Cursors are opaque to clients: base64url of a JSON array, a kind tag then the values that locate an item
/// (its sort keys and id, or its position in a bounded list). Anything else a client sends is refused as VALIDATION.
/// </summary>
internal static class Cursor
{
    /// <summary>Kind of the cursors that carry sort keys (then an id): read after them in SQL.</summary>
    public const string Keyset = "k";

    /// <summary>Kind of the cursors that carry a position in a bounded list paged in memory.</summary>
    public const string Position = "p";

    public static string Encode(string kind, IEnumerable<object?> values) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes((object?[])[kind, .. values.Select(ForPostgres)]));

    /// <summary>The values of a cursor of this kind, one per expected type, or VALIDATION when it is not one.</summary>
    public static object[] Decode(string cursor, string kind, IReadOnlyList<Type> types)
    {
        try
        {
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(cursor));
            var items = json.RootElement.EnumerateArray().ToList();
            if (items.Count != types.Count + 1 || items[0].GetString() != kind)
                throw NotACursor();
            return [.. types.Select((type, i) => items[i + 1].Deserialize(type) ?? throw NotACursor())];
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            throw NotACursor();
        }
    }

    public static BusinessRuleException NotACursor() =>
        BusinessRuleException.Invalid("after is not a cursor of this list: pass the endCursor of a page it returned.");

    /// <summary>
    /// PostgreSQL keeps microseconds, .NET ticks of 100 ns: a cursor carries the instant as the database rounded it
    /// when reading the document (half to even), else the item at the cursor would compare as after itself.
    /// </summary>
    private static object? ForPostgres(object? value)
    {
        if (value is not DateTimeOffset instant)
            return value;
        var (micro, rest) = Math.DivRem(instant.UtcTicks, TimeSpan.TicksPerMicrosecond);
        if (rest > 5 || (rest == 5 && micro % 2 == 1))
            micro++;
        return new DateTimeOffset(micro * TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    }
}
