using System.Net;
using System.Net.Sockets;

namespace ElearningRollout.Application.Webhooks;

/// <summary>
/// Keeps webhook deliveries away from the product's own network (server-side request forgery): an administrator's
/// URL, or the DNS answer for its host name, must not lead the sender to loopback, a private (RFC 1918) or
/// unique-local network, a link-local address (169.254/16, where cloud metadata services answer) or an unspecified,
/// multicast or reserved address. Checked when the URL is saved and again, on the address actually connected to, at
/// every send (<see cref="ConnectAsync"/>): a host name that resolved to a public address yesterday may not today.
/// <see cref="IntegrationOptions.AllowPrivateWebhookAddresses"/> lets loopback and private networks through (a
/// receiver on the same machine or an internal ServiceNow); link-local, unspecified, multicast and reserved
/// addresses never are.
/// </summary>
public static class WebhookAddressGuard
{
    /// <summary>The audit action of a refused address, at save time (the administrator) and at send time (the system).</summary>
    public const string RefusedAction = "WebhookAddressRefused";

    /// <summary>How long a save waits for DNS before it accepts the name as not resolvable (the send checks it anyway).</summary>
    private static readonly TimeSpan ResolveAtSaveTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Null when the sender may connect to <paramref name="address"/>, else why not, for the person who entered the URL.</summary>
    public static string? Problem(IPAddress address, bool allowPrivate)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.GetAddressBytes() is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, .. var v4])
        {
            // NAT64 (64:ff9b::/96): the gateway connects to the IPv4 address inside, so that address is the one to judge.
            address = new IPAddress(v4);
        }

        var kind = Classify(address);
        return kind switch
        {
            AddressKind.Public => null,
            AddressKind.Loopback or AddressKind.Private when allowPrivate => null,
            AddressKind.Loopback => $"{address} is this server itself (loopback); webhooks go to other systems only.",
            AddressKind.Private => $"{address} is in a private network; webhooks go to public addresses only.",
            AddressKind.LinkLocal => $"{address} is a link-local address (where cloud metadata services answer); webhooks never go there.",
            _ => $"{address} is not an address a receiver can have (unspecified, multicast or reserved).",
        };
    }

    /// <summary>
    /// The check at save time: a literal address is checked as it is; a host name is resolved and every address it
    /// resolves to must pass. A name that does not resolve (yet) is accepted: nothing can be sent to it, and the send
    /// checks again the address it connects to.
    /// </summary>
    public static async Task<string?> ProblemAsync(Uri url, bool allowPrivate, CancellationToken cancellationToken)
    {
        var host = url.IdnHost;
        if (IPAddress.TryParse(host, out var literal))
        {
            return Refusal(url, Problem(literal, allowPrivate));
        }

        if (!allowPrivate && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)))
        {
            return Refusal(url, $"{host} is this server itself (loopback); webhooks go to other systems only.");
        }

        IPAddress[] addresses;
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(ResolveAtSaveTimeout);
        try
        {
            addresses = await Dns.GetHostAddressesAsync(host, patience.Token);
        }
        catch (Exception failure) when (failure is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return Refusal(url, addresses.Select(a => Problem(a, allowPrivate)).FirstOrDefault(p => p is not null));
    }

    /// <summary>
    /// The sender's connection (SocketsHttpHandler.ConnectCallback): resolves the host itself, refuses when any of its
    /// addresses is refused (a name answering with one public and one private address is not to be trusted), and
    /// connects only to the addresses it checked, so no second DNS answer can slip in between the check and the connect.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new WebhookAddressRefusedException(endpoint.Host, $"{endpoint.Host} has no address.");
        }

        if (addresses.Select(a => Problem(a, allowPrivate)).FirstOrDefault(p => p is not null) is { } problem)
        {
            throw new WebhookAddressRefusedException(endpoint.Host, problem);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string? Refusal(Uri url, string? problem)
        => problem is null ? null : $"This address leads to {url.IdnHost}, which is refused: {problem}";

    private enum AddressKind { Public, Loopback, Private, LinkLocal, NotAReceiver }

    private static AddressKind Classify(IPAddress address)
    {
        if (IPAddress.IsLoopback(address))
        {
            return AddressKind.Loopback;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b switch
            {
                [0, ..] => AddressKind.NotAReceiver,                                  // 0/8 "this network", 0.0.0.0
                [10, ..] => AddressKind.Private,                                      // RFC 1918
                [172, >= 16 and <= 31, ..] => AddressKind.Private,                    // RFC 1918
                [192, 168, ..] => AddressKind.Private,                                // RFC 1918
                [100, >= 64 and <= 127, ..] => AddressKind.Private,                   // carrier-grade NAT (RFC 6598)
                [169, 254, ..] => AddressKind.LinkLocal,                              // incl. 169.254.169.254
                [>= 224, ..] => AddressKind.NotAReceiver,                             // multicast, reserved, broadcast
                _ => AddressKind.Public,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6Any) || address.IsIPv6Multicast)
            {
                return AddressKind.NotAReceiver;
            }

            if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
            {
                return AddressKind.LinkLocal;
            }

            if (address.IsIPv6UniqueLocal)
            {
                return AddressKind.Private;                                           // fc00::/7
            }

            return AddressKind.Public;
        }

        return AddressKind.NotAReceiver;
    }
}

/// <summary>The sender refused to connect: the URL's host is or resolves to an address webhooks never go to.</summary>
public sealed class WebhookAddressRefusedException(string host, string reason)
    : IOException($"Not sent: {host} is refused. {reason}")
{
    public string Host { get; } = host;

    public string Reason { get; } = reason;
}
