using System.Net.Http.Headers;
using System.Text;

namespace LeadsAgent.Tests.Support;

/// <summary>
/// The Radicale CalDAV server `scripts/services` runs on loopback (LEADSAGENT_CALDAV_URL/_USER/_PASSWORD, exported by
/// `scripts/services env`). Each test gets a calendar collection of its own under the user's principal.
/// </summary>
public static class CalDavServer
{
    static string Require(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v
        ? v
        : throw new InvalidOperationException($"{name} is not set. Run the tests through ./test, or eval \"$(scripts/services env)\" after scripts/services up radicale.");

    public static string BaseUrl => Require("LEADSAGENT_CALDAV_URL").TrimEnd('/') + "/";
    public static string User => Require("LEADSAGENT_CALDAV_USER");
    public static string Password => Require("LEADSAGENT_CALDAV_PASSWORD");

    /// <summary>A new, not yet created, calendar address for one test.</summary>
    public static string NewCalendarUrl() => $"{BaseUrl}{User}/test-{Guid.NewGuid():N}/";

    /// <summary>Writes a calendar object straight into Radicale, as a phone's calendar app would, bypassing our client.</summary>
    public static async Task PutRawAsync(string calendarUrl, string name, string icalendar)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, calendarUrl + name)
        {
            Content = new StringContent(icalendar, new UTF8Encoding(false), "text/calendar"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"Radicale refused the raw PUT: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The calendar object Radicale holds at <paramref name="url"/>, or null when there is none.</summary>
    public static async Task<string?> GetRawAsync(string url)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        using var response = await client.SendAsync(request);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
    }
}
