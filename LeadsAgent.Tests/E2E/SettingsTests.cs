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
    public async Task A_free_owner_sees_the_question_limit_and_questions_can_be_added_moved_and_deleted()
    {
        var (page, errors, businessId) = await SignedInAsync("FREE");
        await page.GotoAsync("/settings/questions");
        var items = page.Locator("li[data-question]");
        var start = await items.CountAsync();
        for (var i = start; i < 5; i++)
        {
            await page.GetByLabel("Question", new() { Exact = true }).FillAsync($"Extra question {i}?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
            await Assertions.Expect(items).ToHaveCountAsync(i + 1);
        }

        await Assertions.Expect(page.Locator("#question-limit")).ToContainTextAsync("5 of 5 questions on the FREE plan");
        await Assertions.Expect(page.Locator("#question-limit")).ToContainTextAsync("Upgrade to BASIC");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add question" })).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(page, "settings-questions-free-limit");

        var last = items.Last;
        var lastText = await last.Locator(".fw-semibold").InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Move up: {lastText}" }).ClickAsync();
        await Assertions.Expect(items.Nth(3).Locator(".fw-semibold")).ToHaveTextAsync(lastText);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete: {lastText}" }).ClickAsync();
        await Assertions.Expect(items).ToHaveCountAsync(4);
        Assert.Equal(4L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM lead_capture_questions WHERE business_id = '{businessId}'"));

        await page.GetByLabel("Question", new() { Exact = true }).FillAsync("   ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        await Assertions.Expect(page.Locator("#questionText-error")).ToHaveTextAsync("Must not be empty.");

        await page.GetByLabel("Question", new() { Exact = true }).FillAsync("Is there a pet we should know about?");
        await page.GetByLabel("Essential in an emergency").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        await Assertions.Expect(items).ToHaveCountAsync(5);
        await Assertions.Expect(items.Last).ToContainTextAsync("essential in an emergency");
        await Assertions.Expect(page.Locator("#question-limit")).ToContainTextAsync("5 of 5");
        Assert.True(await fx.Database.ScalarAsync<bool>($"SELECT is_essential_for_emergency FROM lead_capture_questions WHERE business_id = '{businessId}' AND question_text = 'Is there a pet we should know about?'"));
        Assert.Empty(errors);
    }
}
