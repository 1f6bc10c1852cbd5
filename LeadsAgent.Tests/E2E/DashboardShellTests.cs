using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>The interactive shell: every signed-in page opens its circuit cleanly, fits a phone, and the menu works there.</summary>
public class DashboardShellTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    static readonly string[] s_ownerPages = ["/", "/leads", "/conversations", "/analytics", "/account/plan", "/upgrade/voice-configuration", "/no-such-page"];

    [Fact]
    public async Task Every_owner_page_connects_its_circuit_without_console_errors_and_fits_a_phone()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("PRO");
        var (page, errors) = await fx.NewPageAsync();
        var sockets = new List<string>();
        page.WebSocket += (_, ws) => sockets.Add(ws.Url);
        await fx.SignInAsync(page, email, "Owner-password-1");

        foreach (var width in new[] { 1366, 390 })
        {
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
            foreach (var url in s_ownerPages)
            {
                await BrowserFixture.OpenInteractiveAsync(page, url);
                var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
                Assert.True(fits, $"{url} is wider than the {width} px screen: {culprits}");
                await BrowserFixture.ScreenshotAsync(page, $"shell-{width}-{url.Trim('/').Replace('/', '-') switch { "" => "overview", var s => s }}");
            }
        }

        Assert.Contains(sockets, url => url.Contains("/_blazor", StringComparison.Ordinal));
        // The unknown address answers 404 on purpose (the browser logs that); nothing else may fail.
        Assert.DoesNotContain(errors, e => !e.Contains("no-such-page", StringComparison.Ordinal) && !e.Contains("status of 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_a_phone_the_menu_opens_from_the_hamburger_and_leads_to_another_page()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("BASIC");
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/");

        var leadsLink = page.GetByRole(AriaRole.Link, new() { Name = "Leads", Exact = true });
        await Assertions.Expect(leadsLink).Not.ToBeInViewportAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the menu" }).ClickAsync();
        await Assertions.Expect(leadsLink).ToBeInViewportAsync();
        await BrowserFixture.ScreenshotAsync(page, "shell-390-menu-open");
        await leadsLink.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/leads", StringComparison.Ordinal));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_theme_follows_the_system_and_the_owners_choice_is_remembered()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("FREE");
        var (page, errors) = await fx.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" })).ToBeVisibleAsync();
        await BrowserFixture.OpenInteractiveAsync(page, "/leads");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" })).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_unknown_address_gets_a_styled_page_that_leads_home_and_a_platform_admin_on_an_owner_page_goes_to_the_platform()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("BASIC");
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        var response = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to your dashboard" })).ToBeVisibleAsync();

        var (adminPage, adminErrors) = await fx.NewPageAsync();
        page = adminPage;
        errors = adminErrors;
        await fx.SignInAsync(page, Support.AppFactory.AdminEmail, Support.AppFactory.AdminPassword);
        await page.GotoAsync("/leads");
        await page.WaitForURLAsync(url => url.EndsWith("/platform", StringComparison.Ordinal));
        Assert.Empty(errors);
    }
}
