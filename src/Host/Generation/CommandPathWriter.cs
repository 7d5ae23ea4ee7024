using Marten;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Attendance;
using Wolverine;

namespace MonBureau.Host.Generation;

/// <summary>Each decision is a Wolverine command under its author, with its own session, transaction and inline projections, as the API runs it.</summary>
internal sealed class CommandPathWriter(IServiceProvider services) : IYearWriter
{
    private readonly IDocumentStore _store = services.GetRequiredService<IDocumentStore>();
    private long _commands;

    public int Parallelism => 4;

    public long Commands => Interlocked.Read(ref _commands);

    public Task PrepareAsync(GeneratedSchool school, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<Guid> RunAsync(GeneratedSchool school, Actor actor, object command, CancellationToken cancellationToken) =>
        await CommandAsync<Guid>(actor, command, cancellationToken);

    public async Task<TResult> CommandAsync<TResult>(Actor actor, object command, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        using var acting = ActingContext.Begin(actor, Guid.CreateVersion7().ToString());
        var result = await scope.ServiceProvider.GetRequiredService<IMessageBus>().RunAsync<TResult>(command, cancellationToken);
        Interlocked.Increment(ref _commands);
        return result;
    }

    public async Task AppendAsync(Actor actor, IReadOnlyList<(Guid StreamId, object Event)> events, CancellationToken cancellationToken)
    {
        using var acting = ActingContext.Begin(actor, Guid.CreateVersion7().ToString());
        await using var session = _store.LightweightSession();
        foreach (var (streamId, e) in events)
            session.Events.Append(streamId, e);
        await session.SaveChangesAsync(cancellationToken);
    }

    public Task ReadAsync(Func<CancellationToken, Task> read, CancellationToken cancellationToken) => read(cancellationToken);

    public async Task<Guid?> UnjustifiedAbsenceAsync(GeneratedSchool school, Guid studentId, CancellationToken cancellationToken)
    {
        await using var session = _store.QuerySession();
        return YearWriters.Unjustified(await session.LoadAsync<StudentAttendance>(AttendanceIds.StudentRecord(studentId, school.EstablishmentId), cancellationToken));
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
