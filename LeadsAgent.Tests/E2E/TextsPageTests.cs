using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>The Texts page (issue 18) in Chromium at desktop (1366) and phone (390) widths.</summary>
public class TextsPageTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task An_owner_turns_on_caller_texts_copies_the_messaging_webhook_and_sees_who_opted_out(int width, int height)
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("PRO");
        await fx.Database.ExecuteAsync($"UPDATE businesses SET name = 'Acme Plumbing', notification_phone_number = '+15550001111' WHERE id = '{businessId}'");
        await fx.Database.ExecuteAsync($"INSERT INTO sms_opt_outs (business_id, phone_number, opted_out_at, source) VALUES ('{businessId}', '+15557654321', now(), 'STOP')");

        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/settings/texts");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Texts", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("example-confirmation")).ToContainTextAsync("Thanks Maria, Acme Plumbing has your request");
        await Assertions.Expect(page.GetByTestId("hook-sms")).ToHaveTextAsync($"{BrowserFixture.TwilioBase}/api/sms/incoming");
        await Assertions.Expect(page.GetByTestId("opt-out")).ToHaveTextAsync("(555) 765-4321");
        await Assertions.Expect(page.GetByText("Sent to your phone, (555) 000-1111")).ToBeVisibleAsync();

        await page.GetByLabel("Confirm their request by text").CheckAsync();
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-actions")).ToContainTextAsync("All changes saved.");
        Assert.True(await fx.Database.ScalarAsync<bool>($"SELECT caller_confirmation FROM text_settings WHERE business_id = '{businessId}'"));

        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, "wider than the screen: " + culprits);
        await BrowserFixture.ScreenshotAsync(page, $"texts-{width}");
        // The menu leads here.
        if (width > 1000)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Texts", Exact = true })).ToHaveAttributeAsync("href", "/settings/texts");
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
