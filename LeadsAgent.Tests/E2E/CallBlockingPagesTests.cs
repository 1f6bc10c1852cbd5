using System.Net.Http.Json;
using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>Blocking a caller from the lead page, finding them on the blocked numbers page, and unblocking, on a desk and on a phone.</summary>
public class CallBlockingPagesTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task An_owner_blocks_a_caller_from_the_lead_page_sees_it_in_the_list_and_unblocks_it(int width, int height)
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("FREE");
        var phone = "+1312555" + Random.Shared.Next(1000, 9999);
        var display = $"(312) 555-{phone[^4..]}";
        var leadId = await new SeedLead("Warranty Desk", phone, "NORMAL", "VOICE").InsertAsync(fx.Database, businessId);
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await fx.SignInAsync(page, email, "Owner-password-1");

        await BrowserFixture.OpenInteractiveAsync(page, $"/leads/{leadId}");
        await page.GetByTestId("block-caller-button").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync($"Calls from {display} will hear");
        await dialog.GetByLabel("Why (optional)").FillAsync("Robocall: extended car warranty");
        await BrowserFixture.ScreenshotAsync(page, $"block-dialog-{width}");
        await dialog.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("block-caller-status")).ToContainTextAsync($"{display} is blocked");
        await Assertions.Expect(page.GetByTestId("block-caller-unblock")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"lead-blocked-{width}");

        await BrowserFixture.OpenInteractiveAsync(page, "/settings/blocked");
        var row = page.GetByTestId("blocked-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(display);
        await Assertions.Expect(row).ToContainTextAsync("Robocall: extended car warranty");
        await Assertions.Expect(row).ToContainTextAsync("no calls blocked yet");
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, "wider than the screen: " + culprits);
        await BrowserFixture.ScreenshotAsync(page, $"blocked-numbers-{width}");

        // Typing a bad number says so before anything is sent.
        await page.GetByLabel("Phone number").FillAsync("12");
        await Assertions.Expect(page.GetByTestId("block-form")).ToContainTextAsync("Phone number must be a phone number");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Unblock {display}" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("blocked-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Undo" })).ToBeVisibleAsync();
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM blocked_numbers WHERE business_id = '{businessId}'"));

        // The lead page offers blocking again.
        await BrowserFixture.OpenInteractiveAsync(page, $"/leads/{leadId}");
        await Assertions.Expect(page.GetByTestId("block-caller-button")).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_platform_admin_sees_the_platform_list_with_its_counts(int width, int height)
    {
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        (await fx.Admin().PostAsJsonAsync("/api/platform/blocked-numbers", new { number, reason = "Scam: fake utility shut-off calls" },
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await fx.SignInAsync(page, AppFactory.AdminEmail, AppFactory.AdminPassword);
        await BrowserFixture.OpenInteractiveAsync(page, "/platform/blocked");
        await Assertions.Expect(page.Locator($"[data-testid=blocked-row][data-number='{number}']")).ToContainTextAsync("Scam: fake utility shut-off calls");
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, "wider than the screen: " + culprits);
        await BrowserFixture.ScreenshotAsync(page, $"platform-blocked-{width}");
        Assert.Empty(errors);
    }
}
