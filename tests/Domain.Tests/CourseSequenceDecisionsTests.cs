using MonBureau.Domain.Common;
using MonBureau.Domain.Homework;
using MonBureau.Domain.LessonLog;

namespace MonBureau.Domain.Tests;

public class CourseSequenceDecisionsTests
{
    private static readonly Guid FromClass = Guid.CreateVersion7();
    private static readonly Guid ToGroup = Guid.CreateVersion7();

    [Fact]
    public void Given_a_sequence_copied_to_next_year_When_planned_Then_lessons_and_due_dates_keep_their_rhythm_in_the_target_group()
    {
        var command = new CloneCourseSequence(FromClass, "Mathématiques", new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 27), ToGroup, new DateOnly(2027, 11, 15));
        var due = new DateTimeOffset(2026, 11, 20, 7, 0, 0, TimeSpan.Zero);

        var (lessons, homework) = CourseSequenceDecisions.Plan(command, targetIsGroup: true,
            [new SequenceLesson(new DateOnly(2026, 11, 16), "Cours 1", "…"), new SequenceLesson(new DateOnly(2026, 11, 23), "Cours 2", "…")],
            [new SequenceHomework("Exercices", "Page 84.", due, SubmissionFormat.Text, null)]);

        Assert.Equal([new DateOnly(2027, 11, 15), new DateOnly(2027, 11, 22)], lessons.Select(l => l.LessonDate));
        Assert.All(lessons, l => Assert.Equal(ToGroup, l.TeachingUnitId));
        var work = Assert.Single(homework);
        Assert.Equal((ToGroup, (Guid?)null), (work.GroupId!.Value, work.ClassId));
        Assert.Equal(due.AddDays(364), work.DueAt);
    }

    [Fact]
    public void Given_nothing_in_the_period_or_a_period_ending_before_it_starts_When_planned_Then_it_is_refused()
    {
        var empty = new CloneCourseSequence(FromClass, "Mathématiques", new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 27), ToGroup, new DateOnly(2026, 12, 1));
        var backwards = empty with { To = new DateOnly(2026, 11, 1) };

        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() => CourseSequenceDecisions.Plan(empty, true, [], [])).Code);
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() => CourseSequenceDecisions.Plan(backwards, true, [new SequenceLesson(new DateOnly(2026, 11, 16), "C", "…")], [])).Code);
    }
}
