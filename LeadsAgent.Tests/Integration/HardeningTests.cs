using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Tests.Support;

namespace LeadsAgent.Tests.Integration;

/// <summary>What a hostile probe found, each closed: number hijacking, partial updates, raced limits, headers, leaks.</summary>
public class HardeningTests(HardeningTests.Fixture fx) : IClassFixture<HardeningTests.Fixture>
{
    public sealed class Fixture : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "AChardening0000000000000000000000",
            ["Twilio:AuthToken"] = "hardening-token",
            ["Twilio:WebhookBaseUrl"] = "https://voice.hardening.test",
        };
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string NewNumber() => "+1555" + Random.Shared.Next(2000000, 9999999);

    [Fact]
    public async Task An_owner_cannot_claim_a_twilio_number_only_the_platform_admin_assigns_one()
    {
        var (id, owner, _) = await fx.CreateBusinessAsync("PRO");
        var (otherId, _, _) = await fx.CreateBusinessAsync("PRO", twilioNumber: NewNumber());
        var free = NewNumber();

        var claim = await owner.PutAsJsonAsync("/api/admin/business", new { twilioPhoneNumber = free }, Ct);
        Assert.Contains("administrator", (await claim.JsonAsync(HttpStatusCode.Forbidden))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null((await (await owner.GetAsync("/api/admin/business", Ct)).JsonAsync(HttpStatusCode.OK))["twilioPhoneNumber"]);

        var assigned = await fx.Admin().PutAsJsonAsync($"/api/platform/businesses/{id}/number", new { twilioPhoneNumber = free }, Ct);
        Assert.Equal(free, (await assigned.JsonAsync(HttpStatusCode.OK))["twilioPhoneNumber"]!.GetValue<string>());
        Assert.Equal(free, (await (await owner.GetAsync("/api/admin/business", Ct)).JsonAsync(HttpStatusCode.OK))["twilioPhoneNumber"]!.GetValue<string>());
        var taken = await fx.Admin().PutAsJsonAsync($"/api/platform/businesses/{otherId}/number", new { twilioPhoneNumber = free }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PutAsJsonAsync($"/api/platform/businesses/{id}/number", new { twilioPhoneNumber = NewNumber() }, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_partial_business_update_keeps_the_fields_it_leaves_out()
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("BASIC");
        await owner.PutAsJsonAsync("/api/admin/business", new
        {
            name = "Before",
            notificationEmail = "alerts@example.com",
            notificationPhoneNumber = "+15552013344",
            backupPhoneNumber = "+15552013345",
            timeZone = "America/Chicago",
        }, Ct);

        var renamed = await (await owner.PutAsJsonAsync("/api/admin/business", new { name = "After" }, Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("After", renamed["name"]!.GetValue<string>());
        Assert.Equal("alerts@example.com", renamed["notificationEmail"]!.GetValue<string>());
        Assert.Equal("+15552013344", renamed["notificationPhoneNumber"]!.GetValue<string>());
        Assert.Equal("+15552013345", renamed["backupPhoneNumber"]!.GetValue<string>());
        Assert.Equal("America/Chicago", renamed["timeZone"]!.GetValue<string>());

        // An empty value clears an optional field on purpose.
        var cleared = await (await owner.PutAsJsonAsync("/api/admin/business", new { backupPhoneNumber = "" }, Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Null(cleared["backupPhoneNumber"]);
        Assert.Equal("After", cleared["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PutAsJsonAsync("/api/admin/business", new { name = " " }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Thirty_parallel_posts_cannot_pass_the_free_plans_knowledge_limit()
    {
        var (id, owner, _) = await fx.CreateBusinessAsync("FREE");
        var posts = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            owner.PostAsJsonAsync("/api/admin/knowledge", new { title = $"Question {i}", content = $"Answer number {i} about our services." }, Ct)));

        Assert.Equal(10, posts.Count(p => p.StatusCode == HttpStatusCode.Created));
        Assert.Equal(20, posts.Count(p => p.StatusCode == HttpStatusCode.Forbidden));
        Assert.Equal(10L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM knowledge_documents WHERE business_id = '{id}'"));
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        foreach (var path in new[] { "/login", "/health", "/api/widget/config/" + Guid.NewGuid(), "/widget.js", "/api/admin/leads" })
        {
            var response = await fx.Anonymous().GetAsync(path, Ct);
            var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS only over HTTPS");
        }
    }

    [Fact]
    public async Task Only_the_widget_preview_may_be_framed_and_only_by_the_dashboard_itself()
    {
        var response = await fx.Anonymous().GetAsync("/widget-preview.html", Ct);

        response.EnsureSuccessStatusCode();
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("/js/widget-preview-frame.js", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_widget_never_publishes_the_owners_private_alert_number()
    {
        var (id, owner, _) = await fx.CreateBusinessAsync("PRO");
        await owner.PutAsJsonAsync("/api/admin/business", new { notificationPhoneNumber = "+15559990001" }, Ct);

        var config = await (await fx.Anonymous().GetAsync($"/api/widget/config/{id}", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Null(config["phone"]);
        var reply = await (await fx.Anonymous().PostAsJsonAsync("/api/chat", new { businessId = id, message = "I smell gas in my kitchen" }, Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.True(reply["emergency"]!.GetValue<bool>());
        Assert.DoesNotContain("+15559990001", reply.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("9990001", (await (await fx.Anonymous().GetAsync($"/api/widget/config/{id}", Ct)).Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var number = NewNumber();
        await fx.Admin().PutAsJsonAsync($"/api/platform/businesses/{id}/number", new { twilioPhoneNumber = number }, Ct);
        config = await (await fx.Anonymous().GetAsync($"/api/widget/config/{id}", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(number, config["phone"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_malformed_webhook_is_refused_with_400_before_any_work()
    {
        using var content = new StringContent("--x\r\nContent-Disposition: form-data; name=\"CallSid\"\r\n\r\nCA1\r\n--x--");
        content.Headers.ContentType = null;
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/voice/gather") { Content = content };
        request.Headers.Add("X-Twilio-Signature", "c2lnbmF0dXJl");
        var response = await fx.Anonymous().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var unsigned = await fx.Anonymous().PostAsync("/api/voice/incoming", new FormUrlEncodedContent([new("CallSid", "CA1")]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
    }
}
