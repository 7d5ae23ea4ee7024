using GraphQL;

namespace MonBureau.Host.GraphQL;

/// <summary>Media types and early error responses of the GraphQL-over-HTTP specification.</summary>
internal static class GraphQLHttpResponses
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The response media type the client accepts, or null when it accepts neither (406).</summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        if (string.IsNullOrWhiteSpace(accept))
            return GraphQLResponse;
        var types = accept.Split(',').Select(t => t.Split(';')[0].Trim().ToLowerInvariant()).ToList();
        if (types.Any(t => t is GraphQLResponse or "*/*" or "application/*"))
            return GraphQLResponse;
        return types.Contains(Json) ? Json : null;
    }

    public static async Task WriteErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, int status, string code, string message, string mediaType)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
