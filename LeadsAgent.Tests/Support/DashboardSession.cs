using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LeadsAgent.Tests.Support;

/// <summary>
/// A browser-like session on the server-rendered dashboard without a browser: cookies kept, forms posted with the
/// hidden fields the page rendered (the antiforgery token and Blazor's form handler name), redirects not followed.
/// </summary>
public sealed partial class DashboardSession(AppFactory app)
{
    public HttpClient Http { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<DashboardSession> SignInAsync(AppFactory app, string email, string password)
    {
        var session = new DashboardSession(app);
        var response = await session.PostFormAsync("/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>Whether the dashboard still lets this session in (a signed-out one is sent to the sign-in page).</summary>
    public async Task<bool> IsSignedInAsync()
    {
        var response = await Http.GetAsync("/account");
        // Signed out is the redirect to the sign-in page, nothing else (an error page is not "signed out").
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"/account answered {(int)response.StatusCode}");
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Loads the page, takes the hidden fields of the form named <paramref name="form"/> and posts them with the given fields.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string form, Dictionary<string, string> fields, string? action = null)
    {
        var html = await Http.GetStringAsync(page);
        var values = HiddenFields(html, form);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        return await Http.PostAsync(action ?? page, new FormUrlEncodedContent(values));
    }

    /// <summary>The hidden inputs of one form: the one whose _handler is the name, or (for plain forms) whose action is it.</summary>
    public static Dictionary<string, string> HiddenFields(string html, string form)
    {
        foreach (Match f in FormPattern().Matches(html))
        {
            var body = f.Value;
            if (!body.Contains($"value=\"{form}\"", StringComparison.Ordinal) && !body.Contains($"action=\"{form}\"", StringComparison.Ordinal))
            {
                continue;
            }

            return HiddenPattern().Matches(body).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        }

        throw new InvalidOperationException($"No form '{form}' on the page.");
    }

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenPattern();
}
