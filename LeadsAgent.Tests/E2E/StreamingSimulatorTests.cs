using System.Net.Http.Json;
using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>
/// The call simulator on a streaming business with a language model that takes its time (the fake streaming OpenAI
/// server): the owner watches the agent's words arrive and talks over it, as a caller on ConversationRelay would.
/// </summary>
public class StreamingSimulatorTests(StreamingSimulatorTests.Fixture fx) : IClassFixture<StreamingSimulatorTests.Fixture>
{
    public sealed class Fixture : BrowserFixture
    {
        FakeHttpServer _openAI = null!;

        // Its reply comes slower than the tests' usual model (5 words a second), so a person (and the test) can watch the
        // words come and press a button; its reading comes at the usual pace, within the engine's 3-second limit for calls.
        readonly FakeStreamingModel _model = new(body => FakeStreamingModel.LastUserMessage(body).Contains("call-out", StringComparison.OrdinalIgnoreCase)
            ? FakeStreamingModel.Turn("NORMAL", "pricing", "Our call-out visit is $95 and that covers the first half hour of work on site. After that we charge by the quarter hour.")
            : FakeStreamingModel.Turn("NORMAL", "other", null)) { ReplyTokensPerSecond = 5 };

        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>(base.Overrides!)
        {
            ["OpenAI:ApiKey"] = "sk-test",
            ["OpenAI:Model"] = "gpt-test",
            ["OpenAI:BaseUrl"] = _openAI.BaseUrl + "/v1",
            ["OpenAI:VoiceTimeoutMs"] = "8000",
        };

        public override async ValueTask InitializeAsync()
        {
            _openAI = await FakeHttpServer.StartAsync((req, ctx) => _model.HandleAsync(req.Body, ctx));
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await _openAI.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task The_owner_watches_the_agents_words_arrive_and_talks_over_it(int width)
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, owner, email) = await fx.CreateBusinessAsync("PRO", "PLUMBING", "+1555" + Random.Shared.Next(2000000, 9999999));
        (await owner.PutAsJsonAsync("/api/admin/config", new { voiceMode = "RELAY" }, ct)).EnsureSuccessStatusCode();
        (await owner.PostAsJsonAsync("/api/admin/knowledge", new { title = "Call-out fee", content = "Our call-out fee is $95, which covers the first half hour on site." }, ct))
            .EnsureSuccessStatusCode();
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/simulator");
        await page.GetByTestId("start").ClickAsync();
        await page.GetByLabel("The caller says").FillAsync("how much is a call-out?");
        await page.GetByTestId("say").ClickAsync();

        // The words appear as the model writes them, the price read out as a caller hears it.
        var speaking = page.GetByTestId("speaking-text");
        await Assertions.Expect(speaking).ToContainTextAsync("95 dollars", new() { Timeout = 15_000 });
        await BrowserFixture.ScreenshotAsync(page, $"simulator-speaking-{width}");
        var heard = await speaking.TextContentAsync();
        Assert.DoesNotContain("quarter hour", heard, StringComparison.Ordinal);

        await page.GetByTestId("interrupt").ClickAsync();
        var turn = page.Locator("[data-turn='1']");
        await Assertions.Expect(turn.Locator("[data-action]")).ToHaveTextAsync("Stopped: the caller talked over it");
        await Assertions.Expect(turn.Locator("[data-heard]")).ToContainTextAsync("…");
        await Assertions.Expect(turn.Locator("[data-heard]")).Not.ToContainTextAsync("quarter hour");
        await Assertions.Expect(page.GetByTestId("speaking")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, $"simulator-interrupted-{width}");
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, culprits);
        Assert.Empty(errors);
    }
}
