namespace MonBureau.Domain.Attendance;

/// <summary>Morning or afternoon (demi-journée): the unit in which French schools count absences.</summary>
public enum DayPart
{
    Morning,
    Afternoon,
}

/// <summary>One half-day of one date, in the establishment's local time (Europe/Paris for metropolitan schools).</summary>
public readonly record struct HalfDay(DateOnly Date, DayPart Part) : IComparable<HalfDay>
{
    /// <summary>Lessons starting before noon, local time, belong to the morning; from noon on (lunch-time lessons included) to the afternoon.</summary>
    public static readonly TimeOnly Noon = new(12, 0);

    /// <summary>At most a term's worth of school half-days in one recorded period.</summary>
    public const int MaxPeriodHalfDays = 60;

    public static HalfDay OfLesson(DateOnly date, TimeOnly localStart) => new(date, localStart < Noon ? DayPart.Morning : DayPart.Afternoon);

    /// <summary>
    /// Every school half-day from <paramref name="from"/> to <paramref name="to"/> inclusive. School days are Monday to
    /// Friday: weekends are never counted (holidays are not known yet, so a period should not span them).
    /// </summary>
    public static IReadOnlyList<HalfDay> Between(HalfDay from, HalfDay to)
    {
        var halfDays = new List<HalfDay>();
        for (var current = from; current <= to && halfDays.Count <= MaxPeriodHalfDays; current = current.Next())
        {
            if (current.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                halfDays.Add(current);
        }

        return halfDays;
    }

    public HalfDay Next() => Part == DayPart.Morning ? this with { Part = DayPart.Afternoon } : new HalfDay(Date.AddDays(1), DayPart.Morning);

    public int CompareTo(HalfDay other) => Date != other.Date ? Date.CompareTo(other.Date) : Part.CompareTo(other.Part);

    public static bool operator <(HalfDay left, HalfDay right) => left.CompareTo(right) < 0;

    public static bool operator >(HalfDay left, HalfDay right) => left.CompareTo(right) > 0;

    public static bool operator <=(HalfDay left, HalfDay right) => left.CompareTo(right) <= 0;

    public static bool operator >=(HalfDay left, HalfDay right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Date:yyyy-MM-dd} {(Part == DayPart.Morning ? "matin" : "après-midi")}";
}
