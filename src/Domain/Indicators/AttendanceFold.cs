using MonBureau.Domain.Attendance;

namespace MonBureau.Domain.Indicators;

/// <summary>
/// The absence rate and the unjustified-absence rate, from the roll calls (appel) as corrected by the computation
/// moment and from the absences and justifications recorded by then (docs/indicators.md).
/// </summary>
internal static class AttendanceFold
{
    /// <summary>One student's mark at one lesson, counted in the student's class on the lesson's day.</summary>
    private sealed record Mark(IsoWeek Week, Guid ClassId, Guid Student, bool Absent, bool Justified);

    public static IEnumerable<WeeklyFigure> Rates(Guid establishmentId, List<IndicatorFact> facts, Roll roll, TimeZoneInfo zone, IsoWeek lastWeek)
    {
        var justified = JustifiedHalfDays(facts);
        var marks = new List<Mark>();
        foreach (var rollCall in facts.Where(f => f.Kind is FactKind.RollCallTaken or FactKind.RollCallCorrected).GroupBy(f => f.SubjectId!.Value))
        {
            // Facts come in recorded order: the first roll call, then its corrections as they were made.
            if (rollCall.FirstOrDefault(f => f.Kind == FactKind.RollCallTaken) is not { HalfDays: [var halfDay] } taken)
                continue;
            var week = IsoWeek.Of(halfDay.Date);
            if (week > lastWeek)
                continue;
            var absent = new Dictionary<Guid, bool>();
            foreach (var fact in rollCall.Where(f => f.Kind == FactKind.RollCallTaken).Take(1).Concat(rollCall.Where(f => f.Kind == FactKind.RollCallCorrected)))
            {
                foreach (var student in fact.Targets ?? [])
                    absent[student] = fact.Absent?.Contains(student) == true;
            }

            var endOfDay = IsoWeek.LocalMidnight(halfDay.Date.AddDays(1), zone).AddTicks(-1);
            foreach (var (student, isAbsent) in absent.OrderBy(a => a.Key))
            {
                if (roll.ClassAt(student, endOfDay) is { } classId)
                    marks.Add(new Mark(week, classId, student, isAbsent, isAbsent && justified.Contains((student, halfDay))));
            }
        }

        foreach (var week in marks.GroupBy(m => m.Week).OrderBy(g => g.Key))
        {
            foreach (var cell in week.GroupBy(m => (Guid?)m.ClassId).OrderBy(g => g.Key).Append(week.GroupBy(_ => (Guid?)null).Single()))
            {
                yield return IndicatorFold.Rate(Indicator.AbsenceRate, establishmentId, cell.Key, week.Key, cell.Count(m => m.Absent), cell.Count(), cell.Select(m => m.Student).Distinct().Count());
                var missed = cell.Where(m => m.Absent).ToList();
                if (missed.Count > 0)
                    yield return IndicatorFold.Rate(Indicator.UnjustifiedAbsenceRate, establishmentId, cell.Key, week.Key, missed.Count(m => !m.Justified), missed.Count, missed.Select(m => m.Student).Distinct().Count());
            }
        }
    }

    /// <summary>
    /// Each (student, half-day) covered by an absence that is justified by the computation moment — by its reason when
    /// recorded or by an accepted justification — and not withdrawn (school-life rule: any justified absence over a
    /// half-day justifies it).
    /// </summary>
    private static HashSet<(Guid Student, HalfDay HalfDay)> JustifiedHalfDays(List<IndicatorFact> facts)
    {
        var covered = new HashSet<(Guid, HalfDay)>();
        foreach (var absence in facts.Where(f => f.Kind is FactKind.AbsenceRecorded or FactKind.AbsenceWithdrawn or FactKind.AbsenceJustified).GroupBy(f => f.SubjectId!.Value))
        {
            if (absence.FirstOrDefault(f => f.Kind == FactKind.AbsenceRecorded) is not { } recorded || absence.Any(f => f.Kind == FactKind.AbsenceWithdrawn))
                continue;
            if (recorded.Justifies == true || absence.Any(f => f.Kind == FactKind.AbsenceJustified && f.Justifies == true))
                covered.UnionWith((recorded.HalfDays ?? []).Select(h => (recorded.PersonId!.Value, h)));
        }

        return covered;
    }
}
