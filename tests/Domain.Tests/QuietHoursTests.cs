using MonBureau.Domain.Messaging;

namespace MonBureau.Domain.Tests;

public class QuietHoursTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static DateTimeOffset Paris_(int month, int day, int hour, int minute = 0) =>
        new(new DateTime(2026, month, day, hour, minute, 0), Paris.GetUtcOffset(new DateTime(2026, month, day, hour, minute, 0)));

    [Theory]
    [InlineData(11, 17, 21, 30, 11, 18, 7, 0)] // Tuesday evening → Wednesday morning
    [InlineData(11, 18, 6, 59, 11, 18, 7, 0)] // Wednesday just before the end of quiet
    [InlineData(11, 20, 20, 0, 11, 23, 7, 0)] // Friday 20:00 sharp → Monday morning
    [InlineData(11, 21, 10, 0, 11, 23, 7, 0)] // Saturday → Monday
    [InlineData(11, 22, 23, 0, 11, 23, 7, 0)] // Sunday night → Monday
    [InlineData(11, 23, 6, 0, 11, 23, 7, 0)] // Monday early morning
    public void Given_the_default_quiet_hours_When_something_is_produced_inside_them_Then_it_waits_for_their_end(
        int month, int day, int hour, int minute, int releaseMonth, int releaseDay, int releaseHour, int releaseMinute)
    {
        var released = QuietHours.Default.DeliveryTime(Paris_(month, day, hour, minute), Paris);

        Assert.Equal(Paris_(releaseMonth, releaseDay, releaseHour, releaseMinute), released);
    }

    [Theory]
    [InlineData(17, 7, 0)]
    [InlineData(17, 12, 0)]
    [InlineData(17, 19, 59)]
    public void Given_a_school_day_When_something_is_produced_in_the_daytime_Then_it_goes_at_once(int day, int hour, int minute)
    {
        var at = Paris_(11, day, hour, minute);

        Assert.Equal(at, QuietHours.Default.DeliveryTime(at, Paris));
    }

    [Fact]
    public void Given_a_school_that_keeps_weekends_open_When_writing_on_Friday_night_Then_it_goes_on_Saturday_morning()
    {
        var hours = QuietHours.Default with { WholeWeekend = false };

        Assert.Equal(Paris_(11, 21, 7, 0), hours.DeliveryTime(Paris_(11, 20, 22, 0), Paris));
    }

    [Fact]
    public void Given_the_night_the_clocks_go_back_When_writing_late_on_Saturday_Then_the_release_is_Monday_07_00_local_time()
    {
        var released = QuietHours.Default.DeliveryTime(Paris_(10, 24, 23, 0), Paris);

        Assert.Equal(new DateTimeOffset(2026, 10, 26, 6, 0, 0, TimeSpan.Zero), released);
    }

    [Fact]
    public void Given_quiet_hours_within_the_day_When_writing_inside_them_Then_it_waits_until_they_end_the_same_day()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0), WholeWeekend: false);

        Assert.Equal(Paris_(11, 17, 14, 0), lunch.DeliveryTime(Paris_(11, 17, 12, 30), Paris));
        Assert.Equal(Paris_(11, 17, 15, 0), lunch.DeliveryTime(Paris_(11, 17, 15, 0), Paris));
    }
}
