using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Privacy;
using MonBureau.Projections.Discipline;
using MonBureau.Projections.Homework;
using MonBureau.Projections.People;

namespace MonBureau.Host.Privacy;

/// <summary>What a right-of-access request returns: everything held about a person, machine-readable and summarised.</summary>
public sealed record PersonalDataExport(string Json, string Summary);

/// <summary>
/// Gathers everything held about one person (RGPD art. 15): their record, what happened on their file, their
/// consents, their punishments and sanctions, who consulted their data, and — for a guardian — their children's records.
/// </summary>
public static class PersonalDataExporter
{
    private static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<PersonalDataExport> ExportAsync(IQuerySession session, AccessHistory history, PersonDetails person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(person);
        var events = await session.Events.FetchStreamAsync(person.Id, token: cancellationToken);
        var homework = person.ClassId is { } classId
            ? await session.Query<HomeworkDetails>().Where(h => h.ClassId == classId).OrderBy(h => h.DueAt).ToListAsync(cancellationToken)
            : [];
        var submissions = await session.Query<SubmissionDetails>().Where(s => s.StudentId == person.Id).OrderBy(s => s.SubmittedAt).ToListAsync(cancellationToken);
        var punishments = await session.Query<PunishmentDetails>().Where(p => p.StudentId == person.Id).OrderBy(p => p.RecordedAt).ToListAsync(cancellationToken);
        var sanctions = await session.Query<SanctionDetails>().Where(s => s.StudentId == person.Id).OrderBy(s => s.RecordedAt).ToListAsync(cancellationToken);
        var children = await session.LoadManyAsync<PersonDetails>(cancellationToken, person.Children.Select(c => c.StudentId));
        var accesses = await AllAccessesAsync(history, person.Id, cancellationToken);

        var bundle = new
        {
            person = Describe(person),
            history = events.Select(e => new { at = e.Timestamp, what = e.EventTypeName, by = e.UserName, data = e.Data }),
            consents = ConsentDecisions.StateAfter(events.Select(e => e.Data)),
            homework = homework.Select(h => new { h.Subject, h.Title, instructions = h.Instructions.Value, h.DueAt }),
            // The files' bytes are not inlined: each opens with the file query for the person themself.
            submissions = submissions.Select(s => new
            {
                s.HomeworkId, text = s.Text?.Value, s.SubmittedAt, s.Late,
                files = s.Files.Select(f => new { f.FileId, name = f.Name.Value, f.ContentType, f.Size, f.Sha256 }),
                feedback = s.Feedback.Select(f => new { f.GivenAt, f.Grade, comment = f.Comment?.Value }),
            }),
            punishments = punishments.Select(p => new { p.Kind, facts = p.Facts.Value, p.GivenOn, p.GivenBy, p.GivenAs }),
            sanctions = sanctions.Select(s => new { s.Kind, facts = s.Facts.Value, s.ExclusionDays, s.DecidedOn, s.ErasedOn, s.PronouncedBy }),
            children = children.Select(Describe),
            accessedBy = accesses.Select(a => new { a.Record.AccessedAt, a.Record.ActorId, role = a.Record.Role, category = a.Record.Category, a.Record.Operation }),
        };
        var summary = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Personal data held about {person.GivenName.Value} {person.FamilyName.Value} ({person.Id}):")
            .AppendLine(CultureInfo.InvariantCulture, $"- profiles: {string.Join(", ", person.Profiles.Select(p => p.Role))}")
            .AppendLine(CultureInfo.InvariantCulture, $"- {events.Count} recorded facts on their file, {homework.Count} homework assignments, {submissions.Count} homework handed in, {children.Count} children")
            .AppendLine(CultureInfo.InvariantCulture, $"- {punishments.Count} punishments and {sanctions.Count} sanctions still on file")
            .AppendLine(CultureInfo.InvariantCulture, $"- their data was consulted {accesses.Count} times by others (detail in accessedBy)")
            .ToString();
        return new PersonalDataExport(JsonSerializer.Serialize(bundle, Readable), summary);
    }

    private static object Describe(PersonDetails p) => new
    {
        p.Id,
        givenName = p.GivenName.Value,
        familyName = p.FamilyName.Value,
        p.Profiles,
        p.ClassId,
        p.Children,
        p.Teachings,
    };

    private static async Task<List<AccessEntry>> AllAccessesAsync(AccessHistory history, Guid subjectId, CancellationToken cancellationToken)
    {
        var all = new List<AccessEntry>();
        long? before = null;
        AccessPage page;
        do
        {
            page = await history.QueryAsync(new AccessQuery(subjectId, null, null, null, null, null, before, AccessHistory.MaxPage), cancellationToken);
            all.AddRange(page.Entries);
            before = page.Entries.Count > 0 ? page.Entries[^1].Sequence : null;
        }
        while (page.HasMore);

        return all;
    }
}
