using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

public class AnalyticsPageTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    async Task<string> BusinessWithOneCallAndAnEmergencyAsync(string plan)
    {
        var (businessId, email, _) = await fx.BusinessWithFinishedCallAsync(plan, 64, "how much do you charge for a tankless water heater");
        await LeadSeeder.InsertAsync(fx.Database, businessId, "URGENT", "VOICE");
        return email;
    }

    [Fact]
    public async Task A_pro_owner_sees_counts_charts_and_response_figures_from_the_stored_calls()
    {
        var email = await BusinessWithOneCallAndAnEmergencyAsync("PRO");
        await fx.CreateBusinessAsync("PRO"); // another business's numbers stay out of this owner's page

        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await page.GotoAsync("/analytics");
        await Assertions.Expect(page.GetByTestId("conversations")).ToHaveTextAsync("1");
        // the call's own lead (the caller's number) and the emergency lead
        await Assertions.Expect(page.GetByTestId("leads")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("conversion")).ToHaveTextAsync("100 %");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Phone" })).ToContainTextAsync("1");
        await Assertions.Expect(page.Locator("#full-analytics")).ToContainTextAsync("Emergencies (accepted by you)");
        await Assertions.Expect(page.Locator("#full-analytics")).ToContainTextAsync("1 (0)");
        await Assertions.Expect(page.Locator("#full-analytics")).ToContainTextAsync("Average call length64 s");
        await Assertions.Expect(page.Locator("ol")).ToContainTextAsync("how much do you charge for a tankless water heater");
        Assert.True(await page.EvaluateAsync<bool>("() => !!window.Chart && !!Chart.getChart(document.getElementById('trend-chart'))"));
        Assert.True(await page.EvaluateAsync<bool>("() => !!Chart.getChart(document.getElementById('intent-chart'))"));
        await BrowserFixture.ScreenshotAsync(page, "analytics-pro");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_basic_owner_sees_counts_without_charts_and_a_free_owner_sees_the_upgrade_prompt()
    {
        var basicEmail = await BusinessWithOneCallAndAnEmergencyAsync("BASIC");
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, basicEmail, "Owner-password-1");
        await page.GotoAsync("/analytics");
        await Assertions.Expect(page.GetByTestId("conversations")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("canvas")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#full-analytics")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-upgrade=FullAnalytics]")).ToContainTextAsync("Full analytics comes with the PRO plan (you're on BASIC)");
        await BrowserFixture.ScreenshotAsync(page, "analytics-basic");
        Assert.Empty(errors);

        var (_, _, freeEmail) = await fx.CreateBusinessAsync("FREE");
        var (free, freeErrors) = await fx.NewPageAsync();
        await fx.SignInAsync(free, freeEmail, "Owner-password-1");
        await free.GotoAsync("/analytics");
        await Assertions.Expect(free.Locator("[data-upgrade=BasicAnalytics]")).ToContainTextAsync("Basic analytics comes with the BASIC plan (you're on FREE)");
        await Assertions.Expect(free.GetByTestId("conversations")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(free, "analytics-free");
        Assert.Empty(freeErrors);
    }
}
