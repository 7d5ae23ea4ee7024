using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using MonBureau.Domain.Common;
using MonBureau.Host.Realtime;

namespace MonBureau.Host.GraphQL;

/// <summary>
/// POST and GET /graphql per the GraphQL-over-HTTP specification: media types, methods and request reading; a browser's
/// GET (Accept: text/html) gets GraphiQL instead, a WebSocket upgrade the subscriptions (graphql-transport-ws).
/// </summary>
public static class GraphQLEndpoint
{
    public const string Path = "/graphql";

    public static void MapMonBureauGraphQL(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, PostAsync);
        app.MapGet(Path, GetAsync);
        app.MapGraphiQLAssets();
    }

    private static async Task PostAsync(HttpContext http, IGraphQLTextSerializer serializer)
    {
        if (GraphQLHttpResponses.Negotiate(http.Request) is not { } mediaType)
        {
            await GraphQLHttpResponses.WriteErrorAsync(http, serializer, StatusCodes.Status406NotAcceptable, ErrorCodes.Validation,
                "Accept application/graphql-response+json or application/json.", GraphQLHttpResponses.Json);
            return;
        }

        if (http.Request.ContentType?.Split(';')[0].Trim().Equals(GraphQLHttpResponses.Json, StringComparison.OrdinalIgnoreCase) != true)
        {
            await GraphQLHttpResponses.WriteErrorAsync(http, serializer, StatusCodes.Status415UnsupportedMediaType, ErrorCodes.Validation,
                "Send the request as Content-Type: application/json.", mediaType);
            return;
        }

        var limits = http.RequestServices.GetRequiredService<GraphQLLimits>();
        if (await RequestBody.ReadAsync(http, limits.MaxBodyBytes) is not { } body)
        {
            await GraphQLHttpResponses.WriteErrorAsync(http, serializer, StatusCodes.Status413PayloadTooLarge, LimitCodes.RequestTooLarge,
                $"The request body is over {limits.MaxBodyBytes / 1024} KiB.", mediaType);
            return;
        }

        if (body.Span.TrimStart(" \t\r\n"u8) is [(byte)'[', ..])
        {
            await GraphQLHttpResponses.WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, LimitCodes.BatchNotSupported,
                "Batched requests are not supported: send one operation per request.", mediaType);
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = serializer.Deserialize<GraphQLRequest>(System.Text.Encoding.UTF8.GetString(body.Span));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or FormatException or ArgumentException)
        {
            await GraphQLHttpResponses.WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, ErrorCodes.Validation,
                "The request body is not a valid GraphQL request (JSON with a 'query' string).", mediaType);
            return;
        }

        await GraphQLExecution.ExecuteAsync(http, serializer, request, mediaType, allowMutations: true);
    }

    private static async Task GetAsync(HttpContext http, IGraphQLTextSerializer serializer)
    {
        if (http.WebSockets.IsWebSocketRequest)
        {
            await GraphQLTransportWs.AcceptAsync(http);
            return;
        }

        if (GraphiQLPage.IsWanted(http.Request))
        {
            await GraphiQLPage.WritePageAsync(http);
            return;
        }

        if (GraphQLHttpResponses.Negotiate(http.Request) is not { } mediaType)
        {
            await GraphQLHttpResponses.WriteErrorAsync(http, serializer, StatusCodes.Status406NotAcceptable, ErrorCodes.Validation,
                "Accept application/graphql-response+json or application/json.", GraphQLHttpResponses.Json);
            return;
        }

        GraphQLRequest request;
        try
        {
            var query = http.Request.Query;
            request = new GraphQLRequest
            {
                Query = query["query"],
                OperationName = query["operationName"],
                Variables = query["variables"] is { Count: > 0 } v ? serializer.Deserialize<Inputs>(v.ToString()) : null,
                Extensions = query["extensions"] is { Count: > 0 } x ? serializer.Deserialize<Inputs>(x.ToString()) : null,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or FormatException or ArgumentException)
        {
            await GraphQLHttpResponses.WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, ErrorCodes.Validation,
                "The 'variables' and 'extensions' parameters must be JSON objects.", mediaType);
            return;
        }

        await GraphQLExecution.ExecuteAsync(http, serializer, request, mediaType, allowMutations: false);
    }
}
