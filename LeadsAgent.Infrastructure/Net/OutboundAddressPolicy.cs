using System.Net;

namespace LeadsAgent.Infrastructure.Net;

/// <summary>Decides which addresses the server may connect to when it fetches a URL someone gave it.</summary>
public interface IOutboundAddressPolicy
{
    bool IsAllowed(IPAddress address);
}

/// <summary>The production policy: public addresses only, by the rules of <see cref="PublicAddress"/>.</summary>
public sealed class PublicOnlyAddressPolicy : IOutboundAddressPolicy
{
    public bool IsAllowed(IPAddress address) => PublicAddress.IsPublic(address);
}
