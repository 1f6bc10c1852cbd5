using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>The account page's summaries section, the voice page's recording switch and a recorded call's player, at desktop and phone widths.</summary>
public class SummaryPagesTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task An_owner_chooses_text_summaries_turns_recording_on_and_plays_a_recorded_call(int width)
    {
        var (businessId, email, caller) = await fx.BusinessWithFinishedCallAsync("PRO", 75, "my water heater is leaking", "Jane Doe");
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await fx.SignInAsync(page, email, "Owner-password-1");

        await BrowserFixture.OpenInteractiveAsync(page, "/account");
        var section = page.GetByTestId("summary-settings");
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Summaries and morning email" })).ToBeVisibleAsync();
        var save = page.GetByTestId("save-summaries");
        await Assertions.Expect(save).ToBeDisabledAsync();
        await section.GetByText("By text message").ClickAsync();
        await Assertions.Expect(page.GetByTestId("summary-hint")).ToContainTextAsync("Add a phone for emergency alerts (Business details) first");
        await Assertions.Expect(save).ToBeEnabledAsync();
        await save.ClickAsync();
        await Assertions.Expect(page.GetByText("Saved. Your next summary and morning email follow these settings.")).ToBeVisibleAsync();
        await Assertions.Expect(save).ToBeDisabledAsync();
        Assert.Equal("TEXT", await fx.Database.ScalarAsync<string>($"SELECT summary_delivery FROM businesses WHERE id = '{businessId}'"));
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, $"the account page scrolls sideways at {width} px: {culprits}");
        await section.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, $"account-summaries-{width}");

        await BrowserFixture.OpenInteractiveAsync(page, "/settings/voice");
        var card = page.GetByTestId("call-recording-card");
        await Assertions.Expect(card.GetByTestId("recording-notice")).ToContainTextAsync("This call may be recorded for quality and training.");
        await card.GetByText("Record calls").ClickAsync();
        await Assertions.Expect(page.GetByText("Recording is on: the next call starts with the notice.")).ToBeVisibleAsync();
        Assert.True(await fx.Database.ScalarAsync<bool>($"SELECT call_recording FROM businesses WHERE id = '{businessId}'"));
        (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, $"the voice page scrolls sideways at {width} px: {culprits}");
        await card.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, $"voice-recording-{width}");

        await fx.Database.ExecuteAsync($"UPDATE conversations SET recording_sid = 'RE{Guid.NewGuid():N}', recording_url = 'https://api.twilio.com/x', recording_seconds = 75 WHERE session_id = '{caller.CallSid}'");
        await BrowserFixture.OpenInteractiveAsync(page, $"/conversations/{caller.CallSid}");
        var player = page.GetByTestId("call-recording");
        await Assertions.Expect(player).ToContainTextAsync("The whole call, 1 min 15 s.");
        await Assertions.Expect(player.Locator("audio")).ToHaveAttributeAsync("src", $"/api/admin/conversations/{caller.CallSid}/recording");
        (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, $"the conversation page scrolls sideways at {width} px: {culprits}");
        await player.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, $"conversation-recording-{width}");
        Assert.Empty(errors);
    }
}
