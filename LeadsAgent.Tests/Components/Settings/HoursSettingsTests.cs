using System.Net.Http.Json;
using Bunit;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Components.Pages.Settings;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Tests.Components.Settings;

public class HoursSettingsTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    static async Task<IRenderedComponent<HoursSettings>> RenderAsync(ComponentHost host)
    {
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        host.Render<MudPopoverProvider>();
        host.Render<MudSnackbarProvider>();
        var cut = host.Render<HoursSettings>();
        await cut.WaitForElementAsync("[data-testid=hours-status]", TimeSpan.FromSeconds(30));
        return cut;
    }

    static bool SaveEnabled(IRenderedComponent<HoursSettings> cut) => !cut.Find("[data-testid=save]").HasAttribute("disabled");

    static Task SetAsync(IRenderedComponent<HoursSettings> cut, string id, string value) => cut.Find($"#{id}").ChangeAsync(new ChangeEventArgs { Value = value });

    [Fact]
    public async Task A_free_owner_sets_hours_sees_routing_locked_with_the_upgrade_path_and_saves()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("FREE");
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        var cut = await RenderAsync(host);

        Assert.Contains("No opening hours yet", cut.Find("[data-testid=hours-status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Basic plan", cut.Find("[data-locked=call-routing]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=routing-choice]"));
        Assert.False(SaveEnabled(cut));

        await cut.Find("[data-testid=day-Monday-add]").ClickAsync(new());
        await SetAsync(cut, "day-Monday-from-0", "09:00");
        await cut.Find("[data-testid=copy-monday]").ClickAsync(new());
        await cut.WaitForAssertionAsync(() => Assert.Equal("09:00", cut.Find("#day-Friday-from-0").GetAttribute("value")));
        Assert.Empty(cut.FindAll("#day-Saturday-from-0"));
        Assert.True(SaveEnabled(cut));

        await cut.Find("[data-testid=save]").ClickAsync(new());
        await cut.WaitForAssertionAsync(() => Assert.False(SaveEnabled(cut)));
        Assert.Contains("(your time zone: America/New_York)", cut.Find("[data-testid=hours-status]").TextContent, StringComparison.Ordinal);
        Assert.Equal("[{\"to\": 1020, \"from\": 540}]", await fx.Database.ScalarAsync<string>($"SELECT (hours->'week'->'Friday')::text FROM businesses WHERE id = '{businessId}'"));
    }

    [Fact]
    public async Task Overlapping_times_and_a_missing_owner_phone_are_explained_and_Save_waits()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("PRO");
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        var cut = await RenderAsync(host);

        Assert.Contains("Phone for emergency alerts", cut.Find("[data-testid=no-owner-phone]").TextContent, StringComparison.Ordinal);
        Assert.All(cut.FindAll("[data-testid=routing-choice] input[type=radio]").Skip(1), r => Assert.True(r.HasAttribute("disabled")));

        await cut.Find("[data-testid=day-Wednesday-add]").ClickAsync(new());
        await cut.Find("[data-testid=day-Wednesday-add]").ClickAsync(new());
        await SetAsync(cut, "day-Wednesday-from-1", "12:00");
        await cut.WaitForAssertionAsync(() => Assert.Contains("Wednesday: 08:00–17:00 and 12:00–21:00 overlap.", cut.Markup, StringComparison.Ordinal));
        Assert.False(SaveEnabled(cut));
        await SetAsync(cut, "day-Wednesday-from-1", "18:00");
        await cut.WaitForAssertionAsync(() => Assert.True(SaveEnabled(cut)));

        await cut.Find("[data-testid=add-holiday]").ClickAsync(new());
        await cut.WaitForAssertionAsync(() => Assert.Single(cut.FindAll("[data-testid=holiday-0]")));
        Assert.Empty(cut.FindAll("[data-testid=no-holidays]"));
    }

    [Fact]
    public async Task The_status_line_says_open_until_when_in_the_business_zone()
    {
        var (businessId, owner, email) = await fx.CreateBusinessAsync("BASIC");
        (await owner.PutAsJsonAsync("/api/admin/business", new { timeZone = "America/Chicago", notificationPhoneNumber = "+15550001111" }, Xunit.TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var week = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), ranges = new[] { new { from = "00:00", to = "24:00" } } }).ToArray();
        (await owner.PutAsJsonAsync("/api/admin/hours", new { week, callRouting = "RING_OWNER_FIRST" }, Xunit.TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        var cut = await RenderAsync(host);

        Assert.Equal("Open now, around the clock (your time zone: America/Chicago)", cut.Find("[data-testid=hours-status]").TextContent.Trim());
        Assert.NotNull(cut.Find("[data-testid=ring-seconds]"));
        Assert.Empty(cut.FindAll("[data-testid=no-owner-phone]"));
        // Closing at 24:00 shows as the time input's 00:00 (midnight).
        Assert.Equal("00:00", cut.Find("#day-Sunday-to-0").GetAttribute("value"));
        Assert.False(SaveEnabled(cut));
    }
}
