using MonBureau.Domain.Privacy;

namespace MonBureau.Domain.Tests;

public class NightlyPurgeTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void After_a_school_day_the_purge_runs_at_two_the_next_night() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 17, 2, 0, 0, TimeSpan.FromHours(1)),
            NightlyPurge.NextRun(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.FromHours(1)), NightlyPurge.DefaultTime, Paris));

    [Fact]
    public void A_run_at_two_is_followed_by_the_next_night_not_itself() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.FromHours(1)),
            NightlyPurge.NextRun(new DateTimeOffset(2026, 11, 17, 2, 0, 0, TimeSpan.FromHours(1)), NightlyPurge.DefaultTime, Paris));

    [Fact]
    public void The_spring_clock_change_night_runs_at_three_summer_time() =>
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 3, 0, 0, TimeSpan.FromHours(2)),
            NightlyPurge.NextRun(new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.FromHours(1)), NightlyPurge.DefaultTime, Paris));

    [Fact]
    public void The_autumn_clock_change_night_runs_at_the_first_of_the_two_half_past_twos_only()
    {
        var halfPastTwo = new TimeOnly(2, 30);
        var first = NightlyPurge.NextRun(new DateTimeOffset(2027, 10, 30, 12, 0, 0, TimeSpan.FromHours(2)), halfPastTwo, Paris);

        Assert.Equal(new DateTimeOffset(2027, 10, 31, 2, 30, 0, TimeSpan.FromHours(2)), first);
        Assert.Equal(new DateTimeOffset(2027, 11, 1, 2, 30, 0, TimeSpan.FromHours(1)), NightlyPurge.NextRun(first, halfPastTwo, Paris));
    }
}
