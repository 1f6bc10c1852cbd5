using System.Net;

namespace LeadsAgent.Infrastructure.Calendar;

/// <summary>The rules a CalDAV calendar address must meet before anything is resolved, in words an owner can act on.</summary>
public static class CalDavUrl
{
    public const int MaxLength = 2000;

    /// <summary>Why <paramref name="url"/> cannot be a calendar address, or null when its form is fine (its host is checked separately).</summary>
    public static string? Problem(string? url, bool allowLoopback)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Enter your calendar's CalDAV address.";
        }

        if (url.Length > MaxLength)
        {
            return $"That address is too long (at most {MaxLength:N0} characters).";
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            return "Enter a full address starting with https://, for example https://caldav.example.com/calendars/me/work/.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Leave the user name and password out of the address; enter them in their own fields.";
        }

        var loopback = uri.IsLoopback || (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.IsLoopback(IPAddress.Parse(uri.Host)));
        if (uri.Scheme != Uri.UriSchemeHttps && !(allowLoopback && loopback))
        {
            return "The address must start with https:// so your password travels encrypted.";
        }

        if (loopback && !allowLoopback)
        {
            return PrivateNetwork;
        }

        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && !loopback && !Net.PublicAddress.IsPublic(IPAddress.Parse(uri.Host)))
        {
            return PrivateNetwork;
        }

        return null;
    }

    public const string PrivateNetwork = "That address is on a private network or this server itself; use your calendar provider's public CalDAV address.";
    public const string HostNotFound = "That address's host name does not exist; check the spelling.";
}
