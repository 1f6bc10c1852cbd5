using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Tests.Support;

namespace LeadsAgent.Tests.Integration;

/// <summary>Sign-in, sign-out and password changes end what they should end, and sign-in reveals nothing.</summary>
public class SessionSecurityTests(SessionSecurityTests.Fixture fx) : IClassFixture<SessionSecurityTests.Fixture>
{
    public sealed class Fixture : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            // Every request re-checks the security stamp, so the tests need not wait out the usual minute.
            ["Auth:SecurityStampValidationSeconds"] = "0",
            // These tests fail many sign-ins from one address on purpose; the per-address limit has its own test.
            ["Auth:FailedSignInBurstPerClient"] = "10000",
        };
    }

    const string Password = "Owner-password-1";

    static async Task<(string Access, string Refresh)> TokensAsync(HttpClient http, string email, string password)
    {
        var body = await (await http.PostAsJsonAsync("/api/auth/login", new { email, password }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        return (body["accessToken"]!.GetValue<string>(), body["refreshToken"]!.GetValue<string>());
    }

    async Task<HttpStatusCode> BusinessStatusAsync(string token) =>
        (await fx.Anonymous().WithToken(token).GetAsync("/api/admin/business", TestContext.Current.CancellationToken)).StatusCode;

    async Task<HttpStatusCode> RefreshStatusAsync(string refresh) =>
        (await fx.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh }, TestContext.Current.CancellationToken)).StatusCode;

    [Fact]
    public async Task A_refresh_token_gets_a_new_access_token_and_a_forged_one_is_refused()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("FREE");
        var (_, refresh) = await TokensAsync(fx.Anonymous(), email, Password);

        var renewed = await (await fx.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, await BusinessStatusAsync(renewed["accessToken"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshStatusAsync(refresh[..^4] + "AAAA"));
        Assert.Equal(HttpStatusCode.BadRequest, await RefreshStatusAsync(""));
    }

    /// <summary>
    /// The account page's password change as its script sends it: JSON to POST /account/password with the page's
    /// antiforgery token in the header, the browser's cookies along.
    /// </summary>
    static async Task<HttpResponseMessage> ChangePasswordAsync(DashboardSession session, string current, string fresh, string again, bool withToken = true)
    {
        var token = DashboardSession.HiddenFields(await session.Http.GetStringAsync("/account"), "/account/logout-everywhere")["__RequestVerificationToken"];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/password")
        {
            Content = JsonContent.Create(new { currentPassword = current, newPassword = fresh, confirmPassword = again }),
        };
        if (withToken)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        return await session.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_password_change_on_the_account_page_ends_other_browsers_old_tokens_and_refresh_tokens()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("FREE");
        var (access, refresh) = await TokensAsync(fx.Anonymous(), email, Password);
        var here = await DashboardSession.SignInAsync(fx.App, email, Password);
        var elsewhere = await DashboardSession.SignInAsync(fx.App, email, Password);
        Assert.True(await elsewhere.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.OK, await BusinessStatusAsync(access));

        var change = await ChangePasswordAsync(here, Password, "A-brand-new-password-2", "A-brand-new-password-2");
        Assert.Contains("this one stays signed in", (await change.JsonAsync(HttpStatusCode.OK))["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(change.Headers.Contains("Set-Cookie"), "the answer re-issues this browser's cookie");

        Assert.True(await here.IsSignedInAsync(), "the browser that changed the password stays signed in");
        Assert.False(await elsewhere.IsSignedInAsync(), "another browser is signed out");
        Assert.Equal(HttpStatusCode.Unauthorized, await BusinessStatusAsync(access));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshStatusAsync(refresh));
        var (fresh, _) = await TokensAsync(fx.Anonymous(), email, "A-brand-new-password-2");
        Assert.Equal(HttpStatusCode.OK, await BusinessStatusAsync(fresh));
    }

    [Fact]
    public async Task A_password_change_says_what_is_wrong_in_words_and_needs_the_pages_token()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("FREE");
        var session = await DashboardSession.SignInAsync(fx.App, email, Password);

        var forged = await ChangePasswordAsync(session, Password, "Hijacked-password-1", "Hijacked-password-1", withToken: false);
        Assert.Equal("Form expired", (await forged.JsonAsync(HttpStatusCode.BadRequest))["title"]!.GetValue<string>());

        var errors = (await (await ChangePasswordAsync(session, Password, "aaaaaaaaaaaa", "aaaaaaaaaab")).JsonAsync(HttpStatusCode.BadRequest))["errors"]!;
        Assert.Equal("The new password needs at least 4 different characters.", errors["newPassword"]![0]!.GetValue<string>());
        Assert.Equal("The two new passwords are different.", errors["confirmPassword"]![0]!.GetValue<string>());
        var empty = (await (await ChangePasswordAsync(session, "", "", "")).JsonAsync(HttpStatusCode.BadRequest))["errors"]!;
        Assert.Equal("Enter your current password.", empty["currentPassword"]![0]!.GetValue<string>());
        Assert.Equal("Enter a new password.", empty["newPassword"]![0]!.GetValue<string>());

        Assert.True(await session.IsSignedInAsync());
        var (token, _) = await TokensAsync(fx.Anonymous(), email, Password); // unchanged
        Assert.Equal(HttpStatusCode.OK, await BusinessStatusAsync(token));
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_browser_and_token_and_needs_the_forms_token()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("FREE");
        var (access, _) = await TokensAsync(fx.Anonymous(), email, Password);
        var here = await DashboardSession.SignInAsync(fx.App, email, Password);
        var elsewhere = await DashboardSession.SignInAsync(fx.App, email, Password);

        // Without the antiforgery token (another site's form) nothing happens.
        var forged = await here.Http.PostAsync("/account/logout-everywhere", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(await elsewhere.IsSignedInAsync());

        var done = await here.PostFormAsync("/account", "/account/logout-everywhere", [], "/account/logout-everywhere");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.False(await here.IsSignedInAsync());
        Assert.False(await elsewhere.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await BusinessStatusAsync(access));
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_and_with_it_signs_out()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("FREE");
        var session = await DashboardSession.SignInAsync(fx.App, email, Password);

        var forged = await session.Http.PostAsync("/account/logout", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(await session.IsSignedInAsync());

        var real = await session.PostFormAsync("/account", "/account/logout", [], "/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.False(await session.IsSignedInAsync());
    }

    [Fact]
    public async Task Wrong_current_passwords_on_the_account_page_count_toward_the_lock_out()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("FREE");
        var session = await DashboardSession.SignInAsync(fx.App, email, Password);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await ChangePasswordAsync(session, "guess-" + i, "Another-password-3", "Another-password-3");
            var refused = (await wrong.JsonAsync(HttpStatusCode.BadRequest))["errors"]!["currentPassword"]![0]!.GetValue<string>();
            Assert.Equal(i < 4 ? "That is not your current password." : "Too many wrong passwords. Try again in 15 minutes.", refused);
        }

        var login = await fx.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = Password }, TestContext.Current.CancellationToken);
        Assert.Equal("Account locked", (await login.JsonAsync(HttpStatusCode.TooManyRequests))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_and_known_emails_are_refused_in_the_same_time()
    {
        var known = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            known.Add((await fx.CreateBusinessAsync("FREE")).OwnerEmail);
        }

        async Task<double> MedianMsAsync(Func<int, string> email)
        {
            var times = new List<double>();
            for (var i = 0; i < 12; i++)
            {
                var watch = Stopwatch.StartNew();
                var response = await fx.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = email(i), password = "wrong-password" }, TestContext.Current.CancellationToken);
                times.Add(watch.Elapsed.TotalMilliseconds);
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }

            return times.Order().ElementAt(times.Count / 2);
        }

        // Four wrong passwords per known account (the fifth would lock it), interleaved so both sets see the same machine.
        await MedianMsAsync(i => $"warm-up-{i}@example.com");
        var unknown = await MedianMsAsync(i => $"nobody-{Guid.NewGuid():N}@example.com");
        var existing = await MedianMsAsync(i => known[i % 3]);
        var ratio = existing / unknown;
        Assert.True(ratio is > 0.5 and < 2, $"known email {existing:0.0} ms vs unknown {unknown:0.0} ms: the time tells them apart");
    }
}
