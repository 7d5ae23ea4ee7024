using System.Net.Sockets;
using Testcontainers.PostgreSql;

namespace MonBureau.Host.Database;

internal static class ContainerDatabase
{
    private const string DockerSocket = "/var/run/docker.sock";

    /// <summary>
    /// A Docker client binary proves nothing (our machines have one and no engine), so ask the engine itself,
    /// with a short timeout so machines without one fall through quickly.
    /// </summary>
    public static async Task<bool> EngineAnswersAsync(CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 })
            return true;
        if (!File.Exists(DockerSocket))
            return false;
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(DockerSocket), timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    public static async Task<PostgresDatabase> StartAsync(CancellationToken cancellationToken)
    {
        var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
        await container.StartAsync(cancellationToken);
        return new PostgresDatabase(container.GetConnectionString(), DatabaseSource.Container, container.DisposeAsync);
    }
}
