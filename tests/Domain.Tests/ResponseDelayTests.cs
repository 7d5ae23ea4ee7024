using MonBureau.Domain.Messaging;

namespace MonBureau.Domain.Tests;

public class ResponseDelayTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static DateTimeOffset At(int day, int hour, int minute = 0)
    {
        var local = new DateTime(2026, 11, day, hour, minute, 0);
        return new DateTimeOffset(local, Paris.GetUtcOffset(local));
    }

    [Theory]
    [InlineData(17, 10, 0, 17, 11, 30, 90)] // Tuesday morning, answered the same morning
    [InlineData(17, 21, 30, 18, 8, 0, 60)] // Tuesday 21:30 → Wednesday 08:00: only 07:00–08:00 counts
    [InlineData(17, 19, 0, 18, 8, 0, 120)] // 19:00–20:00, then 07:00–08:00
    [InlineData(20, 19, 0, 23, 8, 0, 120)] // Friday 19:00 → Monday 08:00: the weekend does not count
    [InlineData(21, 10, 0, 22, 18, 0, 0)] // asked and answered within one weekend
    public void Given_default_quiet_hours_When_a_teacher_answers_Then_only_open_hours_count(
        int askedDay, int askedHour, int askedMinute, int answeredDay, int answeredHour, int answeredMinute, int expectedMinutes)
    {
        var delay = ResponseDelay.WorkingTime(At(askedDay, askedHour, askedMinute), At(answeredDay, answeredHour, answeredMinute), QuietHours.Default, Paris);

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), delay);
    }
}
