using System.Net;
using System.Net.Sockets;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>A connector's health address on this machine: <c>/ok</c> answers at once, <c>/slow</c> only after ten seconds.</summary>
public sealed class LocalHealthEndpoint : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    public LocalHealthEndpoint()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path}";

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                if (context.Request.Url!.AbsolutePath == "/slow")
                    await Task.Delay(TimeSpan.FromSeconds(10), _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                context.Response.StatusCode = 200;
                context.Response.Close();
            });
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
