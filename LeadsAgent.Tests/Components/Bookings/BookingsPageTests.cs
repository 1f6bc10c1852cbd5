using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using Bunit;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Components.Pages.Bookings;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Tests.Components.Bookings;

/// <summary>The bookings page over the real database: FREE sees the plan gate; the week and day views put bookings on their day in the business's zone; details move and cancel through the use cases; a new booking is checked by the API's rules.</summary>
public class BookingsPageTests(BookingsPageTests.Fixture fx) : IClassFixture<BookingsPageTests.Fixture>
{
    public sealed class Fixture : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Notifications:PollSeconds"] = "3600",
        };
    }

    static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);
    static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    async Task<(ComponentHost Host, IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<Web.Components.Pages.Bookings.Bookings> Cut)> OpenAsync(Guid businessId, string email)
    {
        var host = ComponentHost.ForOwner(fx, businessId, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        host.Render<MudPopoverProvider>();
        var dialogs = host.Render<MudDialogProvider>();
        host.Render<MudSnackbarProvider>();
        var cut = host.Render<Web.Components.Pages.Bookings.Bookings>();
        await cut.WaitForAssertionAsync(() => Assert.DoesNotContain("Loading your bookings", cut.Markup, StringComparison.Ordinal), s_wait);
        return (host, dialogs, cut);
    }

    static IElement Input(IElement element) => element.TagName == "INPUT" ? element : element.QuerySelector("input")!;

    [Fact]
    public async Task A_free_business_sees_what_bookings_give_and_how_to_upgrade()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("FREE");
        var (host, _, cut) = await OpenAsync(businessId, email);
        await using var _ = host;
        Assert.Equal("booking", cut.Find("[data-locked]").GetAttribute("data-locked"));
        Assert.Contains("Basic plan", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Compare the plans", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=services-card]"));
    }

    static readonly CultureInfo s_gb = CultureInfo.GetCultureInfo("en-GB");
    static readonly TimeZoneInfo s_chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    /// <summary>A business in Chicago open <paramref name="from"/> to <paramref name="to"/> every day, with one 60-minute service.</summary>
    async Task<(Guid BusinessId, HttpClient Owner, string Email, Guid ServiceId)> OpenBusinessAsync(string plan, string from = "08:00", string to = "18:00")
    {
        var (businessId, owner, email) = await fx.CreateBusinessAsync(plan);
        (await owner.PutAsJsonAsync("/api/admin/business", new { timeZone = "America/Chicago" }, Ct)).EnsureSuccessStatusCode();
        var week = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), ranges = new[] { new { from, to } } }).ToArray();
        (await owner.PutAsJsonAsync("/api/admin/hours", new { week }, Ct)).EnsureSuccessStatusCode();
        var service = await (await owner.PostAsJsonAsync("/api/admin/services", new { name = "Repair visit", durationMinutes = 60, bufferMinutes = 0 }, Ct)).JsonAsync(HttpStatusCode.Created);
        return (businessId, owner, email, service["id"]!.GetValue<Guid>());
    }

    static async Task<DateTimeOffset> FirstSlotAsync(HttpClient owner, Guid serviceId, DateTimeOffset? from = null)
    {
        var query = from is { } f ? $"&from={Uri.EscapeDataString(f.ToString("O"))}" : "";
        var slots = await (await owner.GetAsync($"/api/admin/availability/slots?serviceId={serviceId}{query}&count=1", Ct)).JsonAsync(HttpStatusCode.OK);
        return slots[0]!["startsAt"]!.GetValue<DateTimeOffset>();
    }

    static async Task<Guid> BookAsync(HttpClient owner, Guid serviceId, DateTimeOffset start, string name, string? phone = "(555) 201-3344")
    {
        var booking = await (await owner.PostAsJsonAsync("/api/admin/bookings", new { serviceId, startsAt = start, callerName = name, callerPhone = phone }, Ct)).JsonAsync(HttpStatusCode.Created);
        return booking["id"]!.GetValue<Guid>();
    }

    /// <summary>Moves the week view forward until it shows <paramref name="localDate"/>.</summary>
    static async Task ShowWeekOfAsync(IRenderedComponent<Web.Components.Pages.Bookings.Bookings> cut, DateTime localDate)
    {
        var day = $"[data-testid=booking-day][data-date='{localDate:yyyy-MM-dd}']";
        for (var i = 0; i < 3 && cut.FindAll(day).Count == 0; i++)
        {
            await cut.WaitForAssertionAsync(() => cut.Find("[data-testid=calendar-next]").Click(), s_wait);
            await Task.Delay(200, Ct);
        }

        await cut.WaitForElementAsync(day, s_wait);
    }

    /// <summary>
    /// Re-checks until the assertion holds: a child of a dialog (the free-time picker) re-renders on its own, which
    /// bUnit's WaitForAssertion on the dialog provider does not always notice.
    /// </summary>
    static async Task EventuallyAsync(Action assertion)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (i < 150)
            {
                await Task.Delay(100, Ct);
            }
        }
    }

    static async Task OpenBookingAsync(IRenderedComponent<Web.Components.Pages.Bookings.Bookings> cut, IRenderedComponent<MudDialogProvider> dialogs, string name)
    {
        await cut.WaitForAssertionAsync(() => cut.FindAll("[data-testid=booking]").First(b => b.TextContent.Contains(name, StringComparison.Ordinal)).Click(), s_wait);
        await dialogs.WaitForElementAsync("[data-testid=booking-facts]", s_wait);
    }

    [Fact]
    public async Task The_week_shows_a_booking_on_its_day_in_the_business_zone_not_in_utc()
    {
        // Open 7 p.m. to midnight in Chicago: every visit starts on the next day in UTC.
        var (businessId, owner, email, serviceId) = await OpenBusinessAsync("BASIC", "19:00", "24:00");
        // From midnight in Chicago two days on, so the first slot is 7 p.m. whatever the time of the run.
        var midnight = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, s_chicago).Date.AddDays(2);
        var start = await FirstSlotAsync(owner, serviceId, new DateTimeOffset(midnight, s_chicago.GetUtcOffset(midnight)));
        await BookAsync(owner, serviceId, start, "Maria Lopez");
        var local = TimeZoneInfo.ConvertTime(start, s_chicago);
        Assert.NotEqual(local.Date, start.UtcDateTime.Date);

        var (host, dialogs, cut) = await OpenAsync(businessId, email);
        await using var _ = host;
        Assert.Equal("week", cut.Find("[data-testid=calendar]").GetAttribute("data-view"));
        Assert.Equal(7, cut.FindAll("[data-testid=booking-day]").Count);
        await ShowWeekOfAsync(cut, local.Date);
        var day = cut.Find($"[data-testid=booking-day][data-date='{local:yyyy-MM-dd}']");
        var card = day.QuerySelector("[data-testid=booking]")!.TextContent;
        Assert.Contains("7:00 – 8:00 p.m.", card, StringComparison.Ordinal);
        Assert.Contains("Repair visit", card, StringComparison.Ordinal);
        Assert.Contains("Maria Lopez", card, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=booking]"));
        var monday = local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7));
        Assert.Equal($"{monday.ToString("d MMM", s_gb)} – {monday.AddDays(6).ToString("d MMM", s_gb)}", cut.Find("[data-testid=calendar-range]").TextContent.Trim());

        // The details name the customer, link the phone and say the owner entered it (no lead).
        await OpenBookingAsync(cut, dialogs, "Maria Lopez");
        Assert.Contains($"{local.ToString("dddd d MMM", s_gb)}, 7:00 – 8:00 p.m. (1 h)", dialogs.Find("[data-testid=booking-when]").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("tel:", dialogs.Find("[data-testid=booking-phone]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("You (entered in the dashboard)", dialogs.Find("[data-testid=booking-by]").TextContent, StringComparison.Ordinal);
        Assert.Empty(dialogs.FindAll("[data-testid=booking-lead]"));

        // The day view of that day shows the same visit; the day before says so in plain words.
        await dialogs.WaitForAssertionAsync(() => dialogs.Find("[data-testid=close]").Click(), s_wait);
        await cut.WaitForAssertionAsync(() => cut.FindAll("[data-testid=calendar-view] .mud-toggle-item").First(b => b.TextContent.Trim() == "Day").Click(), s_wait);
        await cut.WaitForAssertionAsync(() => Assert.Equal("day", cut.Find("[data-testid=calendar]").GetAttribute("data-view")), s_wait);
        while (cut.FindAll($"[data-testid=booking-day][data-date='{local:yyyy-MM-dd}']").Count == 0)
        {
            await cut.WaitForAssertionAsync(() => cut.Find("[data-testid=calendar-next]").Click(), s_wait);
            await Task.Delay(200, Ct);
        }

        await cut.WaitForAssertionAsync(() => Assert.Contains("Maria Lopez", cut.Find("[data-testid=booking]").TextContent, StringComparison.Ordinal), s_wait);
        await cut.WaitForAssertionAsync(() => cut.Find("[data-testid=calendar-previous]").Click(), s_wait);
        await cut.WaitForAssertionAsync(() => Assert.Contains("No bookings", cut.Find("[data-testid=bookings-empty]").TextContent, StringComparison.Ordinal), s_wait);
        Assert.Contains("When your agent books a visit it appears here", cut.Find("[data-testid=bookings-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_to_a_time_just_taken_says_so_and_a_free_time_moves_the_visit()
    {
        var (businessId, owner, email, serviceId) = await OpenBusinessAsync("PRO");
        var original = await FirstSlotAsync(owner, serviceId, DateTimeOffset.UtcNow.AddDays(3));
        var id = await BookAsync(owner, serviceId, original, "Maria Lopez");

        var (host, dialogs, cut) = await OpenAsync(businessId, email);
        await using var _ = host;
        await ShowWeekOfAsync(cut, TimeZoneInfo.ConvertTime(original, s_chicago).Date);
        await OpenBookingAsync(cut, dialogs, "Maria Lopez");
        await dialogs.WaitForAssertionAsync(() => dialogs.Find("[data-testid=move-booking]").Click(), s_wait);
        await EventuallyAsync(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=slot]")));

        // Meanwhile the agent books the first free time for someone else.
        var first = await FirstSlotAsync(owner, serviceId);
        await BookAsync(owner, serviceId, first, "Sam Taken");
        Assert.Equal(TimeZoneInfo.ConvertTime(first, s_chicago).ToString("h:mm", s_gb), dialogs.FindAll("[data-testid=slot]")[0].TextContent.Trim().Split(' ')[0]);
        await dialogs.WaitForAssertionAsync(() => dialogs.FindAll("[data-testid=slot]")[0].Click(), s_wait);
        await dialogs.WaitForAssertionAsync(() => dialogs.Find("[data-testid=confirm-move]").Click(), s_wait);
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("That time was just taken", dialogs.Find("[data-testid=dialog-error]").TextContent, StringComparison.Ordinal), s_wait);
        Assert.Equal(original.UtcDateTime, await fx.Database.ScalarAsync<DateTime>($"SELECT starts_at FROM bookings WHERE id = '{id}'"));

        // The list of free times was found again; the next one moves the visit.
        var next = await FirstSlotAsync(owner, serviceId);
        await EventuallyAsync(() => Assert.Equal(TimeZoneInfo.ConvertTime(next, s_chicago).ToString("h:mm", s_gb), dialogs.FindAll("[data-testid=slot]")[0].TextContent.Trim().Split(' ')[0]));
        await dialogs.WaitForAssertionAsync(() => dialogs.FindAll("[data-testid=slot]")[0].Click(), s_wait);
        await dialogs.WaitForAssertionAsync(() => dialogs.Find("[data-testid=confirm-move]").Click(), s_wait);
        await dialogs.WaitForAssertionAsync(() => Assert.Empty(dialogs.FindAll("[data-testid=booking-dialog]")), s_wait);
        Assert.Equal(next.UtcDateTime, await fx.Database.ScalarAsync<DateTime>($"SELECT starts_at FROM bookings WHERE id = '{id}'"));
    }

    [Fact]
    public async Task Cancelling_asks_with_the_day_time_and_name_then_hides_the_visit_unless_cancelled_ones_are_shown()
    {
        var (businessId, owner, email, serviceId) = await OpenBusinessAsync("BASIC");
        var start = await FirstSlotAsync(owner, serviceId, DateTimeOffset.UtcNow.AddDays(3));
        var id = await BookAsync(owner, serviceId, start, "Jane Carter");
        var local = TimeZoneInfo.ConvertTime(start, s_chicago);

        var (host, dialogs, cut) = await OpenAsync(businessId, email);
        await using var _ = host;
        await ShowWeekOfAsync(cut, local.Date);
        await OpenBookingAsync(cut, dialogs, "Jane Carter");
        await dialogs.WaitForAssertionAsync(() => dialogs.Find("[data-testid=cancel-booking]").Click(), s_wait);
        var time = $"{(local.Hour % 12 == 0 ? 12 : local.Hour % 12)}:{local.Minute:00} {(local.Hour < 12 ? "a.m." : "p.m.")}";
        var question = await dialogs.WaitForElementAsync("[data-testid=cancel-question]", s_wait);
        Assert.Equal($"Cancel {local.ToString("dddd d MMM", s_gb)} at {time} for Jane? The time becomes free again. We'll let Jane know.", question.TextContent.Trim());

        // Keep it: nothing changes.
        await dialogs.WaitForAssertionAsync(() => dialogs.Find("[data-testid=keep]").Click(), s_wait);
        await dialogs.WaitForAssertionAsync(() => Assert.Empty(dialogs.FindAll("[data-testid=cancel-question]")), s_wait);
        Assert.Equal("BOOKED", await fx.Database.ScalarAsync<string>($"SELECT status FROM bookings WHERE id = '{id}'"));

        await dialogs.WaitForAssertionAsync(() => dialogs.Find("[data-testid=cancel-booking]").Click(), s_wait);
        await dialogs.WaitForAssertionAsync(() => dialogs.Find("[data-testid=confirm-cancel]").Click(), s_wait);
        await dialogs.WaitForAssertionAsync(() => Assert.Empty(dialogs.FindAll("[data-testid=booking-dialog]")), s_wait);
        Assert.Equal("CANCELLED", await fx.Database.ScalarAsync<string>($"SELECT status FROM bookings WHERE id = '{id}'"));
        await cut.WaitForAssertionAsync(() => Assert.Empty(cut.FindAll("[data-testid=booking]")), s_wait);

        Input(cut.Find("[data-testid=show-cancelled]")).Change(true);
        var card = await cut.WaitForElementAsync("[data-testid=booking][data-status=cancelled]", s_wait);
        Assert.Contains("Jane Carter · cancelled", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_booking_needs_a_time_a_name_and_a_real_phone_number_before_it_is_made()
    {
        var (businessId, _, email, _) = await OpenBusinessAsync("PRO");
        var (host, dialogs, cut) = await OpenAsync(businessId, email);
        await using var _ = host;
        await cut.WaitForAssertionAsync(() => cut.Find("[data-testid=new-booking]").Click(), s_wait);
        await EventuallyAsync(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=slot]")));

        await dialogs.WaitForAssertionAsync(() => dialogs.Find("[data-testid=save-booking]").Click(), s_wait);
        await dialogs.WaitForAssertionAsync(() => Assert.Equal("Pick one of the free times.", dialogs.Find("[data-testid=new-start-error]").TextContent.Trim()), s_wait);
        await EventuallyAsync(() => Assert.Contains("Customer's name can't be empty.", dialogs.Markup, StringComparison.Ordinal));

        Input(dialogs.Find("[data-testid=new-name]")).Input("Ana Ruiz");
        Input(dialogs.Find("[data-testid=new-phone]")).Input("12");
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("must be a phone number", dialogs.Markup, StringComparison.Ordinal), s_wait);
        await dialogs.WaitForAssertionAsync(() => dialogs.FindAll("[data-testid=slot]")[1].Click(), s_wait);
        await dialogs.WaitForAssertionAsync(() => dialogs.Find("[data-testid=save-booking]").Click(), s_wait);
        await Task.Delay(300, Ct);
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM bookings WHERE business_id = '{businessId}'"));

        Input(dialogs.Find("[data-testid=new-phone]")).Input("(555) 201-9988");
        await dialogs.WaitForAssertionAsync(() => Assert.DoesNotContain("must be a phone number", dialogs.Markup, StringComparison.Ordinal), s_wait);
        await dialogs.WaitForAssertionAsync(() => dialogs.Find("[data-testid=save-booking]").Click(), s_wait);
        await dialogs.WaitForAssertionAsync(() => Assert.Empty(dialogs.FindAll("[data-testid=new-booking-dialog]")), s_wait);
        Assert.Equal("Ana Ruiz", await fx.Database.ScalarAsync<string>($"SELECT caller_name FROM bookings WHERE business_id = '{businessId}'"));
        Assert.Equal("+15552019988", await fx.Database.ScalarAsync<string>($"SELECT caller_phone FROM bookings WHERE business_id = '{businessId}'"));
        await cut.WaitForAssertionAsync(() => Assert.Contains("Ana Ruiz", cut.Find("[data-testid=booking]").TextContent, StringComparison.Ordinal), s_wait);
    }

    [Fact]
    public async Task The_availability_card_sums_up_the_hours_and_previews_the_next_free_times()
    {
        var (businessId, _, email, _) = await OpenBusinessAsync("BASIC");
        var (host, _, cut) = await OpenAsync(businessId, email);
        await using var _ = host;
        var card = await cut.WaitForElementAsync("[data-testid=hours-summary]", s_wait);
        Assert.Equal("Mon – Sun 8:00 a.m. – 6:00 p.m.", card.TextContent.Trim());
        Assert.Equal("/settings/hours", cut.Find("[data-testid=change-hours]").GetAttribute("href"));
        await cut.WaitForAssertionAsync(() => Assert.StartsWith("Next free times for Repair visit: ", cut.Find("[data-testid=slots-preview]").TextContent, StringComparison.Ordinal), s_wait);
        Assert.Equal(5, cut.Find("[data-testid=slots-preview]").TextContent.Split(", ").Length);
    }

    [Fact]
    public async Task A_service_is_added_once_its_length_passes_the_same_rules_as_the_api()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("PRO");
        var (host, _, cut) = await OpenAsync(businessId, email);
        await using var _ = host;
        Assert.NotNull(cut.Find("[data-testid=bookings-empty]"));
        Assert.NotNull(cut.Find("[data-testid=services-empty]"));
        var add = () => cut.Find("[data-testid=add-service]");
        Assert.True(add().HasAttribute("disabled"), "no name yet");

        Input(cut.Find("[data-testid=service-name]")).Input("Boiler service");
        Input(cut.Find("[data-testid=service-minutes]")).Input("7");
        await cut.WaitForAssertionAsync(() => Assert.Contains("in steps of 5 minutes", cut.Markup, StringComparison.Ordinal), s_wait);
        Assert.True(add().HasAttribute("disabled"));

        Input(cut.Find("[data-testid=service-minutes]")).Input("45");
        await cut.WaitForAssertionAsync(() => Assert.False(add().HasAttribute("disabled")), s_wait);
        Assert.DoesNotContain("in steps of 5 minutes", cut.Markup, StringComparison.Ordinal);
        await cut.WaitForAssertionAsync(() => add().Click(), s_wait);

        var row = await cut.WaitForElementAsync("[data-testid=service]", s_wait);
        Assert.Contains("Boiler service", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("45 min", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(45, await fx.Database.ScalarAsync<int>($"SELECT duration_minutes FROM bookable_services WHERE business_id = '{businessId}'"));
    }

    [Fact]
    public async Task Booking_rules_save_only_when_changed_and_valid()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("BASIC");
        var (host, _, cut) = await OpenAsync(businessId, email);
        await using var _ = host;
        var save = () => cut.Find("[data-testid=rules-save]");
        Assert.True(save().HasAttribute("disabled"), "nothing changed yet");
        Assert.Contains("/settings/hours", cut.Find("[data-testid=rules-card]").InnerHtml, StringComparison.Ordinal);

        Input(cut.Find("[data-testid=rules-horizon]")).Input("0");
        await cut.WaitForAssertionAsync(() => Assert.Contains("How far ahead must be between 1 and", cut.Markup, StringComparison.Ordinal), s_wait);
        Assert.True(save().HasAttribute("disabled"));

        Input(cut.Find("[data-testid=rules-horizon]")).Input("30");
        Input(cut.Find("[data-testid=rules-max]")).Input("4");
        await cut.WaitForAssertionAsync(() => Assert.False(save().HasAttribute("disabled")), s_wait);
        await cut.WaitForAssertionAsync(() => save().Click(), s_wait);
        await cut.WaitForAssertionAsync(() => Assert.True(save().HasAttribute("disabled")), s_wait);
        for (var i = 0; i < 100 && await fx.Database.ScalarAsync<int>($"SELECT horizon_days FROM booking_rules WHERE business_id = '{businessId}'") != 30; i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.Equal(30, await fx.Database.ScalarAsync<int>($"SELECT horizon_days FROM booking_rules WHERE business_id = '{businessId}'"));
        Assert.Equal(4, await fx.Database.ScalarAsync<int>($"SELECT max_per_day FROM booking_rules WHERE business_id = '{businessId}'"));
    }
}
