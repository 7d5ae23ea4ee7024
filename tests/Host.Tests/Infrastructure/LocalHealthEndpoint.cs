using System.Net;
using System.Net.Sockets;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>
/// A connector's health address on this machine: <c>/ok</c> answers at once, <c>/slow</c> only after ten seconds,
/// <c>/counted</c> after half a second, counting its calls and how many ran at the same time.
/// </summary>
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

    private int _counted;
    private int _running;
    private int _mostAtOnce;

    public int Port { get; }

    /// <summary>How many times <c>/counted</c> was called.</summary>
    public int Counted => Volatile.Read(ref _counted);

    /// <summary>The most calls to <c>/counted</c> that were being answered at the same time.</summary>
    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

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
                if (context.Request.Url!.AbsolutePath == "/counted")
                    await CountAsync();
                context.Response.StatusCode = 200;
                context.Response.Close();
            });
        }
    }

    private async Task CountAsync()
    {
        Interlocked.Increment(ref _counted);
        var now = Interlocked.Increment(ref _running);
        int most;
        while (now > (most = Volatile.Read(ref _mostAtOnce)) && Interlocked.CompareExchange(ref _mostAtOnce, now, most) != most)
        {
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500), _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        Interlocked.Decrement(ref _running);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
