using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Web;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>The platform admin's API: suspend and resume (chat and phone), plan changes with reasons, password resets, audit.</summary>
public partial class PlatformAdminTests(PlatformAdminTests.Fixture fx) : IClassFixture<PlatformAdminTests.Fixture>
{
    const string Token = "test-auth-token";
    const string PublicBase = "https://voice.example.test";
    const string Password = "Owner-password-1";

    public sealed class Fixture : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "ACtest00000000000000000000000000",
            ["Twilio:AuthToken"] = Token,
            ["Twilio:WebhookBaseUrl"] = PublicBase,
            // The test runs the outbox when it means to.
            ["Notifications:PollSeconds"] = "3600",
            // Every request re-checks the security stamp, so a reset ends old sessions at once.
            ["Auth:SecurityStampValidationSeconds"] = "0",
        };
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string NewNumber() => "+1555" + Random.Shared.Next(2000000, 9999999);

    TwilioCaller Caller(string to) => new(fx.Anonymous(), Token, PublicBase, "+15557654321", to);

    async Task<HttpResponseMessage> SuspendAsync(Guid id, string? reason, bool resume = false) =>
        await fx.Admin().PostAsJsonAsync($"/api/platform/businesses/{id}/{(resume ? "resume" : "suspend")}", new { reason }, Ct);

    async Task<System.Text.Json.Nodes.JsonNode> ChatAsync(Guid businessId, string? sessionId, string message) =>
        await (await fx.Anonymous().PostAsJsonAsync("/api/chat", new { businessId, sessionId, message }, Ct)).JsonAsync(HttpStatusCode.OK);

    [Fact]
    public async Task A_suspended_business_chat_answers_politely_that_it_is_unavailable_and_resuming_restores_the_agent()
    {
        var (id, _, _) = await fx.CreateBusinessAsync("PRO");
        var before = await ChatAsync(id, null, "Hi, my sink is leaking");
        var session = before["sessionId"]!.GetValue<string>();
        Assert.False(before["unavailable"]!.GetValue<bool>());

        var suspended = await (await SuspendAsync(id, "Card declined twice")).JsonAsync(HttpStatusCode.OK);
        Assert.True(suspended["suspended"]!.GetValue<bool>());

        // A new visitor and one in the middle of a chat both get the polite notice, as a normal reply.
        var fresh = await ChatAsync(id, null, "Hello?");
        Assert.True(fresh["unavailable"]!.GetValue<bool>());
        Assert.StartsWith("Sorry, Test PLUMBING PRO isn't answering messages here right now.", fresh["reply"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(fresh["leadCaptured"]!.GetValue<bool>());
        var midway = await ChatAsync(id, session, "Dana Scully");
        Assert.True(midway["unavailable"]!.GetValue<bool>());
        var config = await (await fx.Anonymous().GetAsync($"/api/widget/config/{id}", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.True(config["unavailable"]!.GetValue<bool>());
        Assert.Contains("isn't answering messages here right now", config["welcomeMessage"]!.GetValue<string>(), StringComparison.Ordinal);

        await (await SuspendAsync(id, "Paid today", resume: true)).JsonAsync(HttpStatusCode.OK);
        var after = await ChatAsync(id, null, "Hi, my sink is leaking");
        Assert.False(after["unavailable"]!.GetValue<bool>());
        Assert.StartsWith("chat_", after["sessionId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"SUSPENDED:Card declined twice:{AppFactory.AdminEmail},RESUMED:Paid today:{AppFactory.AdminEmail}",
            await fx.Database.ScalarAsync<string>($"SELECT string_agg(kind || ':' || reason || ':' || admin_email, ',' ORDER BY at) FROM admin_actions WHERE business_id = '{id}' AND kind IN ('SUSPENDED','RESUMED')"));
    }

    [Fact]
    public async Task A_call_to_a_suspended_business_hears_a_polite_message_and_its_voicemail_becomes_a_lead()
    {
        var number = NewNumber();
        var (id, owner, _) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        await (await SuspendAsync(id, "Owner on holiday")).JsonAsync(HttpStatusCode.OK);

        var caller = Caller(number);
        await caller.DialAsync();
        Assert.StartsWith("Thanks for calling Test PLUMBING PRO. We can't take calls right now.", caller.Heard[0], StringComparison.Ordinal);
        Assert.Contains("leave your name, number and a short message after the tone", caller.Heard[0], StringComparison.Ordinal);
        Assert.Null(caller.Gather);
        Assert.NotNull(caller.Record);
        await caller.PostAsync("/api/voice/recording", new() { ["RecordingUrl"] = "https://api.twilio.com/recordings/RE9", ["RecordingStatus"] = "completed" }, expectTwiml: false);

        // The owner (still signed in while suspended) sees the voicemail lead with the caller's number.
        var leads = await (await owner.GetAsync("/api/admin/leads", Ct)).JsonAsync(HttpStatusCode.OK);
        var lead = Assert.Single(leads.AsArray());
        Assert.Equal("+15557654321", lead!["contactPhone"]!.GetValue<string>());
        Assert.Equal("https://api.twilio.com/recordings/RE9", await fx.Database.ScalarAsync<string>($"SELECT recording_url FROM leads WHERE session_id = '{caller.CallSid}'"));

        await (await SuspendAsync(id, "Back from holiday", resume: true)).JsonAsync(HttpStatusCode.OK);
        var again = Caller(number);
        await again.DialAsync();
        Assert.NotNull(again.Gather);
        Assert.DoesNotContain(again.Heard, h => h.Contains("can't take calls", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suspending_needs_a_reason_and_cannot_happen_twice()
    {
        var (id, _, _) = await fx.CreateBusinessAsync("FREE");
        Assert.NotEmpty(ApiClient.ErrorsFor(await (await SuspendAsync(id, "  ")).JsonAsync(HttpStatusCode.BadRequest), "reason"));
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM businesses WHERE id = '{id}' AND suspended_at IS NOT NULL"));
        await (await SuspendAsync(id, "Abuse report")).JsonAsync(HttpStatusCode.OK);
        var twice = await (await SuspendAsync(id, "Again")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("already suspended", twice.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM admin_actions WHERE business_id = '{id}' AND kind = 'SUSPENDED'"));
        Assert.Equal(HttpStatusCode.NotFound, (await SuspendAsync(Guid.NewGuid(), "Unknown")).StatusCode);
    }

    [Fact]
    public async Task A_plan_change_needs_a_reason_which_is_kept_with_the_change()
    {
        var (id, _, _) = await fx.CreateBusinessAsync("FREE");
        var refused = await (await fx.Admin().PutAsJsonAsync($"/api/platform/businesses/{id}/plan", new { planTier = "PRO" }, Ct)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(ApiClient.ErrorsFor(refused, "reason"));
        Assert.Equal("FREE", await fx.Database.ScalarAsync<string>($"SELECT plan_tier FROM businesses WHERE id = '{id}'"));

        await (await fx.Admin().PutAsJsonAsync($"/api/platform/businesses/{id}/plan", new { planTier = "PRO", reason = "Trial for the busy season" }, Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Trial for the busy season", await fx.Database.ScalarAsync<string>($"SELECT reason FROM plan_changes WHERE business_id = '{id}'"));
        Assert.Equal("FREE to PRO|Trial for the busy season", await fx.Database.ScalarAsync<string>(
            $"SELECT detail || '|' || reason FROM admin_actions WHERE business_id = '{id}' AND kind = 'PLAN_CHANGED'"));
    }

    [Fact]
    public async Task Opening_a_business_read_only_is_audited_and_lists_what_its_owner_sees()
    {
        var (id, owner, email) = await fx.CreateBusinessAsync("BASIC", "HVAC");
        await owner.PostAsJsonAsync("/api/admin/knowledge", new { title = "Opening hours", content = "We are open 8 to 6, Monday to Saturday." }, Ct);
        var view = await (await fx.Admin().GetAsync($"/api/platform/businesses/{id}", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(email, view["summary"]!["ownerEmail"]!.GetValue<string>());
        Assert.NotEmpty(view["questions"]!.AsArray());
        Assert.Equal(await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM knowledge_documents WHERE business_id = '{id}'"), view["knowledgeEntries"]!.GetValue<long>());

        var audit = await (await fx.Admin().GetAsync($"/api/platform/audit?businessId={id}", Ct)).JsonAsync(HttpStatusCode.OK);
        var opened = Assert.Single(audit.AsArray(), a => a!["kind"]!.GetValue<string>() == "OPENED");
        Assert.Equal(AppFactory.AdminEmail, opened!["adminEmail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync($"/api/platform/businesses/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync($"/api/platform/businesses/{id}/suspend", new { reason = "me" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_grid_lists_each_business_with_its_owner_and_leads_this_month()
    {
        var (id, _, email) = await fx.CreateBusinessAsync("BASIC");
        var rows = await (await fx.Admin().GetAsync("/api/platform/businesses", Ct)).JsonAsync(HttpStatusCode.OK);
        var row = Assert.Single(rows.AsArray(), r => r!["id"]!.GetValue<Guid>() == id);
        Assert.Equal(email, row!["ownerEmail"]!.GetValue<string>());
        Assert.Equal(0, row["leadsThisMonth"]!.GetValue<int>());
        Assert.False(row["suspended"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_password_reset_email_has_a_link_that_works_once_and_ends_old_sessions()
    {
        var (id, owner, email) = await fx.CreateBusinessAsync("FREE");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/admin/business", Ct)).StatusCode);

        var queued = await (await fx.Admin().PostAsync($"/api/platform/businesses/{id}/password-reset", null, Ct)).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(email, queued["sentTo"]!.GetValue<string>());
        // The outbox row names the account, never a token.
        Assert.DoesNotContain("token", await fx.Database.ScalarAsync<string>($"SELECT payload::text FROM notifications WHERE business_id = '{id}' AND kind = 'PASSWORD_RESET'"), StringComparison.OrdinalIgnoreCase);
        await fx.App.Services.GetRequiredService<OutboxWorker>().RunOnceAsync(Ct);

        var mail = Assert.Single(MailSink.Shared(), m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Set a new password for your LeadsAgent dashboard", mail.Subject);
        var link = new Uri(ResetLink().Match(mail.Text).Value);
        Assert.Equal("/reset-password", link.AbsolutePath);
        var query = HttpUtility.ParseQueryString(link.Query);
        Assert.Contains("Choose a new password</a>", mail.Html, StringComparison.Ordinal);

        // The link's page opens without signing in.
        var page = await fx.Anonymous().GetAsync(link.PathAndQuery, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Set a new password", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var request = new { userId = query["user"], token = query["token"], newPassword = "A brand new passphrase", confirmPassword = "A brand new passphrase" };
        var mismatch = await (await fx.Anonymous().PostAsJsonAsync("/api/auth/reset-password", request with { confirmPassword = "Something else entirely" }, Ct)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(ApiClient.ErrorsFor(mismatch, "confirmPassword"));
        Assert.Equal(HttpStatusCode.NoContent, (await fx.Anonymous().PostAsJsonAsync("/api/auth/reset-password", request, Ct)).StatusCode);

        // The old session ended, the old password no longer works, the new one does, and the link is spent.
        Assert.Equal(HttpStatusCode.Unauthorized, (await owner.GetAsync("/api/admin/business", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fx.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = Password }, Ct)).StatusCode);
        await ApiClient.LoginAsync(fx.Anonymous(), email, "A brand new passphrase");
        var again = await (await fx.Anonymous().PostAsJsonAsync("/api/auth/reset-password", request with { newPassword = "Yet another passphrase", confirmPassword = "Yet another passphrase" }, Ct))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("expired or was already used", again.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM admin_actions WHERE business_id = '{id}' AND kind = 'PASSWORD_RESET_SENT'"));
    }

    [GeneratedRegex(@"https?://\S+/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
