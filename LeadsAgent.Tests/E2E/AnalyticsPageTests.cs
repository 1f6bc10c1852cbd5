using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

public class AnalyticsPageTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    /// <summary>A finished phone call (64 s, a question the agent could not answer, the caller's number as a lead) and a finished chat with a lead.</summary>
    async Task<(Guid Id, string Email)> BusinessWithACallAndAChatAsync(string plan)
    {
        var (id, email, _) = await fx.BusinessWithFinishedCallAsync(plan, 64, "how much do you charge for a tankless water heater");
        await ChatSeeder.FinishedChatWithLeadAsync(fx, id);
        return (id, email);
    }

    async Task<(IPage Page, List<string> Errors)> OpenAsync(string email)
    {
        var (page, errors) = await fx.NewPageAsync();
        // Straight back to /analytics after signing in: landing on the overview first races its circuit against the next
        // navigation, and the overview (not yet moved off HttpContext) then logs an error that is not this page's.
        await page.GotoAsync("/login?ReturnUrl=%2Fanalytics");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("Owner-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/analytics", StringComparison.Ordinal));
        await BrowserFixture.OpenInteractiveAsync(page, "/analytics");
        return (page, errors);
    }

    static async Task<bool> FitsTheScreenAsync(IPage page)
    {
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, "wider than the screen: " + culprits);
        return fits;
    }

    [Fact]
    public async Task A_pro_owner_sees_totals_that_add_up_trends_and_response_figures()
    {
        var (id, email) = await BusinessWithACallAndAChatAsync("PRO");
        // The call's lead was an emergency nobody has taken yet.
        await fx.Database.ExecuteAsync($"UPDATE leads SET priority = 'URGENT' WHERE business_id = '{id}' AND channel = 'VOICE'");
        await fx.CreateBusinessAsync("PRO"); // another business's numbers stay out of this owner's page

        var (page, errors) = await OpenAsync(email);
        await Assertions.Expect(page.GetByTestId("conversations")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("leads")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("conversion")).ToHaveTextAsync("100 %");
        await Assertions.Expect(page.GetByText("A conversation is a chat or call that ended")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Phone" })).ToContainTextAsync("1");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Chat" })).ToContainTextAsync("1");
        await Assertions.Expect(page.GetByTestId("trend").Locator("svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("emergency-count")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("emergencies-untaken")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("call-length")).ToHaveTextAsync("1 min 04 s");
        await Assertions.Expect(page.GetByTestId("intents")).ToContainTextAsync("Wants a job done");
        await Assertions.Expect(page.GetByTestId("unanswered")).ToContainTextAsync("how much do you charge for a tankless water heater");
        await BrowserFixture.ScreenshotAsync(page, "analytics-pro-1366-light");

        // A shorter period keeps today's conversations.
        await page.GetByTestId("period").GetByText("7 days").ClickAsync();
        await Assertions.Expect(page.GetByTestId("period-text")).ToContainTextAsync("Last 7 days");
        await Assertions.Expect(page.GetByTestId("conversations")).ToHaveTextAsync("2");

        await page.GetByTestId("theme-toggle").ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "analytics-pro-1366-dark");
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.GetByTestId("trend").Locator("svg").First).ToBeVisibleAsync();
        Assert.True(await FitsTheScreenAsync(page), "the analytics page scrolls sideways on a 390 px phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "analytics-pro-390-dark-full.png"), FullPage = true });
        await page.GetByTestId("theme-toggle").ClickAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "analytics-pro-390-light-full.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task A_basic_owner_sees_totals_and_a_free_owner_sees_a_preview_with_the_way_to_upgrade()
    {
        var (_, basicEmail) = await BusinessWithACallAndAChatAsync("BASIC");
        var (page, errors) = await OpenAsync(basicEmail);
        await Assertions.Expect(page.GetByTestId("conversations")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#full-analytics")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-locked=full-analytics]")).ToContainTextAsync("comes with Pro");
        await BrowserFixture.ScreenshotAsync(page, "analytics-basic");
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var (_, freeEmail) = await BusinessWithACallAndAChatAsync("FREE");
        var (free, freeErrors) = await OpenAsync(freeEmail);
        await Assertions.Expect(free.Locator("[data-locked=basic-analytics]")).ToContainTextAsync("comes with Basic and PRO");
        await Assertions.Expect(free.Locator("[data-locked=basic-analytics] .la-preview")).ToContainTextAsync("Conversion");
        await Assertions.Expect(free.GetByTestId("conversations")).ToHaveCountAsync(0);
        await Assertions.Expect(free.GetByRole(AriaRole.Link, new() { Name = "Compare the plans" }).First).ToBeVisibleAsync();
        await free.SetViewportSizeAsync(390, 844);
        Assert.True(await FitsTheScreenAsync(free), "the locked analytics page scrolls sideways on a 390 px phone");
        await BrowserFixture.ScreenshotAsync(free, "analytics-free-390");
        Assert.True(freeErrors.Count == 0, string.Join("\n", freeErrors));
    }

    [Fact]
    public async Task A_new_business_sees_when_its_first_numbers_will_appear_instead_of_an_empty_chart()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("PRO");
        var (page, errors) = await OpenAsync(email);
        await Assertions.Expect(page.GetByTestId("empty-state")).ToContainTextAsync("Your first numbers appear after your agent's first finished chat or call");
        await Assertions.Expect(page.Locator(".mud-chart")).ToHaveCountAsync(0);
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await FitsTheScreenAsync(page));
        await BrowserFixture.ScreenshotAsync(page, "analytics-empty-390");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
