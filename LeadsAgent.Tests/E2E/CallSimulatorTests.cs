using System.Net.Http.Json;
using LeadsAgent.Infrastructure.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

public class CallSimulatorTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    async Task<(Guid Id, string Email)> ProBusinessAsync(bool streaming = false)
    {
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (id, owner, email) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        var update = await owner.PutAsJsonAsync("/api/admin/business", new
        {
            name = "Acme Plumbing", twilioPhoneNumber = number, notificationEmail = "alerts@acme.example",
            notificationPhoneNumber = "+15550001111", backupPhoneNumber = "+15550002222",
        }, TestContext.Current.CancellationToken);
        update.EnsureSuccessStatusCode();
        if (streaming)
        {
            (await owner.PutAsJsonAsync("/api/admin/config", new { voiceMode = "RELAY" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        return (id, email);
    }

    async Task<long> CountAsync(string table, Guid businessId) =>
        await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE business_id = '{businessId}'");

    /// <summary>Marks the document, so a test can tell that the page was never reloaded.</summary>
    static Task MarkAsync(IPage page) => page.EvaluateAsync("window.__simulatorNoReload = true");

    static async Task<bool> NotReloadedAsync(IPage page) => await page.EvaluateAsync<bool>("window.__simulatorNoReload === true");

    async Task ChooseAsync(IPage page, string title)
    {
        await page.GetByTestId("script").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = title }).ClickAsync();
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task The_burst_pipe_caller_plays_turn_by_turn_to_an_emergency_without_a_reload_or_sending_anything(int width)
    {
        var (businessId, email) = await ProBusinessAsync();
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/simulator");
        await MarkAsync(page);
        await Assertions.Expect(page.GetByTestId("empty")).ToContainTextAsync("No call yet");

        await ChooseAsync(page, "Burst pipe at 2 a.m.");
        await page.GetByTestId("play").ClickAsync();

        var turns = page.Locator("[data-turn]");
        await Assertions.Expect(turns.First).ToContainTextAsync("Acme Plumbing");
        await Assertions.Expect(turns.Nth(1)).ToContainTextAsync("a pipe just burst in my basement");
        await Assertions.Expect(page.GetByTestId("captured-card").Locator("[data-priority]")).ToHaveTextAsync("Emergency");
        await Assertions.Expect(page.GetByTestId("call-state")).ToHaveTextAsync("Call ended", new() { Timeout = 30_000 });
        Assert.True(await turns.CountAsync() >= 5, "the scripted caller answered the agent's questions");
        await Assertions.Expect(page.GetByTestId("captured")).ToContainTextAsync("Sarah Miller");
        await Assertions.Expect(page.GetByTestId("reasons")).ToContainTextAsync("Burst pipe");
        await Assertions.Expect(page.GetByTestId("alerts")).ToContainTextAsync("Emergency alert call to +15550001111 (press 1 to accept); if nobody accepts, the backup number +15550002222 is called");
        await Assertions.Expect(page.GetByTestId("alerts")).ToContainTextAsync("Email to alerts@acme.example: a new lead, marked Emergency");
        await turns.First.GetByText("TwiML sent to Twilio").ClickAsync();
        await Assertions.Expect(turns.First.Locator("[data-twiml]")).ToContainTextAsync("<Gather");
        Assert.True(await NotReloadedAsync(page), "the call played without reloading the page");
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, $"the simulator scrolls sideways at {width} px: {culprits}");
        await BrowserFixture.ScreenshotAsync(page, $"call-simulator-{width}");

        // Start over keeps the caller chosen.
        await page.GetByTestId("start-over").ClickAsync();
        await Assertions.Expect(page.GetByTestId("empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("script")).ToHaveValueAsync("Burst pipe at 2 a.m.");
        Assert.Empty(errors);

        // Simulated: nothing stored, nothing queued to send, nothing on the live overview.
        Assert.Equal(0, await CountAsync("leads", businessId));
        Assert.Equal(0, await CountAsync("notifications", businessId));
        Assert.Equal(0, await CountAsync("conversations", businessId));
        Assert.Equal(0, await CountAsync("knowledge_gaps", businessId));
        Assert.Empty(await fx.App.Services.GetRequiredService<ISessionStore>().ActiveAsync(businessId, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task The_caller_who_asks_for_a_person_shows_the_whisper_the_owner_hears_and_the_return_to_the_agent(int width)
    {
        var (businessId, email) = await ProBusinessAsync();
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/simulator");

        await ChooseAsync(page, "\"Let me talk to a person\" (you don't pick up)");
        await page.GetByTestId("play").ClickAsync();
        await Assertions.Expect(page.GetByTestId("call-state")).ToHaveTextAsync("Call ended", new() { Timeout = 40_000 });

        var owner = page.Locator("[data-party=owner]");
        await Assertions.Expect(owner).ToContainTextAsync("Your phone rings.");
        await Assertions.Expect(owner.Locator("[data-heard]")).ToContainTextAsync("Call from Acme Plumbing's receptionist: a caller at 5 5 5, 0 1 0, 0 1 2 6. Press 1 to accept");
        await Assertions.Expect(owner.Locator("[data-action]")).ToHaveTextAsync("Your phone: press 1 to take the call");
        await Assertions.Expect(page.Locator("[data-party=back]")).ToContainTextAsync("could take your call right now");
        await Assertions.Expect(page.GetByTestId("captured")).ToContainTextAsync("Mark Evans");
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, $"the simulator scrolls sideways at {width} px: {culprits}");
        await owner.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, $"call-simulator-transfer-{width}");
        Assert.Empty(errors);
        Assert.Equal(0, await CountAsync("leads", businessId));
    }

    [Fact]
    public async Task An_owner_types_the_callers_words_and_asking_for_a_person_rings_the_owners_phone()
    {
        var (_, email) = await ProBusinessAsync();
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/simulator");
        await MarkAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a call" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-turn]")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Say it" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Type what the caller says, or choose Stay silent.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-turn]")).ToHaveCountAsync(1);

        await page.GetByLabel("The caller says").FillAsync("let me talk to a person");
        await page.GetByRole(AriaRole.Button, new() { Name = "Say it" }).ClickAsync();
        var last = page.Locator("[data-turn]").Nth(1);
        await Assertions.Expect(last.Locator("[data-action]")).ToHaveAttributeAsync("data-action", "transfer");
        await Assertions.Expect(last.Locator("[data-action]")).ToHaveTextAsync("Rings your phone, with a whisper first");
        await Assertions.Expect(last.Locator("[data-twiml]")).ToContainTextAsync("+15550001111</Number>");
        // The owner's side (the whisper), then the caller back with the agent: the call goes on.
        await Assertions.Expect(page.Locator("[data-party=owner] [data-heard]")).ToContainTextAsync("Press 1 to accept");
        await Assertions.Expect(page.Locator("[data-party=back] [data-heard]")).ToContainTextAsync("I can take a voicemail for them");
        await Assertions.Expect(page.GetByTestId("call-state")).ToHaveTextAsync("Call in progress");
        Assert.True(await NotReloadedAsync(page));
        await BrowserFixture.ScreenshotAsync(page, "call-simulator-typed");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_basic_owner_sees_what_the_phone_agent_would_give_instead_of_the_simulator()
    {
        var (_, _, basicEmail) = await fx.CreateBusinessAsync("BASIC");
        var (basic, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(basic, basicEmail, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(basic, "/simulator");
        await Assertions.Expect(basic.Locator("[data-locked=voice-agent]")).ToContainTextAsync("You're on the Basic plan");
        await Assertions.Expect(basic.GetByRole(AriaRole.Button, new() { Name = "Start a call" })).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task A_streaming_business_call_shows_the_text_sent_piece_by_piece(int width)
    {
        var (_, email) = await ProBusinessAsync(streaming: true);
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/simulator");
        await page.GetByTestId("start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("streaming-note")).ToContainTextAsync("talk over it");
        await page.GetByLabel("The caller says").FillAsync("hi i need a quote to replace my water heater");
        await page.GetByTestId("say").ClickAsync();

        var last = page.Locator("[data-turn='1']");
        await Assertions.Expect(last.Locator("[data-heard]")).ToContainTextAsync("name");
        await Assertions.Expect(last.Locator("summary")).ToHaveTextAsync("Text sent to Twilio, piece by piece");
        await last.Locator("summary").ClickAsync();
        await Assertions.Expect(last.Locator("[data-twiml]")).ToContainTextAsync("\"last\":true");
        await BrowserFixture.ScreenshotAsync(page, $"simulator-streaming-{width}");
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, culprits);
        Assert.Empty(errors);
    }
}
