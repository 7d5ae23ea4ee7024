using System.Text;
using MonBureau.Domain.Common;
using MonBureau.Domain.Files;
using MonBureau.Domain.Grading;
using MonBureau.Domain.Homework;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Tests;

public class HomeworkSubmissionDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly Guid ClassId = Guid.CreateVersion7();
    private static readonly Guid TeacherId = Guid.CreateVersion7();
    private static readonly Guid StudentId = Guid.CreateVersion7();
    private static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");

    private static Homework.Homework Work(SubmissionFormat format = SubmissionFormat.TextOrFile, IReadOnlyList<Guid>? students = null, IReadOnlyList<string>? types = null) =>
        Homework.Homework.Create(new HomeworkAssigned(Guid.CreateVersion7(), EstablishmentId, ClassId, TeacherId, "Mathématiques", "DM 3",
            PersonalData.Of(TeacherId, "Exercice 4."), Now.AddDays(2), Now.AddDays(-5), students, format, types));

    private static HomeworkSubmitted Submit(Homework.Homework work, string? text = "Ma réponse.", IReadOnlyList<UploadedFile>? files = null, HomeworkSubmission? previous = null, DateTimeOffset? at = null, bool inClass = true) =>
        SubmissionDecisions.Submit(new SubmitHomework(work.Id, text, files), StudentId, work, inClass, previous,
            [.. (files ?? []).Select(f => (Guid.CreateVersion7(), f))], at ?? Now);

    private static BusinessRuleException Refused(Action action) => Assert.Throws<BusinessRuleException>(action);

    [Fact]
    public void Given_work_due_later_When_a_student_of_the_class_hands_in_a_pdf_Then_it_is_recorded_with_its_hash_and_not_late()
    {
        var submitted = Submit(Work(), files: [new UploadedFile("copie.pdf", "application/pdf", PdfBytes)]);

        Assert.False(submitted.Late);
        var file = Assert.Single(submitted.Files);
        Assert.Equal(FileContentTypes.Pdf, file.ContentType);
        Assert.Equal(PdfBytes.Length, file.Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(PdfBytes)), file.Sha256);
        Assert.Equal(PersonalData.Of(StudentId, "copie.pdf"), file.Name);
        Assert.Equal(HomeworkSubmission.IdFor(submitted.HomeworkId, StudentId), submitted.SubmissionId);
    }

    [Fact]
    public void Given_the_due_date_has_passed_When_handing_in_for_the_first_time_Then_it_is_accepted_and_flagged_late() =>
        Assert.True(Submit(Work(), at: Now.AddDays(3)).Late);

    [Fact]
    public void Given_an_earlier_submission_When_handing_in_again_before_the_due_date_Then_it_replaces_it()
    {
        var work = Work();
        var first = HomeworkSubmission.Create(Submit(work));

        Assert.Equal("Version 2", Submit(work, "Version 2", previous: first, at: Now.AddHours(1)).Text!.Value);
    }

    [Fact]
    public void Given_an_earlier_submission_When_handing_in_again_after_the_due_date_Then_it_is_refused()
    {
        var work = Work();
        var first = HomeworkSubmission.Create(Submit(work));

        var error = Refused(() => Submit(work, "Trop tard", previous: first, at: Now.AddDays(3)));

        Assert.Equal(ErrorCodes.Validation, error.Code);
        Assert.Contains("due date has passed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_feedback_was_given_When_handing_in_again_Then_it_conflicts()
    {
        var work = Work();
        var marked = HomeworkSubmission.Create(Submit(work)) with { HasFeedback = true };

        Assert.Equal(ErrorCodes.Conflict, Refused(() => Submit(work, "Encore", previous: marked)).Code);
    }

    [Fact]
    public void Given_a_student_outside_the_class_or_not_named_When_handing_in_Then_the_homework_is_not_found()
    {
        Assert.Equal(ErrorCodes.NotFound, Refused(() => Submit(Work(), inClass: false)).Code);
        Assert.Equal(ErrorCodes.NotFound, Refused(() => Submit(Work(students: [Guid.CreateVersion7()]))).Code);
        Assert.False(Submit(Work(students: [StudentId])).Late);
    }

    [Theory]
    [InlineData(SubmissionFormat.Text, null, true, "text only")]
    [InlineData(SubmissionFormat.Text, null, false, "write your answer")]
    [InlineData(SubmissionFormat.File, "Texte", true, "files only")]
    [InlineData(SubmissionFormat.File, null, false, "at least one file")]
    [InlineData(SubmissionFormat.TextOrFile, null, false, "Write an answer or attach a file")]
    public void Given_an_expected_format_When_the_submission_does_not_match_Then_it_says_what_is_expected(SubmissionFormat format, string? text, bool withFile, string expected)
    {
        var error = Refused(() => Submit(Work(format), text, withFile ? [new UploadedFile("a.pdf", "application/pdf", PdfBytes)] : []));

        Assert.Equal(ErrorCodes.Validation, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_file_whose_bytes_are_not_its_declared_type_When_handing_in_Then_it_is_refused()
    {
        var exe = new UploadedFile("copie.pdf", "application/pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03]);

        Assert.Contains("does not contain what its type", Refused(() => Submit(Work(), files: [exe])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_type_outside_the_homework_s_allow_list_When_handing_in_Then_it_is_refused()
    {
        var png = new UploadedFile("photo.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]);

        Assert.Contains("not accepted here", Refused(() => Submit(Work(types: [FileContentTypes.Pdf]), files: [png])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_file_over_the_size_limit_When_handing_in_Then_it_is_refused_as_too_large()
    {
        var big = new byte[FileRules.MaxBytes + 1];
        PdfBytes.CopyTo(big, 0);

        Assert.Contains("too large", Refused(() => Submit(Work(), files: [new UploadedFile("gros.pdf", "application/pdf", big)])).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%PDF-1.4", FileContentTypes.Pdf)]
    [InlineData("Bonjour, voici ma réponse.\n", FileContentTypes.PlainText)]
    [InlineData("PK\u0003\u0004 word/document.xml", FileContentTypes.WordDocument)]
    [InlineData("\u0000\u0001binary", "application/octet-stream")]
    public void Content_types_are_recognised_by_their_bytes(string content, string expected) =>
        Assert.Equal(expected, FileContentTypes.Detect(Encoding.UTF8.GetBytes(content)));

    private static GradingScale Scale(GradingScaleKind kind, decimal? max, params string[] levels) =>
        GradingScale.Create(GradingScaleDecisions.Create(Guid.CreateVersion7(), new CreateGradingScale("Barème", kind, max, levels, true), EstablishmentId, null, Now));

    private static SubmissionFeedbackGiven Feedback(GradingScale? scale, string? mark, string? comment = "Bien.", Guid? teacherId = null)
    {
        var work = Work();
        var submission = HomeworkSubmission.Create(Submit(work));
        return SubmissionDecisions.GiveFeedback(new GiveSubmissionFeedback(submission.Id, scale?.Id, mark, comment), teacherId ?? TeacherId, submission, work, scale, Now);
    }

    [Fact]
    public void Given_a_scale_out_of_20_When_grading_14_comma_5_Then_the_mark_is_recorded_with_a_comment_sealed_under_the_student()
    {
        var feedback = Feedback(Scale(GradingScaleKind.Numeric, 20), "14,5");

        Assert.Equal("14.5", feedback.Grade!.Mark);
        Assert.Equal(PersonalData.Of(StudentId, "Bien."), feedback.Comment);
        Assert.Equal(Now, feedback.GivenAt);
    }

    [Theory]
    [InlineData("21")]
    [InlineData("-1")]
    [InlineData("12.345")]
    [InlineData("douze")]
    public void Given_a_scale_out_of_20_When_the_mark_is_off_the_scale_Then_it_is_refused(string mark) =>
        Assert.Equal(ErrorCodes.Validation, Refused(() => Feedback(Scale(GradingScaleKind.Numeric, 20), mark)).Code);

    [Fact]
    public void Given_a_scale_of_competency_levels_When_grading_Then_only_its_levels_are_accepted()
    {
        var scale = Scale(GradingScaleKind.Levels, null, "Très bonne maîtrise", "Maîtrise satisfaisante", "Maîtrise fragile", "Maîtrise insuffisante");

        Assert.Equal("Maîtrise fragile", Feedback(scale, "maîtrise fragile").Grade!.Mark);
        Assert.Contains("not on the scale", Refused(() => Feedback(scale, "B")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_another_teacher_s_homework_or_a_colleague_s_own_scale_When_giving_feedback_Then_it_is_not_found()
    {
        Assert.Equal(ErrorCodes.NotFound, Refused(() => Feedback(null, null, teacherId: Guid.CreateVersion7())).Code);
        var colleagues = GradingScale.Create(GradingScaleDecisions.Create(Guid.CreateVersion7(), new CreateGradingScale("Sur 10", GradingScaleKind.Numeric, 10, null, false), EstablishmentId, Guid.CreateVersion7(), Now));
        Assert.Equal(ErrorCodes.NotFound, Refused(() => Feedback(colleagues, "8")).Code);
    }

    [Fact]
    public void Given_neither_grade_nor_comment_When_giving_feedback_Then_it_is_refused() =>
        Assert.Equal(ErrorCodes.Validation, Refused(() => Feedback(null, null, comment: "  ")).Code);

    [Theory]
    [InlineData(GradingScaleKind.Numeric, null)]
    [InlineData(GradingScaleKind.Levels, null, "A")]
    [InlineData(GradingScaleKind.Levels, null, "A", "a")]
    [InlineData(GradingScaleKind.Numeric, 20, "A", "B")]
    public void Grading_scales_that_could_not_grade_anything_are_refused(GradingScaleKind kind, int? max, params string[] levels) =>
        Assert.Equal(ErrorCodes.Validation, Refused(() => GradingScaleDecisions.Create(Guid.CreateVersion7(), new CreateGradingScale("X", kind, max, levels, true), EstablishmentId, null, Now)).Code);

    [Fact]
    public void A_teacher_uses_the_establishment_s_scales_and_their_own_only()
    {
        var own = GradingScale.Create(GradingScaleDecisions.Create(Guid.CreateVersion7(), new CreateGradingScale("Sur 10", GradingScaleKind.Numeric, 10, null, false), EstablishmentId, TeacherId, Now));

        Assert.True(own.UsableBy(TeacherId, EstablishmentId));
        Assert.False(own.UsableBy(Guid.CreateVersion7(), EstablishmentId));
        Assert.True(Scale(GradingScaleKind.Numeric, 20).UsableBy(Guid.CreateVersion7(), EstablishmentId));
        Assert.False(Scale(GradingScaleKind.Numeric, 20).UsableBy(TeacherId, Guid.CreateVersion7()));
    }

    [Fact]
    public void Given_a_group_When_assigning_to_named_students_Then_only_its_members_can_be_named()
    {
        var id = Guid.CreateVersion7();
        var groupId = Guid.CreateVersion7();
        var teacher = Person.Create(new PersonRegistered(id, PersonalData.Of(id, "Claire"), PersonalData.Of(id, "Muller")))
            .Apply(new TeacherAppointed(id, EstablishmentId))
            .Apply(new TeachingAssigned(id, EstablishmentId, groupId, "Mathématiques"));
        var command = new AssignHomework(null, "Mathématiques", "Soutien", "Fiche 2.", Now.AddDays(3), groupId, [StudentId]);

        var assigned = HomeworkDecisions.Assign(Guid.CreateVersion7(), command, teacher, new TeachingUnit(groupId, EstablishmentId), new HashSet<Guid> { StudentId }, Now);

        Assert.Equal([StudentId], assigned.StudentIds);
        Assert.Equal(ErrorCodes.NotFound, Refused(() => HomeworkDecisions.Assign(Guid.CreateVersion7(), command, teacher, new TeachingUnit(groupId, EstablishmentId), new HashSet<Guid>(), Now)).Code);
        Assert.Equal(ErrorCodes.Validation, Refused(() => HomeworkDecisions.Assign(Guid.CreateVersion7(), command with { ClassId = ClassId }, teacher, new TeachingUnit(groupId, EstablishmentId), new HashSet<Guid>(), Now)).Code);
    }
}
