using Marten;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Homework;
using MonBureau.Domain.Identity;
using MonBureau.Domain.Indicators;
using MonBureau.Domain.Messaging;
using MonBureau.Domain.People;
using Wolverine;

namespace MonBureau.Host.Seeding;

/// <summary>
/// Eight weeks of a school's life, up to now for the direction dashboard: two classes of students enrolled since then,
/// each with a guardian, students' and families' sign-ins, homework set and handed in, families' messages and the
/// teacher's answers, roll calls, absences and justifications, the cahier de textes (<see cref="DemoSchoolLife"/>). Classes, guardians and the
/// pupils' records go through the real commands and decisions; the past activity is appended as the events those
/// commands would have recorded at the time (events carry their own dates). The pattern is fixed (seeded random), and
/// 2nde 2 drifts into alert in the last weeks (logins, hand-ins, families, absences), as does the response delay.
/// </summary>
internal static class DemoActivity
{
    private const int Weeks = 8;
    private static readonly string[] GivenNames =
        ["Adam", "Alice", "Arthur", "Camille", "Chloé", "Emma", "Enzo", "Gabriel", "Hugo", "Inès", "Jade", "Jules", "Léo", "Lina", "Louis", "Louise",
         "Lucas", "Manon", "Mathis", "Nathan", "Noah", "Rose", "Sacha", "Zoé"];
    private static readonly string[] FamilyNames = ["Bauer", "Fischer", "Klein", "Koch", "Lang", "Meyer", "Roth", "Schmitt", "Wagner", "Weber", "Wolf", "Zimmer"];

    public static async Task SeedAsync(IDocumentStore store, IMessageBus bus, DemoEstablishment demo, TimeProvider clock, Actor seeder, CancellationToken cancellationToken)
    {
        var random = new Random(20260901);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(IndicatorFold.DefaultTimeZone);
        var now = clock.GetUtcNow();
        var firstWeek = IsoWeek.Of(now, zone);
        for (var i = 1; i < Weeks; i++)
            firstWeek = firstWeek.Previous();

        Guid secondClass;
        using (ActingContext.Begin(seeder, Guid.CreateVersion7().ToString()))
        {
            secondClass = await bus.RunAsync<Guid>(new CreateClass(demo.EstablishmentId, "2nde 2", null), cancellationToken);
            await bus.RunAsync<Guid>(new AssignTeaching(demo.TeacherId, secondClass, "Mathématiques"), cancellationToken);
        }

        var classes = new[] { (Id: demo.ClassId, Students: await EnrolAsync(store, seeder, demo.ClassId, 23, random, firstWeek.StartIn(zone), cancellationToken)),
                              (Id: secondClass, Students: await EnrolAsync(store, seeder, secondClass, 22, random, firstWeek.StartIn(zone), cancellationToken)) };
        var guardianOf = await RegisterGuardiansAsync(store, seeder, classes.SelectMany(c => c.Students), random, firstWeek.StartIn(zone), cancellationToken);
        Guid officeId;
        using (ActingContext.Begin(seeder, Guid.CreateVersion7().ToString()))
            officeId = await bus.RunAsync<Guid>(new RegisterStaffMember(demo.EstablishmentId, Role.SchoolLifeOffice, "Marc", "Weber"), cancellationToken);

        var guardians = guardianOf.Values.ToList();
        var schoolLife = new DemoSchoolLife(demo, guardianOf, officeId, random, now);

        using var acting = ActingContext.Begin(seeder, Guid.CreateVersion7().ToString());
        await using var session = store.LightweightSession();
        var week = firstWeek;
        for (var n = 0; n < Weeks; n++, week = week.Next())
        {
            var monday = week.StartIn(zone);
            var late = n >= Weeks - 4;
            foreach (var (classId, students) in classes)
            {
                var drifting = classId == secondClass && late;
                foreach (var student in students)
                {
                    var signedInAt = monday.AddHours(7 + random.Next(0, 100));
                    if (random.NextDouble() < (drifting ? 0.45 : 0.85) && signedInAt <= now)
                        session.Events.Append(student, new SignInSucceeded(student, Role.Student, demo.EstablishmentId, false, signedInAt));
                    var guardian = guardianOf[student];
                    var consultedAt = monday.AddHours(18 + random.Next(0, 100));
                    if (random.NextDouble() < (drifting ? 0.35 : 0.7) && consultedAt <= now)
                        session.Events.Append(guardian, new SignInSucceeded(guardian, Role.Guardian, demo.EstablishmentId, false, consultedAt));
                }

                schoolLife.Week(session, week, zone, classId, students, drifting);

                var homeworkId = Guid.CreateVersion7();
                var due = monday.AddDays(3).AddHours(17);
                if (monday.AddHours(8) > now)
                    continue;
                session.Events.StartStream<Homework>(homeworkId, new HomeworkAssigned(homeworkId, demo.EstablishmentId, classId, demo.TeacherId, "Mathématiques",
                    $"Exercices de la semaine {week.Week}", PersonalData.Of(demo.TeacherId, "Exercices du manuel, à rendre en ligne."), due, monday.AddHours(8)));
                foreach (var student in students.Where(_ => random.NextDouble() < (drifting ? 0.55 : 0.9)))
                {
                    var submittedAt = due.AddHours(-random.Next(1, 60));
                    if (submittedAt > now)
                        continue;
                    var submissionId = HomeworkSubmission.IdFor(homeworkId, student);
                    session.Events.Append(submissionId, new HomeworkSubmitted(submissionId, homeworkId, demo.EstablishmentId, student,
                        PersonalData.Of(student, "Mes réponses."), [], submittedAt, false));
                }
            }

            foreach (var guardian in guardians.Where(_ => random.NextDouble() < 0.15))
            {
                var asked = monday.AddHours(8 + random.Next(0, 30));
                // Late answers come some 80 working hours (13 a weekday) later, over the 72-hour threshold.
                var answered = late ? asked.AddDays(9 + random.Next(0, 2)) : asked.AddHours(4 + random.Next(0, 30));
                if (answered <= now)
                    Converse(session, demo, guardian, asked, answered);
            }
        }

        schoolLife.Save(session);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Students enrolled through the real decision, their enrolment dated from the first demo week (a roll entered late).</summary>
    private static async Task<IReadOnlyList<Guid>> EnrolAsync(IDocumentStore store, Actor seeder, Guid classId, int count, Random random, DateTimeOffset since, CancellationToken cancellationToken)
    {
        using var acting = ActingContext.Begin(seeder, Guid.CreateVersion7().ToString());
        await using var session = store.LightweightSession();
        var schoolClass = await session.Events.FetchLatest<SchoolClass>(classId, cancellationToken);
        var students = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7();
            var command = new EnrollStudent(classId, GivenNames[random.Next(GivenNames.Length)], FamilyNames[random.Next(FamilyNames.Length)]);
            session.Events.StartStream<Person>(id, [.. PeopleDecisions.EnrollStudent(id, command, schoolClass).Select(e => e is StudentEnrolled enrolled ? enrolled with { EffectiveAt = since } : e)]);
            students.Add(id);
        }

        await session.SaveChangesAsync(cancellationToken);
        return students;
    }

    /// <summary>A guardian for each student through the real decision, the link dated from the first demo week (entered late, like the roll).</summary>
    private static async Task<Dictionary<Guid, Guid>> RegisterGuardiansAsync(
        IDocumentStore store, Actor seeder, IEnumerable<Guid> students, Random random, DateTimeOffset since, CancellationToken cancellationToken)
    {
        using var acting = ActingContext.Begin(seeder, Guid.CreateVersion7().ToString());
        await using var session = store.LightweightSession();
        var guardianOf = new Dictionary<Guid, Guid>();
        foreach (var student in students)
        {
            var id = Guid.CreateVersion7();
            var command = new RegisterGuardian(student, "Parent", FamilyNames[random.Next(FamilyNames.Length)], new GuardianRights(true, true, true));
            var person = await session.Events.FetchLatest<Person>(student, cancellationToken);
            session.Events.StartStream<Person>(id, [.. PeopleDecisions.RegisterGuardian(id, command, person).Select(e => e is GuardianshipEstablished link ? link with { EffectiveAt = since } : e)]);
            guardianOf[student] = id;
        }

        await session.SaveChangesAsync(cancellationToken);
        return guardianOf;
    }

    private static void Converse(IDocumentSession session, DemoEstablishment demo, Guid guardian, DateTimeOffset asked, DateTimeOffset answered)
    {
        var threadId = Guid.CreateVersion7();
        var question = Guid.CreateVersion7();
        var answer = Guid.CreateVersion7();
        session.Events.StartStream<MessageThread>(threadId,
            new ThreadStarted(threadId, demo.EstablishmentId, guardian, PersonalData.Of(guardian, "Question sur les devoirs"), false, null),
            new MessagePosted(threadId, question, demo.EstablishmentId, guardian, Role.Guardian, PersonalData.Of(guardian, "Bonjour, pourriez-vous préciser la consigne ?"),
                [demo.TeacherId], false, asked, asked),
            new MessageDelivered(threadId, question, demo.EstablishmentId, guardian, [demo.TeacherId], asked),
            new MessagePosted(threadId, answer, demo.EstablishmentId, demo.TeacherId, Role.Teacher, PersonalData.Of(demo.TeacherId, "Bonjour, il s'agit des exercices 3 à 5."),
                [guardian], false, answered, answered),
            new MessageDelivered(threadId, answer, demo.EstablishmentId, demo.TeacherId, [guardian], answered));
    }
}
