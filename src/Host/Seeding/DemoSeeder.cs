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
/// Seeds a small demo establishment on first start, through the same commands the API uses, and prints access
/// tokens for each demo profile so a newcomer can query the API at once.
/// </summary>
public sealed class DemoSeeder(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<DemoSeeder> logger, string tokenFile) : BackgroundService
{
    private static readonly Actor Seeder = Actor.SystemJob("demo-seeder");

    public static readonly TimeSpan DemoTokenLifetime = TimeSpan.FromHours(12);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitForStartAsync(stoppingToken);
        try
        {
            await SeedOnceAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The API stays up without its demo data; the log says how to start afresh.
            logger.LogError(e, "Seeding the demo establishment failed; stop the app and delete .local/ to start from scratch");
        }
    }

    private async Task SeedOnceAsync(CancellationToken stoppingToken)
    {
        using var scope = services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<DemoEstablishment>(DemoEstablishment.DocumentId, stoppingToken) is { } existing)
            {
                await PrintTokensAsync(scope.ServiceProvider.GetRequiredService<AccessTokens>(), existing);
                return;
            }
        }

        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var demo = await SeedAsync(bus, clock, stoppingToken);
        // Tokens first: a newcomer can query at once while the weeks of dashboard activity are still being written.
        await PrintTokensAsync(scope.ServiceProvider.GetRequiredService<AccessTokens>(), demo);
        await DemoActivity.SeedAsync(store, bus, demo, clock, Seeder, stoppingToken);
        var activation = new StringBuilder("# Demo accounts to activate (activateAccount), then signIn:\n");
        using (ActingContext.Begin(Seeder, Guid.CreateVersion7().ToString()))
        {
            foreach (var personId in new[] { demo.TeacherId, demo.StudentId })
            {
                var issued = await bus.RunAsync<AccountCodeIssued>(new OpenAccount(personId), stoppingToken);
                activation.Append("# login ").Append(issued.Login).Append(", activation code ").AppendLine(issued.ActivationCode);
            }
        }

        await File.WriteAllTextAsync(Path.ChangeExtension(tokenFile, ".accounts.txt"), activation.ToString(), stoppingToken);
        using (ActingContext.Begin(Seeder, Guid.CreateVersion7().ToString()))
        {
            await using var session = store.LightweightSession();
            session.Store(demo);
            await session.SaveChangesAsync(stoppingToken);
        }

        logger.LogInformation("Seeded the demo establishment {Uai} with its weeks of activity", DemoEstablishment.Uai);
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

    private async Task PrintTokensAsync(AccessTokens tokens, DemoEstablishment demo)
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
        // Written whole then renamed, so a newcomer's `sed` never reads half a file.
        var partial = tokenFile + ".partial";
        await File.WriteAllTextAsync(partial, text.ToString());
        File.Move(partial, tokenFile, overwrite: true);
        logger.LogInformation("Demo access tokens written to {TokenFile}: paste one into GraphiQL at /graphql", tokenFile);
    }

    private Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(started.SetResult);
        stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        return started.Task;
    }
}
