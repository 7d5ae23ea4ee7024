using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Domain.Common;
using MonBureau.Domain.Homework;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>Homework is kept for its school year and one more: then the work, the copies and the comments are gone.</summary>
[Collection(YearEndHost.Name)]
public class HomeworkRetentionTests(AppFactory app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task A_year_after_its_school_year_homework_with_its_copies_and_comments_is_erased_but_still_counted()
    {
        app.MoveToNext(DayOfWeek.Monday, 9);
        var school = await SchoolScenario.CreateAsync(app);
        var homeworkId = SchoolScenario.IdOf((await app.Client(school.TeacherToken).SendAsync(
            "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }",
            new { i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title = "DM 3", instructions = "Exercices 4 et 5.", dueAt = app.Clock.GetUtcNow().AddDays(2) } })).Ok()["assignHomework"]!["homework"]);
        var copy = new { name = "copie.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String("%PDF-1.7\n% copie\n"u8.ToArray()) };
        var submitted = (await app.Client(school.StudentToken).SendAsync(
            "mutation($i: SubmitHomeworkInput!) { submitHomework(input: $i) { submission { id files { fileId } } userErrors { code message } } }",
            new { i = new { homeworkId, text = "Voici ma copie.", files = new[] { copy } } })).Ok()["submitHomework"]!["submission"]!;
        var submissionId = Guid.Parse(submitted["id"]!.GetValue<string>());
        var fileId = Guid.Parse(submitted["files"]![0]!["fileId"]!.GetValue<string>());
        (await app.Client(school.TeacherToken).SendAsync(
            "mutation($i: GiveSubmissionFeedbackInput!) { giveSubmissionFeedback(input: $i) { submission { id } userErrors { code message } } }",
            new { i = new { submissionId, comment = "Bon travail, attention aux signes." } })).Ok();
        var yearEnd = SchoolYear.Containing(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Paris).DateTime)).LastDay;

        app.MoveTo(yearEnd.AddDays(300));
        await RetentionPurges.RunAsync(app);
        var keptAfterTheYear = await StoredFiles.CountAsync(app, fileId);
        app.MoveTo(yearEnd.AddDays(367));
        var purged = (await RetentionPurges.RunAsync(app)).Due[Domain.Privacy.RetentionCategory.Homework];

        Assert.Equal(1L, keptAfterTheYear);
        Assert.True(purged >= 1);
        Assert.Equal(0L, await StoredFiles.CountAsync(app, fileId));
        Assert.Null((await app.Client(school.StudentToken).SendAsync("query($id: ID!) { mySubmission(homeworkId: $id) { id } }", new { id = homeworkId })).Ok()["mySubmission"]);
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var work = (await session.Events.FetchStreamAsync(submissionId)).Select(e => e.Data).ToList();
        Assert.Null(work.OfType<HomeworkSubmitted>().Single().Text!.Value);
        Assert.Null(work.OfType<SubmissionFeedbackGiven>().Single().Comment!.Value);
        Assert.Equal(school.StudentId, work.OfType<HomeworkSubmitted>().Single().StudentId); // still counted by the indicators
        Assert.Null((await session.Events.FetchStreamAsync(homeworkId)).Select(e => e.Data).OfType<HomeworkAssigned>().Single().Instructions.Value);
    }

}
