using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>A graphql-transport-ws client on a real WebSocket to the test host: sends JSON messages, reads them or the close.</summary>
public sealed class GraphQLSocket : IAsyncDisposable
{
    private readonly WebSocket _socket;

    private GraphQLSocket(WebSocket socket) => _socket = socket;

    public static async Task<GraphQLSocket> ConnectAsync<T>(WebApplicationFactory<T> app, string subProtocol = "graphql-transport-ws") where T : class
    {
        var client = app.Server.CreateWebSocketClient();
        client.SubProtocols.Add(subProtocol);
        return new(await client.ConnectAsync(new Uri(app.Server.BaseAddress, "graphql"), CancellationToken.None));
    }

    /// <summary>Opens a connection and initialises it with the token; the server's answer is left to read.</summary>
    public static async Task<GraphQLSocket> InitialiseAsync<T>(WebApplicationFactory<T> app, string token) where T : class
    {
        var socket = await ConnectAsync(app);
        await socket.SendAsync(new { type = "connection_init", payload = new { token } });
        return socket;
    }

    public string? SubProtocol => _socket.SubProtocol;

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SubscribeAsync(string id, string query) => SendAsync(new { id, type = "subscribe", payload = new { query } });

    /// <summary>The next message, or null when the server closed the connection instead (see <see cref="ClosedWithAsync"/>).</summary>
    public async Task<JsonNode?> ReceiveAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        var count = 0;
        ValueWebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(buffer.AsMemory(count), timeout.Token);
            count += received.Count;
        }
        while (!received.EndOfMessage);
        return received.MessageType == WebSocketMessageType.Close ? null : JsonNode.Parse(buffer.AsSpan(0, count));
    }

    /// <summary>Reads until the server closes, and returns its close code.</summary>
    public async Task<int?> ClosedWithAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }

        return (int?)_socket.CloseStatus;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // the server went first
            }
        }

        _socket.Dispose();
    }
}
