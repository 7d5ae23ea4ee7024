using System.Globalization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.LessonLog;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>The lesson log is kept as an official record for the years the establishment chose, then it goes.</summary>
[Collection(YearEndHost.Name)]
public class LessonLogRetentionTests(AppFactory app)
{
    [Fact]
    public async Task An_establishment_keeping_its_lesson_log_one_year_sees_entries_and_attachments_go_a_year_after_their_school_year()
    {
        var monday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.MoveToNext(DayOfWeek.Monday, 17), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var school = await SchoolScenario.CreateAsync(app);
        var handout = new { name = "fiche.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String("%PDF-1.7\n% fiche\n"u8.ToArray()) };
        var written = (await app.Client(school.TeacherToken).SendAsync(
            "mutation($i: WriteLessonLogEntryInput!) { writeLessonLogEntry(input: $i) { lessonLogEntry { id attachments { fileId } } userErrors { code message } } }",
            new { i = new { teachingUnitId = school.ClassId, subject = SchoolScenario.Subject, lessonDate = monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), title = "Fractions", content = "Addition de fractions.", attachments = new[] { handout } } })).Ok()["writeLessonLogEntry"]!["lessonLogEntry"]!;
        var entryId = Guid.Parse(written["id"]!.GetValue<string>());
        var fileId = Guid.Parse(written["attachments"]![0]!["fileId"]!.GetValue<string>());
        (await app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId))).SendAsync(
            "mutation { overrideRetention(category: LESSON_LOG, days: 365) { retentionPolicies { days } userErrors { code message } } }")).Ok();
        var yearEnd = SchoolYear.Containing(monday).LastDay;

        app.MoveTo(yearEnd.AddDays(300));
        await RetentionPurges.RunAsync(app);
        var keptWhileDue = await StoredFiles.CountAsync(app, fileId);
        app.MoveTo(yearEnd.AddDays(367));
        await RetentionPurges.RunAsync(app);

        Assert.Equal(1L, keptWhileDue);
        Assert.Equal(0L, await StoredFiles.CountAsync(app, fileId));
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = (await session.Events.FetchStreamAsync(entryId)).Select(e => e.Data).ToList();
        Assert.Null(events.OfType<LessonLogEntryWritten>().Single().Content.Value);
        Assert.Contains(events, e => e is LessonLogEntryPurged);
        Assert.Null(await session.LoadAsync<LessonLogEntry>(entryId));
    }
}
