using System.Text.Json.Nodes;

namespace MonBureau.Host.Tests.Fuzzing;

/// <summary>Values that break naive code: injections, unicode edge cases, extremes of size and range.</summary>
public static class HostileValues
{
    public static readonly string[] Strings =
    [
        "",
        " ",
        "\t\r\n",
        "'; DROP TABLE monbureau.mt_events; --",
        "\" OR 1=1 --",
        "' OR ''='",
        "1; SELECT pg_sleep(10)",
        "{\"$ne\": null}",
        "{\"__proto__\": {\"admin\": true}}",
        "data->>'EstablishmentId'",
        "%s%s%s%n",
        "{0}{1}",
        "\0",
        "a\0b",
        "\uD800",
        "x\uDC00y",
        "\u202Egnp.exe",
        "\u200B\u200C\u200D\uFEFF",
        "e\u0301\u0301\u0301",
        "👩‍👩‍👧‍👦",
        "مرحبا بالعالم",
        "\u0085\u2028\u2029",
        "../../../../etc/passwd",
        "<script>alert(1)</script>",
        "${jndi:ldap://example.invalid/a}",
        "NaN",
        "-0",
        "1e309",
        "99999999999999999999999999",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "2026-02-30",
        "24:61",
        "00000000-0000-0000-0000-000000000000",
        "not-a-guid",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "TEACHER",
        "application/x-msdownload",
        "Nom;Prénom;Classe\n\"unterminated;x;y",
    ];

    public static string Huge(Random random) => new((char)random.Next('a', 'z' + 1), random.Next(2) == 0 ? 100_001 : 1_000_000);

    public static readonly JsonNode?[] Numbers =
    [
        0, -1, 1, int.MaxValue, int.MinValue, long.MaxValue, 9_007_199_254_740_993L, 1.5, -0.0, 1e300, decimal.MaxValue,
    ];

    /// <summary>JSON nested deeper than any parser should follow.</summary>
    public static JsonNode Deep(int depth)
    {
        JsonNode node = "bottom";
        for (var i = 0; i < depth; i++)
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["n"] = node };
        return node;
    }
}
