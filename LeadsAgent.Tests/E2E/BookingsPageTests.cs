using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Tests.Support;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
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
        var day = page.Locator($"[data-testid=booking-day][data-date='{local:yyyy-MM-dd}']");
        await ShowWeekOfAsync(page, day);
        var booking = day.GetByTestId("booking");
        await Assertions.Expect(booking).ToContainTextAsync("Maria Lopez");
        await Assertions.Expect(booking).ToContainTextAsync(TimeRange(local, local.AddMinutes(90)));
        await Assertions.Expect(booking).ToContainTextAsync("Drain cleaning");

        await page.Locator("input[data-testid=service-name], [data-testid=service-name] input").FillAsync("Boiler service");
        await page.Locator("input[data-testid=service-minutes], [data-testid=service-minutes] input").FillAsync("45");
        await Assertions.Expect(page.GetByTestId("add-service")).ToBeEnabledAsync();
        await page.GetByTestId("add-service").ClickAsync();
        await Assertions.Expect(page.GetByTestId("service")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("service").Nth(1)).ToContainTextAsync("45 min");
        // The emptied form does not greet the owner with an error for the name they have not typed yet.
        await Assertions.Expect(page.GetByTestId("services-card")).Not.ToContainTextAsync("Enter a name for the service");

        await Assertions.Expect(booking).ToContainTextAsync("Maria Lopez");
        await BrowserFixture.ScreenshotAsync(page, $"bookings-{width}");
        await page.GetByTestId("rules-card").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, $"bookings-rules-{width}");
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, culprits);
        Assert.Empty(errors);
    }

    static string Time(DateTimeOffset t) => $"{(t.Hour % 12 == 0 ? 12 : t.Hour % 12)}:{t.Minute:00} {(t.Hour < 12 ? "a.m." : "p.m.")}";

    static string TimeRange(DateTimeOffset a, DateTimeOffset b) =>
        (a.Hour < 12) == (b.Hour < 12) ? $"{Time(a)[..^5]} – {Time(b)}" : $"{Time(a)} – {Time(b)}";

    /// <summary>Steps the week view forward until <paramref name="day"/> is on screen (a booking days ahead may be next week).</summary>
    static async Task ShowWeekOfAsync(IPage page, ILocator day)
    {
        // The calendar loads after the page: count the days only once they are there.
        await Assertions.Expect(page.GetByTestId("booking-day").First).ToBeVisibleAsync();
        for (var i = 0; i < 3 && await day.CountAsync() == 0; i++)
        {
            var range = await page.GetByTestId("calendar-range").TextContentAsync();
            await page.GetByTestId("calendar-next").ClickAsync();
            await Assertions.Expect(page.GetByTestId("calendar-range")).Not.ToHaveTextAsync(range!);
        }

        await Assertions.Expect(day).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task The_demo_owner_books_a_visit_sees_it_in_the_week_moves_it_and_cancels_it(int width)
    {
        await using (var scope = fx.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(Ct);
        }

        var name = $"Dana Whitfield {width}";
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await fx.SignInAsync(page, DemoData.Acme.Email, DemoData.Acme.Password);
        await BrowserFixture.OpenInteractiveAsync(page, "/bookings");
        await Assertions.Expect(page.GetByTestId("calendar")).ToHaveAttributeAsync("data-view", "week");
        await BrowserFixture.ScreenshotAsync(page, $"bookings-week-{width}");

        // New booking: the service, the first free time, who it is for.
        var dialog = page.GetByTestId("new-booking-dialog");
        await RetryAsync(async () =>
        {
            await page.GetByTestId("new-booking").ClickAsync();
            await Assertions.Expect(dialog).ToBeVisibleAsync(new() { Timeout = 3000 });
        });
        await page.GetByTestId("new-service").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Repair visit" }).ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("slot").First).ToBeVisibleAsync();
        var firstTime = (await dialog.GetByTestId("slot").First.TextContentAsync())!.Trim();
        await dialog.GetByTestId("slot").First.ClickAsync();
        await dialog.Locator("input[data-testid=new-name], [data-testid=new-name] input").FillAsync(name);
        await dialog.Locator("input[data-testid=new-phone], [data-testid=new-phone] input").FillAsync("(555) 444-1290");
        await BrowserFixture.ScreenshotAsync(page, $"bookings-new-{width}");
        await page.GetByTestId("save-booking").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        var id = await PollAsync(() => fx.Database.ScalarAsync<Guid>($"SELECT id FROM bookings WHERE caller_name = '{name}'"), v => v != Guid.Empty);
        var startsAt = await fx.Database.ScalarAsync<DateTime>($"SELECT starts_at FROM bookings WHERE id = '{id}'");

        // It shows in the week on its day, at the time picked.
        var card = page.GetByTestId("booking").Filter(new() { HasText = name });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync(firstTime.Split(' ')[0]);
        await Assertions.Expect(card).ToContainTextAsync("Repair visit");
        await BrowserFixture.ScreenshotAsync(page, $"bookings-week-booked-{width}");
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, culprits);

        // Details, then Move to the next free time.
        var details = page.GetByTestId("booking-dialog");
        await RetryAsync(async () =>
        {
            await card.ClickAsync();
            await Assertions.Expect(details.GetByTestId("booking-facts")).ToBeVisibleAsync(new() { Timeout = 3000 });
        });
        await Assertions.Expect(details.GetByTestId("booking-by")).ToContainTextAsync("You");
        await Assertions.Expect(details.GetByTestId("booking-phone")).ToHaveAttributeAsync("href", "tel:+15554441290");
        await BrowserFixture.ScreenshotAsync(page, $"bookings-details-{width}");
        // The dialog's buttons sit outside its content (MudDialog puts data-testid on the content).
        await page.GetByTestId("move-booking").ClickAsync();
        await Assertions.Expect(details.GetByTestId("slot").Nth(1)).ToBeVisibleAsync();
        await details.GetByTestId("slot").Nth(1).ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, $"bookings-move-{width}");
        await page.GetByTestId("confirm-move").ClickAsync();
        await Assertions.Expect(details).ToBeHiddenAsync();
        await PollAsync(() => fx.Database.ScalarAsync<DateTime>($"SELECT starts_at FROM bookings WHERE id = '{id}'"), v => v != startsAt);

        // Cancel, after the question that names the day, time and customer.
        await RetryAsync(async () =>
        {
            await card.ClickAsync();
            await Assertions.Expect(page.GetByTestId("cancel-booking")).ToBeVisibleAsync(new() { Timeout = 3000 });
        });
        await page.GetByTestId("cancel-booking").ClickAsync();
        await Assertions.Expect(details.GetByTestId("cancel-question")).ToContainTextAsync($"for Dana? The time becomes free again. We'll let Dana know.");
        await page.GetByTestId("confirm-cancel").ClickAsync();
        await Assertions.Expect(details).ToBeHiddenAsync();
        await PollAsync(() => fx.Database.ScalarAsync<string>($"SELECT status FROM bookings WHERE id = '{id}'"), v => v == "CANCELLED");
        await Assertions.Expect(card).ToBeHiddenAsync();

        // Day view at the business's today, then the cancelled visit behind "Show cancelled".
        await page.GetByTestId("calendar-view").GetByText("Day", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("calendar")).ToHaveAttributeAsync("data-view", "day");
        await BrowserFixture.ScreenshotAsync(page, $"bookings-day-{width}");
        await page.GetByTestId("calendar-view").GetByText("Week", new() { Exact = true }).ClickAsync();
        await page.Locator("input[data-testid=show-cancelled], [data-testid=show-cancelled] input").CheckAsync();
        var cancelled = page.Locator("[data-testid=booking][data-status=cancelled]").Filter(new() { HasText = name });
        if (await cancelled.CountAsync() == 0)
        {
            await ShowWeekOfAsync(page, cancelled);
        }

        await Assertions.Expect(cancelled).ToBeVisibleAsync();
        (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, culprits);
        Assert.Empty(errors);
    }

    /// <summary>A click that a re-render may swallow (the circuit is busy right after a load): tried again until it takes.</summary>
    static async Task RetryAsync(Func<Task> attempt)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                await attempt();
                return;
            }
            catch (Exception) when (i < 4)
            {
                await Task.Delay(300);
            }
        }
    }

    /// <summary>Polls the database until <paramref name="done"/> holds (the circuit writes after the click returns).</summary>
    static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 100 && !done(value); i++)
        {
            await Task.Delay(100);
            value = await read();
        }

        Assert.True(done(value), $"the database still says {value}");
        return value;
    }
}
