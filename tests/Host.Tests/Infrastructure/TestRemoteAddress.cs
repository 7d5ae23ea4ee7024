using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>The in-memory test server has no client address: a test names one with this header, as if it came from there.</summary>
internal sealed class TestRemoteAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, rest) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var address))
                http.Connection.RemoteIpAddress = address;
            await rest(http);
        });
        next(app);
    };
}
