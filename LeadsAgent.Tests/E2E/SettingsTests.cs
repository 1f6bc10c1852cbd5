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

    [Fact]
    public async Task A_basic_owner_is_refused_the_voice_page_by_the_server_and_a_pro_owner_changes_the_voice()
    {
        var (basic, basicErrors, _) = await SignedInAsync("BASIC");
        var response = await basic.GotoAsync("/settings/voice");
        Assert.Contains("/access-denied", basic.Url, StringComparison.Ordinal);
        await Assertions.Expect(basic.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This page isn't available to your account");
        Assert.Equal(0, await basic.Locator("form[name='voice'], #voice").CountAsync());
        await BrowserFixture.ScreenshotAsync(basic, "settings-voice-refused");

        var (pro, proErrors, businessId) = await SignedInAsync("PRO");
        await pro.GotoAsync("/settings/voice");
        await pro.GetByLabel("Voice").SelectOptionAsync("Polly.Joanna-Neural");
        await pro.GetByLabel("Greeting when the agent answers").FillAsync("Thanks for calling, this is Joanna.");
        await pro.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(pro.GetByRole(AriaRole.Status).First).ToContainTextAsync("Saved");
        Assert.Equal("Polly.Joanna-Neural|Thanks for calling, this is Joanna.", await fx.Database.ScalarAsync<string>(
            $"SELECT twilio_voice || '|' || voice_greeting_message FROM agent_configs WHERE business_id = '{businessId}'"));
        await Assertions.Expect(pro.GetByLabel("\"A call comes in\" (HTTP POST)")).ToHaveValueAsync($"{BrowserFixture.TwilioBase}/api/voice/incoming");
        await BrowserFixture.ScreenshotAsync(pro, "settings-voice");
        Assert.Empty(basicErrors.Concat(proErrors));
    }
}
