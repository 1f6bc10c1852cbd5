using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>Calls and chats as the owner sees them: live calls watched as they happen, finished ones with their outcome, on a phone too.</summary>
public class ConversationPagesTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// The browser errors of these pages. The overview that sign-in lands on (Dashboard.razor, still the static page being
    /// rebuilt elsewhere) can fail in its circuit just after sign-in; that and its circuit's shutdown are not these pages'.
    /// </summary>
    static List<string> Ours(List<string> errors)
    {
        var dashboard = errors.Any(e => e.Contains("Pages.Dashboard.", StringComparison.Ordinal));
        return [.. errors.Where(e => !e.Contains("Pages.Dashboard.", StringComparison.Ordinal)
            && !(dashboard && e.Contains("Circuit has been shut down", StringComparison.Ordinal)))];
    }

    static string NewNumber() => "+1555" + Random.Shared.Next(2000000, 9999999);

    [Fact]
    public async Task A_live_call_shows_its_transcript_growing_in_the_watch_view_without_reload()
    {
        var number = NewNumber();
        var (_, _, email) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        var caller = fx.Caller(number, "+15553331234");
        await caller.DialAsync();
        await caller.SayAsync("my kitchen sink is clogged");

        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 900);
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/conversations");
        var live = page.GetByTestId("open-conversation").First;
        await Assertions.Expect(page.GetByTestId("outcome").First).ToHaveTextAsync("In progress");
        await Assertions.Expect(page.GetByTestId("caller").First).ToContainTextAsync("(555) 333-1234");
        await BrowserFixture.ScreenshotAsync(page, "conversations-live-1366");
        await live.ClickAsync();
        await page.WaitForURLAsync($"**/conversations/{caller.CallSid}");
        var bubbles = page.GetByTestId("transcript").Locator("li");
        await Assertions.Expect(bubbles).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("live-note")).ToBeVisibleAsync();

        await caller.SayAsync("my name is bob smith");

        await Assertions.Expect(bubbles).ToHaveCountAsync(5);
        await Assertions.Expect(bubbles.Nth(3)).ToContainTextAsync("my name is bob smith");
        await Assertions.Expect(page.GetByTestId("conversation-head").GetByTestId("caller")).ToHaveTextAsync("Bob Smith");
        await Assertions.Expect(page.GetByTestId("captured")).ToContainTextAsync("Bob Smith");
        var first = await page.GetByTestId("duration").TextContentAsync();
        await Assertions.Expect(page.GetByTestId("duration")).Not.ToHaveTextAsync(first!, new() { Timeout = 3000 });
        await BrowserFixture.ScreenshotAsync(page, "conversation-watch-1366");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, "conversation-watch-390");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));

        await caller.StatusAsync("completed", 37);

        await Assertions.Expect(page.GetByTestId("outcome")).Not.ToHaveTextAsync("In progress");
        await Assertions.Expect(page.GetByTestId("live-note")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("duration")).ToHaveTextAsync("37 s");
        Assert.Empty(Ours(errors));
    }

    [Fact]
    public async Task A_chat_ended_by_bye_shows_completed_and_leaves_the_active_list_at_once()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("PRO");
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/conversations");
        await Assertions.Expect(page.GetByTestId("empty")).ToContainTextAsync("No calls or chats yet");

        var http = fx.Anonymous();
        var started = await (await http.PostAsJsonAsync("/api/chat", new { businessId, message = "what are your opening hours?" }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        var sessionId = started["sessionId"]!.GetValue<string>();
        await Assertions.Expect(page.GetByTestId("outcome")).ToHaveTextAsync("In progress");
        await Assertions.Expect(page.GetByTestId("caller")).ToHaveTextAsync("Website visitor");

        await (await http.PostAsJsonAsync("/api/chat", new { businessId, sessionId, message = "bye" }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);

        await Assertions.Expect(page.GetByTestId("outcome")).ToHaveTextAsync("Completed");
        await Assertions.Expect(page.GetByText("In progress")).ToHaveCountAsync(0);
        await page.GetByTestId("open-conversation").ClickAsync();
        await Assertions.Expect(page.GetByTestId("outcome")).ToHaveTextAsync("Completed");
        await Assertions.Expect(page.GetByTestId("transcript")).ToContainTextAsync("Have a great day");
        Assert.Empty(Ours(errors));
    }

    [Fact]
    public async Task The_conversations_page_fits_a_phone_screen()
    {
        var (_, email, _) = await fx.BusinessWithFinishedCallAsync("PRO", 65, "hi i need a plumber my water heater is leaking", "my name is maria lopez");
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/conversations");
        await Assertions.Expect(page.GetByTestId("caller").First).ToHaveTextAsync("Maria Lopez");
        await Assertions.Expect(page.GetByText("1 min 05 s")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the phone");
        await BrowserFixture.ScreenshotAsync(page, "conversations-390");
        Assert.Empty(Ours(errors));
    }
}
