using System.Net;

namespace MonBureau.Host.Observability;

/// <summary>Who may scrape /metrics: loopback always, plus the networks listed in MonBureau:Observability:MetricsFrom.</summary>
internal sealed class MetricsAccess
{
    public IList<string> MetricsFrom { get; } = [];

    public bool Allows(IPAddress? address)
    {
        // No remote address: a Unix socket or an in-process caller, both on the machine itself.
        if (address is null || IPAddress.IsLoopback(address))
            return true;
        var mapped = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return MetricsFrom.Any(network => IPNetwork.TryParse(network, out var parsed) && parsed.Contains(mapped));
    }
}
