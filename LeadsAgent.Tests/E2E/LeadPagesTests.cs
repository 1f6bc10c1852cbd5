using System.Text.RegularExpressions;
using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

public class LeadPagesTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    async Task<(IPage Page, List<string> Errors, Guid BusinessId, string Email)> SignedInAsync(int width = 1366, int height = 900)
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("BASIC");
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await fx.SignInAsync(page, email, "Owner-password-1");
        return (page, errors, businessId, email);
    }

    static ILocator Rows(IPage page) => page.Locator("[data-testid=leads-grid] tbody tr.mud-table-row");

    static async Task PickAsync(IPage page, string testId, string option)
    {
        await page.Locator($".mud-select:has([data-testid={testId}]), .mud-select[data-testid={testId}]").First.Locator(".mud-input-control").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    static async Task<bool> FitsTheScreenAsync(IPage page)
    {
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, "wider than the screen: " + culprits);
        return fits;
    }

    [Fact]
    public async Task The_leads_grid_filters_changes_a_status_inline_and_exports_what_is_filtered()
    {
        var (page, errors, businessId, _) = await SignedInAsync();
        var urgent = await new SeedLead("Jane Doe", "+13125550147", "URGENT", "VOICE").InsertAsync(fx.Database, businessId);
        await new SeedLead("Bob Smith", "+15557770000", "NORMAL", "CHAT").InsertAsync(fx.Database, businessId);
        await new SeedLead("Ann Jones", "+13125550199", "URGENT", "CHAT").InsertAsync(fx.Database, businessId);

        await BrowserFixture.OpenInteractiveAsync(page, "/leads");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("leads-grid")).ToContainTextAsync("(312) 555-0147");
        await Assertions.Expect(page.GetByTestId("leads-grid")).Not.ToContainTextAsync("URGENT");

        await PickAsync(page, "filter-priority", "Emergency");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(2);
        await page.GetByTestId("search").FillAsync("312 555 014");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(Rows(page)).ToContainTextAsync("Jane Doe");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("priority=URGENT.*search=312%20555%20014"));
        await Assertions.Expect(page.GetByTestId("export")).ToHaveAttributeAsync("href", new Regex(@"^/leads/export\.csv\?priority=URGENT&search=312%20555%20014$"));
        await BrowserFixture.ScreenshotAsync(page, "leads-filtered-1366");

        // A reload keeps the filters (they are in the address).
        await page.ReloadAsync();
        await page.Locator("main[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);

        // The status changes right in the row; going back to New is refused in plain words.
        await PickAsync(page, "status-select", "Contacted");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Marked contacted.");
        Assert.Equal("CONTACTED", await fx.Database.ScalarAsync<string>($"SELECT status FROM leads WHERE id = '{urgent}'"));
        await PickAsync(page, "status-select", "New");
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("can't go back to new");
        Assert.Equal("CONTACTED", await fx.Database.ScalarAsync<string>($"SELECT status FROM leads WHERE id = '{urgent}'"));

        // The export link downloads exactly the filtered leads.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("created_at,priority,status", lines[0], StringComparison.Ordinal);
        Assert.Contains(",URGENT,CONTACTED,VOICE,Jane Doe,+13125550147,", Assert.Single(lines[1..]), StringComparison.Ordinal);
        Assert.Matches(@"leads-\d{8}\.csv", download.SuggestedFilename);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task On_a_phone_the_leads_grid_and_the_lead_page_fit_the_screen_and_a_lead_edit_persists()
    {
        var (page, errors, businessId, _) = await SignedInAsync(390, 844);
        var id = await new SeedLead("Jane Doe", "+13125550147", "HIGH", "VOICE", Email: "jane.doe.with.a.long.address@example.com",
            Address: "1200 Very Long Street Name Apartment 42, Springfield").InsertAsync(fx.Database, businessId);

        await BrowserFixture.OpenInteractiveAsync(page, "/leads");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        Assert.True(await FitsTheScreenAsync(page), "the leads page is wider than a 390 px phone");
        await BrowserFixture.ScreenshotAsync(page, "leads-390");

        await page.GetByRole(AriaRole.Link, new() { Name = "Jane Doe" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Jane Doe");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "(312) 555-0147" })).ToHaveAttributeAsync("href", "tel:+13125550147");
        Assert.True(await FitsTheScreenAsync(page), "the lead page is wider than a 390 px phone");

        await PickAsync(page, "lead-status", "Qualified");
        await page.GetByTestId("lead-notes").FillAsync("Called back, visiting at 4pm");
        await page.GetByTestId("lead-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Saved");
        await BrowserFixture.ScreenshotAsync(page, "lead-detail-390");
        Assert.Equal("QUALIFIED", await fx.Database.ScalarAsync<string>($"SELECT status FROM leads WHERE id = '{id}'"));
        await page.ReloadAsync();
        await page.Locator("main[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("lead-notes")).ToHaveValueAsync("Called back, visiting at 4pm");

        // Too long notes: the error shows while typing and nothing is saved.
        await page.GetByTestId("lead-notes").FillAsync(new string('x', 4001));
        await Assertions.Expect(page.GetByText("Notes can be at most 4,000 characters")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("lead-save")).ToBeDisabledAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Acknowledging_on_the_lead_page_says_who_and_cancels_the_pending_escalation()
    {
        var (page, errors, businessId, email) = await SignedInAsync();
        var id = await new SeedLead("Jane Doe", "+13125550147", "URGENT", "VOICE",
            EmergencyReasons: """[{"rule":"burst_pipe","phrase":"pipe just burst"}]""").InsertAsync(fx.Database, businessId);
        var call = await SeedLead.PendingAlertCallAsync(fx.Database, businessId, id, escalation: true);

        await BrowserFixture.OpenInteractiveAsync(page, $"/leads/{id}");
        await Assertions.Expect(page.GetByTestId("why-urgent")).ToContainTextAsync("Burst pipe");
        await Assertions.Expect(page.GetByTestId("alert-timeline")).ToContainTextAsync("Waiting to call");
        await BrowserFixture.ScreenshotAsync(page, "lead-detail-urgent-1366");
        await page.GetByTestId("lead-acknowledge").ClickAsync();

        await Assertions.Expect(page.GetByTestId("acknowledged")).ToContainTextAsync($"Acknowledged by {email} at");
        await Assertions.Expect(page.GetByTestId("alert-timeline")).ToContainTextAsync("Not needed: the emergency was taken");
        Assert.Equal("CANCELLED", await fx.Database.ScalarAsync<string>($"SELECT status FROM notifications WHERE id = '{call}'"));
        await BrowserFixture.ScreenshotAsync(page, "lead-detail-acknowledged-1366");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Another_business_lead_is_not_shown()
    {
        var (otherId, _, _) = await fx.CreateBusinessAsync("BASIC");
        var foreign = await LeadSeeder.InsertAsync(fx.Database, otherId, "URGENT");
        var (page, _, _, _) = await SignedInAsync();
        await BrowserFixture.OpenInteractiveAsync(page, $"/leads/{foreign}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lead not found");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to your leads" })).ToBeVisibleAsync();
        await BrowserFixture.OpenInteractiveAsync(page, "/leads");
        await Assertions.Expect(page.GetByTestId("no-leads")).ToContainTextAsync("Leads appear here when your agent takes a name and number on chat or phone");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(0);
    }
}
