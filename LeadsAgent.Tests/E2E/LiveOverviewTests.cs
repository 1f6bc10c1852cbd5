using System.Net.Http.Json;
using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

public class LiveOverviewTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_call_appears_on_the_live_overview_without_a_reload_and_leaves_it_when_it_ends()
    {
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (_, owner, email) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("Live");
        await Assertions.Expect(page.GetByTestId("active-count")).ToHaveTextAsync("0");

        var caller = fx.Caller(number, "+15557654321");
        await caller.DialAsync();
        await caller.SayAsync("my basement is flooding");

        var row = page.Locator($"tr[data-session='{caller.CallSid}']");
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 3000 });
        await Assertions.Expect(row).ToContainTextAsync("my basement is flooding");
        await Assertions.Expect(row).ToContainTextAsync("URGENT");
        await BrowserFixture.ScreenshotAsync(page, "live-overview-call");

        await caller.StatusAsync("completed");
        await Assertions.Expect(row).ToHaveCountAsync(0, new() { Timeout = 3000 });
        await Assertions.Expect(page.GetByTestId("active-count")).ToHaveTextAsync("0");
        Assert.Empty(errors);
    }
}
