using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>The bookings page in Chromium at desktop and phone widths, for a PRO business with hours, a service and a booking made through the API.</summary>
public class BookingsPageTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task An_owner_adds_a_service_and_sees_a_booking_made_through_the_api_under_its_day(int width)
    {
        var (_, owner, email) = await fx.CreateBusinessAsync("PRO");
        (await owner.PutAsJsonAsync("/api/admin/business", new { timeZone = "America/Chicago" }, Ct)).EnsureSuccessStatusCode();
        var week = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), ranges = new[] { new { from = "08:00", to = "18:00" } } }).ToArray();
        (await owner.PutAsJsonAsync("/api/admin/hours", new { week }, Ct)).EnsureSuccessStatusCode();
        var service = await (await owner.PostAsJsonAsync("/api/admin/services", new { name = "Drain cleaning", durationMinutes = 90, bufferMinutes = 30 }, Ct)).JsonAsync(HttpStatusCode.Created);
        var serviceId = service["id"]!.GetValue<Guid>();
        var from = DateTimeOffset.UtcNow.AddDays(2);
        var slots = await (await owner.GetAsync($"/api/admin/availability/slots?serviceId={serviceId}&from={Uri.EscapeDataString(from.ToString("O"))}&count=1", Ct)).JsonAsync(HttpStatusCode.OK);
        var start = slots[0]!["startsAt"]!.GetValue<DateTimeOffset>();
        (await owner.PostAsJsonAsync("/api/admin/bookings", new { serviceId, startsAt = start, callerName = "Maria Lopez", callerPhone = "(555) 201-3344" }, Ct)).EnsureSuccessStatusCode();

        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/bookings");

        var local = TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
        var booking = page.GetByTestId("booking");
        await Assertions.Expect(booking).ToContainTextAsync("Maria Lopez");
        await Assertions.Expect(booking).ToContainTextAsync($"{local:HH:mm}–{local.AddMinutes(90):HH:mm}");
        await Assertions.Expect(booking).ToContainTextAsync("Drain cleaning");
        await Assertions.Expect(page.GetByTestId("booking-day").Locator("h3")).ToHaveTextAsync(
            local.ToString("dddd d MMMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));

        await page.Locator("input[data-testid=service-name], [data-testid=service-name] input").FillAsync("Boiler service");
        await page.Locator("input[data-testid=service-minutes], [data-testid=service-minutes] input").FillAsync("45");
        await Assertions.Expect(page.GetByTestId("add-service")).ToBeEnabledAsync();
        await page.GetByTestId("add-service").ClickAsync();
        await Assertions.Expect(page.GetByTestId("service")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("service").Nth(1)).ToContainTextAsync("45 min");
        // The emptied form does not greet the owner with an error for the name they have not typed yet.
        await Assertions.Expect(page.GetByTestId("services-card")).Not.ToContainTextAsync("Enter a name for the service");
        await Assertions.Expect(booking).ToContainTextAsync("Maria Lopez · (555) 201-3344");

        await BrowserFixture.ScreenshotAsync(page, $"bookings-{width}");
        await page.GetByTestId("rules-card").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, $"bookings-rules-{width}");
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, culprits);
        Assert.Empty(errors);
    }
}
