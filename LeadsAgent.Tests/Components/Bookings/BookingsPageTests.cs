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

/// <summary>The bookings page over the real database: FREE sees the plan gate, a booking made through the API is listed under its day and cancelled after a confirm, a service is added once its fields pass the API's rules.</summary>
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

    [Fact]
    public async Task A_booking_is_listed_under_its_day_and_cancelled_after_the_owner_confirms()
    {
        var (businessId, owner, email) = await fx.CreateBusinessAsync("BASIC");
        (await owner.PutAsJsonAsync("/api/admin/business", new { timeZone = "America/Chicago" }, Ct)).EnsureSuccessStatusCode();
        var week = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), ranges = new[] { new { from = "08:00", to = "18:00" } } }).ToArray();
        (await owner.PutAsJsonAsync("/api/admin/hours", new { week }, Ct)).EnsureSuccessStatusCode();
        var service = await (await owner.PostAsJsonAsync("/api/admin/services", new { name = "Repair visit", durationMinutes = 60, bufferMinutes = 15 }, Ct)).JsonAsync(HttpStatusCode.Created);
        var serviceId = service["id"]!.GetValue<Guid>();
        var from = DateTimeOffset.UtcNow.AddDays(3);
        var slots = await (await owner.GetAsync($"/api/admin/availability/slots?serviceId={serviceId}&from={Uri.EscapeDataString(from.ToString("O"))}&count=1", Ct)).JsonAsync(HttpStatusCode.OK);
        var start = slots[0]!["startsAt"]!.GetValue<DateTimeOffset>();
        (await owner.PostAsJsonAsync("/api/admin/bookings", new { serviceId, startsAt = start, callerName = "Maria Lopez", callerPhone = "(555) 201-3344" }, Ct)).EnsureSuccessStatusCode();

        var (host, dialogs, cut) = await OpenAsync(businessId, email);
        await using var _ = host;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var local = TimeZoneInfo.ConvertTime(start, zone);
        var day = cut.Find("[data-testid=booking-day]");
        Assert.Equal(local.ToString("dddd d MMMM", CultureInfo.GetCultureInfo("en-GB")), day.QuerySelector("h3")!.TextContent.Trim());
        var item = day.QuerySelector("[data-testid=booking]")!.TextContent;
        Assert.Contains($"{local:HH:mm}–{local.AddMinutes(60):HH:mm}", item, StringComparison.Ordinal);
        Assert.Contains("Repair visit", item, StringComparison.Ordinal);
        Assert.Contains("Maria Lopez", item, StringComparison.Ordinal);
        Assert.Contains("(555) 201-3344", item, StringComparison.Ordinal);
        Assert.NotNull(day.QuerySelector("a[href^='tel:']"));

        // Keep it: nothing changes.
        await cut.WaitForAssertionAsync(() => cut.Find("[data-testid=cancel-booking]").Click(), s_wait);
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("Maria Lopez's Repair visit", dialogs.Markup, StringComparison.Ordinal), s_wait);
        await dialogs.WaitForAssertionAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Keep it").Click(), s_wait);
        await dialogs.WaitForAssertionAsync(() => Assert.DoesNotContain("Maria Lopez's Repair visit", dialogs.Markup, StringComparison.Ordinal), s_wait);
        Assert.Single(cut.FindAll("[data-testid=booking]"));

        await cut.WaitForAssertionAsync(() => cut.Find("[data-testid=cancel-booking]").Click(), s_wait);
        await dialogs.WaitForAssertionAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel the visit").Click(), s_wait);
        await cut.WaitForElementAsync("[data-testid=bookings-empty]", s_wait);
        Assert.Equal("CANCELLED", await fx.Database.ScalarAsync<string>($"SELECT status FROM bookings WHERE business_id = '{businessId}'"));
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
