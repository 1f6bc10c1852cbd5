using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

public class LeadPagesTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    async Task<(IPage Page, List<string> Errors, Guid BusinessId)> SignedInAsync()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("BASIC");
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        return (page, errors, businessId);
    }

    [Fact]
    public async Task The_leads_table_filters_and_a_lead_edit_persists()
    {
        var (page, errors, businessId) = await SignedInAsync();
        var urgent = await LeadSeeder.InsertAsync(fx.Database, businessId, "URGENT", "VOICE");
        await LeadSeeder.InsertAsync(fx.Database, businessId, "NORMAL", "CHAT");

        await page.GotoAsync("/leads");
        await Assertions.Expect(page.Locator("#leads-results tbody tr")).ToHaveCountAsync(2);
        await page.GetByLabel("Priority").SelectOptionAsync("URGENT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.Locator("#leads-results tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("priority=URGENT"));
        await BrowserFixture.ScreenshotAsync(page, "leads-filtered");

        await page.GetByRole(AriaRole.Link, new() { Name = "Jane Doe" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Jane Doe");
        await page.GetByLabel("Status").SelectOptionAsync("CONTACTED");
        await page.GetByLabel("Notes").FillAsync("Called back, visiting at 4pm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Notes")).ToHaveValueAsync("Called back, visiting at 4pm");
        Assert.Equal("CONTACTED", await fx.Database.ScalarAsync<string>($"SELECT status FROM leads WHERE id = '{urgent}'"));

        // Back to NEW is refused next to the field, and what the owner typed is kept.
        await page.GetByLabel("Status").SelectOptionAsync("NEW");
        await page.GetByLabel("Notes").FillAsync("typed but refused");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-error")).ToContainTextAsync("cannot go back to NEW");
        await Assertions.Expect(page.GetByLabel("Notes")).ToHaveValueAsync("typed but refused");
        await BrowserFixture.ScreenshotAsync(page, "lead-detail");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_csv_export_downloads_the_filtered_leads()
    {
        var (page, errors, businessId) = await SignedInAsync();
        await LeadSeeder.InsertAsync(fx.Database, businessId, "HIGH", "CHAT");
        await page.GotoAsync("/leads?priority=HIGH");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!, TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("created_at,priority,status", csv, StringComparison.Ordinal);
        Assert.Contains(",HIGH,NEW,CHAT,Jane Doe,+15551234567,", csv, StringComparison.Ordinal);
        Assert.Matches(@"leads-\d{8}\.csv", download.SuggestedFilename);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Another_business_lead_is_not_shown()
    {
        var (otherId, _, _) = await fx.CreateBusinessAsync("BASIC");
        var foreign = await LeadSeeder.InsertAsync(fx.Database, otherId, "URGENT");
        var (page, _, _) = await SignedInAsync();
        var response = await page.GotoAsync($"/leads/{foreign}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await page.GotoAsync("/leads");
        await Assertions.Expect(page.Locator("#leads-results tbody tr")).ToHaveCountAsync(0);
    }
}
