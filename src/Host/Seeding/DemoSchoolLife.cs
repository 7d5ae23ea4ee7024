using Marten;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;
using MonBureau.Domain.Indicators;
using MonBureau.Domain.LessonLog;

namespace MonBureau.Host.Seeding;

/// <summary>
/// The demo's school life and teaching log for the dashboard: a roll call every school-day morning in each class, the
/// absences it notes (through the real decision), families justifying most of them and the office accepting, and the
/// teacher's cahier de textes. Absences, like the other drifting figures, rise in 2nde 2 in the last weeks and fewer
/// of them are justified; the cahier de textes stops being filled in then, so it shows as under-used.
/// </summary>
internal sealed class DemoSchoolLife(DemoEstablishment demo, IReadOnlyDictionary<Guid, Guid> guardianOf, Guid officeId, Random random, DateTimeOffset now)
{
    private static readonly TimeOnly LessonStart = new(8, 0);
    private static readonly AbsenceReason Illness = AbsenceReasonCatalog.Defaults.Single(r => r.Code == "MALADIE");
    private readonly Dictionary<Guid, (StudentAttendance State, List<object> Events)> records = [];

    public void Week(IDocumentSession session, IsoWeek week, TimeZoneInfo zone, Guid classId, IReadOnlyList<Guid> students, bool drifting)
    {
        var monday = week.StartIn(zone);
        for (var i = 0; i < 5; i++)
        {
            var day = week.Monday.AddDays(i);
            var takenAt = monday.AddDays(i).AddHours(8).AddMinutes(5);
            if (takenAt > now)
                return;
            var lesson = new Lesson(classId, "Mathématiques", day, LessonStart, LessonStart.AddHours(1));
            var rollCallId = AttendanceIds.RollCall(classId, day, LessonStart);
            var marks = students.Select(s => new RollCallMark(s, random.NextDouble() < (drifting ? 0.14 : 0.04) ? Presence.Absent : Presence.Present)).ToList();
            session.Events.StartStream<RollCall>(rollCallId, new RollCallTaken(rollCallId, demo.EstablishmentId, lesson, demo.TeacherId, marks, takenAt));
            foreach (var mark in marks.Where(m => m.Presence == Presence.Absent))
                Absent(mark, rollCallId, lesson, takenAt, drifting);
        }

        if (!drifting && monday.AddHours(17) <= now)
        {
            var entryId = Guid.CreateVersion7();
            session.Events.StartStream<LessonLogEntry>(entryId, new LessonLogEntryWritten(entryId, demo.EstablishmentId, classId, demo.TeacherId, "Mathématiques", week.Monday,
                $"Séance du {week.Monday:dd/MM}", PersonalData.Of(demo.TeacherId, "Fonctions affines : cours et exercices."), monday.AddHours(17)));
        }
    }

    /// <summary>Appends each student's attendance record, in the order its events were decided.</summary>
    public void Save(IDocumentSession session)
    {
        foreach (var (student, (_, events)) in records.OrderBy(r => r.Key))
            session.Events.StartStream<StudentAttendance>(AttendanceIds.StudentRecord(student, demo.EstablishmentId), [.. events]);
    }

    private void Absent(RollCallMark mark, Guid rollCallId, Lesson lesson, DateTimeOffset takenAt, bool drifting)
    {
        var (state, events) = records.TryGetValue(mark.StudentId, out var record) ? record : (StudentAttendance.Empty(mark.StudentId, demo.EstablishmentId), []);
        var decided = AttendanceDecisions.FromRollCall(state, rollCallId, lesson, mark, demo.TeacherId, Guid.CreateVersion7, takenAt);
        state = state.Evolve(decided);
        events.AddRange(decided);
        var (submittedAt, acceptedAt) = (takenAt.AddDays(1), takenAt.AddDays(2));
        if (decided.OfType<AbsenceRecorded>().SingleOrDefault() is { } absence && random.NextDouble() < (drifting ? 0.4 : 0.85)
            && acceptedAt <= now && guardianOf.TryGetValue(mark.StudentId, out var guardian))
        {
            object[] justified =
            [
                new AbsenceJustificationSubmitted(absence.AbsenceId, mark.StudentId, demo.EstablishmentId, guardian, Illness, PersonalData.Of(mark.StudentId, "Malade, certificat à suivre."), submittedAt),
                new AbsenceJustificationAccepted(absence.AbsenceId, mark.StudentId, demo.EstablishmentId, officeId, Illness, null, acceptedAt),
            ];
            state = state.Evolve(justified);
            events.AddRange(justified);
        }

        records[mark.StudentId] = (state, events);
    }
}
