using System.Globalization;
using System.Text.Json.Nodes;

namespace MonBureau.Bench;

/// <summary>
/// The mutation the full-path figure measures, in one place: the school-life office records a lateness (retard) —
/// an everyday write that appends to the student's attendance stream and updates its inline read models. When the
/// mutation's return type changes (payload types), only this class changes.
/// </summary>
internal static class RepresentativeMutation
{
    public const string Name = "recordLateness";

    public const string Text = "mutation($i: RecordLatenessInput!) { recordLateness(input: $i) { lateness { id } userErrors { code message } } }";

    /// <summary>Yesterday, so the lateness has happened whatever the time zone; a student may be late any number of times.</summary>
    public static object Variables(Guid studentId, int iteration) => new
    {
        i = new
        {
            studentId,
            date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            minutes = 1 + iteration % 30,
        },
    };

    /// <summary>Fails the run unless the mutation answered what it wrote.</summary>
    public static void Check(JsonNode data)
    {
        if (data[Name]?["lateness"]?["id"] is null)
            throw new InvalidOperationException($"{Name} answered no id: {data.ToJsonString()}");
    }
}
