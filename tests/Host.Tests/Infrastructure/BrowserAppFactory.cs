using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>The app on Kestrel on a free loopback port, for a real browser.</summary>
public sealed class BrowserAppFactory : AppFactory
{
    public BrowserAppFactory() => UseKestrel(0);

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}

[CollectionDefinition(Name)]
public sealed class BrowserHost : ICollectionFixture<BrowserAppFactory>
{
    public const string Name = "browser";
}
