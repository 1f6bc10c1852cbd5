using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

public class HistoryAndHealthTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_finished_call_is_in_the_history_searchable_with_its_transcript_and_only_for_its_owner()
    {
        var (_, email, caller) = await fx.BusinessWithFinishedCallAsync("PRO", 42, "how much is a tankless water heater");

        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/conversations");
        var rows = page.GetByTestId("open-conversation");
        await page.GetByLabel("Search conversations").FillAsync("tankless");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "conversations-search");
        await page.GetByLabel("Search conversations").FillAsync("gnomes");
        await Assertions.Expect(page.GetByTestId("empty")).ToContainTextAsync("Nothing matches");
        await Assertions.Expect(rows).ToHaveCountAsync(0);

        await BrowserFixture.OpenInteractiveAsync(page, $"/conversations/{caller.CallSid}");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Transcript" })).ToContainTextAsync("how much is a tankless water heater");
        await BrowserFixture.ScreenshotAsync(page, "conversation-detail");
        Assert.Empty(errors);

        var (_, _, otherEmail) = await fx.CreateBusinessAsync("PRO");
        var (other, _) = await fx.NewPageAsync();
        await fx.SignInAsync(other, otherEmail, "Owner-password-1");
        Assert.Equal(404, (await other.GotoAsync($"/conversations/{caller.CallSid}"))!.Status);
        await BrowserFixture.OpenInteractiveAsync(other, "/conversations");
        await Assertions.Expect(other.GetByTestId("empty")).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByTestId("open-conversation")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_platform_admin_sees_system_health_and_owners_cannot()
    {
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, AppFactory.AdminEmail, AppFactory.AdminPassword);
        await page.GotoAsync("/platform/health");
        var database = page.Locator("[data-component='database']");
        await Assertions.Expect(database).ToContainTextAsync("Healthy");
        await Assertions.Expect(page.Locator("[data-component='openai']")).ToContainTextAsync("Not configured");
        await BrowserFixture.ScreenshotAsync(page, "platform-health");
        Assert.Empty(errors);

        var (_, _, email) = await fx.CreateBusinessAsync("PRO");
        var (owner, _) = await fx.NewPageAsync();
        await fx.SignInAsync(owner, email, "Owner-password-1");
        await owner.GotoAsync("/platform/health");
        Assert.Contains("/access-denied", owner.Url, StringComparison.Ordinal);
    }
}
