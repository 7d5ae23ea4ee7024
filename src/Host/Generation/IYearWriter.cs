using MonBureau.Application.Auditing;
using MonBureau.Domain.Attendance;

namespace MonBureau.Host.Generation;

/// <summary>
/// Where the generator's decisions go once it has chosen what each person does: through the real command path
/// (<see cref="CommandPathWriter"/>) or decided in process and appended in batches (<see cref="BulkWriter"/>). Both
/// are given the same commands in the same order, so a seed gives the same event mix whichever writes it.
/// </summary>
internal interface IYearWriter
{
    /// <summary>How many classes may act at once within a phase of the day.</summary>
    int Parallelism { get; }

    /// <summary>Commands decided so far.</summary>
    long Commands { get; }

    /// <summary>Called once a school is imported, before its first school day.</summary>
    Task PrepareAsync(GeneratedSchool school, CancellationToken cancellationToken);

    /// <summary>Decides the command as <paramref name="actor"/> at the current generation time; returns the id the handler returns.</summary>
    Task<Guid> RunAsync(GeneratedSchool school, Actor actor, object command, CancellationToken cancellationToken);

    /// <summary>Appends events recorded without a command (sign-ins) under <paramref name="actor"/>.</summary>
    Task AppendAsync(Actor actor, IReadOnlyList<(Guid StreamId, object Event)> events, CancellationToken cancellationToken);

    /// <summary>
    /// A read recorded in the access history (<paramref name="read"/> returns once its record is durable). The command
    /// path reads where the API would; the bulk path may run the reads of a phase side by side before it stores the
    /// phase, so their records are group-committed together (ADR 0012) instead of one commit waited for per read.
    /// </summary>
    Task ReadAsync(Func<CancellationToken, Task> read, CancellationToken cancellationToken);

    /// <summary>The student's latest absence with no justification yet, as the school stands after what was written.</summary>
    Task<Guid?> UnjustifiedAbsenceAsync(GeneratedSchool school, Guid studentId, CancellationToken cancellationToken);

    /// <summary>End of a phase of the day: everything decided is stored before the clock moves on.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}

internal static class YearWriters
{
    /// <summary>What a guardian would see to justify, on the student's attendance record.</summary>
    public static Guid? Unjustified(StudentAttendance? record) =>
        record?.Absences.LastOrDefault(a => !a.Justified && a.Justification == JustificationStatus.None)?.Id;
}
