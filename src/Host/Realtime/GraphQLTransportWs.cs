using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.IdentityModel.JsonWebTokens;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.GraphQL;
using MonBureau.Host.Identity;

namespace MonBureau.Host.Realtime;

/// <summary>
/// One WebSocket connection speaking graphql-transport-ws (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md):
/// connection_init with the access token, then subscribe / next / error / complete, ping / pong. Only subscriptions
/// are served here; queries and mutations go over HTTP, under its limits, idempotency and audit.
/// </summary>
internal sealed class GraphQLTransportWs : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";

    /// <summary>The protocol's close codes (graphql-ws's CloseCode).</summary>
    private static class Close
    {
        public const int BadRequest = 4400;
        public const int Unauthorized = 4401;
        public const int Forbidden = 4403;
        public const int SubprotocolNotAcceptable = 4406;
        public const int ConnectionInitialisationTimeout = 4408;
        public const int SubscriberAlreadyExists = 4409;
        public const int TooManyInitialisationRequests = 4429;
    }

    private const int MaxMessageBytes = 64 * 1024;

    private readonly WebSocket _socket;
    private readonly HttpContext _http;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly GraphQLLimits _limits;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _closing;
    private readonly ConcurrentDictionary<string, IDisposable?> _operations = new(StringComparer.Ordinal);
    private bool _initReceived;
    private Actor? _actor;
    private System.Security.Claims.ClaimsPrincipal? _user;

    private GraphQLTransportWs(WebSocket socket, HttpContext http)
    {
        _socket = socket;
        _http = http;
        _serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        _limits = http.RequestServices.GetRequiredService<GraphQLLimits>();
        _closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    }

    public static async Task AcceptAsync(HttpContext http)
    {
        var negotiated = http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(negotiated ? SubProtocol : null);
        await using var connection = new GraphQLTransportWs(socket, http);
        if (!negotiated)
        {
            await connection.CloseAsync(Close.SubprotocolNotAcceptable, "Subprotocol not acceptable");
            return;
        }

        await connection.RunAsync();
    }

    private async Task RunAsync()
    {
        _ = CloseUnlessInitialisedAsync();
        var buffer = new ArrayBufferWriter<byte>();
        while (_socket.State == WebSocketState.Open && !_closing.IsCancellationRequested)
        {
            buffer.Clear();
            ValueWebSocketReceiveResult received;
            try
            {
                do
                {
                    received = await _socket.ReceiveAsync(buffer.GetMemory(4096), _closing.Token);
                    buffer.Advance(received.Count);
                }
                while (!received.EndOfMessage && buffer.WrittenCount <= MaxMessageBytes);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                return;
            }

            if (received.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync((int)(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), "");
                return;
            }

            if (received.MessageType != WebSocketMessageType.Text || buffer.WrittenCount > MaxMessageBytes)
            {
                await CloseAsync(Close.BadRequest, "Invalid message received");
                return;
            }

            if (!await HandleAsync(buffer.WrittenMemory))
                return;
        }
    }

    /// <summary>Handles one message; false when the connection was closed because of it.</summary>
    private async Task<bool> HandleAsync(ReadOnlyMemory<byte> text)
    {
        JsonElement message;
        try
        {
            using var document = JsonDocument.Parse(text);
            message = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return await RefuseAsync(Close.BadRequest, "Invalid message received");
        }

        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            return await RefuseAsync(Close.BadRequest, "Invalid message received");

        switch (type.GetString())
        {
            case "connection_init":
                return await InitialiseAsync(message);
            case "ping":
                await SendAsync("""{"type":"pong"}""");
                return true;
            case "pong":
                return true;
            case "subscribe":
                return await SubscribeAsync(message);
            case "complete":
                if (IdOf(message) is not { } completed)
                    return await RefuseAsync(Close.BadRequest, "Invalid message received");
                if (_operations.TryRemove(completed, out var subscription))
                    subscription?.Dispose();
                return true;
            default:
                return await RefuseAsync(Close.BadRequest, "Invalid message received");
        }
    }

    private async Task<bool> InitialiseAsync(JsonElement message)
    {
        if (_initReceived)
            return await RefuseAsync(Close.TooManyInitialisationRequests, "Too many initialisation requests");
        _initReceived = true;

        var token = message.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object ? TokenIn(payload) : null;
        if (token is null || await ValidateAsync(token) is not { } user || AccessTokens.ActorOf(user) is not { } actor)
            return await RefuseAsync(Close.Forbidden, "Forbidden");

        _user = user;
        _actor = actor;
        await SendAsync("""{"type":"connection_ack"}""");
        return true;
    }

    /// <summary>The token as graphql-ws clients pass it: <c>{ "token": "…" }</c> or <c>{ "Authorization": "Bearer …" }</c>.</summary>
    private static string? TokenIn(JsonElement payload)
    {
        foreach (var property in payload.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
                continue;
            if (property.NameEquals("token"))
                return property.Value.GetString();
            if (property.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase)
                && property.Value.GetString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                return header["Bearer ".Length..].Trim();
        }

        return null;
    }

    /// <summary>The same validation as the HTTP bearer scheme (signature, issuer, audience, lifetime).</summary>
    private async Task<System.Security.Claims.ClaimsPrincipal?> ValidateAsync(string token)
    {
        var tokens = _http.RequestServices.GetRequiredService<AccessTokens>();
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, tokens.ValidationParameters());
        if (!result.IsValid)
            return null;
        // The token is checked once, here: when it expires the connection ends and the client signs in again.
        var expiry = result.SecurityToken.ValidTo - DateTime.UtcNow;
        if (expiry > TimeSpan.Zero)
            _ = CloseAtExpiryAsync(expiry);
        return new System.Security.Claims.ClaimsPrincipal(result.ClaimsIdentity);
    }

    private async Task<bool> SubscribeAsync(JsonElement message)
    {
        if (IdOf(message) is not { } id
            || !message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
            return await RefuseAsync(Close.BadRequest, "Invalid message received");
        if (_actor is not { } actor)
            return await RefuseAsync(Close.Unauthorized, "Unauthorized");
        if (!_operations.TryAdd(id, null))
            return await RefuseAsync(Close.SubscriberAlreadyExists, $"Subscriber for {id} already exists");

        GraphQLRequest request;
        try
        {
            request = _serializer.Deserialize<GraphQLRequest>(payload.GetRawText())!;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or FormatException or ArgumentException)
        {
            return await FailAsync(id, ErrorCodes.Validation, "The payload is not a valid GraphQL request.");
        }

        if (request.Query!.Length > _limits.MaxDocumentLength)
            return await FailAsync(id, LimitCodes.DocumentTooLarge, $"The query document is over {_limits.MaxDocumentLength} characters.");
        if (GraphQLExecution.OperationOf(request.Query, request.OperationName) is not OperationType.Subscription and not null)
            return await FailAsync(id, ErrorCodes.Validation, "Only subscriptions are served over WebSocket: send queries and mutations over HTTP.");

        // The stream's items are resolved on the context its subscription starts in (ActingContext is an AsyncLocal):
        // this person's, so the scope lasts until the stream is subscribed to.
        using var acting = ActingContext.Begin(actor, Guid.CreateVersion7().ToString());
        var result = await _http.RequestServices.GetRequiredService<IDocumentExecuter<MonBureauSchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = _http.RequestServices,
            User = _user,
            CancellationToken = _closing.Token,
        });

        if (result.Streams is not { Count: 1 } streams)
        {
            _operations.TryRemove(id, out _);
            await SendAsync($$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"error","payload":{{ErrorsOf(result)}}}""");
            return true;
        }

        var subscription = streams.Values.Single().Subscribe(new Forwarder(this, id));
        // A client complete that arrived meanwhile removed the placeholder: nothing must keep running for it.
        if (!_operations.TryUpdate(id, subscription, null))
            subscription.Dispose();
        return true;
    }

    private async Task<bool> FailAsync(string id, string code, string message)
    {
        _operations.TryRemove(id, out _);
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        await SendAsync($$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"error","payload":{{ErrorsOf(result)}}}""");
        return true;
    }

    /// <summary>The errors array of a result, as the error message's payload.</summary>
    private string ErrorsOf(ExecutionResult result)
    {
        using var document = JsonDocument.Parse(_serializer.Serialize(result));
        return document.RootElement.TryGetProperty("errors", out var errors) ? errors.GetRawText() : "[]";
    }

    private static string? IdOf(JsonElement message) =>
        message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value ? value : null;

    private sealed class Forwarder(GraphQLTransportWs connection, string id) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) =>
            _ = connection.SendAsync($$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"next","payload":{{connection._serializer.Serialize(value)}}}""");

        public void OnError(Exception error) =>
            _ = connection.FailAsync(id, ErrorCodes.Internal, "The subscription failed.");

        public void OnCompleted()
        {
            if (connection._operations.TryRemove(id, out _))
                _ = connection.SendAsync($$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"complete"}""");
        }
    }

    private async Task CloseUnlessInitialisedAsync()
    {
        try
        {
            await Task.Delay(_limits.ConnectionInitTimeout, _closing.Token);
            if (!_initReceived)
                await CloseAsync(Close.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
        catch (OperationCanceledException)
        {
            // closed before the timeout
        }
    }

    private async Task CloseAtExpiryAsync(TimeSpan expiry)
    {
        try
        {
            await Task.Delay(expiry, _closing.Token);
            await CloseAsync(Close.Forbidden, "Token expired");
        }
        catch (OperationCanceledException)
        {
            // closed before the token expired
        }
    }

    private async Task<bool> RefuseAsync(int code, string reason)
    {
        await CloseAsync(code, reason);
        return false;
    }

    private async Task SendAsync(string json)
    {
        await _sending.WaitAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, _closing.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // the client went away; the receive loop ends the connection
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task CloseAsync(int code, string reason)
    {
        await _sending.WaitAsync();
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.CloseAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // already gone
        }
        finally
        {
            _sending.Release();
            await _closing.CancelAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        foreach (var subscription in _operations.Values)
            subscription?.Dispose();
        _operations.Clear();
        // _sending and _closing stay undisposed: a stream item may still be on its way to SendAsync.
    }
}
