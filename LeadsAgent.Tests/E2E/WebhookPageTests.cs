using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>The webhooks page in Chromium at desktop and phone widths, with a receiver on loopback.</summary>
public class WebhookPageTests(WebhookPageTests.Fixture fx) : IClassFixture<WebhookPageTests.Fixture>
{
    public sealed class Fixture : BrowserFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>(base.Overrides!)
        {
            ["Webhooks:AllowLoopbackTargets"] = "true",
        };
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task An_owner_adds_a_webhook_copies_the_secret_sends_a_test_event_and_sees_it_delivered(int width)
    {
        await using var receiver = await FakeHttpServer.StartAsync((_, ctx) => ctx.Response.WriteAsync("ok"));
        var (_, _, email) = await fx.CreateBusinessAsync("BASIC");
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/settings/webhooks");

        await Assertions.Expect(page.GetByTestId("webhooks-empty")).ToContainTextAsync("Zapier");
        await BrowserFixture.ScreenshotAsync(page, $"webhooks-empty-{width}");
        var (fitsEmpty, culpritsEmpty) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fitsEmpty, culpritsEmpty);

        await page.GetByTestId("add-webhook").ClickAsync();
        var url = page.Locator("[data-testid=webhook-dialog] input[type=url]");
        await url.FillAsync("http://hooks.example.com/in");
        await Assertions.Expect(page.GetByTestId("webhook-dialog")).ToContainTextAsync("must start with https://");
        await Assertions.Expect(page.GetByTestId("webhook-save")).ToBeDisabledAsync();
        await url.FillAsync(receiver.BaseUrl + "/zap");
        await page.GetByLabel("Call ended").CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, $"webhooks-dialog-{width}");
        await Assertions.Expect(page.GetByTestId("webhook-save")).ToBeEnabledAsync();
        await page.GetByTestId("webhook-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("webhook-secret-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^whsec_"));
        await Assertions.Expect(page.GetByTestId("webhook")).ToContainTextAsync("Call ended");
        await page.GetByTestId("webhook-test").ClickAsync();
        await Assertions.Expect(page.GetByTestId("webhook-test-result")).ToHaveTextAsync("Delivered: your server answered 200.", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("webhook-deliveries")).ToContainTextAsync("Test event");
        await Assertions.Expect(page.GetByTestId("webhook-deliveries")).ToContainTextAsync("Delivered · 200");
        Assert.Single(receiver.Requests);

        await BrowserFixture.ScreenshotAsync(page, $"webhooks-added-{width}");
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, culprits);
        Assert.Empty(errors);
    }
}
