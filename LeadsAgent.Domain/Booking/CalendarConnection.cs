using System.Security.Cryptography;

namespace LeadsAgent.Domain.Booking;

/// <summary>
/// A business's link to the owner's own calendar: a private iCalendar feed (a secret token in its address) that any
/// calendar app can subscribe to, and optionally a CalDAV calendar that bookings are written to and busy times read
/// from. The CalDAV password is stored encrypted by the infrastructure; this type only carries the cipher text.
/// </summary>
public sealed class CalendarConnection
{
    public const int MaxUrl = 2000;
    public const int MaxUserName = 200;
    public const int MaxPassword = 500;
    public const int MaxError = 300;

    public Guid BusinessId { get; init; }
    /// <summary>The secret in the feed's address (<c>/calendar/{token}.ics</c>); a new one ends the old address.</summary>
    public string FeedToken { get; private set; } = NewToken();
    public string? CalDavUrl { get; private set; }
    public string? CalDavUserName { get; private set; }
    /// <summary>The password, encrypted with the app's key ring; never shown, never logged.</summary>
    public string? CalDavPasswordProtected { get; private set; }
    public string? CalendarName { get; private set; }
    public DateTimeOffset? ConnectedAt { get; private set; }
    /// <summary>When the calendar last answered a read or a write.</summary>
    public DateTimeOffset? LastSyncAt { get; private set; }
    /// <summary>What went wrong the last time the calendar was asked, in the owner's words; null once it works again.</summary>
    public string? LastError { get; private set; }
    public DateTimeOffset? LastErrorAt { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsCalDavConnected => CalDavUrl is not null && CalDavUserName is not null && CalDavPasswordProtected is not null;

    public static CalendarConnection Create(Guid businessId, DateTimeOffset now) => new() { BusinessId = businessId, CreatedAt = now, UpdatedAt = now };

    public void Connect(string calendarUrl, string userName, string protectedPassword, string? calendarName, DateTimeOffset now)
    {
        CalDavUrl = calendarUrl;
        CalDavUserName = userName;
        CalDavPasswordProtected = protectedPassword;
        CalendarName = calendarName is { Length: > 0 } ? calendarName[..Math.Min(calendarName.Length, 200)] : null;
        ConnectedAt = now;
        LastSyncAt = now;
        LastError = null;
        LastErrorAt = null;
        UpdatedAt = now;
    }

    public void Disconnect(DateTimeOffset now)
    {
        CalDavUrl = null;
        CalDavUserName = null;
        CalDavPasswordProtected = null;
        CalendarName = null;
        ConnectedAt = null;
        LastSyncAt = null;
        LastError = null;
        LastErrorAt = null;
        UpdatedAt = now;
    }

    public void ResetFeed(DateTimeOffset now)
    {
        FeedToken = NewToken();
        UpdatedAt = now;
    }

    public void Synced(DateTimeOffset now)
    {
        LastSyncAt = now;
        LastError = null;
        LastErrorAt = null;
    }

    public void Failed(string error, DateTimeOffset now)
    {
        LastError = error.Length <= MaxError ? error : error[..MaxError];
        LastErrorAt = now;
    }

    /// <summary>32 random bytes, base64url: an address no one can guess.</summary>
    static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
