using System.Reflection;

namespace MonBureau.Host.GraphQL;

/// <summary>
/// GraphiQL for browsers at GET /graphql (Accept: text/html), bundled from its npm package at build time and embedded
/// in this assembly: nothing is fetched from a CDN, which schools' filtering proxies block. Served where introspection
/// is (off in Production), since the IDE is little use without the schema.
/// </summary>
internal static class GraphiQLPage
{
    public const string AssetsPath = GraphQLEndpoint.Path + "/ide";

    /// <summary>The page's own policy: only this origin's script, styles and connections (HTTP and WebSocket), no inline script.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["graphiql.js"] = "text/javascript; charset=utf-8",
        ["graphiql.css"] = "text/css; charset=utf-8",
    };

    /// <summary>A browser navigating to the endpoint: it asks for HTML and for none of the GraphQL response types.</summary>
    public static bool IsWanted(HttpRequest request)
    {
        var types = request.Headers.Accept.ToString().Split(',').Select(t => t.Split(';')[0].Trim().ToLowerInvariant()).ToList();
        return types.Contains("text/html") && !types.Contains(GraphQLHttpResponses.GraphQLResponse) && !types.Contains(GraphQLHttpResponses.Json)
            && request.HttpContext.RequestServices.GetRequiredService<GraphQLLimits>().Introspection;
    }

    public static Task WritePageAsync(HttpContext http)
    {
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return WriteResourceAsync(http, "index.html", "text/html; charset=utf-8");
    }

    public static void MapGraphiQLAssets(this IEndpointRouteBuilder app) =>
        app.MapGet(AssetsPath + "/{file}", async (HttpContext http, string file) =>
        {
            if (!Assets.TryGetValue(file, out var contentType) || !http.RequestServices.GetRequiredService<GraphQLLimits>().Introspection)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            // Code, not data: the same for everyone, so it may be cached, unlike the API's answers.
            http.Response.Headers.CacheControl = "public, max-age=3600";
            await WriteResourceAsync(http, file, contentType);
        });

    private static async Task WriteResourceAsync(HttpContext http, string file, string contentType)
    {
        await using var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream("graphiql/" + file)
            ?? throw new InvalidOperationException($"GraphiQL's {file} was not embedded: build the host with npm available (src/Host/graphiql).");
        http.Response.ContentType = contentType;
        http.Response.ContentLength = resource.Length;
        await resource.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
