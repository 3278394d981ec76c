using System.Net;
using System.Net.Sockets;

namespace SocialMonitor.Core.Evaluation;

/// <summary>
/// Which addresses the link resolver may connect to. <see cref="PublicOnly"/> (the one registered) refuses private,
/// loopback, link-local, shared (carrier-grade NAT), multicast and reserved addresses, IPv4 ones hidden in IPv6 forms
/// included, so a shortened link cannot make the monitor probe its own network. No setting changes it; tests inject
/// one that admits their loopback server.
/// </summary>
public sealed class AddressPolicy(Func<IPAddress, string?> refusal)
{
    public static AddressPolicy PublicOnly { get; } = new(PublicRefusal);

    /// <summary>Why the address is refused (<c>a loopback address</c>), or null when it is allowed.</summary>
    public string? Refusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return refusal(address);
    }

    public static string? PublicRefusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return address.AddressFamily == AddressFamily.InterNetwork ? V4Refusal(address.GetAddressBytes()) : V6Refusal(address);
    }

    private static string? V4Refusal(byte[] b) => b switch
    {
        [0, ..] => "an address of this network (0.0.0.0/8)",
        [10, ..] => "a private address (10.0.0.0/8)",
        [127, ..] => "a loopback address (127.0.0.0/8)",
        [169, 254, ..] => "a link-local address (169.254.0.0/16)",
        [172, >= 16 and <= 31, ..] => "a private address (172.16.0.0/12)",
        [192, 168, ..] => "a private address (192.168.0.0/16)",
        [100, >= 64 and <= 127, ..] => "a shared address (100.64.0.0/10)",
        [192, 0, 0, _] => "an IETF protocol address (192.0.0.0/24)",
        [198, 18 or 19, ..] => "a benchmarking address (198.18.0.0/15)",
        [>= 224, ..] => "a multicast or reserved address (224.0.0.0/3)",
        _ => null,
    };

    private static string? V6Refusal(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return "the unspecified address (::)";
        }
        if (IPAddress.IsLoopback(address))
        {
            return "a loopback address (::1)";
        }
        if (address.IsIPv6LinkLocal)
        {
            return "a link-local address (fe80::/10)";
        }
        if (address.IsIPv6SiteLocal)
        {
            return "a site-local address (fec0::/10)";
        }
        if (address.IsIPv6UniqueLocal)
        {
            return "a private address (fc00::/7)";
        }
        if (address.IsIPv6Multicast)
        {
            return "a multicast address (ff00::/8)";
        }
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
        {
            return V4Refusal(b[12..]) is { } nat64 ? $"{nat64} behind NAT64" : null;
        }
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return V4Refusal(b[2..6]) is { } sixToFour ? $"{sixToFour} behind 6to4" : null;
        }
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return V4Refusal(b[12..]) is { } compatible ? $"{compatible} (IPv4-compatible)" : null;
        }
        return null;
    }
}
