using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

public class SettingsTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    async Task<(IPage Page, List<string> Errors, Guid BusinessId)> SignedInAsync(string plan)
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync(plan);
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        return (page, errors, businessId);
    }

    [Fact]
    public async Task An_owner_changes_the_agent_and_a_bad_value_is_refused_next_to_its_field()
    {
        var (page, errors, businessId) = await SignedInAsync("BASIC");
        await page.GotoAsync("/settings/agent");
        await page.GetByLabel("Agent name").FillAsync("Ava");
        await Assertions.Expect(page.Locator("#preview-header")).ToHaveTextAsync("Ava");
        await page.GetByLabel("Welcome message (website chat)").FillAsync("Hi, I'm Ava. Leaking or cold?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Saved");
        Assert.Equal("Ava", await fx.Database.ScalarAsync<string>($"SELECT agent_name FROM agent_configs WHERE business_id = '{businessId}'"));

        await page.GetByLabel("Websites allowed to show your chat (one per line, like https://www.example.com)").FillAsync("not a website");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#allowedWidgetOrigins-error")).ToContainTextAsync("origin like https://www.example.com");
        await Assertions.Expect(page.GetByLabel("Websites allowed to show your chat (one per line, like https://www.example.com)")).ToHaveValueAsync("not a website");
        Assert.Equal("[]", await fx.Database.ScalarAsync<string>($"SELECT allowed_widget_origins::text FROM agent_configs WHERE business_id = '{businessId}'"));
        await BrowserFixture.ScreenshotAsync(page, "settings-agent-error");

        await page.GetByLabel("Customer says").FillAsync("no gas smell, I want a fireplace insert");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Assertions.Expect(page.Locator("#audit-result")).ToContainTextAsync("NORMAL");
        await Assertions.Expect(page.Locator("#audit-result")).ToContainTextAsync("negated");
        await page.GetByLabel("Customer says").FillAsync("there's smoke coming from the outlet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Assertions.Expect(page.Locator("#audit-result")).ToContainTextAsync("URGENT");
        await Assertions.Expect(page.Locator("#audit-result")).ToContainTextAsync("Safety advice given first");
        await BrowserFixture.ScreenshotAsync(page, "settings-agent-audit");
        Assert.Empty(errors);
    }
}
