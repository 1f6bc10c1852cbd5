using System.Net.Http.Json;
using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>The hours page in Chromium at desktop and phone widths, and the widget's open/closed line that follows it.</summary>
public class HoursPageTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task An_owner_sets_hours_and_routing_saves_and_the_widget_shows_open_now(int width)
    {
        var (businessId, owner, email) = await fx.CreateBusinessAsync("PRO", "PLUMBING");
        (await owner.PutAsJsonAsync("/api/admin/business", new { timeZone = "America/Chicago", notificationPhoneNumber = "+15550001111" }, TestContext.Current.CancellationToken))
            .EnsureSuccessStatusCode();
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/settings/hours");
        await Assertions.Expect(page.GetByTestId("hours-status")).ToContainTextAsync("No opening hours yet");

        // Open around the clock (00:00 to 00:00 is until midnight), so the test reads the same at any hour.
        await page.GetByTestId("day-Monday-add").ClickAsync();
        await page.Locator("#day-Monday-from-0").FillAsync("00:00");
        await page.Locator("#day-Monday-to-0").FillAsync("00:00");
        await page.Locator("#day-Monday-to-0").BlurAsync();
        await page.GetByTestId("copy-monday").ClickAsync();
        await Assertions.Expect(page.Locator("#day-Friday-to-0")).ToHaveValueAsync("00:00");
        foreach (var day in new[] { "Saturday", "Sunday" })
        {
            await page.GetByTestId($"day-{day}-add").ClickAsync();
            await page.Locator($"#day-{day}-from-0").FillAsync("00:00");
            await page.Locator($"#day-{day}-to-0").FillAsync("00:00");
            await page.Locator($"#day-{day}-to-0").BlurAsync();
        }

        // A second time that overlaps is explained and blocks Save until removed.
        await page.GetByTestId("day-Sunday-add").ClickAsync();
        await Assertions.Expect(page.GetByText("Sunday: 00:00–24:00 and 08:00–17:00 overlap.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("save")).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Sunday 08:00 to 17:00" }).ClickAsync();

        await page.GetByTestId("add-holiday").ClickAsync();
        await Assertions.Expect(page.GetByTestId("holiday-0")).ToBeVisibleAsync();
        await page.Locator("#holiday-0-date").FillAsync("2030-12-25");
        await page.Locator("#holiday-0-date").BlurAsync();
        await page.GetByLabel("Ring my phone during opening hours, the agent after hours").CheckAsync();
        await Assertions.Expect(page.GetByTestId("ring-seconds")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"settings-hours-{width}");
        if (width < 600)
        {
            var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
            Assert.True(fits, culprits);
        }

        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByText("Saved. The next call and chat use these hours.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("hours-status")).ToHaveTextAsync("Open now, around the clock (your time zone: America/Chicago)");
        Assert.Equal("AI_AFTER_HOURS|2030-12-25", await fx.Database.ScalarAsync<string>(
            $"SELECT c.call_routing || '|' || (b.hours->'exceptions'->0->>'date') FROM agent_configs c JOIN businesses b ON b.id = c.business_id WHERE b.id = '{businessId}'"));

        await page.GotoAsync($"/demo/{businessId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with AI Assistant" }).ClickAsync();
        await Assertions.Expect(page.Locator("#leadsagent-widget #la-hours")).ToHaveTextAsync("Open now");
        await Assertions.Expect(page.Locator("#leadsagent-widget #la-hours")).ToHaveClassAsync("hours open");
        await BrowserFixture.ScreenshotAsync(page, $"settings-hours-widget-{width}");
        Assert.Empty(errors);
    }
}
