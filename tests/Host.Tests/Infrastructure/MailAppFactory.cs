using System.Net;
using System.Net.Sockets;
using netDumbster.smtp;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>A host whose e-mail channel points at an in-process fake SMTP server, with a mailer that looks often.</summary>
public sealed class MailAppFactory : AppFactory
{
    public MailAppFactory()
        : this(FreePort())
    {
    }

    private MailAppFactory(int port)
        : base(new Dictionary<string, string>
        {
            ["MonBureau:Smtp:Host"] = "127.0.0.1",
            ["MonBureau:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MonBureau:Notifications:MailerInterval"] = "00:00:00.200",
            ["MonBureau:Messaging:LongestDeliveryWait"] = "00:00:01",
        }) => Smtp = SimpleSmtpServer.Start(port);

    public SimpleSmtpServer Smtp { get; }

    /// <summary>The e-mails sent to one address, once at least <paramref name="expected"/> arrived or a few seconds passed.</summary>
    public async Task<IReadOnlyList<SmtpMessage>> MailsToAsync(string address, int expected = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(expected == 0 ? 2 : 15);
        while (true)
        {
            var mails = Smtp.ReceivedEmail.Where(m => m.ToAddresses.Any(a => a.Address == address)).ToList();
            if ((expected > 0 && mails.Count >= expected) || DateTime.UtcNow > deadline)
                return mails;
            await Task.Delay(100);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Stop();
        Smtp.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class MailHost : ICollectionFixture<MailAppFactory>
{
    public const string Name = "mail";
}
