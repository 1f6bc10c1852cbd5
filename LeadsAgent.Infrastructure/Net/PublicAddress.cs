using System.Net;
using System.Net.Sockets;

namespace LeadsAgent.Infrastructure.Net;

/// <summary>Which IP addresses a fetch of a user-given URL may reach: public ones, never this server's own networks.</summary>
public static class PublicAddress
{
    static readonly IPNetwork[] s_refusedV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),       // "this network"; 0.0.0.0 reaches the local host on Linux
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),   // carrier-grade NAT, often a cloud's internal range
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),  // link-local, where cloud metadata services answer
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("224.0.0.0/4"),     // multicast
        IPNetwork.Parse("240.0.0.0/4"),     // reserved, and 255.255.255.255 broadcast
    ];

    static readonly IPNetwork[] s_refusedV6 =
    [
        IPNetwork.Parse("fc00::/7"),        // unique-local
        IPNetwork.Parse("fe80::/10"),       // link-local
        IPNetwork.Parse("fec0::/10"),       // site-local (deprecated, still routed by some networks)
        IPNetwork.Parse("ff00::/8"),        // multicast
        IPNetwork.Parse("64:ff9b:1::/48"),  // local-use NAT64 (RFC 8215): translates into a private network
    ];

    // IPv6 forms that carry an IPv4 address in their last 32 bits and reach it: ::a.b.c.d (IPv4-compatible, which
    // also covers :: and ::1) and 64:ff9b::a.b.c.d (NAT64). IPv4-mapped ::ffff:a.b.c.d is tested with
    // IsIPv4MappedToIPv6: an IPNetwork of ::ffff:0:0/96 did not match mapped addresses (the test table caught it).
    static readonly IPNetwork[] s_embeddingV4 =
    [
        IPNetwork.Parse("::/96"),
        IPNetwork.Parse("64:ff9b::/96"),
    ];

    // 6to4 carries the IPv4 address of its relay in bits 16-47; a host with a 6to4 route would send it there.
    static readonly IPNetwork s_sixToFour = IPNetwork.Parse("2002::/16");

    public static bool IsPublic(IPAddress address)
    {
        switch (address.AddressFamily)
        {
            case AddressFamily.InterNetwork:
                return !s_refusedV4.Any(n => n.Contains(address));
            case AddressFamily.InterNetworkV6:
                if (address.IsIPv4MappedToIPv6 || s_embeddingV4.Any(n => n.Contains(address)))
                {
                    return IsPublic(new IPAddress(address.GetAddressBytes().AsSpan(12)));
                }

                if (s_sixToFour.Contains(address))
                {
                    return IsPublic(new IPAddress(address.GetAddressBytes().AsSpan(2, 4)));
                }

                return !s_refusedV6.Any(n => n.Contains(address));
            default:
                return false;
        }
    }
}
