using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;
using MonBureau.Domain.Files;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Tests;

public class AttendanceDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 17, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly Guid ClassId = Guid.CreateVersion7();
    private static readonly Guid StudentId = Guid.CreateVersion7();
    private static readonly Guid OfficeId = Guid.CreateVersion7();
    private static readonly AbsenceReasonCatalog Catalog = new(EstablishmentId, AbsenceReasonCatalog.Defaults);

    private static StudentAttendance Record() => StudentAttendance.Empty(StudentId, EstablishmentId);

    private static Lesson LessonAt(DateOnly date, int hour) => new(ClassId, "Mathématiques", date, new TimeOnly(hour, 0), new TimeOnly(hour + 1, 0));

    private static Person Teacher()
    {
        var id = Guid.CreateVersion7();
        return Person.Create(new PersonRegistered(id, PersonalData.Of(id, "Claire"), PersonalData.Of(id, "Muller")))
            .Apply(new TeacherAppointed(id, EstablishmentId))
            .Apply(new TeachingAssigned(id, EstablishmentId, ClassId, "Mathématiques"));
    }

    private static StudentAttendance AbsentFromLessons(StudentAttendance record, params Lesson[] lessons) =>
        lessons.Aggregate(record, (r, lesson) => r.Evolve(AttendanceDecisions.FromRollCall(
            r, AttendanceIds.RollCall(lesson.TeachingUnitId, lesson.Date, lesson.Start), lesson, new RollCallMark(StudentId, Presence.Absent), OfficeId, Guid.CreateVersion7, Now)));

    private static IReadOnlyList<object> Absent(StudentAttendance record, DateOnly from, DayPart fromPart, DateOnly to, DayPart toPart, string? reason = null) =>
        AttendanceDecisions.RecordAbsence(record, new RecordAbsence(StudentId, from, fromPart, to, toPart, reason), Catalog, Guid.CreateVersion7(), OfficeId, Today, Now);

    [Theory]
    [InlineData(8, DayPart.Morning)]
    [InlineData(11, DayPart.Morning)]
    [InlineData(12, DayPart.Afternoon)]
    [InlineData(14, DayPart.Afternoon)]
    public void A_lesson_starting_before_noon_local_time_is_in_the_morning_and_from_noon_in_the_afternoon(int hour, DayPart part) =>
        Assert.Equal(new HalfDay(Today, part), HalfDay.OfLesson(Today, new TimeOnly(hour, 0)));

    [Fact]
    public void Two_lessons_missed_the_same_morning_count_as_one_half_day()
    {
        var record = AbsentFromLessons(Record(), LessonAt(Today, 8), LessonAt(Today, 10), LessonAt(Today, 14));

        Assert.Equal([new HalfDay(Today, DayPart.Morning), new HalfDay(Today, DayPart.Afternoon)], record.UnjustifiedHalfDays().Order());
    }

    [Fact]
    public void A_period_over_a_weekend_counts_only_school_half_days()
    {
        var friday = new DateOnly(2026, 11, 27);

        var recorded = Assert.IsType<AbsenceRecorded>(Assert.Single(Absent(Record(), friday, DayPart.Afternoon, friday.AddDays(3), DayPart.Morning)));

        Assert.Equal([new HalfDay(friday, DayPart.Afternoon), new HalfDay(friday.AddDays(3), DayPart.Morning)], recorded.HalfDays);
    }

    [Fact]
    public void A_justified_absence_recorded_by_the_office_justifies_the_roll_call_absences_of_that_half_day()
    {
        var record = AbsentFromLessons(Record(), LessonAt(Today, 8));

        record = record.Evolve(Absent(record, Today, DayPart.Morning, Today, DayPart.Morning, "maladie"));

        Assert.Empty(record.UnjustifiedHalfDays());
        Assert.Equal([new HalfDay(Today, DayPart.Morning)], record.JustifiedHalfDays());
    }

    [Fact]
    public void The_fourth_unjustified_half_day_of_a_month_raises_the_alert_once()
    {
        var monday = new DateOnly(2026, 11, 23);
        var record = Record().Evolve(Absent(Record(), monday, DayPart.Morning, monday.AddDays(1), DayPart.Morning));
        Assert.Empty(record.AlertedMonths);

        var events = Absent(record, monday.AddDays(2), DayPart.Morning, monday.AddDays(2), DayPart.Morning);
        var alert = Assert.Single(events.OfType<AbsenteeismAlertRaised>());
        Assert.Equal((2026, 11, 4), (alert.Year, alert.Month, alert.UnjustifiedHalfDays));
        Assert.Equal(AttendanceIds.Alert(StudentId, 2026, 11), alert.AlertId);

        record = record.Evolve(events);
        Assert.Empty(Absent(record, monday.AddDays(3), DayPart.Morning, monday.AddDays(3), DayPart.Afternoon).OfType<AbsenteeismAlertRaised>());
    }

    [Fact]
    public void Half_days_on_both_sides_of_a_month_boundary_are_counted_in_their_own_month()
    {
        var record = Record().Evolve(Absent(Record(), new DateOnly(2026, 11, 27), DayPart.Morning, new DateOnly(2026, 11, 27), DayPart.Afternoon));
        record = record.Evolve(Absent(record, new DateOnly(2026, 11, 30), DayPart.Morning, new DateOnly(2026, 11, 30), DayPart.Morning));

        var events = Absent(record, new DateOnly(2026, 12, 1), DayPart.Morning, new DateOnly(2026, 12, 1), DayPart.Afternoon);

        Assert.Empty(events.OfType<AbsenteeismAlertRaised>());
    }

    [Fact]
    public void Justified_half_days_do_not_count_towards_the_alert()
    {
        var monday = new DateOnly(2026, 11, 23);

        var events = Absent(Record(), monday, DayPart.Morning, monday.AddDays(2), DayPart.Afternoon, "MALADIE");

        Assert.Empty(events.OfType<AbsenteeismAlertRaised>());
    }

    [Fact]
    public void Resubmitting_a_roll_call_records_only_the_marks_that_changed()
    {
        var teacher = Teacher();
        var other = Guid.CreateVersion7();
        var id = AttendanceIds.RollCall(ClassId, Today, new TimeOnly(8, 0));
        var command = new TakeRollCall(ClassId, "Mathématiques", Today, new TimeOnly(8, 0), new TimeOnly(9, 0), [new RollCallMark(StudentId, Presence.Absent)]);
        var taken = Assert.IsType<RollCallTaken>(RollCallDecisions.Take(id, command, teacher, new TeachingUnit(ClassId, EstablishmentId), [StudentId, other], null, Today, Now));
        Assert.Equal([new RollCallMark(StudentId, Presence.Absent), new RollCallMark(other, Presence.Present)], taken.Marks);

        var correction = command with { Marks = [new RollCallMark(StudentId, Presence.Late, 10)] };
        var corrected = Assert.IsType<RollCallCorrected>(RollCallDecisions.Take(id, correction, teacher, new TeachingUnit(ClassId, EstablishmentId), [StudentId, other], RollCall.Create(taken), Today, Now));

        var change = Assert.Single(corrected.Changes);
        Assert.Equal(new RollCallChange(StudentId, new RollCallMark(StudentId, Presence.Absent), new RollCallMark(StudentId, Presence.Late, 10)), change);
        Assert.Null(RollCallDecisions.Take(id, correction, teacher, new TeachingUnit(ClassId, EstablishmentId), [StudentId, other], RollCall.Create(taken).Apply(corrected), Today, Now));
    }

    [Fact]
    public void Correcting_an_absence_into_a_lateness_withdraws_the_absence_and_records_the_lateness()
    {
        var lesson = LessonAt(Today, 8);
        var rollCallId = AttendanceIds.RollCall(ClassId, Today, lesson.Start);
        var record = AbsentFromLessons(Record(), lesson);

        var events = AttendanceDecisions.FromRollCall(record, rollCallId, lesson, new RollCallMark(StudentId, Presence.Late, 10), OfficeId, Guid.CreateVersion7, Now);

        Assert.IsType<AbsenceWithdrawn>(events[0]);
        Assert.Equal(10, Assert.IsType<LatenessRecorded>(events[1]).Minutes);
        Assert.Empty(record.Evolve(events).UnjustifiedHalfDays());
    }

    [Theory]
    [InlineData(Presence.Late, null)]
    [InlineData(Presence.Late, 0)]
    [InlineData(Presence.Absent, 5)]
    public void A_lateness_needs_its_minutes_and_only_a_lateness_has_them(Presence presence, int? minutes)
    {
        var command = new TakeRollCall(ClassId, "Mathématiques", Today, new TimeOnly(8, 0), new TimeOnly(9, 0), [new RollCallMark(StudentId, presence, minutes)]);

        var error = Assert.Throws<BusinessRuleException>(() => RollCallDecisions.Take(Guid.NewGuid(), command, Teacher(), new TeachingUnit(ClassId, EstablishmentId), [StudentId], null, Today, Now));

        Assert.Equal(ErrorCodes.Validation, error.Code);
    }

    [Fact]
    public void A_roll_call_for_a_lesson_of_tomorrow_is_refused()
    {
        var command = new TakeRollCall(ClassId, "Mathématiques", Today.AddDays(1), new TimeOnly(8, 0), new TimeOnly(9, 0), []);

        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(
            () => RollCallDecisions.Take(Guid.NewGuid(), command, Teacher(), new TeachingUnit(ClassId, EstablishmentId), [StudentId], null, Today, Now)).Code);
    }

    [Fact]
    public void A_guardian_without_the_right_to_justify_is_refused_and_another_family_sees_no_such_absence()
    {
        var record = AbsentFromLessons(Record(), LessonAt(Today, 8));
        var absenceId = record.Absences[0].Id;
        Person Guardian(Guid child, bool mayJustify)
        {
            var id = Guid.CreateVersion7();
            return Person.Create(new PersonRegistered(id, PersonalData.Of(id, "Sophie"), PersonalData.Of(id, "Schneider")))
                .Apply(new GuardianshipEstablished(id, child, EstablishmentId, new GuardianRights(true, mayJustify, true)));
        }

        var command = new JustifyAbsence(absenceId, "MALADIE", "Fièvre.");

        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<BusinessRuleException>(() => AttendanceDecisions.Justify(record, command, Guardian(StudentId, false), Catalog, [], Now)).Code);
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() => AttendanceDecisions.Justify(record, command, Guardian(Guid.CreateVersion7(), true), Catalog, [], Now)).Code);
        var submitted = AttendanceDecisions.Justify(record, command, Guardian(StudentId, true), Catalog, [], Now);
        Assert.Equal(PersonalData.Of(StudentId, "Fièvre."), submitted.Explanation);
    }

    [Fact]
    public void A_justification_s_scans_are_sealed_under_the_student_s_key_and_only_pdf_or_images_up_to_two_are_accepted()
    {
        var record = AbsentFromLessons(Record(), LessonAt(Today, 8));
        var guardianId = Guid.CreateVersion7();
        var guardian = Person.Create(new PersonRegistered(guardianId, PersonalData.Of(guardianId, "Sophie"), PersonalData.Of(guardianId, "Schneider")))
            .Apply(new GuardianshipEstablished(guardianId, StudentId, EstablishmentId, new GuardianRights(true, true, true)));
        var command = new JustifyAbsence(record.Absences[0].Id, "MALADIE", "Fièvre.");
        (Guid, UploadedFile) Scan(string name, string type, byte[] bytes) => (Guid.CreateVersion7(), new UploadedFile(name, type, bytes));
        var pdf = Scan("certificat.pdf", FileContentTypes.Pdf, "%PDF-1.4 certificat"u8.ToArray());

        var submitted = AttendanceDecisions.Justify(record, command, guardian, Catalog, [pdf], Now);

        Assert.Equal(PersonalData.Of(StudentId, "certificat.pdf"), Assert.Single(submitted.Documents!).Name);
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(
            () => AttendanceDecisions.Justify(record, command, guardian, Catalog, [Scan("mot.txt", FileContentTypes.PlainText, "Bonjour"u8.ToArray())], Now)).Code);
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(
            () => AttendanceDecisions.Justify(record, command, guardian, Catalog, [pdf, pdf, pdf], Now)).Code);
    }

    [Fact]
    public void An_accepted_justification_justifies_the_absence_and_a_non_justifying_reason_cannot_be_accepted()
    {
        var record = AbsentFromLessons(Record(), LessonAt(Today, 8));
        var guardianId = Guid.CreateVersion7();
        var pending = record.Evolve([new AbsenceJustificationSubmitted(record.Absences[0].Id, StudentId, EstablishmentId, guardianId, Catalog.Require("REVEIL"), PersonalData.Of(StudentId, "Réveil."), Now)]);

        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(
            () => AttendanceDecisions.Accept(pending, new AcceptAbsenceJustification(record.Absences[0].Id, null, null), Catalog, OfficeId, Now)).Code);
        var accepted = AttendanceDecisions.Accept(pending, new AcceptAbsenceJustification(record.Absences[0].Id, "MALADIE", "Certificat reçu."), Catalog, OfficeId, Now);

        Assert.Empty(pending.Evolve([accepted]).UnjustifiedHalfDays());
        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<BusinessRuleException>(
            () => AttendanceDecisions.Accept(pending.Evolve([accepted]), new AcceptAbsenceJustification(record.Absences[0].Id, null, null), Catalog, OfficeId, Now)).Code);
    }

    [Fact]
    public void A_roll_call_for_another_subject_at_the_time_of_an_existing_one_is_a_conflict_not_a_correction()
    {
        var mathematics = Teacher();
        var teacher = mathematics.Apply(new TeachingAssigned(mathematics.Id, EstablishmentId, ClassId, "Physique-chimie"));
        var unit = new TeachingUnit(ClassId, EstablishmentId);
        var command = new TakeRollCall(ClassId, "Mathématiques", Today, new TimeOnly(8, 0), new TimeOnly(9, 0), []);
        var taken = Assert.IsType<RollCallTaken>(RollCallDecisions.Take(Guid.NewGuid(), command, teacher, unit, [StudentId], null, Today, Now));

        var error = Assert.Throws<BusinessRuleException>(() => RollCallDecisions.Take(
            taken.RollCallId, command with { Subject = "Physique-chimie", Marks = [new RollCallMark(StudentId, Presence.Absent)] }, teacher, unit, [StudentId], RollCall.Create(taken), Today, Now));

        Assert.Equal(ErrorCodes.Conflict, error.Code);
    }

    [Fact]
    public void Roll_call_and_record_ids_never_change_derivation_since_stored_streams_depend_on_them()
    {
        var unit = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");

        Assert.Equal(AttendanceIds.RollCall(unit, new DateOnly(2026, 10, 5), new TimeOnly(8, 0)), AttendanceIds.RollCall(unit, new DateOnly(2026, 10, 5), new TimeOnly(8, 0)));
        Assert.NotEqual(AttendanceIds.RollCall(unit, new DateOnly(2026, 10, 5), new TimeOnly(8, 0)), AttendanceIds.RollCall(unit, new DateOnly(2026, 10, 5), new TimeOnly(9, 0)));
        Assert.Equal(Guid.Parse("bef61f5a-7c79-5698-a54b-33d70b03e1b8"), AttendanceIds.StudentRecord(unit, unit));
    }
}
