using System.Text;
using Marten;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using MonBureau.Application.Identity;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Homework;
using MonBureau.Domain.People;
using MonBureau.Host.Identity;
using Wolverine;

namespace MonBureau.Host.Seeding;

/// <summary>
/// The demo establishment, seeded once through the same commands the API uses, and a 12-hour access token per demo
/// profile so a newcomer can query the API at once. Run by the run command on first start and by <c>seed-demo</c>.
/// </summary>
public static class DemoSeeding
{
    private static readonly Actor Seeder = Actor.SystemJob("demo-seeder");

    public static readonly TimeSpan DemoTokenLifetime = TimeSpan.FromHours(12);

    /// <summary>Seeds the demo unless it exists, then writes fresh tokens either way; true when it seeded now.</summary>
    public static async Task<bool> EnsureAsync(IServiceProvider services, string tokenFile, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(tokenFile);
        var store = services.GetRequiredService<IDocumentStore>();
        var tokens = services.GetRequiredService<AccessTokens>();
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<DemoEstablishment>(DemoEstablishment.DocumentId, cancellationToken) is { } existing)
            {
                await WriteTokensAsync(tokenFile, tokens, existing, logger, cancellationToken);
                return false;
            }
        }

        var bus = services.GetRequiredService<IMessageBus>();
        var clock = services.GetRequiredService<TimeProvider>();
        logger.LogInformation("Opening the demo establishment {Uai}: a class, a teacher, a student and a homework", DemoEstablishment.Uai);
        var demo = await SeedAsync(bus, clock, cancellationToken);
        // Tokens first: a newcomer can query at once while the weeks of dashboard activity are still being written.
        await WriteTokensAsync(tokenFile, tokens, demo, logger, cancellationToken);
        logger.LogInformation("Writing eight weeks of activity in two classes for the direction dashboard (about half a minute)");
        await DemoActivity.SeedAsync(store, bus, demo, clock, Seeder, cancellationToken);
        await File.WriteAllTextAsync(Path.ChangeExtension(tokenFile, ".accounts.txt"), await OpenAccountsAsync(bus, demo, cancellationToken), cancellationToken);
        using (ActingContext.Begin(Seeder, Guid.CreateVersion7().ToString()))
        {
            await using var session = store.LightweightSession();
            session.Store(demo);
            await session.SaveChangesAsync(cancellationToken);
        }

        logger.LogInformation("Seeded the demo establishment {Uai} with its weeks of activity", DemoEstablishment.Uai);
        return true;
    }

    private static async Task<DemoEstablishment> SeedAsync(IMessageBus bus, TimeProvider clock, CancellationToken cancellationToken)
    {
        var demo = new DemoEstablishment();
        using (ActingContext.Begin(Seeder, Guid.CreateVersion7().ToString()))
        {
            demo.EstablishmentId = await bus.RunAsync<Guid>(new OpenEstablishment(DemoEstablishment.Uai, "Lycée de démonstration Robert Schuman", "Strasbourg"), cancellationToken);
            demo.ClassId = await bus.RunAsync<Guid>(new CreateClass(demo.EstablishmentId, "2nde 1", null), cancellationToken);
            demo.TeacherId = await bus.RunAsync<Guid>(new RegisterStaffMember(demo.EstablishmentId, Role.Teacher, "Claire", "Muller"), cancellationToken);
            await bus.RunAsync<Guid>(new AssignTeaching(demo.TeacherId, demo.ClassId, "Mathématiques"), cancellationToken);
            demo.StudentId = await bus.RunAsync<Guid>(new EnrollStudent(demo.ClassId, "Léa", "Schneider"), cancellationToken);
        }

        // The homework is the teacher's act; the system_job header records that the seeder performed it.
        using (ActingContext.Begin(new Actor(demo.TeacherId, Role.Teacher, demo.EstablishmentId, "demo-seeder"), Guid.CreateVersion7().ToString()))
        {
            await bus.RunAsync<Guid>(
                new AssignHomework(demo.ClassId, "Mathématiques", "Exercices sur les fonctions affines", "Faire les exercices 12 à 15 page 84.", clock.GetUtcNow().AddDays(7)),
                cancellationToken);
        }

        return demo;
    }

    private static async Task<string> OpenAccountsAsync(IMessageBus bus, DemoEstablishment demo, CancellationToken cancellationToken)
    {
        var activation = new StringBuilder("# Demo accounts to activate (activateAccount), then signIn:\n");
        using (ActingContext.Begin(Seeder, Guid.CreateVersion7().ToString()))
        {
            foreach (var personId in new[] { demo.TeacherId, demo.StudentId })
            {
                var issued = await bus.RunAsync<AccountCodeIssued>(new OpenAccount(personId), cancellationToken);
                activation.Append("# login ").Append(issued.Login).Append(", activation code ").AppendLine(issued.ActivationCode);
            }
        }

        return activation.ToString();
    }

    private static async Task WriteTokensAsync(string tokenFile, AccessTokens tokens, DemoEstablishment demo, ILogger logger, CancellationToken cancellationToken)
    {
        // Written whole then renamed, so a newcomer's `sed` never reads half a file.
        var partial = tokenFile + ".partial";
        await File.WriteAllTextAsync(partial, TokensText(tokens, demo), cancellationToken);
        File.Move(partial, tokenFile, overwrite: true);
        logger.LogInformation("Demo access tokens written to {TokenFile}: paste one into GraphiQL at /graphql", tokenFile);
    }

    private static string TokensText(AccessTokens tokens, DemoEstablishment demo)
    {
        var profiles = new (string Label, Actor Actor)[]
        {
            ("teacher (Claire Muller)", new Actor(demo.TeacherId, Role.Teacher, demo.EstablishmentId)),
            ("student (Léa Schneider)", new Actor(demo.StudentId, Role.Student, demo.EstablishmentId)),
            ("establishment administrator", new Actor(SystemActorIds.For("demo-establishment-administrator"), Role.EstablishmentAdministrator, demo.EstablishmentId)),
            ("direction (indicators dashboard)", new Actor(SystemActorIds.For("demo-direction"), Role.Direction, demo.EstablishmentId)),
            ("privacy officer", new Actor(SystemActorIds.For("demo-privacy-officer"), Role.PrivacyOfficer, demo.EstablishmentId)),
            ("region administrator", new Actor(SystemActorIds.For("demo-region-administrator"), Role.RegionAdministrator, null)),
        };
        var text = new StringBuilder("# Demo access tokens, valid 12 hours. Send as: Authorization: Bearer <token>\n");
        foreach (var (label, actor) in profiles)
            text.Append("# ").AppendLine(label).AppendLine(tokens.Issue(actor, DemoTokenLifetime));
        return text.ToString();
    }
}
