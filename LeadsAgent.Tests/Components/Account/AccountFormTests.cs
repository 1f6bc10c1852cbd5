using AngleSharp.Dom;
using Bunit;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Components.Pages.Account;
using LeadsAgent.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace LeadsAgent.Tests.Components.Account;

public class AccountFormTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    static IElement Field(IRenderedComponent<BusinessDetailsForm> cut, string label) => FieldOf(cut.FindAll("label"), cut, label);

    static IElement FieldOf<T>(IEnumerable<IElement> labels, IRenderedComponent<T> cut, string label) where T : IComponent
    {
        var id = labels.First(l => l.TextContent.Trim() == label).GetAttribute("for");
        return cut.Find($"#{id}");
    }

    /// <summary>The error shown under a field (MudBlazor's helper line in error state), or "" when there is none.</summary>
    static string ErrorUnder(IElement input)
    {
        var control = input.Closest(".mud-input-control")!;
        return control.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";
    }

    static bool SaveDisabled<T>(IRenderedComponent<T> cut) where T : IComponent => cut.Find("[data-testid=save]").HasAttribute("disabled");

    async Task<(ComponentHost Host, IRenderedComponent<BusinessDetailsForm> Cut, Guid BusinessId)> RenderAsync()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("BASIC");
        var host = ComponentHost.ForOwner(fx, businessId, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        host.Render<MudPopoverProvider>();
        var cut = host.Render<BusinessDetailsForm>();
        cut.WaitForAssertion(() => Assert.Equal($"Test PLUMBING BASIC", Field(cut, "Business name").GetAttribute("value")), Wait);
        return (host, cut, businessId);
    }

    [Fact]
    public async Task Each_field_says_what_is_wrong_in_words_while_typing_and_save_waits_for_a_valid_change()
    {
        var (host, cut, _) = await RenderAsync();
        await using var _ = host;
        Assert.True(SaveDisabled(cut), "nothing changed yet");
        Assert.Contains("All changes saved.", cut.Find("[data-testid=form-actions]").TextContent, StringComparison.Ordinal);

        Field(cut, "Business name").Input("");
        cut.WaitForAssertion(() => Assert.Equal("Business name can't be empty.", ErrorUnder(Field(cut, "Business name"))), Wait);
        Assert.True(SaveDisabled(cut), "an empty name cannot be saved");
        Assert.Contains("Fix the fields marked in red to save.", cut.Find("[data-testid=form-actions]").TextContent, StringComparison.Ordinal);

        Field(cut, "Business name").Input("Acme Plumbing");
        Field(cut, "Phone for emergency alerts").Input("call me maybe");
        cut.WaitForAssertion(() => Assert.Equal("Phone for emergency alerts must be a phone number, like +15551234567 or (555) 123-4567.",
            ErrorUnder(Field(cut, "Phone for emergency alerts"))), Wait);
        Field(cut, "Email for new leads").Input("owner@");
        cut.WaitForAssertion(() => Assert.Equal("Email for new leads must be an email address, like owner@example.com.", ErrorUnder(Field(cut, "Email for new leads"))), Wait);
        Assert.Equal("", ErrorUnder(Field(cut, "Business name")));
        Assert.True(SaveDisabled(cut));

        Field(cut, "Phone for emergency alerts").Input("(555) 201-3344");
        Field(cut, "Email for new leads").Input("alerts@acme.example");
        cut.WaitForAssertion(() => Assert.False(SaveDisabled(cut), "a valid change can be saved"), Wait);
        Assert.Contains("You have unsaved changes.", cut.Find("[data-testid=form-actions]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(cut.FindAll(".mud-input-helper-text.mud-input-error"), e => e.TextContent.Trim().Length > 0);

        // Putting the saved value back is not a change.
        cut.Find("[data-testid=reset]").Click();
        cut.WaitForAssertion(() => Assert.True(SaveDisabled(cut)), Wait);
        Assert.Equal("Test PLUMBING BASIC", Field(cut, "Business name").GetAttribute("value"));
    }

    [Fact]
    public async Task Save_stores_the_details_with_the_phone_in_one_format_and_says_so()
    {
        var (host, cut, businessId) = await RenderAsync();
        await using var _ = host;
        host.Render<MudSnackbarProvider>();

        Field(cut, "Business name").Input("  Acme Plumbing  ");
        Field(cut, "Phone for emergency alerts").Input("+1 (555) 201-3344");
        Field(cut, "Backup phone").Input("555-000-2222");
        cut.WaitForAssertion(() => Assert.False(SaveDisabled(cut)), Wait);
        cut.Find("[data-testid=save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("All changes saved.", cut.Find("[data-testid=form-actions]").TextContent, StringComparison.Ordinal), Wait);
        Assert.True(SaveDisabled(cut), "saved: nothing left to save");
        Assert.Equal("+15552013344", Field(cut, "Phone for emergency alerts").GetAttribute("value"));
        Assert.Equal("Acme Plumbing", await fx.Database.ScalarAsync<string>($"SELECT name FROM businesses WHERE id = '{businessId}'"));
        Assert.Equal("+15550002222", await fx.Database.ScalarAsync<string>($"SELECT backup_phone_number FROM businesses WHERE id = '{businessId}'"));
    }

    [Fact]
    public async Task The_time_zone_picker_finds_a_city_and_shows_the_time_there()
    {
        var (host, cut, businessId) = await RenderAsync();
        await using var _ = host;
        var zone = cut.FindComponent<MudAutocomplete<string>>();
        Assert.Contains("there now (E", zone.Markup, StringComparison.Ordinal); // America/New_York: EST or EDT

        Func<string, CancellationToken, Task<IEnumerable<string>>> search = zone.Instance.SearchFunc!;
        var found = await search("chicago", Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(["America/Chicago"], found);
        Assert.Contains("America/Los_Angeles", await search("los ang", Xunit.TestContext.Current.CancellationToken));
        Assert.Empty(await search("atlantis", Xunit.TestContext.Current.CancellationToken));

        await cut.InvokeAsync(() => zone.Instance.SelectOptionAsync("America/Chicago"));
        cut.WaitForAssertion(() => Assert.Matches(@"It's \d{1,2}:\d\d [AP]M there now \(C[SD]T\)", cut.Find("[data-testid=time-zone]").Closest(".mud-input-control")!.TextContent), Wait);
        cut.WaitForAssertion(() => Assert.False(SaveDisabled(cut)), Wait);
        cut.Find("[data-testid=save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("All changes saved.", cut.Find("[data-testid=form-actions]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("America/Chicago", await fx.Database.ScalarAsync<string>($"SELECT time_zone FROM businesses WHERE id = '{businessId}'"));
    }

    [Fact]
    public async Task The_password_form_ticks_off_identitys_rules_and_names_what_is_missing()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("FREE");
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        // The app's Identity settings, not bUnit's defaults.
        host.Services.AddSingleton(host.Get<IOptions<IdentityOptions>>());
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = host.Render<PasswordForm>();
        IElement Input(string label) => FieldOf(cut.FindAll("label"), cut, label);
        var rules = cut.FindAll("[data-testid=password-rules] li");
        Assert.Equal(["At least 10 characters: not yet", "At least 4 different characters: not yet"], rules.Select(r => r.TextContent.Trim()));
        Assert.True(cut.Find("[data-testid=change-password]").HasAttribute("disabled"));

        Input("Current password").Input("Owner-password-1");
        Input("New password").Input("aaaaaaaaaaaa");
        cut.WaitForAssertion(() => Assert.Equal(["true", "false"], cut.FindAll("[data-testid=password-rules] li").Select(r => r.GetAttribute("data-met"))), Wait);
        cut.WaitForAssertion(() => Assert.Equal("The new password needs at least 4 different characters.", ErrorUnder(Input("New password"))), Wait);

        Input("New password").Input("A-brand-new-secret-42");
        Input("New password again").Input("A-brand-new-secret-43");
        cut.WaitForAssertion(() => Assert.Equal("The two new passwords are different.", ErrorUnder(Input("New password again"))), Wait);
        Assert.Equal(["true", "true"], cut.FindAll("[data-testid=password-rules] li").Select(r => r.GetAttribute("data-met")));
        Assert.True(cut.Find("[data-testid=change-password]").HasAttribute("disabled"));

        Input("New password again").Input("A-brand-new-secret-42");
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=change-password]").HasAttribute("disabled")), Wait);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task The_emergency_banner_offers_browser_notifications_only_when_this_device_wants_them(bool wanted, bool offered)
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("PRO");
        await new SeedLead("Maria Lopez", "+15552014477", "URGENT", EmergencyReasons: """[{"Rule":"burst_pipe","Phrase":"pipe burst"}]""")
            .InsertAsync(fx.Database, businessId);
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        // dashboard.js answers "off" when this device's owner turned emergency notifications off.
        host.JSInterop.Setup<string>("leadsAgent.alerts.permission").SetResult(wanted ? "default" : "off");

        var cut = host.Render<EmergencyBanner>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=emergency-banner]")), Wait);
        cut.WaitForAssertion(() => Assert.Equal(offered, cut.Markup.Contains("Show emergencies as browser notifications", StringComparison.Ordinal)), Wait);
    }
}
