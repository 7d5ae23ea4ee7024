using JasperFx;
using MonBureau.Application.Importing;
using MonBureau.Application.Privacy;
using MonBureau.Host.Certificates;
using MonBureau.Host.Agenda;
using MonBureau.Host.Cli;
using MonBureau.Host.Database;
using MonBureau.Host.Generation;
using MonBureau.Host.Grades;
using MonBureau.Host.GraphQL;
using MonBureau.Host.Notifications;
using MonBureau.Host.Observability;
using MonBureau.Host.Portal;
using MonBureau.Host.Setup;

if (OperatorCommands.Handles(args) && OperatorCommands.AnswerWithoutHost(args) is { } answered)
    return answered;

var builder = WebApplication.CreateBuilder(args);
if (OperatorCommands.Handles(args))
{
    builder.WebHost.UseUrls("http://127.0.0.1:0"); // an operator verb must not take the API's port
    builder.Services.AddSingleton<IImportProgress, ConsoleImportProgress>();
}
using var startupLogs = LoggerFactory.Create(logging => logging.AddConsole());
var startupLog = startupLogs.CreateLogger("MonBureau.Startup");

// The run command keeps its cluster, keys and demo tokens under .local/; other environments must be configured.
var localState = builder.Environment.IsDevelopment() ? HostPaths.LocalState(builder.Environment.ContentRootPath) : null;
var database = await DatabaseSelection.ResolveAsync(
    builder.Configuration,
    startupLog,
    localState is null ? null : Path.Combine(localState, "pgdata"),
    CancellationToken.None,
    mayStartOwn: !builder.Environment.IsProduction());

builder.AddMonBureauPersistence(
    database.ConnectionString,
    MasterKey.FromBase64(Secrets.Resolve(builder.Configuration, "MONBUREAU_MASTER_KEY", localState)));
if (args is ["generate", ..])
{
    // Only the generator's process runs on a movable clock (its commands are decided on their own school day).
    builder.Services.AddSingleton<GenerationClock>();
    builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<GenerationClock>());
}

builder.AddMonBureauApi(Secrets.Resolve(builder.Configuration, "MONBUREAU_TOKEN_KEY", localState));
builder.AddHttpHardening();
builder.AddAgenda();
builder.AddServicePortal();
builder.AddNotificationMail();
builder.AddTelemetry();
builder.AddProbes();
if (localState is not null && !OperatorCommands.Handles(args) && builder.Configuration.GetValue("MonBureau:SeedDemo", true))
    builder.AddDemoSeeding(Path.Combine(localState, "demo-tokens.txt"));

var app = builder.Build();
app.UseHttpHardening();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
app.MapMonBureauGraphQL();
app.MapSchoolingCertificate();
app.MapReportCards();
app.MapCalendarFeed();
app.MapProbes();

try
{
    return OperatorCommands.Handles(args) ? await OperatorCommands.RunAsync(app, args) : await app.RunJasperFxCommands(args);
}
finally
{
    await database.DisposeAsync();
}

/// <summary>Entry point, public for WebApplicationFactory in the HTTP tests.</summary>
public partial class Program;
