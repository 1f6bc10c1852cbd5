using LeadsAgent.Infrastructure.Calendar;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>The calendar sync page in Chromium at desktop and phone widths, connecting to the real Radicale on loopback.</summary>
public class CalendarPageTests(CalendarPageTests.Fixture fx) : IClassFixture<CalendarPageTests.Fixture>
{
    public sealed class Fixture : BrowserFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>(base.Overrides!)
        {
            ["Calendar:AllowLoopbackTargets"] = "true",
        };
    }

    /// <summary>MudTextField puts the test id on the input itself.</summary>
    static ILocator Field(IPage page, string testId) => page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task An_owner_sees_the_feed_address_and_connects_a_calendar_after_a_wrong_password(int width)
    {
        var ct = TestContext.Current.CancellationToken;
        var url = CalDavServer.NewCalendarUrl();
        await fx.App.Services.GetRequiredService<CalDavClient>().CreateCalendarAsync(new CalDavAccount(url, CalDavServer.User, CalDavServer.Password), "Shop jobs", ct);
        var (_, _, email) = await fx.CreateBusinessAsync("BASIC");
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/settings/calendar");

        await Assertions.Expect(page.GetByTestId("calendar-feed-url")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("/calendar/[A-Za-z0-9_-]+\\.ics$"));
        await BrowserFixture.ScreenshotAsync(page, $"calendar-empty-{width}");
        var (fitsEmpty, culpritsEmpty) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fitsEmpty, culpritsEmpty);

        await Field(page, "calendar-url").FillAsync(url);
        await Field(page, "calendar-user").FillAsync(CalDavServer.User);
        await Field(page, "calendar-password").FillAsync("not-the-password");
        await page.GetByTestId("calendar-connect").ClickAsync();
        await Assertions.Expect(page.GetByTestId("calendar-refusal")).ToContainTextAsync("refused the user name or password", new() { Timeout = 15_000 });
        await BrowserFixture.ScreenshotAsync(page, $"calendar-refused-{width}");

        await Field(page, "calendar-password").FillAsync(CalDavServer.Password);
        await page.GetByTestId("calendar-connect").ClickAsync();
        await Assertions.Expect(page.GetByTestId("calendar-connected")).ToContainTextAsync("Shop jobs", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("calendar-last-sync")).ToContainTextAsync("Last synced just now");
        await BrowserFixture.ScreenshotAsync(page, $"calendar-connected-{width}");
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, culprits);
        Assert.Empty(errors);
    }
}
