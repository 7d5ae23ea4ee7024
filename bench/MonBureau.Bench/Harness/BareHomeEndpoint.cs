using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MonBureau.Host.Identity;
using Npgsql;

namespace MonBureau.Bench.Harness;

/// <summary>
/// The home pages' baseline: a bare ASP.NET Core endpoint that authenticates the same bearer token and answers the
/// same JSON (captured from the application after seeding, one row per person and page) with one SQL query. What any
/// home page costs at the least: HTTP, token validation, one round trip, the bytes.
/// </summary>
internal static class BareHomeEndpoint
{
    public const string Verb = "serve-bare";
    public const string Table = "bench.home_json";

    public static async Task CreateTableAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            $"CREATE SCHEMA IF NOT EXISTS bench; CREATE TABLE IF NOT EXISTS {Table} (person_id uuid NOT NULL, page text NOT NULL, body text NOT NULL, PRIMARY KEY (person_id, page))");
        await command.ExecuteNonQueryAsync();
    }

    public static async Task StoreAsync(NpgsqlDataSource dataSource, Guid personId, string page, string body)
    {
        await using var command = dataSource.CreateCommand($"INSERT INTO {Table} VALUES ($1, $2, $3) ON CONFLICT (person_id, page) DO UPDATE SET body = excluded.body");
        command.Parameters.Add(new NpgsqlParameter { Value = personId });
        command.Parameters.Add(new NpgsqlParameter { Value = page });
        command.Parameters.Add(new NpgsqlParameter { Value = body });
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<int> RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{Environment.GetEnvironmentVariable("BENCH_PORT")}");
        var tokens = AccessTokens.FromBase64Key(Environment.GetEnvironmentVariable("MONBUREAU_TOKEN_KEY")!);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = tokens.ValidationParameters();
        });
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("MONBUREAU_DB")!));
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost("/ready", () => Results.Ok());
        app.MapPost("/home/{page}", async (string page, HttpContext http, NpgsqlDataSource dataSource) =>
        {
            if (AccessTokens.ActorOf(http.User) is not { } actor)
                return Results.Unauthorized();
            await using var command = dataSource.CreateCommand($"SELECT body FROM {Table} WHERE person_id = $1 AND page = $2");
            command.Parameters.Add(new NpgsqlParameter { Value = actor.Id });
            command.Parameters.Add(new NpgsqlParameter { Value = page });
            return await command.ExecuteScalarAsync(http.RequestAborted) is string body
                ? Results.Text(body, "application/json")
                : Results.NotFound();
        }).RequireAuthorization();
        await app.RunAsync();
        return 0;
    }

    /// <summary>Where the bare endpoint serves a page (the GraphQL query in the body is ignored).</summary>
    public static string PathFor(string page) => string.Create(CultureInfo.InvariantCulture, $"/home/{page}");
}
