using JasperFx;
using MonBureau.Application.Privacy;
using MonBureau.Host.Database;
using MonBureau.Host.GraphQL;
using MonBureau.Host.Setup;

var builder = WebApplication.CreateBuilder(args);
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
builder.AddMonBureauApi(Secrets.Resolve(builder.Configuration, "MONBUREAU_TOKEN_KEY", localState));
if (localState is not null && builder.Configuration.GetValue("MonBureau:SeedDemo", true))
    builder.AddDemoSeeding(Path.Combine(localState, "demo-tokens.txt"));

var app = builder.Build();
app.MapMonBureauGraphQL();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

try
{
    return await app.RunJasperFxCommands(args);
}
finally
{
    await database.DisposeAsync();
}

/// <summary>Entry point, public for WebApplicationFactory in the HTTP tests.</summary>
public partial class Program;
