using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>The caller's booking page (/b/{token}) in Chromium at desktop and phone widths: read, change the time, then cancel after the confirm step.</summary>
public class ManageBookingPageTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task A_caller_moves_then_cancels_their_visit_from_the_link_in_their_confirmation(int width)
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("BASIC");
        (await owner.PutAsJsonAsync("/api/admin/business", new { name = "Acme Plumbing & Heating of Springfield", timeZone = "America/Chicago",
            notificationPhoneNumber = "+15550001111" }, Ct)).EnsureSuccessStatusCode();
        var week = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), ranges = new[] { new { from = "08:00", to = "18:00" } } }).ToArray();
        (await owner.PutAsJsonAsync("/api/admin/hours", new { week }, Ct)).EnsureSuccessStatusCode();
        var service = await (await owner.PostAsJsonAsync("/api/admin/services", new { name = "Water heater replacement", durationMinutes = 120, bufferMinutes = 30 }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        var serviceId = service["id"]!.GetValue<Guid>();
        var from = DateTimeOffset.UtcNow.AddDays(2);
        var slots = await (await owner.GetAsync($"/api/admin/availability/slots?serviceId={serviceId}&from={Uri.EscapeDataString(from.ToString("O"))}&count=1", Ct)).JsonAsync(HttpStatusCode.OK);
        var start = slots[0]!["startsAt"]!.GetValue<DateTimeOffset>();
        var booked = await (await owner.PostAsJsonAsync("/api/admin/bookings", new { serviceId, startsAt = start, callerName = "Maria Lopez", callerEmail = "maria@example.com" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        var token = await fx.Database.ScalarAsync<string>($"SELECT cancel_token FROM bookings WHERE id = '{booked["id"]}'");

        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await page.GotoAsync($"/b/{token}");
        await Assertions.Expect(page.GetByTestId("booking-card")).ToContainTextAsync("Water heater replacement");
        await Assertions.Expect(page.GetByTestId("booking-status")).ToHaveTextAsync("Booked");
        await BrowserFixture.ScreenshotAsync(page, $"manage-booking-{width}");
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, culprits);

        await page.GetByTestId("to-move").ClickAsync();
        await Assertions.Expect(page.Locator("input[name='Move.StartsAt']").First).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(page, $"manage-booking-move-{width}");
        (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, culprits);
        await page.Locator("input[name='Move.StartsAt']").Nth(1).CheckAsync();
        await page.GetByTestId("confirm-move").ClickAsync();
        await Assertions.Expect(page.GetByTestId("booking-done")).ToContainTextAsync("Done: your visit is moved to ");

        await page.GetByTestId("to-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-cancel")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"manage-booking-cancel-{width}");
        await page.GetByTestId("confirm-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("booking-status")).ToHaveTextAsync("Cancelled");
        await Assertions.Expect(page.GetByTestId("booking-done")).ToContainTextAsync("your visit is cancelled");
        await BrowserFixture.ScreenshotAsync(page, $"manage-booking-cancelled-{width}");
        (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, culprits);
        Assert.Equal("CANCELLED", await fx.Database.ScalarAsync<string>($"SELECT status FROM bookings WHERE id = '{booked["id"]}'"));
        Assert.Empty(errors);
    }
}
