using System.Net.Http.Json;
using System.Text.Json;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>
/// Accessibility basics on every dashboard page, checked by axe-core (the engine behind Lighthouse's accessibility
/// audit) in Chromium: labelled inputs, headings in order, colour contrast of the default theme, names on links and
/// buttons, landmarks. Plus keyboard use: the skip link and a form driven with the keyboard alone.
/// </summary>
public class AccessibilityTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    static readonly string s_axe = File.ReadAllText(Path.Combine(BrowserFixture.RepositoryRoot, "node_modules", "axe-core", "axe.min.js"));

    const string RunAxe = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
            resultTypes: ['violations'],
          });
          return JSON.stringify(result.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary) })));
        }
        """;

    async Task<List<string>> ViolationsAsync(IPage page, string? path)
    {
        if (path is not null)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true } || path == "/not-found", $"{path} answered {response?.Status}");
        }

        // An interactive page is checked once its circuit has rendered (the layout marks <main>), not while Blazor is
        // swapping the prerendered head for the live one.
        await page.WaitForFunctionAsync(
            "() => (!document.querySelector('main.la-main') || document.querySelector('main[data-interactive=true]')) && document.title.length > 0");
        path ??= page.Url;
        var name = new Uri(page.Url).AbsolutePath.Trim('/');
        await BrowserFixture.ScreenshotAsync(page, "page-" + (name.Length == 0 ? "overview" : string.Join('-', name.Split('/').Select(p => Guid.TryParse(p, out _) || p.StartsWith("CA", StringComparison.Ordinal) ? "detail" : p))));
        // Evaluated by the browser's debugger protocol, which the page's Content-Security-Policy (script-src 'self') does
        // not govern, unlike an injected <script> tag.
        await page.EvaluateAsync(s_axe);
        var json = await page.EvaluateAsync<string>(RunAxe);
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(v => $"{path} {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): "
            + string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))];
    }

    [Fact]
    public async Task Every_owner_page_passes_axe_with_a_pro_business_that_has_calls_leads_and_knowledge()
    {
        var (businessId, email, caller) = await fx.BusinessWithFinishedCallAsync("PRO", 42, "my basement is flooding, a pipe burst", "Jane Doe");
        var leadId = await LeadSeeder.InsertAsync(fx.Database, businessId, "URGENT", "VOICE");
        // The lead's timeline with warm transfers on it (one not taken, one connected).
        await fx.Database.ExecuteAsync($$"""UPDATE leads SET transfers = '[{"at":"2026-11-21T16:04:00Z","outcome":"NO_ANSWER"},{"at":"2026-11-21T16:09:00Z","outcome":"CONNECTED"}]'::jsonb WHERE id = '{{leadId}}'""");
        // A recorded call: the conversation page shows its player (wt-summary).
        await fx.Database.ExecuteAsync($"UPDATE conversations SET recording_sid = 'RE{Guid.NewGuid():N}', recording_url = 'https://api.twilio.com/x', recording_seconds = 42 WHERE session_id = '{caller.CallSid}'");

        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        var violations = new List<string>();
        foreach (var path in new[]
        {
            "/", "/leads", $"/leads/{leadId}", "/conversations", $"/conversations/{caller.CallSid}", "/knowledge", "/analytics",
            "/settings/agent", "/settings/questions", "/settings/voice", "/account", "/account/plan", "/not-found",
            "/settings/blocked",
            "/settings/webhooks",
            "/settings/texts",
            "/settings/hours",
            "/bookings",
        })
        {
            violations.AddRange(await ViolationsAsync(page, path));
        }

        // The simulator with a whole call on screen (every panel filled).
        await BrowserFixture.OpenInteractiveAsync(page, "/simulator");
        await page.GetByTestId("script").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Gas smell" }).ClickAsync();
        await page.GetByTestId("play").ClickAsync();
        await Assertions.Expect(page.GetByTestId("call-state")).ToHaveTextAsync("Call ended", new() { Timeout = 30_000 });
        violations.AddRange(await ViolationsAsync(page, null));

        // A warm transfer on screen: the owner's whisper set apart from the caller's turns (it needs the owner's alert phone).
        await fx.Database.ExecuteAsync($"UPDATE businesses SET notification_phone_number = '+15550001111' WHERE id = '{businessId}'");
        fx.App.Services.GetRequiredService<LeadsAgent.Infrastructure.Businesses.BusinessDirectory>().Invalidate(businessId);
        await page.GetByTestId("start-over").ClickAsync();
        await page.GetByTestId("script").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "\"Let me talk to a person\" (you don't pick up)" }).ClickAsync();
        await page.GetByTestId("play").ClickAsync();
        await Assertions.Expect(page.GetByTestId("call-state")).ToHaveTextAsync("Call ended", new() { Timeout = 40_000 });
        await Assertions.Expect(page.Locator("[data-party=owner]")).ToBeVisibleAsync();
        violations.AddRange(await ViolationsAsync(page, null));

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Every_interactive_page_passes_axe_in_dark_mode_too()
    {
        var (businessId, email, caller) = await fx.BusinessWithFinishedCallAsync("BASIC", 30, "my water heater is leaking", "Sam Reed");
        var leadId = await LeadSeeder.InsertAsync(fx.Database, businessId, "URGENT", "VOICE");
        // The knowledge page with an entry in its grid and a question to answer, not only its empty state.
        await fx.Database.ExecuteAsync($"INSERT INTO knowledge_documents (id, business_id, title, content, source, created_at, updated_at) VALUES ('{Guid.NewGuid()}', '{businessId}', 'Opening hours', 'Monday to Friday, 8am to 6pm.', 'MANUAL', now(), now())");
        (await fx.Anonymous().PostAsJsonAsync("/api/chat", new { businessId, message = "Do you sell garden gnomes?" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var (page, errors) = await fx.NewPageAsync();
        // The system says dark; the dashboard follows it until the owner picks a mode.
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await fx.SignInAsync(page, email, "Owner-password-1");
        var violations = new List<string>();
        foreach (var path in new[]
        {
            "/", "/leads", $"/leads/{leadId}", "/conversations", $"/conversations/{caller.CallSid}", "/analytics", "/account/plan",
            "/upgrade/voice-configuration", "/knowledge", "/settings/agent", "/settings/voice", "/settings/questions", "/account", "/simulator",
            "/settings/blocked",
            "/settings/webhooks",
            "/settings/texts",
            "/bookings",
        })
        {
            await BrowserFixture.OpenInteractiveAsync(page, path);
            await Assertions.Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", "Switch to light mode");
            violations.AddRange((await ViolationsAsync(page, null)).Select(v => "dark " + v));
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task The_questions_page_passes_axe_with_its_dialog_and_the_phone_preview_open(ColorScheme scheme)
    {
        var (_, _, email) = await fx.CreateBusinessAsync("FREE");
        var (page, errors) = await fx.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = scheme });
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/settings/questions");
        var violations = new List<string>();

        await page.GetByTestId("preview-channel").GetByText("On the phone").ClickAsync();
        await page.GetByLabel("In an emergency", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(page.GetByTestId("preview-voice-plan")).ToBeVisibleAsync();
        violations.AddRange(await ViolationsAsync(page, null));

        await page.GetByTestId("question-edit").First.ClickAsync();
        var question = page.GetByRole(AriaRole.Dialog).GetByLabel("Question", new() { Exact = true });
        // The dialog's field is bound after its first render: clearing it before the question's words arrive changes
        // nothing, so no error would show.
        await Assertions.Expect(question).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(".+"));
        await question.FillAsync("");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Question can't be empty.");
        violations.AddRange((await ViolationsAsync(page, null)).Select(v => "dialog " + v));

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Sign_in_the_demo_page_access_denied_and_the_platform_pages_pass_axe()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("FREE");
        var (page, _) = await fx.NewPageAsync();
        var violations = new List<string>();
        violations.AddRange(await ViolationsAsync(page, "/login"));
        violations.AddRange(await ViolationsAsync(page, $"/demo/{businessId}"));

        await fx.SignInAsync(page, email, "Owner-password-1");
        // The voice page shows FREE what it would get and the way to upgrade; the access-denied page (reached by a
        // link to a page of another plan or role) says which plan has it.
        violations.AddRange(await ViolationsAsync(page, "/settings/voice"));
        violations.AddRange(await ViolationsAsync(page, "/access-denied?ReturnUrl=%2Fsettings%2Fvoice"));
        await Assertions.Expect(page.Locator("[data-upgrade=VoiceConfiguration]")).ToContainTextAsync("comes with the PRO plan");
        await BrowserFixture.ScreenshotAsync(page, "access-denied-upgrade");

        var (admin, _) = await fx.NewPageAsync();
        await fx.SignInAsync(admin, AppFactory.AdminEmail, AppFactory.AdminPassword);
        violations.AddRange(await ViolationsAsync(admin, "/platform"));
        violations.AddRange(await ViolationsAsync(admin, "/platform/health"));
        violations.AddRange(await ViolationsAsync(admin, "/platform/blocked"));
        violations.AddRange(await ViolationsAsync(admin, $"/platform/businesses/{businessId}"));
        var (anonymous, _) = await fx.NewPageAsync();
        violations.AddRange(await ViolationsAsync(anonymous, $"/reset-password?user={Guid.NewGuid()}&token=not-a-real-token"));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task The_platform_pages_pass_axe_in_dark_mode_too()
    {
        var (businessId, _, _) = await fx.CreateBusinessAsync("PRO");
        (await fx.Admin().PostAsJsonAsync($"/api/platform/businesses/{businessId}/suspend", new { reason = "Checking the dark theme" },
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var (admin, errors) = await fx.NewPageAsync();
        await admin.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await fx.SignInAsync(admin, AppFactory.AdminEmail, AppFactory.AdminPassword);
        var violations = new List<string>();
        foreach (var path in new[] { "/platform", "/platform/health", $"/platform/businesses/{businessId}", "/platform/blocked" })
        {
            await BrowserFixture.OpenInteractiveAsync(admin, path);
            await Assertions.Expect(admin.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", "Switch to light mode");
            violations.AddRange((await ViolationsAsync(admin, null)).Select(v => "dark " + v));
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_keyboard_alone_skips_to_the_content_and_plays_a_scripted_call()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("PRO");
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/simulator");

        // The page's heading has the focus (screen readers announce the page); back up to the skip link.
        await Assertions.Expect(page.Locator("h1:focus")).ToHaveTextAsync("Call simulator");
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()") != "Skip to content"; i++)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
        }

        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // From the main content, Tab reaches the list of scripted callers; arrows open it and pick one, Enter takes it;
        // Tab and Enter play it.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("script", await page.EvaluateAsync<string>("() => document.activeElement.dataset.testid"));
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "Gas smell" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("script")).Not.ToHaveValueAsync("");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Play the call", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        Assert.True(await page.EvaluateAsync<bool>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' || s.boxShadow !== 'none'; }"),
            "the focused button shows a focus ring");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-turn]").Nth(1)).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.Empty(errors);
    }
}
