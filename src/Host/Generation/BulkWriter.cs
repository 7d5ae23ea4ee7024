using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Establishments;
using MonBureau.Application.Messaging;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Homework;
using MonBureau.Domain.LessonLog;
using MonBureau.Domain.Messaging;
using MonBureau.Domain.People;
using HomeworkState = MonBureau.Domain.Homework.Homework;

namespace MonBureau.Host.Generation;

/// <summary>
/// The bulk path (ADR 0029): each command is decided by the same pure domain function its handler calls, on state the
/// writer keeps in memory — the people and catalogues loaded once per school, the streams this run creates evolved
/// by their own <c>Apply</c> — and the resulting events go into one Marten session per phase of the day, so the inline
/// projections (write and read models) run once per batch instead of once per command. Personal data is sealed as on
/// any append (the serializer seals every <c>PersonalData</c>); each event carries its own author's audit envelope.
/// Reads recorded in the access history run side by side at the end of their phase, so their records share group
/// commits instead of each waiting for its own. It relies on being the only writer of a school it has just created:
/// there is no optimistic concurrency check, and held messages (quiet hours) are refused since no scheduler would
/// deliver them.
/// </summary>
internal sealed class BulkWriter(IServiceProvider services) : IYearWriter
{
    /// <summary>Recorded reads of a phase run this many at a time: enough to fill a group commit, few enough for the connection pool.</summary>
    private const int ReadsAtOnce = 8;

    private readonly IDocumentStore _store = services.GetRequiredService<IDocumentStore>();
    private readonly TimeProvider _clock = services.GetRequiredService<TimeProvider>();
    private readonly Dictionary<Guid, SchoolState> _schools = [];
    private readonly Dictionary<Guid, Person> _people = [];
    private readonly Dictionary<Guid, RollCall> _rollCalls = [];
    private readonly Dictionary<Guid, StudentAttendance> _records = [];
    private readonly Dictionary<Guid, Guid> _recordOfAbsence = [];
    private readonly Dictionary<Guid, HomeworkState> _homework = [];
    private readonly Dictionary<Guid, HomeworkSubmission> _submissions = [];
    private readonly Dictionary<Guid, MessageThread> _threads = [];
    private readonly List<Func<CancellationToken, Task>> _reads = [];
    private IDocumentSession? _session;
    private long _commands;

    public int Parallelism => 1;

    public long Commands => _commands;

    public async Task PrepareAsync(GeneratedSchool school, CancellationToken cancellationToken)
    {
        await using var session = _store.QuerySession();
        var ids = school.Classes.SelectMany(c => c.Students.SelectMany(s => s.Guardians.Prepend(s.Id)).Concat(c.Slots.Select(s => s.TeacherId)))
            .Append(school.SchoolLifeOfficerId).Distinct().ToArray();
        foreach (var chunk in ids.Chunk(1_000))
        {
            foreach (var person in await session.LoadManyAsync<Person>(cancellationToken, chunk))
                _people[person.Id] = person;
        }

        var establishment = await session.LoadAsync<Establishment>(school.EstablishmentId, cancellationToken);
        var catalog = await session.LoadAsync<AbsenceReasonCatalog>(school.EstablishmentId, cancellationToken)
            ?? throw new InvalidOperationException("An opened establishment has its catalogue of absence reasons.");
        _schools[school.EstablishmentId] = new SchoolState(establishment, catalog, await MessagingSenders.ContextAsync(session, school.EstablishmentId, cancellationToken),
            school.Classes.ToDictionary(c => c.Id, c => (IReadOnlyList<Guid>)[.. c.Students.Select(s => s.Id).Where(id => _people[id].Holds(Role.Student, school.EstablishmentId))]));
    }

    public async Task<Guid> RunAsync(GeneratedSchool school, Actor actor, object command, CancellationToken cancellationToken)
    {
        var state = _schools[school.EstablishmentId];
        var now = _clock.GetUtcNow();
        var correlation = Guid.CreateVersion7().ToString();
        _commands++;
        switch (command)
        {
            case TakeRollCall rollCall:
                return TakeRollCall(state, actor, rollCall, now, correlation);
            case WriteLessonLogEntry entry:
                var written = LessonLogDecisions.Write(Guid.CreateVersion7(), entry, _people[actor.Id], Unit(school, entry.TeachingUnitId), [], now);
                Start<LessonLogEntry>(actor, correlation, written.EntryId, [written]);
                return written.EntryId;
            case AssignHomework assign:
                var assigned = HomeworkDecisions.Assign(Guid.CreateVersion7(), assign, _people[actor.Id], Unit(school, assign.ClassId ?? Guid.Empty), new HashSet<Guid>(), now);
                Start<HomeworkState>(actor, correlation, assigned.HomeworkId, [assigned]);
                _homework[assigned.HomeworkId] = HomeworkState.Create(assigned);
                return assigned.HomeworkId;
            case SubmitHomework submit:
                var homework = _homework.GetValueOrDefault(submit.HomeworkId);
                var student = _people[actor.Id];
                var previous = homework is null ? null : _submissions.GetValueOrDefault(HomeworkSubmission.IdFor(homework.Id, student.Id));
                var submitted = SubmissionDecisions.Submit(submit, student.Id, homework, homework is not null && student.ClassId == homework.ClassId, previous, [], now);
                Append(actor, correlation, submitted.SubmissionId, [submitted]);
                _submissions[submitted.SubmissionId] = previous?.Apply(submitted) ?? HomeworkSubmission.Create(submitted);
                return submitted.SubmissionId;
            case GiveSubmissionFeedback give:
                var submission = _submissions.GetValueOrDefault(give.SubmissionId);
                var feedback = SubmissionDecisions.GiveFeedback(give, actor.Id, submission, submission is null ? null : _homework.GetValueOrDefault(submission.HomeworkId), null, now);
                Append(actor, correlation, feedback.SubmissionId, [feedback]);
                _submissions[feedback.SubmissionId] = submission!.Apply(feedback);
                return feedback.SubmissionId;
            case JustifyAbsence justify:
                var justified = AttendanceDecisions.Justify(Holding(justify.AbsenceId), justify, _people[actor.Id], state.Catalog, [], now);
                AppendToRecord(actor, correlation, _recordOfAbsence[justify.AbsenceId], [justified]);
                return justify.AbsenceId;
            case AcceptAbsenceJustification accept:
                var accepted = AttendanceDecisions.Accept(Holding(accept.AbsenceId), accept, state.Catalog, actor.Id, now);
                AppendToRecord(actor, correlation, _recordOfAbsence[accept.AbsenceId], [accepted]);
                return accept.AbsenceId;
            case SendMessage send:
                return await SendAsync(state, actor, send, now, correlation, cancellationToken);
            case ReplyToThread reply:
                var thread = _threads.GetValueOrDefault(reply.ThreadId);
                var posted = Delivered(MessagingDecisions.Reply(Guid.CreateVersion7(), reply, thread, Sender(actor), state.Messaging, now));
                Append(actor, correlation, reply.ThreadId, posted);
                _threads[reply.ThreadId] = Evolve(thread!, posted);
                return reply.ThreadId;
            default:
                throw new NotSupportedException($"The bulk path does not decide {command.GetType().Name}.");
        }
    }

    public Task AppendAsync(Actor actor, IReadOnlyList<(Guid StreamId, object Event)> events, CancellationToken cancellationToken)
    {
        var correlation = Guid.CreateVersion7().ToString();
        foreach (var (streamId, e) in events)
            Append(actor, correlation, streamId, [e]);
        return Task.CompletedTask;
    }

    /// <summary>Deferred to the end of the phase: nothing this phase decides is stored before then, so the reads see what they would have seen.</summary>
    public Task ReadAsync(Func<CancellationToken, Task> read, CancellationToken cancellationToken)
    {
        _reads.Add(read);
        return Task.CompletedTask;
    }

    public Task<Guid?> UnjustifiedAbsenceAsync(GeneratedSchool school, Guid studentId, CancellationToken cancellationToken) =>
        Task.FromResult(YearWriters.Unjustified(_records.GetValueOrDefault(AttendanceIds.StudentRecord(studentId, school.EstablishmentId))));

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(_reads, new ParallelOptions { MaxDegreeOfParallelism = ReadsAtOnce, CancellationToken = cancellationToken },
            async (read, cancellation) => await read(cancellation));
        _reads.Clear();
        if (_session is not { } session)
            return;
        _session = null;
        // Every event is stamped already; the session's own actor only answers the listener's "who is acting".
        using var acting = ActingContext.Begin(Actor.SystemJob("cli-generate"), Guid.CreateVersion7().ToString());
        await session.SaveChangesAsync(cancellationToken);
        await session.DisposeAsync();
    }

    private Guid TakeRollCall(SchoolState state, Actor actor, TakeRollCall command, DateTimeOffset now, string correlation)
    {
        var establishmentId = actor.EstablishmentId!.Value;
        var rollCallId = AttendanceIds.RollCall(command.TeachingUnitId, command.Date, command.Start);
        var existing = _rollCalls.GetValueOrDefault(rollCallId);
        var unit = state.Rosters.ContainsKey(command.TeachingUnitId) ? new TeachingUnit(command.TeachingUnitId, establishmentId) : null;
        var decided = RollCallDecisions.Take(rollCallId, command, _people[actor.Id], unit, state.Rosters.GetValueOrDefault(command.TeachingUnitId) ?? [],
            existing, EstablishmentClock.Today(_clock, state.Establishment), now);
        if (decided is not RollCallTaken taken)
            throw new NotSupportedException("The bulk path takes each roll call once; a correction goes through the command path.");
        Append(actor, correlation, rollCallId, [taken]);
        _rollCalls[rollCallId] = RollCall.Create(taken);
        foreach (var mark in taken.Marks.Where(m => m.Presence != Presence.Present))
        {
            var recordId = AttendanceIds.StudentRecord(mark.StudentId, establishmentId);
            var record = _records.GetValueOrDefault(recordId) ?? StudentAttendance.Empty(mark.StudentId, establishmentId);
            AppendToRecord(actor, correlation, recordId, AttendanceDecisions.FromRollCall(record, rollCallId, taken.Lesson, mark, actor.Id, Guid.CreateVersion7, now), record);
        }

        return rollCallId;
    }

    private async Task<Guid> SendAsync(SchoolState state, Actor actor, SendMessage command, DateTimeOffset now, string correlation, CancellationToken cancellationToken)
    {
        var sender = Sender(actor);
        var selectors = command.Recipients ?? [];
        await using var session = _store.QuerySession();
        var directory = await MessagingAudiences.DirectoryAsync(session, sender, selectors, cancellationToken);
        var audiences = await MessagingAudiences.ResolveAsync(session, sender.EstablishmentId, selectors, cancellationToken);
        var threadId = Guid.CreateVersion7();
        var events = Delivered(MessagingDecisions.Send(threadId, Guid.CreateVersion7(), command, sender, directory, audiences, state.Messaging, now));
        Start<MessageThread>(actor, correlation, threadId, events);
        _threads[threadId] = Evolve(null, events);
        return threadId;
    }

    private Sender Sender(Actor actor) => _people[actor.Id] is var person && person.Holds(actor.Role, actor.EstablishmentId!.Value)
        ? new Sender(person, actor.Role, actor.EstablishmentId.Value)
        : throw new InvalidOperationException($"The generated {actor.Role} {actor.Id} does not hold that role.");

    private TeachingUnit? Unit(GeneratedSchool school, Guid unitId) =>
        _schools[school.EstablishmentId].Rosters.ContainsKey(unitId) ? new TeachingUnit(unitId, school.EstablishmentId) : null;

    private StudentAttendance? Holding(Guid absenceId) => _recordOfAbsence.TryGetValue(absenceId, out var recordId) ? _records[recordId] : null;

    /// <summary>Messages posted outside quiet hours are delivered in the same decision; a held one would need the scheduler.</summary>
    private static IReadOnlyList<object> Delivered(IReadOnlyList<object> events) =>
        events.OfType<MessagePosted>().All(p => events.OfType<MessageDelivered>().Any(d => d.MessageId == p.MessageId))
            ? events
            : throw new NotSupportedException("The bulk path generates no held message: move the generated messages out of the quiet hours.");

    private static MessageThread Evolve(MessageThread? thread, IEnumerable<object> events) => events.Aggregate(thread, (state, e) => e switch
    {
        ThreadStarted started => MessageThread.Create(started),
        MessagePosted posted => state!.Apply(posted),
        MessageDelivered delivered => state!.Apply(delivered),
        _ => state,
    })!;

    private void AppendToRecord(Actor actor, string correlation, Guid recordId, IReadOnlyList<object> events, StudentAttendance? record = null)
    {
        Append(actor, correlation, recordId, events);
        var evolved = (record ?? _records[recordId]).Evolve(events);
        _records[recordId] = evolved;
        foreach (var absence in events.OfType<AbsenceRecorded>())
            _recordOfAbsence[absence.AbsenceId] = recordId;
    }

    private void Start<TAggregate>(Actor actor, string correlation, Guid streamId, IReadOnlyList<object> events) where TAggregate : class =>
        Stamp(Session.Events.StartStream<TAggregate>(streamId, [.. events]), events.Count, actor, correlation);

    private void Append(Actor actor, string correlation, Guid streamId, IReadOnlyList<object> events) =>
        Stamp(Session.Events.Append(streamId, [.. events]), events.Count, actor, correlation);

    private static void Stamp(JasperFx.Events.StreamAction stream, int count, Actor actor, string correlation)
    {
        foreach (var e in stream.Events.Skip(stream.Events.Count - count))
            AuditEnvelope.Stamp(e, actor, correlation, null);
    }

    private IDocumentSession Session => _session ??= _store.LightweightSession();

    private sealed record SchoolState(Establishment? Establishment, AbsenceReasonCatalog Catalog, MessagingContext Messaging, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> Rosters);
}
