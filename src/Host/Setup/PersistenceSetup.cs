using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using Marten;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using MonBureau.Application.Files;
using MonBureau.Application.Homework;
using MonBureau.Application.Identity;
using MonBureau.Application.Importing;
using MonBureau.Application.Messaging;
using MonBureau.Application.Privacy;
using MonBureau.Application.WriteModels;
using MonBureau.Host.Database;
using MonBureau.Host.Privacy;
using MonBureau.Projections;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Wolverine;
using Wolverine.Marten;

namespace MonBureau.Host.Setup;

public static class PersistenceSetup
{
    /// <summary>Documents, events, subject keys and Wolverine's envelopes all live in this schema.</summary>
    public const string Schema = "monbureau";

    public static void AddMonBureauPersistence(this WebApplicationBuilder builder, string connectionString, MasterKey masterKey)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new MessageDeliveryOptions(
            builder.Configuration.GetValue("MonBureau:Messaging:LongestDeliveryWait", MessageDeliveryOptions.Default.LongestWait)));
        services.AddSingleton(new NightlyPurgeOptions(
            builder.Configuration.GetValue("MonBureau:Retention:NightlyPurgeAt", NightlyPurgeOptions.Default.At),
            builder.Configuration.GetValue("MonBureau:Retention:LongestWait", NightlyPurgeOptions.Default.LongestWait)));
        services.AddSingleton(masterKey);
        // The store's listener publishes committed changes to it, so it lives wherever the store does (host, CLI, benchmarks).
        services.AddSingleton<Realtime.LiveFeed>();
        services.TryAddSingleton<IImportProgress, SilentImportProgress>();
        services.AddSingleton(new LookupKeys(masterKey));
        services.AddSingleton(new PasswordHasher(builder.Configuration.GetValue("MonBureau:PasswordHashIterations", PasswordHasher.OwaspIterations)));
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton(sp => new SubjectKeyRing(
            sp.GetRequiredService<NpgsqlDataSource>(), masterKey, sp.GetRequiredService<TimeProvider>(), Schema));

        services.AddSingleton(sp => new FileStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<SubjectKeyRing>(), Schema));
        services.AddSingleton(sp => new AccessLog(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AccessLog>>(), Schema));

        services.AddSingleton(sp => new AccessHistory(sp.GetRequiredService<NpgsqlDataSource>(), Schema));
        services.AddSingleton(sp => new AccessChainVerifier(sp.GetRequiredService<NpgsqlDataSource>(), Schema, sp.GetRequiredService<IDocumentStore>()));
        services.AddSingleton(sp => new AccessHistoryPurge(sp.GetRequiredService<NpgsqlDataSource>(), Schema));
        services.AddSingleton(sp => new EventChainSealer(
            sp.GetRequiredService<NpgsqlDataSource>(), Schema, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<EventChainSealer>>()));
        services.AddSingleton(sp => new EventChainVerifier(
            sp.GetRequiredService<NpgsqlDataSource>(), Schema, sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<EventChainSealer>()));
        services.AddSingleton(sp => new AccessAnomalies(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IDocumentStore>(), Schema));

        services.AddMarten(sp => StoreOptionsFor(connectionString, sp))
            .UseLightweightSessions()
            .IntegrateWithWolverine()
            .ApplyAllDatabaseChangesOnStartup();

        // After Marten's start-up schema work, so the access history's table lands in an existing schema.
        services.AddHostedService(sp => sp.GetRequiredService<AccessLog>());
        // Also after it: the policies are laid on the tables Marten has just created or migrated (ADR 0021).
        services.AddHostedService<EstablishmentReaderRole>();
        // Seals the event log a few seconds behind the writers, outside their transactions (ADR 0023).
        services.AddHostedService(sp => sp.GetRequiredService<EventChainSealer>());

        builder.Host.UseWolverine(opts =>
        {
            opts.Discovery.IncludeAssembly(typeof(AssignHomeworkHandler).Assembly);
            opts.Policies.AutoApplyTransactions();
            // A refused command (BusinessRuleException) is an answer, not a fault: the GraphQL layer logs what is
            // really unexpected at Error with the request's correlation id (ErrorTranslation).
            opts.Policies.MessageFailureLogLevel(LogLevel.Information);
            opts.Durability.Mode = DurabilityMode.Solo;
            opts.UseRuntimeCompilation();
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Dynamic;
            opts.AutoBuildMessageStorageOnStartup = AutoCreate.CreateOrUpdate;
            // Held messages must survive a restart: their scheduled delivery is stored with them (durable inbox).
            opts.LocalQueueFor<DeliverMessage>().UseDurableInbox();
            opts.LocalQueueFor<RunNightlyPurge>().UseDurableInbox();
            opts.LocalQueueFor<Application.Grades.PublishReportCards>().UseDurableInbox();
        });
        services.AddHostedService<NightlyPurgeScheduler>();
    }

    private static StoreOptions StoreOptionsFor(string connectionString, IServiceProvider services)
    {
        var opts = new StoreOptions();
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = Schema;
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;

        opts.Events.MetadataConfig.EnableAll();
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        opts.Events.TimeProvider = services.GetRequiredService<TimeProvider>();
        opts.Listeners.Add(new AuditEnvelopeListener());
        opts.Listeners.Add(new Realtime.LiveFeedListener(services.GetRequiredService<Realtime.LiveFeed>()));
        opts.Logger(new MartenFailureLog(services.GetRequiredService<ILoggerFactory>().CreateLogger("Marten")));

        var keys = services.GetRequiredService<SubjectKeyRing>();
        opts.UseSystemTextJsonForSerialization(configure: json => json.Converters.Add(new PersonalDataJsonConverter(keys)));
        opts.Storage.ExtendedSchemaObjects.Add(SubjectKeysTable.Definition(Schema));
        opts.Storage.ExtendedSchemaObjects.Add(EventChainTable.Definition(Schema));
        opts.AddFileStore();

        opts.Schema.For<UniqueClaim>().Identity(x => x.Id);
        opts.Schema.For<LoginIndex>().Identity(x => x.Id);
        opts.Schema.For<Host.GraphQL.IdempotentResponse>().Identity(x => x.Id);
        opts.Schema.For<GuardianKey>().Identity(x => x.Id);
        opts.Schema.For<RosterEntry>().Index(x => x.EstablishmentId);
        opts.Schema.For<StaffRosterEntry>().Index(x => x.EstablishmentId);
        opts.Schema.For<ImportedSlot>().Index(x => x.EstablishmentId);
        opts.Schema.For<RefreshSession>().Identity(x => x.Id).Index(x => x.PersonId);
        opts.AddWriteModels();
        opts.AddMonBureauProjections();
        return opts;
    }
}
