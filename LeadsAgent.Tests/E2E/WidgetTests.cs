using System.Net.Http.Json;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>The widget on the demo page, in Debian's Chromium.</summary>
public class WidgetTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    async Task<(IPage Page, List<string> Errors, Guid BusinessId)> OpenDemoAsync(string plan)
    {
        var (businessId, _, _) = await fx.CreateBusinessAsync(plan, "PLUMBING");
        var (page, errors) = await fx.NewPageAsync();
        await page.GotoAsync($"/demo/{businessId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with AI Assistant" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        return (page, errors, businessId);
    }

    static async Task SendAsync(IPage page, string message)
    {
        var before = await page.Locator(".msg.agent").CountAsync();
        await page.GetByLabel("Type your message").FillAsync(message);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator(".msg.agent")).ToHaveCountAsync(before + 1);
    }

    static ILocator LastReply(IPage page) => page.Locator(".msg.agent").Last;

    [Fact]
    public async Task The_widget_uses_both_of_the_owners_colours_with_readable_text_on_each()
    {
        var (businessId, owner, _) = await fx.CreateBusinessAsync("BASIC", "PLUMBING");
        (await owner.PutAsJsonAsync("/api/admin/config", new { colorTheme = new { primary = "#112233", secondary = "#f5c542" } },
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var (page, errors) = await fx.NewPageAsync();
        await page.GotoAsync($"/demo/{businessId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with AI Assistant" }).ClickAsync();
        await SendAsync(page, "hello");

        async Task<string> StyleAsync(string selector, string property) =>
            await page.Locator("#leadsagent-widget " + selector).First.EvaluateAsync<string>($"e => getComputedStyle(e).{property}");

        // The first colour: launcher and header, with white text on the dark blue.
        Assert.Equal("rgb(17, 34, 51)", await StyleAsync("header", "backgroundColor"));
        Assert.Equal("rgb(255, 255, 255)", await StyleAsync("header", "color"));
        // The second: the visitor's own message and the send button, with near-black text on the light yellow.
        Assert.Equal("rgb(245, 197, 66)", await StyleAsync(".msg.user", "backgroundColor"));
        Assert.Equal("rgb(17, 24, 39)", await StyleAsync(".msg.user", "color"));
        Assert.Equal("rgb(245, 197, 66)", await StyleAsync("form button", "backgroundColor"));
        await BrowserFixture.ScreenshotAsync(page, "widget-two-colours");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_visitor_chats_through_lead_capture_and_the_lead_is_stored()
    {
        var (page, errors, businessId) = await OpenDemoAsync("FREE");
        await Assertions.Expect(LastReply(page)).ToHaveTextAsync("Hello! How can I help you today?");
        await Assertions.Expect(page.GetByLabel("Type your message")).ToBeFocusedAsync();

        await SendAsync(page, "My kitchen sink is clogged");
        await Assertions.Expect(LastReply(page)).ToContainTextAsync("name");
        await SendAsync(page, "Jesse Pinkman");
        await SendAsync(page, "505 555 0142");
        await SendAsync(page, "9809 Margo Street, Albuquerque");
        await SendAsync(page, "jesse@example.com");
        await Assertions.Expect(LastReply(page)).ToContainTextAsync("Someone from our team will be in touch");
        await BrowserFixture.ScreenshotAsync(page, "widget-lead-captured");

        Assert.Equal("Jesse Pinkman|+15055550142", await fx.Database.ScalarAsync<string>(
            $"SELECT contact_name || '|' || contact_phone FROM leads WHERE business_id = '{businessId}'"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_emergency_shows_the_banner_with_the_safety_script_and_call_links()
    {
        var (page, errors, _) = await OpenDemoAsync("PRO");
        await SendAsync(page, "I smell gas in the basement");
        var banner = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToContainTextAsync("If you smell gas, leave the building now.");
        await Assertions.Expect(banner.GetByRole(AriaRole.Link, new() { Name = "Call 911" })).ToHaveAttributeAsync("href", "tel:911");
        await BrowserFixture.ScreenshotAsync(page, "widget-emergency");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Branding_shows_on_free_and_not_on_pro()
    {
        var (free, freeErrors, _) = await OpenDemoAsync("FREE");
        await Assertions.Expect(free.GetByText("Powered by")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(free, "widget-free-branding");
        var (pro, proErrors, _) = await OpenDemoAsync("PRO");
        await Assertions.Expect(pro.Locator(".msg.agent").First).ToBeVisibleAsync();
        await Assertions.Expect(pro.GetByText("Powered by")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(pro, "widget-pro-no-branding");
        Assert.Empty(freeErrors.Concat(proErrors));
    }

    [Fact]
    public async Task A_reload_keeps_the_conversation_and_it_carries_on()
    {
        var (page, errors, _) = await OpenDemoAsync("BASIC");
        await SendAsync(page, "I need a new water heater installed");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".msg.user")).ToHaveTextAsync("I need a new water heater installed");
        await SendAsync(page, "Hank Schrader");
        await Assertions.Expect(LastReply(page)).ToContainTextAsync("number");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Chat with AI Assistant" })).ToBeFocusedAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_message_that_looks_like_html_is_shown_as_text()
    {
        var (page, errors, _) = await OpenDemoAsync("FREE");
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        const string payload = "<img src=x onerror=alert(1)>";
        await SendAsync(page, payload);
        await Assertions.Expect(page.Locator(".msg.user")).ToHaveTextAsync(payload);
        Assert.Equal(0, await page.Locator("#leadsagent-widget img").CountAsync());
        Assert.Equal(0, dialogs);
        await BrowserFixture.ScreenshotAsync(page, "widget-html-as-text");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task On_a_phone_screen_the_panel_fills_the_screen()
    {
        var (businessId, _, _) = await fx.CreateBusinessAsync("FREE");
        var context = await fx.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fx.BaseUrl, ViewportSize = new() { Width = 375, Height = 667 }, IsMobile = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/demo/{businessId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with AI Assistant" }).ClickAsync();
        var box = await page.GetByRole(AriaRole.Dialog).BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.Equal(375, box.Width, 1);
        await BrowserFixture.ScreenshotAsync(page, "widget-phone");
    }
}
