using MonBureau.Domain.Common;
using MonBureau.Domain.Messaging;

namespace MonBureau.Domain.Indicators;

/// <summary>
/// Computes every weekly figure of one establishment from its indicator facts: the only place the formulas live, used
/// by the live dashboard, after a rebuild and "as of" a past date, so they cannot diverge. The facts are taken in a
/// fixed order (recorded time, then event id), whatever order they come in, so equal facts give equal figures.
/// </summary>
public static class IndicatorFold
{
    public const string DefaultTimeZone = "Europe/Paris";

    /// <param name="facts">The establishment's facts.</param>
    /// <param name="asOf">Only facts recorded by then count, and weeks after its week are not computed.</param>
    public static IReadOnlyList<WeeklyFigure> Compute(Guid establishmentId, IEnumerable<IndicatorFact> facts, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var known = facts
            .Where(f => f.EstablishmentId == establishmentId && f.RecordedAt <= asOf)
            .OrderBy(f => f.RecordedAt).ThenBy(f => f.Id)
            .ToList();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(known.LastOrDefault(f => f.Kind == FactKind.EstablishmentOpened)?.Code ?? DefaultTimeZone);
        var roll = Roll.From(known);
        var guardians = GuardianLinks.From(known);
        var lastWeek = IsoWeek.Of(asOf, zone);
        return
        [
            .. LoginRates(establishmentId, known, roll, zone, lastWeek),
            .. SubmissionRates(establishmentId, known, roll, zone, lastWeek),
            .. ResponseDelays(establishmentId, known, zone, lastWeek),
            .. GuardianConsultationRates(establishmentId, known, roll, guardians, zone, lastWeek),
            .. AttendanceFold.Rates(establishmentId, known, roll, zone, lastWeek),
            .. ModuleUsageFold.Shares(establishmentId, known, roll, guardians, zone, lastWeek),
        ];
    }

    /// <summary>
    /// The guardians responsible during the week for a student of the class that week, and those of them who signed in
    /// (guardian profile, this establishment) at least once that week. A guardian of children in two classes counts in both.
    /// </summary>
    private static IEnumerable<WeeklyFigure> GuardianConsultationRates(
        Guid establishmentId, List<IndicatorFact> facts, Roll roll, GuardianLinks links, TimeZoneInfo zone, IsoWeek lastWeek)
    {
        var signedIn = facts
            .Where(f => f.Kind == FactKind.SignedIn && f.Role == Role.Guardian)
            .Select(f => (Week: IsoWeek.Of(f.At, zone), Guardian: f.PersonId!.Value))
            .ToHashSet();
        if (roll.FirstPlacement(zone) is not { } firstWeek)
            yield break;
        for (var week = firstWeek; week <= lastWeek; week = week.Next())
        {
            var (start, end) = (week.StartIn(zone), week.EndIn(zone));
            var members = roll.ClassMembersDuring(start, end);
            foreach (var (classId, students) in members.OrderBy(m => m.Key))
            {
                var guardians = links.Of(students, start, end);
                if (guardians.Count > 0)
                    yield return Rate(Indicator.GuardianConsultationRate, establishmentId, classId, week, guardians.Count(g => signedIn.Contains((week, g))), guardians.Count, guardians.Count);
            }

            var everyone = links.Of(members.Values.SelectMany(s => s).Distinct(), start, end);
            if (everyone.Count > 0)
                yield return Rate(Indicator.GuardianConsultationRate, establishmentId, null, week, everyone.Count(g => signedIn.Contains((week, g))), everyone.Count, everyone.Count);
        }
    }

    /// <summary>Students of the class during the week (enrolled at any moment of it) who signed in at least once that week.</summary>
    private static IEnumerable<WeeklyFigure> LoginRates(Guid establishmentId, List<IndicatorFact> facts, Roll roll, TimeZoneInfo zone, IsoWeek lastWeek)
    {
        var signedIn = facts
            .Where(f => f.Kind == FactKind.SignedIn && f.Role == Role.Student)
            .Select(f => (Week: IsoWeek.Of(f.At, zone), Student: f.PersonId!.Value))
            .ToHashSet();
        if (roll.FirstPlacement(zone) is not { } firstWeek)
            yield break;
        for (var week = firstWeek; week <= lastWeek; week = week.Next())
        {
            var members = roll.ClassMembersDuring(week.StartIn(zone), week.EndIn(zone));
            foreach (var (classId, students) in members.OrderBy(m => m.Key))
                yield return Rate(Indicator.StudentLoginRate, establishmentId, classId, week, students.Count(s => signedIn.Contains((week, s))), students.Count, students.Count);
            var everyone = members.Values.SelectMany(s => s).ToHashSet();
            if (everyone.Count > 0)
                yield return Rate(Indicator.StudentLoginRate, establishmentId, null, week, everyone.Count(s => signedIn.Contains((week, s))), everyone.Count, everyone.Count);
        }
    }

    /// <summary>
    /// Each (homework, student it was for) pair due in the week counts once, in the student's class at the due time;
    /// it is handed in when the student submitted online at any time (late included) before the computation.
    /// </summary>
    private static IEnumerable<WeeklyFigure> SubmissionRates(Guid establishmentId, List<IndicatorFact> facts, Roll roll, TimeZoneInfo zone, IsoWeek lastWeek)
    {
        var handedIn = facts.Where(f => f.Kind == FactKind.HomeworkHandedIn).Select(f => (Homework: f.SubjectId!.Value, Student: f.PersonId!.Value)).ToHashSet();
        var pairs = new List<(IsoWeek Week, Guid ClassId, Guid Student, bool HandedIn)>();
        foreach (var homework in facts.Where(f => f.Kind == FactKind.HomeworkSet).DistinctBy(f => f.SubjectId))
        {
            var due = homework.DueAt!.Value;
            var week = IsoWeek.Of(due, zone);
            if (week > lastWeek)
                continue;
            foreach (var student in roll.MembersAt(homework.UnitId!.Value, due).Where(s => homework.Targets is null || homework.Targets.Contains(s)))
            {
                if (roll.ClassAt(student, due) is { } classId)
                    pairs.Add((week, classId, student, handedIn.Contains((homework.SubjectId!.Value, student))));
            }
        }

        foreach (var week in pairs.GroupBy(p => p.Week).OrderBy(g => g.Key))
        {
            foreach (var cell in week.GroupBy(p => p.ClassId).OrderBy(g => g.Key))
                yield return Rate(Indicator.OnlineSubmissionRate, establishmentId, cell.Key, week.Key, cell.Count(p => p.HandedIn), cell.Count(), cell.Select(p => p.Student).Distinct().Count());
            yield return Rate(Indicator.OnlineSubmissionRate, establishmentId, null, week.Key, week.Count(p => p.HandedIn), week.Count(), week.Select(p => p.Student).Distinct().Count());
        }
    }

    /// <summary>
    /// In each thread, a family's message (guardian) waits for the next message of a teacher; later messages of the
    /// family before that answer wait with the first. The delay is the working time between them (quiet hours in force
    /// when the family wrote do not count), counted in the week of the answer, for the establishment as a whole.
    /// </summary>
    private static IEnumerable<WeeklyFigure> ResponseDelays(Guid establishmentId, List<IndicatorFact> facts, TimeZoneInfo zone, IsoWeek lastWeek)
    {
        var quietHours = facts.Where(f => f.Kind == FactKind.QuietHoursSet).Select(f => (f.At, f.QuietHours!)).ToList();
        var answers = new List<(IsoWeek Week, Guid Teacher, double Hours)>();
        foreach (var thread in facts.Where(f => f.Kind == FactKind.MessagePosted).GroupBy(f => f.SubjectId))
        {
            DateTimeOffset? waitingSince = null;
            foreach (var message in thread.OrderBy(m => m.At).ThenBy(m => m.Id))
            {
                if (message.Role == Role.Guardian)
                    waitingSince ??= message.At;
                else if (message.Role == Role.Teacher && waitingSince is { } asked)
                {
                    var rules = quietHours.LastOrDefault(q => q.At <= asked).Item2 ?? QuietHours.Default;
                    answers.Add((IsoWeek.Of(message.At, zone), message.PersonId!.Value, ResponseDelay.WorkingTime(asked, message.At, rules, zone).TotalHours));
                    waitingSince = null;
                }
            }
        }

        foreach (var week in answers.Where(a => a.Week <= lastWeek).GroupBy(a => a.Week).OrderBy(g => g.Key))
        {
            var ordered = week.OrderBy(a => a.Teacher).ThenBy(a => a.Hours).ToList();
            yield return new WeeklyFigure(Indicator.TeacherResponseDelay, establishmentId, null, week.Key, ordered.Sum(a => a.Hours), ordered.Count, ordered.Select(a => a.Teacher).Distinct().Count());
        }
    }

    internal static WeeklyFigure Rate(Indicator indicator, Guid establishmentId, Guid? classId, IsoWeek week, int numerator, int denominator, int people) =>
        new(indicator, establishmentId, classId, week, numerator, denominator, people);
}
