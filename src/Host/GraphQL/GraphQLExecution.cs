using System.Globalization;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using Marten;
using MonBureau.Host.Identity;

namespace MonBureau.Host.GraphQL;

/// <summary>
/// Runs one GraphQL request under the endpoint's limits. Each request is one unit of work for the audit trail: it
/// carries one correlation id (echoed in X-Correlation-Id) and acts as the token's person and profile.
/// </summary>
internal static class GraphQLExecution
{
    private const string CorrelationHeader = "X-Correlation-Id";

    public static async Task ExecuteAsync(HttpContext http, IGraphQLTextSerializer serializer, GraphQLRequest? request, string mediaType, bool allowMutations)
    {
        try
        {
            await ExecuteOrRefuseAsync(http, serializer, request, mediaType, allowMutations);
        }
        catch (Exception e) when (DatabaseOutage.Is(e) && !http.Response.HasStarted)
        {
            // Outside a resolver (e.g. claiming an idempotency key): the same answer as inside one.
            http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await GraphQLHttpResponses.WriteErrorAsync(http, serializer, StatusCodes.Status503ServiceUnavailable, ErrorCodes.Unavailable,
                "The service is briefly unavailable; try again in a moment.", mediaType);
        }
    }

    private static async Task ExecuteOrRefuseAsync(HttpContext http, IGraphQLTextSerializer serializer, GraphQLRequest? request, string mediaType, bool allowMutations)
    {
        var limits = http.RequestServices.GetRequiredService<GraphQLLimits>();
        if (request is not null)
        {
            var persisted = http.RequestServices.GetRequiredService<PersistedOperations>();
            var hash = request.Extensions?.TryGetValue("persistedQuery", out var p) == true && p is IDictionary<string, object?> pq
                && pq.TryGetValue("sha256Hash", out var h) ? h as string : null;
            var query = persisted.Resolve(request.Query, hash);
            if (persisted.Enforced && query is null)
            {
                await GraphQLHttpResponses.WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, LimitCodes.OperationNotAllowed,
                    "Only the operations registered for the front-ends are accepted here.", mediaType);
                return;
            }

            request.Query = query;
        }

        if (request?.Query is { Length: var length } && length > limits.MaxDocumentLength)
        {
            await GraphQLHttpResponses.WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, LimitCodes.DocumentTooLarge,
                $"The query document is over {limits.MaxDocumentLength} characters; send large values as variables.", mediaType);
            return;
        }

        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await GraphQLHttpResponses.WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, ErrorCodes.Validation,
                "The request has no 'query'.", mediaType);
            return;
        }

        if (!allowMutations && IsMutation(request.Query, request.OperationName))
        {
            http.Response.Headers.Allow = "POST";
            await GraphQLHttpResponses.WriteErrorAsync(http, serializer, StatusCodes.Status405MethodNotAllowed, ErrorCodes.Validation,
                "Mutations must be sent with POST.", mediaType);
            return;
        }

        if (OperationOf(request.Query, request.OperationName) == OperationType.Subscription)
        {
            await GraphQLHttpResponses.WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, ErrorCodes.Validation,
                "Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql, not over HTTP.", mediaType);
            return;
        }

        var authentication = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (http.Request.Headers.Authorization.Count > 0 && !authentication.Succeeded)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await GraphQLHttpResponses.WriteErrorAsync(http, serializer, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated,
                "The access token is invalid or expired; sign in again.", mediaType);
            return;
        }

        var user = authentication.Principal ?? http.User;
        var correlationId = CorrelationIdOf(http);
        http.Response.Headers[CorrelationHeader] = correlationId;
        // Every log line the request causes, in any component, carries the id a user quotes to support.
        using var logScope = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GraphQLExecution))
            .BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId });
        using var acting = AccessTokens.ActorOf(user) is { } actor
            ? ActingContext.Begin(actor, correlationId)
            : ActingContext.BeginAnonymous(correlationId);

        var key = http.Request.Headers[IdempotencyKeys.Header].ToString();
        IdempotentResponse? claim = null;
        if (key.Length > 0 && allowMutations && IsMutation(request.Query, request.OperationName))
        {
            (claim, var answered) = await ClaimOrReplayAsync(http, serializer, request, mediaType, key);
            if (answered)
                return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var allowed = TimeoutOf(limits, request.Query, request.OperationName);
        // CancelAfter(0) fires on a timer thread, so a request could finish before a zero limit took effect.
        if (allowed <= TimeSpan.Zero)
            timeout.Cancel();
        else
            timeout.CancelAfter(allowed);
        ExecutionResult result;
        try
        {
            result = await http.RequestServices.GetRequiredService<IDocumentExecuter<MonBureauSchema>>().ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                RequestServices = http.RequestServices,
                User = user,
                CancellationToken = timeout.Token,
            });
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            await ReleaseAsync(http, claim);
            await GraphQLHttpResponses.WriteErrorAsync(http, serializer, StatusCodes.Status504GatewayTimeout, LimitCodes.Timeout,
                $"The request took longer than {allowed.TotalSeconds:0} s and was stopped. Each mutation either completed entirely or not at all: check before retrying.", mediaType);
            return;
        }
        catch
        {
            await ReleaseAsync(http, claim);
            throw;
        }

        var status = mediaType == GraphQLHttpResponses.GraphQLResponse && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        if (result.Errors?.Any(e => e.Code == ErrorCodes.Unavailable) == true)
        {
            // Retryable: proxies, load balancers and clients all understand 503 with Retry-After.
            status = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        var body = serializer.Serialize(result);
        if (claim is not null && status == StatusCodes.Status503ServiceUnavailable)
        {
            await ReleaseAsync(http, claim); // nothing happened: the retry must run, not replay the 503
        }
        else if (claim is not null)
        {
            claim.Completed = true;
            claim.StatusCode = status;
            claim.ContentType = mediaType;
            claim.Body = body;
            await IdempotencyKeys.CompleteAsync(http.RequestServices.GetRequiredService<IDocumentStore>(), claim, CancellationToken.None);
        }

        await WriteAsync(http, status, mediaType, body);
    }

    /// <summary>
    /// Claims the key, or answers from what a previous request with the same key did: its stored response, or a
    /// refusal when that request is still running or was a different one.
    /// </summary>
    private static async Task<(IdempotentResponse? Claim, bool Answered)> ClaimOrReplayAsync(
        HttpContext http, IGraphQLTextSerializer serializer, GraphQLRequest request, string mediaType, string key)
    {
        // The key becomes part of a stored id: control characters and broken unicode have no place there.
        if (key.Length > 100 || !key.All(c => c is >= ' ' and <= '~'))
        {
            await GraphQLHttpResponses.WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, ErrorCodes.Validation,
                "The Idempotency-Key must be at most 100 printable ASCII characters (e.g. a UUID).", mediaType);
            return (null, true);
        }

        var id = IdempotentResponse.IdFor(ActingContext.Current?.Id, key);
        var hash = IdempotentResponse.HashOf(request, serializer);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var outcome = await IdempotencyKeys.ClaimAsync(http.RequestServices.GetRequiredService<IDocumentStore>(), id, hash, now, http.RequestAborted);
        if (outcome.Claimed)
            return (new IdempotentResponse { Id = id, RequestHash = hash, CreatedAt = now }, false);

        var (status, code, message) = outcome.Existing switch
        {
            { RequestHash: var h } when h != hash => (StatusCodes.Status422UnprocessableEntity, IdempotencyKeys.KeyReused, "This Idempotency-Key was already used for a different request."),
            { Completed: true } => (0, "", ""),
            _ => (StatusCodes.Status409Conflict, ErrorCodes.Conflict, "A request with this Idempotency-Key is still running; retry in a moment."),
        };
        if (status != 0)
        {
            await GraphQLHttpResponses.WriteErrorAsync(http, serializer, status, code, message, mediaType);
            return (null, true);
        }

        http.Response.Headers["Idempotent-Replayed"] = "true";
        await WriteAsync(http, outcome.Existing!.StatusCode, outcome.Existing.ContentType ?? mediaType, outcome.Existing.Body ?? "");
        return (null, true);
    }

    private static async Task ReleaseAsync(HttpContext http, IdempotentResponse? claim)
    {
        if (claim is not null)
            await IdempotencyKeys.ReleaseAsync(http.RequestServices.GetRequiredService<IDocumentStore>(), claim.Id);
    }

    private static async Task WriteAsync(HttpContext http, int status, string mediaType, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await http.Response.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>A client may pass its own correlation id (a short token) to follow one action across systems.</summary>
    private static string CorrelationIdOf(HttpContext http)
    {
        var given = http.Request.Headers[CorrelationHeader].ToString();
        return given.Length is > 0 and <= 64 && given.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? given
            : Guid.CreateVersion7().ToString();
    }

    private static bool IsMutation(string query, string? operationName) => OperationOf(query, operationName) == OperationType.Mutation;

    /// <summary>The type of the operation that would run, or null when the executor will report the document's error itself.</summary>
    public static OperationType? OperationOf(string query, string? operationName) => ChosenOperation(query, operationName)?.Operation;

    /// <summary>An import applies a whole export file in one transaction: it gets the import allowance, everything else the request limit.</summary>
    private static TimeSpan TimeoutOf(GraphQLLimits limits, string query, string? operationName) =>
        ChosenOperation(query, operationName) is { Operation: OperationType.Mutation } mutation
        && mutation.SelectionSet.Selections.OfType<GraphQLField>().Any(f => GraphQLLimits.Imports.Contains(f.Name.StringValue))
            ? limits.ImportTimeout
            : limits.Timeout;

    private static GraphQLOperationDefinition? ChosenOperation(string query, string? operationName)
    {
        try
        {
            var operations = Parser.Parse(query).Definitions.OfType<GraphQLOperationDefinition>().ToList();
            return operationName is { Length: > 0 }
                ? operations.FirstOrDefault(o => o.Name?.StringValue == operationName)
                : operations.Count == 1 ? operations[0] : null;
        }
        catch (GraphQLParserException)
        {
            return null; // the executor reports the syntax error (or the document nested too deep) itself
        }
    }
}
