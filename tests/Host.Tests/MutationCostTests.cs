using MonBureau.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using static MonBureau.Host.Tests.Infrastructure.AttendanceScenario;

namespace MonBureau.Host.Tests;

/// <summary>
/// What one everyday write costs in SQL commands: the mutation the benchmark measures (docs/benchmarks.md, « Full-path
/// mutations ») counted command by command, so the figure quoted there is measured and a change that adds commands fails.
/// </summary>
[Collection(AppHost.Name)]
public class MutationCostTests(AppFactory app, ITestOutputHelper output)
{
    private const string RecordLateness = "mutation($i: RecordLatenessInput!) { recordLateness(input: $i) { lateness { id } userErrors { code message } } }";

    /// <summary>The SQL commands one <c>recordLateness</c> may send (its measured count; docs/benchmarks.md).</summary>
    private const int LatenessBound = 9;

    [Fact]
    public async Task Recording_a_lateness_costs_the_same_bounded_number_of_sql_commands_however_long_the_students_record()
    {
        var s = await CreateAsync(app);
        var cpe = app.Client(s.CpeToken);
        object Lateness(int minutes) => new { i = new { studentId = s.School.StudentId, date = "2026-10-06", minutes } };

        var (first, onEmptyRecord) = await SqlRoundTrips.CountAsync(cpe, RecordLateness, Lateness(5));
        first.Ok();
        for (var i = 0; i < 10; i++)
            (await cpe.SendAsync(RecordLateness, Lateness(6 + i))).Ok();
        var (later, onLongerRecord) = await SqlRoundTrips.CountAsync(cpe, RecordLateness, Lateness(30));
        later.Ok();
        output.WriteLine($"SQL commands of recordLateness: {onEmptyRecord} on a student's first lateness, {onLongerRecord} on the twelfth");

        Assert.InRange(onEmptyRecord, 1, LatenessBound);
        Assert.Equal(onEmptyRecord, onLongerRecord);
    }
}
