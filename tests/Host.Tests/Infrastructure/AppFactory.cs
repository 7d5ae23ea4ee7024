using System.Security.Cryptography;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MonBureau.Application.Auditing;
using MonBureau.Host.Identity;
using Wolverine;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>The real Program over HTTP (in memory), on a fresh database, with a clock the tests control.</summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    public AppFactory()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>A host with extra configuration, for tests of other settings (e.g. production-like limits).</summary>
    protected AppFactory(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    public static readonly DateTimeOffset Start = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public CapturedLogs Logs { get; } = new();

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        ConnectionString = await DatabaseAsync();
        _ = Services; // starts the host now, so the first test does not pay for it
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>The database this host runs on: a fresh one, unless a test restarts a host on an existing one.</summary>
    protected virtual Task<string> DatabaseAsync() => TestDatabase.CreateFreshAsync();

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Moves the clock forward to the next <paramref name="day"/> at that local time in Paris.</summary>
    /// <summary>Moves the clock forward to a day at 10:00 in Paris (a school morning, whatever the season).</summary>
    public DateTimeOffset MoveTo(DateOnly day)
    {
        var at = day.ToDateTime(new TimeOnly(10, 0));
        var instant = new DateTimeOffset(at, Paris.GetUtcOffset(at)).ToUniversalTime();
        Clock.SetUtcNow(instant);
        return instant;
    }

    public DateTimeOffset MoveToNext(DayOfWeek day, int hour, int minute = 0)
    {
        var now = Clock.GetUtcNow();
        for (var candidate = TimeZoneInfo.ConvertTime(now, Paris).Date; ; candidate = candidate.AddDays(1))
        {
            var at = candidate.AddHours(hour).AddMinutes(minute);
            var instant = new DateTimeOffset(at, Paris.GetUtcOffset(at)).ToUniversalTime();
            if (candidate.DayOfWeek == day && instant > now)
            {
                Clock.SetUtcNow(instant);
                return instant;
            }
        }
    }

    public string TokenFor(Actor actor) => Services.GetRequiredService<AccessTokens>().Issue(actor);

    public GraphQLClient Client(string? token = null) => new(CreateClient(), token);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("MONBUREAU_DB", ConnectionString);
        builder.UseSetting("MONBUREAU_MASTER_KEY", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("MONBUREAU_TOKEN_KEY", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("MonBureau:PasswordHashIterations", "1000"); // OWASP work factor is for production, not for 100 test sign-ins
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RunWolverineInSoloMode();
            services.DisableAllExternalWolverineTransports();
            services.AddSingleton<IStartupFilter, TestRemoteAddress>();
        });
    }
}

[CollectionDefinition(Name)]
public sealed class AppHost : ICollectionFixture<AppFactory>
{
    public const string Name = "app";
}

/// <summary>For tests that jump the clock across a school year's end: their own host, so the shared clock stays in its school year.</summary>
[CollectionDefinition(Name)]
public sealed class YearEndHost : ICollectionFixture<AppFactory>
{
    public const string Name = "year-end";
}

/// <summary>For the school-life week: it walks the clock from Monday to Friday, so it has its own host and calendar.</summary>
[CollectionDefinition(Name)]
public sealed class SchoolWeekHost : ICollectionFixture<AppFactory>
{
    public const string Name = "school-week";
}
