using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Portal;
using MonBureau.Domain.Privacy;
using MonBureau.Projections.People;

namespace MonBureau.Host.Privacy;

/// <summary>What a right-of-access request returns: everything held about a person, machine-readable and summarised.</summary>
public sealed record PersonalDataExport(string Json, string Summary);

/// <summary>
/// Gathers everything held about one person (RGPD art. 15): their record, what happened on their file, their
/// consents, their schooling, their portfolios, their messages, their forum posts and reports, their workspace, what
/// the ENT keeps to reach them, the services they opened, who consulted their data, and — for a guardian — each
/// child's record, schooling and shared portfolios and who consulted them. One small exporter per area does the gathering.
/// </summary>
public static class PersonalDataExporter
{
    private static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>What a child's section holds, so what exporting it consults.</summary>
    private static readonly DataCategory[] ChildSections = [DataCategory.Identity, DataCategory.Absences, DataCategory.Grades, DataCategory.Homework, DataCategory.Sanctions, DataCategory.Portfolio];

    /// <summary>
    /// A guardian's bundle holds each child's file: reading it consults the child's data, recorded in the child's access
    /// history like any other consultation (one record per category, in each establishment given).
    /// </summary>
    public static IReadOnlyList<AccessRecord> ChildrenConsulted(Actor actor, PersonDetails person, IEnumerable<Guid?> establishments, string operation, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(person);
        return [.. from child in person.Children
                   from establishment in establishments
                   from category in ChildSections
                   select new AccessRecord(actor.Id, actor.Role, establishment, child.StudentId, category, operation, ActingContext.CorrelationId ?? "", at)];
    }

    public static async Task<PersonalDataExport> ExportAsync(IQuerySession session, AccessHistory history, PersonDetails person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(person);
        var events = await session.Events.FetchStreamAsync(person.Id, token: cancellationToken);
        var schooling = await StudentRecordExport.GatherAsync(session, person, cancellationToken);
        var portfolios = await PortfoliosExport.GatherAsync(session, person.Id, sharedOnly: false, cancellationToken);
        var messages = await MessagesExport.GatherAsync(session, person.Id, cancellationToken);
        var reaching = await NotificationsExport.GatherAsync(session, person.Id, cancellationToken);
        var forums = await ForumsExport.GatherAsync(session, person.Id, cancellationToken);
        var workspace = await WorkspaceExport.GatherAsync(session, person.Id, cancellationToken);
        var openings = await session.Events.QueryRawEventDataOnly<ServiceOpened>().Where(o => o.PersonId == person.Id).OrderBy(o => o.OpenedAt).ToListAsync(cancellationToken);
        var accesses = await AllAccessesAsync(history, person.Id, cancellationToken);
        var children = new List<(PersonDetails Child, StudentRecordSection Schooling, (object Data, int Portfolios) Shared, List<AccessEntry> Accesses)>();
        foreach (var child in await session.LoadManyAsync<PersonDetails>(cancellationToken, person.Children.Select(c => c.StudentId)))
        {
            children.Add((child, await StudentRecordExport.GatherAsync(session, child, cancellationToken),
                await PortfoliosExport.GatherAsync(session, child.Id, sharedOnly: true, cancellationToken), await AllAccessesAsync(history, child.Id, cancellationToken)));
        }

        var bundle = new
        {
            person = Describe(person),
            history = events.Select(e => new { at = e.Timestamp, what = e.EventTypeName, by = e.UserName, data = e.Data }),
            consents = ConsentDecisions.StateAfter(events.Select(e => e.Data)),
            schooling = schooling.Data,
            portfolios = portfolios.Data,
            messageThreads = messages.Data,
            notifications = reaching.Data,
            forums = forums.Data,
            workspace = workspace.Data,
            serviceOpenings = openings.Select(o => new { o.ConnectorId, o.Profile, o.OpenedAt }),
            children = children.Select(c => new { person = Describe(c.Child), schooling = c.Schooling.Data, sharedPortfolios = c.Shared.Data, accessedBy = Accessed(c.Accesses) }),
            accessedBy = Accessed(accesses),
        };
        var summary = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Personal data held about {person.GivenName.Value} {person.FamilyName.Value} ({person.Id}):")
            .AppendLine(CultureInfo.InvariantCulture, $"- profiles: {string.Join(", ", person.Profiles.Select(p => p.Role))}")
            .AppendLine(CultureInfo.InvariantCulture, $"- {events.Count} recorded facts on their file")
            .AppendLine(CultureInfo.InvariantCulture, $"- schooling: {schooling.Counts}")
            .AppendLine(CultureInfo.InvariantCulture, $"- {portfolios.Portfolios} portfolios")
            .AppendLine(CultureInfo.InvariantCulture, $"- {messages.Threads} message threads holding {messages.Messages} messages they wrote or received")
            .AppendLine(CultureInfo.InvariantCulture, $"- {reaching.Notifications} notifications and {reaching.Feeds} calendar feeds")
            .AppendLine(CultureInfo.InvariantCulture, $"- {forums.Posts} forum posts they wrote and {forums.Reports} reports they made")
            .AppendLine(CultureInfo.InvariantCulture, $"- workspace: {workspace.Folders} folders and {workspace.Files} files they own or placed")
            .AppendLine(CultureInfo.InvariantCulture, $"- {openings.Count} services of the portal opened")
            .AppendLine(CultureInfo.InvariantCulture, $"- their data was consulted {accesses.Count} times by others (detail in accessedBy)")
            .AppendLine(CultureInfo.InvariantCulture, $"- {children.Count} children");
        foreach (var (child, childSchooling, shared, childAccesses) in children)
        {
            summary.AppendLine(CultureInfo.InvariantCulture,
                $"  - {child.GivenName.Value} {child.FamilyName.Value}: {childSchooling.Counts}; {shared.Portfolios} portfolios shared with their guardians; consulted {childAccesses.Count} times by others");
        }

        return new PersonalDataExport(JsonSerializer.Serialize(bundle, Readable), summary.ToString());
    }

    private static IEnumerable<object> Accessed(List<AccessEntry> accesses) =>
        accesses.Select(a => new { a.Record.AccessedAt, a.Record.ActorId, role = a.Record.Role, category = a.Record.Category, a.Record.Operation });

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
