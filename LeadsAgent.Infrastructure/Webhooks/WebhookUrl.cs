using System.Net;

namespace LeadsAgent.Infrastructure.Webhooks;

/// <summary>The rules an endpoint address must meet before anything is resolved, in words an owner can act on.</summary>
public static class WebhookUrl
{
    /// <summary>Why <paramref name="url"/> cannot be an endpoint, or null when its form is fine (its host is checked separately).</summary>
    public static string? Problem(string? url, bool allowLoopback)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Enter the address that should receive events.";
        }

        if (url.Length > Domain.Webhooks.WebhookEndpoint.MaxUrl)
        {
            return $"That address is too long (at most {Domain.Webhooks.WebhookEndpoint.MaxUrl:N0} characters).";
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            return "Enter a full web address starting with https://, for example https://hooks.zapier.com/hooks/catch/123/abc/.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Leave the user name and password out of the address: every delivery is signed instead.";
        }

        var loopback = IsLoopbackHost(uri);
        if (uri.Scheme != Uri.UriSchemeHttps && !(allowLoopback && loopback))
        {
            return "The address must start with https:// so events travel encrypted.";
        }

        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && !(allowLoopback && loopback)
            && !Net.PublicAddress.IsPublic(IPAddress.Parse(uri.Host)))
        {
            return PrivateNetwork;
        }

        if (loopback && !allowLoopback)
        {
            return PrivateNetwork;
        }

        return null;
    }

    public const string PrivateNetwork = "That address is on a private network or this server itself; webhooks go only to public internet addresses.";
    public const string HostNotFound = "That address's host name does not exist; check the spelling.";

    static bool IsLoopbackHost(Uri uri) =>
        uri.IsLoopback || (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.IsLoopback(IPAddress.Parse(uri.Host)));
}
