using System.Diagnostics;
using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Importing;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Homework;
using MonBureau.Domain.Identity;
using MonBureau.Domain.LessonLog;
using MonBureau.Domain.Messaging;
using MonBureau.Domain.People;
using MonBureau.Host.Authorization;
using MonBureau.Host.Setup;
using Npgsql;

namespace MonBureau.Host.Generation;

/// <summary>
/// Generates establishments and their school year: the roster and timetable through the imports (command path), then
/// every school day each class's lessons (roll call and lesson log entry per timetable slot), homework, hand-ins,
/// feedback, the absences' justifications, families' messages and the teachers' replies, each a command under its
/// author (teacher, student, guardian, school-life office) decided on its own day by moving <paramref name="setClock"/>.
/// The commands go to an <see cref="IYearWriter"/>: the real command path, or the bulk path that decides them with
/// the same domain functions and appends a phase of the day at once (<see cref="GenerationOptions.Path"/>). Two
/// things take a shorter path in both: sign-ins are appended as the <see cref="SignInSucceeded"/> events the sign-in
/// command records (a password hash per sign-in would only measure the hash), and reads go through
/// <see cref="PersonAccess"/>, which records them in the access history as the API does.
/// </summary>
public sealed class SchoolYearGenerator(IServiceProvider services, Action<DateTimeOffset> setClock, IProgress<GenerationProgress>? progress)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById(EstablishmentDecisions.DefaultTimeZone);
    private static readonly Actor Importer = Actor.SystemJob("cli-generate");

    private readonly IDocumentStore _store = services.GetRequiredService<IDocumentStore>();
    private readonly CommandPathWriter _imports = new(services);
    private IYearWriter _writer = null!;

    private long Commands => _imports.Commands + (_writer == _imports ? 0 : _writer.Commands);

    public async Task<GenerationSummary> RunAsync(GenerationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        _writer = options.Path == GenerationPath.Bulk ? new BulkWriter(services) : _imports;
        var firstEvent = await HighWaterAsync(cancellationToken) + 1;
        var firstAccess = await AccessCountAsync(cancellationToken);
        setClock(At(options.FirstMonday, 7));
        var schools = new List<GeneratedSchool>();
        for (var e = 0; e < options.Establishments; e++)
        {
            schools.Add(await CreateSchoolAsync(options, e, cancellationToken));
            await _writer.PrepareAsync(schools[^1], cancellationToken);
        }

        var days = Enumerable.Range(0, options.Weeks * 7).Select(options.FirstMonday.AddDays)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var states = schools.ToDictionary(s => s, s => s.Classes.Select(_ => new ClassState()).ToList());
        for (var d = 0; d < days.Count; d++)
        {
            foreach (var school in schools)
                await DayAsync(options, school, states[school], d, days[d], cancellationToken);
            progress?.Report(new GenerationProgress(d + 1, days.Count, await HighWaterAsync(cancellationToken) - firstEvent + 1, Commands, watch.Elapsed));
        }

        return new GenerationSummary(schools.Count, days.Count, Commands, await EventMixAsync(firstEvent, cancellationToken),
            await AccessCountAsync(cancellationToken) - firstAccess, watch.Elapsed);
    }

    private async Task<GeneratedSchool> CreateSchoolAsync(GenerationOptions options, int index, CancellationToken cancellationToken)
    {
        var establishmentId = await _imports.CommandAsync<Guid>(Importer, new OpenEstablishment(options.Uai(index), $"Lycée généré n° {index + 1}", "Strasbourg"), cancellationToken);
        var officerId = await _imports.CommandAsync<Guid>(Importer, new RegisterStaffMember(establishmentId, Role.SchoolLifeOffice, "Marc", "Weber"), cancellationToken);
        var classes = RosterFile.Classes(options.Classes);
        await _imports.CommandAsync<ImportReport>(Importer, new ImportStudentRoster(establishmentId, RosterFile.Generate(options.Students, options.Classes, options.SeedFor(index, 1), $"{options.Uai(index)}-R", options.NameSuffix(index))), cancellationToken);
        await _imports.CommandAsync<ScheduleImportReport>(Importer, new ImportTeachingSchedule(establishmentId, ScheduleFile.Generate(classes, options.Teachers, options.SeedFor(index, 2), $"{options.Uai(index)}-E", options.NameSuffix(index))), cancellationToken);
        return await GeneratedSchool.LoadAsync(_store, index, establishmentId, officerId, cancellationToken);
    }

    /// <summary>One school day; the classes run side by side in each phase, each with its own seeded random.</summary>
    private async Task DayAsync(GenerationOptions options, GeneratedSchool school, List<ClassState> states, int dayIndex, DateOnly day, CancellationToken cancellationToken)
    {
        var randoms = school.Classes.Select((_, c) => new Random(options.SeedFor(school.Index, c, dayIndex))).ToList();
        setClock(At(day, 8));
        await ForEachClassAsync(school, c => LessonsAsync(school, school.Classes[c], randoms[c], day, cancellationToken), cancellationToken);
        setClock(At(day, 12));
        await ForEachClassAsync(school, c => HomeworkAsync(school, school.Classes[c], states[c], randoms[c], day, cancellationToken), cancellationToken);
        setClock(At(day, 17));
        await ForEachClassAsync(school, c => EveningAsync(school, school.Classes[c], states[c], randoms[c], day, cancellationToken), cancellationToken);
        setClock(At(day, 18));
        await ForEachClassAsync(school, c => AcceptJustificationsAsync(school, states[c], cancellationToken), cancellationToken);
        await SignInsAsync(school, new Random(options.SeedFor(school.Index, -1, dayIndex)), day, cancellationToken);
        await _writer.FlushAsync(cancellationToken);
    }

    /// <summary>A phase of the day for every class, side by side as far as the writer allows; stored before the clock moves on.</summary>
    private async Task ForEachClassAsync(GeneratedSchool school, Func<int, Task> work, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, school.Classes.Count), new ParallelOptions { MaxDegreeOfParallelism = _writer.Parallelism, CancellationToken = cancellationToken },
            async (c, _) => await work(c));
        await _writer.FlushAsync(cancellationToken);
    }

    /// <summary>Each lesson of the day: its roll call (a few late, about one student in 50 absent) and its lesson log entry.</summary>
    private async Task LessonsAsync(GeneratedSchool school, GeneratedClass schoolClass, Random random, DateOnly day, CancellationToken cancellationToken)
    {
        foreach (var slot in schoolClass.Slots.Where(s => s.Day == day.DayOfWeek))
        {
            var teacher = new Actor(slot.TeacherId, Role.Teacher, school.EstablishmentId);
            var marks = schoolClass.Students.Select(s => random.NextDouble() switch
            {
                < 0.02 => new RollCallMark(s.Id, Presence.Absent),
                < 0.05 => new RollCallMark(s.Id, Presence.Late, 5 + random.Next(15)),
                _ => new RollCallMark(s.Id, Presence.Present),
            }).ToList();
            await _writer.RunAsync(school, teacher, new TakeRollCall(schoolClass.Id, slot.Subject, day, slot.Start, slot.End, marks), cancellationToken);
            await _writer.RunAsync(school, teacher, new WriteLessonLogEntry(schoolClass.Id, slot.Subject, day, $"{slot.Subject} : séance du {day:dd/MM}",
                "Correction des exercices, cours sur la notion suivante, exercices d'application en classe."), cancellationToken);
        }
    }

    /// <summary>One piece of homework set by the day's first teacher, due in two to six days; hand-ins (85 %) of what is due in the next days.</summary>
    private async Task HomeworkAsync(GeneratedSchool school, GeneratedClass schoolClass, ClassState state, Random random, DateOnly day, CancellationToken cancellationToken)
    {
        if (schoolClass.Slots.FirstOrDefault(s => s.Day == day.DayOfWeek) is { } slot)
        {
            var dueAt = At(day.AddDays(2 + random.Next(5)), 8);
            var homeworkId = await _writer.RunAsync(school, new Actor(slot.TeacherId, Role.Teacher, school.EstablishmentId), new AssignHomework(schoolClass.Id, slot.Subject,
                $"Exercices de {slot.Subject}", "Faire les exercices de la fiche et rendre la copie en ligne.", dueAt), cancellationToken);
            state.Homework.Add(new SetHomework(homeworkId, slot.TeacherId, dueAt));
        }

        foreach (var homework in state.Homework.Where(h => !h.HandedIn && h.DueAt <= At(day.AddDays(2), 8)))
        {
            homework.HandedIn = true;
            foreach (var student in schoolClass.Students.Where(_ => random.NextDouble() < 0.85))
            {
                var submissionId = await _writer.RunAsync(school, new Actor(student.Id, Role.Student, school.EstablishmentId),
                    new SubmitHomework(homework.Id, "Mes réponses aux exercices, avec la démarche détaillée.", null), cancellationToken);
                homework.Submissions.Add((submissionId, student.Id));
            }
        }
    }

    /// <summary>
    /// The evening: teachers give feedback on half of the hand-ins of homework now due (reading the student's homework
    /// record first); guardians look at their child's absences and justify most of the new ones; one family in the
    /// class writes to a teacher, who answers.
    /// </summary>
    private async Task EveningAsync(GeneratedSchool school, GeneratedClass schoolClass, ClassState state, Random random, DateOnly day, CancellationToken cancellationToken)
    {
        foreach (var homework in state.Homework.Where(h => h.HandedIn && h.DueAt <= At(day, 17)).ToList())
        {
            var teacher = new Actor(homework.TeacherId, Role.Teacher, school.EstablishmentId);
            foreach (var (submissionId, studentId) in homework.Submissions.Where(_ => random.NextDouble() < 0.5))
            {
                await ReadAsync(teacher, studentId, DataCategory.Homework, "Query.submission", cancellationToken);
                await _writer.RunAsync(school, teacher, new GiveSubmissionFeedback(submissionId, null, null, "Bon travail, attention à la rédaction."), cancellationToken);
            }

            state.Homework.Remove(homework);
        }

        foreach (var student in schoolClass.Students)
        {
            if (student.Guardians.Count == 0 || await _writer.UnjustifiedAbsenceAsync(school, student.Id, cancellationToken) is not { } absenceId)
                continue;
            var guardian = new Actor(student.Guardians[0], Role.Guardian, school.EstablishmentId);
            await ReadAsync(guardian, student.Id, DataCategory.Absences, "Query.student", cancellationToken);
            if (random.NextDouble() < 0.7)
            {
                await _writer.RunAsync(school, guardian, new JustifyAbsence(absenceId, random.Next(3) == 0 ? "RDV_MEDICAL" : "MALADIE", "Mon enfant était malade, certificat à suivre."), cancellationToken);
                state.Justified.Add(absenceId);
            }
        }

        var writer = schoolClass.Students[random.Next(schoolClass.Students.Count)];
        var slots = schoolClass.Slots;
        if (writer.Guardians.Count > 0 && slots.Count > 0)
        {
            var teacherId = slots[random.Next(slots.Count)].TeacherId;
            var threadId = await _writer.RunAsync(school, new Actor(writer.Guardians[0], Role.Guardian, school.EstablishmentId), new SendMessage("Question sur les devoirs",
                "Bonjour, pourriez-vous préciser la consigne de l'exercice 3 ? Merci.", [new RecipientSelector(RecipientKind.Person, teacherId)]), cancellationToken);
            await _writer.RunAsync(school, new Actor(teacherId, Role.Teacher, school.EstablishmentId), new ReplyToThread(threadId, "Bonjour, il s'agit de la question b seulement."), cancellationToken);
        }
    }

    private async Task AcceptJustificationsAsync(GeneratedSchool school, ClassState state, CancellationToken cancellationToken)
    {
        var officer = new Actor(school.SchoolLifeOfficerId, Role.SchoolLifeOffice, school.EstablishmentId);
        foreach (var absenceId in state.Justified)
            await _writer.RunAsync(school, officer, new AcceptAbsenceJustification(absenceId, null, null), cancellationToken);
        state.Justified.Clear();
    }

    /// <summary>Sign-ins of the day, spread over it: most teachers, 40 % of students, 15 % of guardians.</summary>
    private async Task SignInsAsync(GeneratedSchool school, Random random, DateOnly day, CancellationToken cancellationToken)
    {
        var teachers = school.Classes.SelectMany(c => c.Slots.Select(s => s.TeacherId)).Distinct().Order();
        var people = teachers.Where(_ => random.NextDouble() < 0.9).Select(id => (Id: id, Role: Role.Teacher))
            .Concat(school.Classes.SelectMany(c => c.Students).Where(_ => random.NextDouble() < 0.4).Select(s => (s.Id, Role: Role.Student)))
            .Concat(school.Classes.SelectMany(c => c.Students).SelectMany(s => s.Guardians).Distinct().Where(_ => random.NextDouble() < 0.15).Select(id => (Id: id, Role: Role.Guardian)));
        await _writer.AppendAsync(Importer, [.. people.Select(p => (p.Id, (object)new SignInSucceeded(p.Id, p.Role, school.EstablishmentId, false, At(day, 7).AddMinutes(random.Next(14 * 60)))))],
            cancellationToken);
    }

    private Task ReadAsync(Actor actor, Guid personId, DataCategory category, string operation, CancellationToken cancellationToken) =>
        _writer.ReadAsync(async cancellation =>
        {
            using var acting = ActingContext.Begin(actor, Guid.CreateVersion7().ToString());
            await using var session = _store.QuerySession();
            _ = await PersonAccess.ReadableAsync(actor, services, session, personId, category, operation, cancellation)
                ?? throw new InvalidOperationException($"The generated {actor.Role} may not read {category} of {personId}.");
        }, cancellationToken);

    private static DateTimeOffset At(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, Paris.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task<long> HighWaterAsync(CancellationToken cancellationToken) =>
        await ScalarAsync($"SELECT coalesce(max(seq_id), 0) FROM {PersistenceSetup.Schema}.mt_events", cancellationToken);

    private async Task<long> AccessCountAsync(CancellationToken cancellationToken) =>
        await ScalarAsync($"SELECT count(*) FROM {PersistenceSetup.Schema}.{AccessLogTable.Name}", cancellationToken);

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<IReadOnlyList<(string Type, long Count)>> EventMixAsync(long firstEvent, CancellationToken cancellationToken)
    {
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"SELECT type, count(*) FROM {PersistenceSetup.Schema}.mt_events WHERE seq_id >= $1 GROUP BY type ORDER BY count(*) DESC, type");
        command.Parameters.AddWithValue(firstEvent);
        var mix = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            mix.Add((reader.GetString(0), reader.GetInt64(1)));
        return mix;
    }

    private sealed class ClassState
    {
        public List<SetHomework> Homework { get; } = [];

        public List<Guid> Justified { get; } = [];
    }

    private sealed record SetHomework(Guid Id, Guid TeacherId, DateTimeOffset DueAt)
    {
        public bool HandedIn { get; set; }

        public List<(Guid SubmissionId, Guid StudentId)> Submissions { get; } = [];
    }
}

/// <summary>How far the generation is: school days done of all, events appended and commands run so far.</summary>
public sealed record GenerationProgress(int DaysDone, int Days, long Events, long Commands, TimeSpan Elapsed)
{
    public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 0.001);

    public TimeSpan? Remaining => DaysDone == 0 ? null : Elapsed * (Days - DaysDone) / DaysDone;
}

/// <summary>What a run generated: per event type, the count appended, and the reads recorded in the access history.</summary>
public sealed record GenerationSummary(int Establishments, int SchoolDays, long Commands, IReadOnlyList<(string Type, long Count)> EventMix, long AccessRecords, TimeSpan Elapsed)
{
    public long Events => EventMix.Sum(e => e.Count);
}
