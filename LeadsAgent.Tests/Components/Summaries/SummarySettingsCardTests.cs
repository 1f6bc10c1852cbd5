using Bunit;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Components.Pages.Account;
using LeadsAgent.Web.Components.Pages.Settings;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Tests.Components.Summaries;

/// <summary>The account page's summary and digest settings, and the voice page's recording switch, against the real use case.</summary>
public class SummarySettingsCardTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>The input of a MudBlazor radio or switch, whichever element carries the test id.</summary>
    static AngleSharp.Dom.IElement Input<T>(IRenderedComponent<T> cut, string testId) where T : IComponent =>
        cut.Find($"input[data-testid={testId}], [data-testid={testId}] input");

    async Task<(ComponentHost Host, Guid BusinessId)> HostAsync(string plan)
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync(plan);
        var host = ComponentHost.ForOwner(fx, businessId, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        host.Render<MudPopoverProvider>();
        return (host, businessId);
    }

    [Fact]
    public async Task An_owner_on_BASIC_chooses_both_and_turns_the_morning_email_off_and_it_is_saved()
    {
        var (host, businessId) = await HostAsync("BASIC");
        await using var _ = host;
        var cut = host.Render<SummarySettingsCard>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=save-summaries]")), Wait);
        Assert.True(cut.Find("[data-testid=save-summaries]").HasAttribute("disabled"), "nothing changed yet");
        Assert.Contains("Emails go to your notification email", cut.Find("[data-testid=summary-hint]").TextContent, StringComparison.Ordinal);

        Input(cut, "summary-both").Click();
        // This business has no phone for emergency alerts yet: the owner is told texts would have nowhere to go.
        cut.WaitForAssertion(() => Assert.Contains("Add a phone for emergency alerts", cut.Find("[data-testid=summary-hint]").TextContent, StringComparison.Ordinal), Wait);
        Input(cut, "digest-switch").Change(false);
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=save-summaries]").HasAttribute("disabled")), Wait);
        Assert.True(Input(cut, "digest-empty-switch").HasAttribute("disabled"), "no empty digest without the digest");
        cut.Find("[data-testid=save-summaries]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Save", cut.Find("[data-testid=save-summaries]").TextContent.Trim()), Wait);
        for (var i = 0; i < 50 && await fx.Database.ScalarAsync<string>($"SELECT summary_delivery FROM businesses WHERE id = '{businessId}'") != "BOTH"; i++)
        {
            await Task.Delay(100, Xunit.TestContext.Current.CancellationToken);
        }

        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid=save-summaries]").HasAttribute("disabled"), "saved: nothing left to save"), Wait);
        Assert.Equal("BOTH", await fx.Database.ScalarAsync<string>($"SELECT summary_delivery FROM businesses WHERE id = '{businessId}'"));
        Assert.False(await fx.Database.ScalarAsync<bool>($"SELECT daily_digest FROM businesses WHERE id = '{businessId}'"));
    }

    [Fact]
    public async Task On_FREE_text_summaries_are_offered_but_locked_with_the_plan_that_has_them()
    {
        var (host, _) = await HostAsync("FREE");
        await using var _ = host;
        var cut = host.Render<SummarySettingsCard>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=summary-text]")), Wait);

        Assert.True(Input(cut, "summary-text").HasAttribute("disabled"));
        Assert.True(Input(cut, "summary-both").HasAttribute("disabled"));
        Assert.False(Input(cut, "summary-email").HasAttribute("disabled"));
        Assert.Contains("BASIC and PRO", cut.Find("[data-testid=summary-hint]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_recording_card_shows_the_notice_callers_hear_on_PRO_and_says_which_plan_has_it_below()
    {
        // Switching it on is exercised in the browser (SummaryPagesTests) and through the API (SummaryTests).
        var (host, _) = await HostAsync("PRO");
        await using (host)
        {
            var cut = host.Render<CallRecordingCard>();
            cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=recording-notice]")), Wait);
            Assert.Contains("This call may be recorded for quality and training.", cut.Find("[data-testid=recording-notice]").TextContent, StringComparison.Ordinal);
            Assert.False(Input(cut, "recording-switch").HasAttribute("disabled"));
        }

        var (basic, _) = await HostAsync("BASIC");
        await using (basic)
        {
            var locked = basic.Render<CallRecordingCard>();
            locked.WaitForAssertion(() => Assert.Contains("PRO plan", locked.Find("[data-testid=recording-locked]").TextContent, StringComparison.Ordinal), Wait);
            Assert.Empty(locked.FindAll("[data-testid=recording-switch]"));
        }
    }
}
