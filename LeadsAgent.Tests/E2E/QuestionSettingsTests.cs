using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>The owner's questions page in Chromium, at a desktop and a phone width, and what the agent asks afterwards.</summary>
public class QuestionSettingsTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    // A plumber starts with: name, phone, address, problem, email.
    const string Email = "What is your email address, so we can send you a confirmation?";
    const string When = "When would suit you for a visit?";

    async Task<(IPage Page, List<string> Errors, Guid BusinessId)> SignedInAsync(string plan, int width, int height = 900)
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync(plan, "PLUMBING");
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/settings/questions");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(5);
        return (page, errors, businessId);
    }

    static ILocator Rows(IPage page) => page.GetByTestId("question-row");

    static ILocator Row(IPage page, string text) => Rows(page).Filter(new() { HasText = text });

    static ILocator Dialog(IPage page) => page.GetByRole(AriaRole.Dialog);

    static async Task PickAsync(IPage page, string testId, string option)
    {
        await Dialog(page).Locator($".mud-select:has([data-testid={testId}]), .mud-select[data-testid={testId}]").First.Locator(".mud-input-control").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    static async Task<bool> FitsAsync(IPage page)
    {
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, "wider than the screen: " + culprits);
        return fits;
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task An_edited_and_moved_question_is_what_the_chat_asks_next(int width)
    {
        var (page, errors, businessId) = await SignedInAsync("BASIC", width, width == 390 ? 844 : 900);
        await BrowserFixture.ScreenshotAsync(page, $"settings-questions-{width}");
        Assert.True(await FitsAsync(page));

        // Edit the last question: new words and another kind of answer.
        await Row(page, Email).GetByTestId("question-edit").ClickAsync();
        await Assertions.Expect(Dialog(page)).ToBeVisibleAsync();
        var save = Dialog(page).GetByTestId("question-save");
        await Assertions.Expect(save).ToBeDisabledAsync();
        var text = Dialog(page).GetByLabel("Question", new() { Exact = true });
        await Assertions.Expect(text).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(".+"));
        await text.FillAsync("");
        await Assertions.Expect(Dialog(page)).ToContainTextAsync("Question can't be empty.");
        await Assertions.Expect(save).ToBeDisabledAsync();
        await text.FillAsync(When);
        await PickAsync(page, "question-format", "A day or time");
        await PickAsync(page, "question-field", "Only the list of answers");
        await Assertions.Expect(Dialog(page)).Not.ToContainTextAsync("can't be empty");
        await BrowserFixture.ScreenshotAsync(page, $"settings-questions-dialog-{width}");
        Assert.True(await FitsAsync(page));
        await save.ClickAsync();
        await Assertions.Expect(Dialog(page)).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Question saved.");
        await Assertions.Expect(Row(page, When)).ToContainTextAsync("A day or time");

        // Move it to the top, without a reload and without the page jumping: dragging on a desktop, arrows on a phone.
        await page.EvaluateAsync("() => window.__samePage = true");
        if (width == 390)
        {
            // Scrolled down to the question, a move keeps the page where it is (no jump to the top).
            await Row(page, When).ScrollIntoViewIfNeededAsync();
            var scrolled = await page.EvaluateAsync<double>("() => window.scrollY");
            Assert.True(scrolled > 0, "the list should need scrolling on a phone");
            for (var at = 5; at > 1; at--)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = $"Move up: {When} (now {at} of 5)" }).ClickAsync();
                // The focus stays on the moved question's arrow, so a keyboard user can keep going.
                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Move {(at - 1 == 1 ? "down" : "up")}: {When} (now {at - 1} of 5)" })).ToBeFocusedAsync();
                if (at == 5)
                {
                    Assert.Equal(scrolled, await page.EvaluateAsync<double>("() => window.scrollY"), 1);
                }
            }

            await Assertions.Expect(Row(page, When)).ToBeInViewportAsync();
        }
        else
        {
            // A person's drag: press, move in steps (each step is a dragenter the page hears), release over the first question.
            var from = (await Row(page, When).BoundingBoxAsync())!;
            var to = (await Rows(page).First.BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(from.X + 40, from.Y + from.Height / 2);
            await page.Mouse.DownAsync();
            for (var step = 1; step <= 10; step++)
            {
                await page.Mouse.MoveAsync(to.X + 40, from.Y + from.Height / 2 + (to.Y + 8 - from.Y - from.Height / 2) * step / 10);
                await page.WaitForTimeoutAsync(50);
            }

            await page.Mouse.UpAsync();
        }

        await Assertions.Expect(Rows(page).First).ToContainTextAsync(When);
        await Assertions.Expect(page.GetByTestId("questions-announcement")).ToHaveTextAsync("Moved to position 1 of 5.");
        await Assertions.Expect(page.GetByTestId("preview-agent").First).ToContainTextAsync(When);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"), "the page reloaded");
        await BrowserFixture.ScreenshotAsync(page, $"settings-questions-moved-{width}");
        Assert.Equal(When, await fx.Database.ScalarAsync<string>(
            $"SELECT question_text FROM lead_capture_questions WHERE business_id = '{businessId}' ORDER BY \"order\" LIMIT 1"));

        // A chat now asks the new question first, and checks the answer as a day or time.
        var visitor = fx.Anonymous();
        var ct = TestContext.Current.CancellationToken;
        var first = await (await visitor.PostAsJsonAsync("/api/chat", new { businessId, message = "My kitchen sink is clogged" }, ct)).JsonAsync(HttpStatusCode.OK);
        Assert.EndsWith(When, first["reply"]!.GetValue<string>(), StringComparison.Ordinal);
        var sessionId = first["sessionId"]!.GetValue<string>();
        var hint = await (await visitor.PostAsJsonAsync("/api/chat", new { businessId, sessionId, message = "purple" }, ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Contains("For example \"tomorrow morning\"", hint["reply"]!.GetValue<string>(), StringComparison.Ordinal);
        var next = await (await visitor.PostAsJsonAsync("/api/chat", new { businessId, sessionId, message = "tomorrow morning" }, ct)).JsonAsync(HttpStatusCode.OK);
        Assert.EndsWith("May I have your name, please?", next["reply"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_free_owner_sees_the_limit_deletes_after_confirming_and_adds_an_emergency_question()
    {
        var (page, errors, businessId) = await SignedInAsync("FREE", 1366);
        var limit = page.GetByTestId("question-limit");
        await Assertions.Expect(limit).ToContainTextAsync("5 of 5 questions on the Free plan.");
        await Assertions.Expect(limit.GetByRole(AriaRole.Link, new() { Name = "move to Basic" })).ToHaveAttributeAsync("href", "/upgrade/unlimited-questions");
        await Assertions.Expect(page.GetByTestId("question-add")).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(page, "settings-questions-free-limit");

        // Delete asks first; keeping it changes nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete: {Email}" }).ClickAsync();
        await Assertions.Expect(Dialog(page)).ToContainTextAsync("Your agent will stop asking");
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(5);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete: {Email}" }).ClickAsync();
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Delete question" }).ClickAsync();
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(4);
        await Assertions.Expect(limit).ToContainTextAsync("4 of 5 questions on the Free plan.");
        Assert.Equal(4L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM lead_capture_questions WHERE business_id = '{businessId}'"));

        // Add one, asked in emergencies too.
        await page.GetByTestId("question-add").ClickAsync();
        var save = Dialog(page).GetByTestId("question-save");
        await Assertions.Expect(save).ToBeDisabledAsync();
        await Dialog(page).GetByLabel("Question", new() { Exact = true }).FillAsync("   ");
        await Assertions.Expect(Dialog(page)).ToContainTextAsync("Question can't be empty.");
        await Assertions.Expect(save).ToBeDisabledAsync();
        await Dialog(page).GetByLabel("Question", new() { Exact = true }).FillAsync("Is there a pet we should know about?");
        await Dialog(page).GetByText("Ask in an emergency too").ClickAsync();
        await save.ClickAsync();
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(5);
        await Assertions.Expect(Rows(page).Last).ToContainTextAsync("Asked in an emergency");
        await Assertions.Expect(limit).ToContainTextAsync("5 of 5");
        await Assertions.Expect(page.GetByTestId("question-add")).ToBeDisabledAsync();
        Assert.True(await fx.Database.ScalarAsync<bool>(
            $"SELECT is_essential_for_emergency FROM lead_capture_questions WHERE business_id = '{businessId}' AND question_text = 'Is there a pet we should know about?'"));
        Assert.Empty(errors);
    }
}
