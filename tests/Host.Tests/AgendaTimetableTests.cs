using MonBureau.Domain.Timetable;
using MonBureau.Host.Agenda;
using MonBureau.Projections.Timetable;

namespace MonBureau.Host.Tests;

public class AgendaTimetableTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly Guid ClassId = Guid.CreateVersion7();

    private static TimetableSlotView Slot(TimetableWeek week) =>
        new() { Id = Guid.CreateVersion7(), TeachingUnitId = ClassId, Subject = "SVT", Day = DayOfWeek.Tuesday, Start = new TimeOnly(10, 0), End = new TimeOnly(11, 0), Week = week };

    [Fact]
    public void Fortnightly_slots_fall_on_alternate_weeks_odd_iso_weeks_being_A()
    {
        // Tuesday 2026-11-17 is in ISO week 47 (odd: A), Tuesday 2026-11-24 in week 48 (B).
        var from = new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
        var lessons = PersonalAgenda.Occurrences([Slot(TimetableWeek.A), Slot(TimetableWeek.B), Slot(TimetableWeek.Every)],
            new Dictionary<Guid, HashSet<Guid>>(), Paris, from, from.AddDays(14));

        Assert.Equal(4, lessons.Count);
        Assert.Equal([TimetableWeek.Every, TimetableWeek.A], lessons.Where(l => l.StartsAt.Day == 17).Select(l => l.Slot.Week).Order());
        Assert.Equal([TimetableWeek.Every, TimetableWeek.B], lessons.Where(l => l.StartsAt.Day == 24).Select(l => l.Slot.Week).Order());
    }

    [Fact]
    public void A_lesson_keeps_its_Paris_wall_clock_time_across_the_change_to_summer_time()
    {
        var from = new DateTimeOffset(2027, 3, 22, 0, 0, 0, TimeSpan.Zero);
        var lessons = PersonalAgenda.Occurrences([Slot(TimetableWeek.Every)], new Dictionary<Guid, HashSet<Guid>>(), Paris, from, from.AddDays(14));

        Assert.Equal([new DateTimeOffset(2027, 3, 23, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 30, 8, 0, 0, TimeSpan.Zero)],
            lessons.Select(l => l.StartsAt.ToUniversalTime()));
    }
}
