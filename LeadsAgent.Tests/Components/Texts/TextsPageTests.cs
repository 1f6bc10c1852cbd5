using Bunit;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Components.Pages.Texts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Tests.Components.Texts;

/// <summary>The Texts page (issue 18): switches with example texts, the plan gate on new-lead texts, quiet hours, opt-outs.</summary>
public class TextsPageTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    static async Task<(IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<TextsPage> Page)> RenderAsync(ComponentHost host)
    {
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var popovers = host.Render<MudPopoverProvider>();
        host.Render<MudSnackbarProvider>();
        var cut = host.Render<TextsPage>();
        await cut.WaitForAssertionAsync(() => Assert.Empty(cut.FindAll(".mud-progress-linear")), TimeSpan.FromSeconds(30));
        return (popovers, cut);
    }

    /// <summary>A MudSwitch's checkbox (the test id lands on the input or on its wrapper, depending on MudBlazor's version).</summary>
    static AngleSharp.Dom.IElement Switch(IRenderedComponent<TextsPage> cut, string testId) =>
        cut.FindAll($"input[data-testid={testId}], [data-testid={testId}] input").First();

    static bool SaveEnabled(IRenderedComponent<TextsPage> cut) => !cut.Find("[data-testid=save]").HasAttribute("disabled");

    static async Task PickAsync(IRenderedComponent<MudPopoverProvider> popovers, IRenderedComponent<TextsPage> cut, string select, string item)
    {
        await cut.Find($"[data-testid={select}]").Closest(".mud-input-control")!.MouseDownAsync(new());
        await popovers.WaitForAssertionAsync(() => Assert.NotEmpty(popovers.FindAll(".mud-popover-open .mud-list-item")));
        await popovers.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == item).ClickAsync(new());
    }

    [Fact]
    public async Task A_free_owner_gets_emergency_texts_and_sees_how_to_get_new_lead_texts()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("FREE");
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        var (_, cut) = await RenderAsync(host);

        Assert.Contains("EMERGENCY for Test PLUMBING FREE", cut.Find("[data-testid=example-emergency]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=example-lead]"));
        Assert.Single(cut.FindAll("[data-locked=owner-texts]"));
        Assert.NotNull(cut.Find("a[href='/account/plan']"));
        Assert.Contains("Add your mobile number", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Nobody has opted out", cut.Find("[data-testid=opt-outs]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_on_the_caller_texts_saves_them_and_the_example_says_what_callers_get()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("PRO");
        await fx.Database.ExecuteAsync($"INSERT INTO sms_opt_outs (business_id, phone_number, opted_out_at, source) VALUES ('{businessId}', '+15557654321', now(), 'STOP')");
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        var (_, cut) = await RenderAsync(host);
        Assert.Contains("New lead for Test PLUMBING PRO: Maria Lopez", cut.Find("[data-testid=example-lead]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Thanks Maria, Test PLUMBING PRO has your request", cut.Find("[data-testid=example-confirmation]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 text message to pay for", cut.Find("[data-testid=example-confirmation]").TextContent, StringComparison.Ordinal);
        Assert.Equal("(555) 765-4321", cut.Find("[data-testid=opt-out]").TextContent.Trim());
        Assert.False(SaveEnabled(cut));

        await Switch(cut, "caller-confirmation").ChangeAsync(new ChangeEventArgs { Value = true });
        await Switch(cut, "missed-call").ChangeAsync(new ChangeEventArgs { Value = true });
        await cut.WaitForAssertionAsync(() => Assert.True(SaveEnabled(cut)));
        await cut.Find("[data-testid=save]").ClickAsync(new());
        await cut.WaitForAssertionAsync(() => Assert.False(SaveEnabled(cut)));
        Assert.Equal("true|true", await fx.Database.ScalarAsync<string>(
            $"SELECT caller_confirmation::text || '|' || missed_call_text_back::text FROM text_settings WHERE business_id = '{businessId}'"));
    }

    [Fact]
    public async Task Quiet_hours_that_start_and_end_together_are_refused_in_plain_words()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("BASIC");
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        var (popovers, cut) = await RenderAsync(host);
        await PickAsync(popovers, cut, "quiet-start", "8:00 am");
        await cut.WaitForAssertionAsync(() => Assert.Contains("Quiet hours must start and end at different times.", cut.Markup, StringComparison.Ordinal));
        Assert.False(SaveEnabled(cut));
        await PickAsync(popovers, cut, "quiet-start", "10:00 pm");
        await cut.WaitForAssertionAsync(() => Assert.True(SaveEnabled(cut)));
        Assert.DoesNotContain("must start and end", cut.Markup, StringComparison.Ordinal);
    }
}
