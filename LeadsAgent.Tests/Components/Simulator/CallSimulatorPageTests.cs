using System.Net.Http.Json;
using Bunit;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Components.Pages.Simulator;
using LeadsAgent.Web.Voice;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Tests.Components.Simulator;

public class CallSimulatorPageTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    /// <summary>Each turn runs the real phone pipeline (Redis, the engine); on two shared cores that can take a few seconds.</summary>
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    async Task<(ComponentHost Host, IRenderedComponent<CallSimulatorPage> Cut, Guid BusinessId)> RenderAsync(string plan = "PRO")
    {
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (businessId, owner, email) = await fx.CreateBusinessAsync(plan, "PLUMBING", number);
        var update = await owner.PutAsJsonAsync("/api/admin/business", new
        {
            name = "Acme Plumbing", notificationEmail = "alerts@acme.example", notificationPhoneNumber = "+15550001111", backupPhoneNumber = "+15550002222",
        }, Xunit.TestContext.Current.CancellationToken);
        update.EnsureSuccessStatusCode();
        var host = ComponentHost.ForOwner(fx, businessId, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        host.Render<MudPopoverProvider>();
        host.Render<MudSnackbarProvider>();
        var cut = host.Render<CallSimulatorPage>();
        return (host, cut, businessId);
    }

    static async Task ChooseAsync(IRenderedComponent<CallSimulatorPage> cut, string key)
    {
        cut.WaitForElement("[data-testid=script-card]", Wait);
        var select = cut.FindComponent<MudSelect<string>>();
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(key));
    }

    static int Turns(IRenderedComponent<CallSimulatorPage> cut) => cut.FindAll("[data-turn]").Count;

    [Fact]
    public async Task A_scripted_caller_speaks_a_line_at_a_time_and_every_panel_follows()
    {
        var (host, cut, _) = await RenderAsync();
        await using var _ = host;
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=empty]")), Wait);

        cut.Find("[data-testid=step]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Choose a scripted caller first.", cut.Find("[data-testid=script-error]").TextContent.Trim()), Wait);

        await ChooseAsync(cut, "burst-pipe");
        cut.Find("[data-testid=step]").Click();
        // The greeting, then the caller's first words.
        cut.WaitForAssertion(() => Assert.Equal(2, Turns(cut)), Wait);
        Assert.Contains("Acme Plumbing", cut.FindAll("[data-turn]")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("a pipe just burst in my basement", cut.FindAll("[data-turn]")[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("<Gather", cut.Find("[data-turn='0'] [data-twiml]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Emergency", cut.Find("[data-priority]").TextContent.Trim());
        Assert.Contains("Burst pipe", cut.Find("[data-testid=reasons]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Call in progress", cut.Find("[data-testid=call-state]").TextContent.Trim());
        Assert.StartsWith("Next, the caller says:", cut.Find("[data-testid=next-line]").TextContent.Trim(), StringComparison.Ordinal);

        cut.Find("[data-testid=step]").Click();
        cut.WaitForAssertion(() => Assert.Equal(3, Turns(cut)), Wait);

        // The rest plays on its own, turn after turn, to the end of the call.
        cut.Find("[data-testid=play]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Call ended", cut.Find("[data-testid=call-state]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.True(Turns(cut) >= 5, $"the caller answered the agent's questions ({Turns(cut)} turns)");
        Assert.Contains("Sarah Miller", cut.Find("[data-testid=captured]").TextContent, StringComparison.Ordinal);
        var alerts = cut.Find("[data-testid=alerts]").TextContent;
        Assert.Contains("Emergency alert call to +15550001111 (press 1 to accept); if nobody accepts, the backup number +15550002222 is called", alerts, StringComparison.Ordinal);
        Assert.Contains("Email to alerts@acme.example: a new lead, marked Emergency", alerts, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=next-line]"));
    }

    [Fact]
    public async Task A_caller_who_asks_for_a_person_plays_the_whisper_the_owner_hears_and_comes_back_to_the_agent_for_a_call_back()
    {
        var (host, cut, _) = await RenderAsync();
        await using var _ = host;
        await ChooseAsync(cut, "human");
        cut.Find("[data-testid=play]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Call ended", cut.Find("[data-testid=call-state]").TextContent.Trim()), TimeSpan.FromSeconds(40));

        var owner = cut.Find("[data-party=owner]");
        Assert.Contains("Your phone rings.", owner.TextContent, StringComparison.Ordinal);
        Assert.Contains("Call from Acme Plumbing's receptionist: a caller at 5 5 5, 0 1 0, 0 1 2 6. Press 1 to accept", owner.TextContent, StringComparison.Ordinal);
        Assert.Equal("whisper", owner.QuerySelector("[data-action]")!.GetAttribute("data-action"));
        Assert.Contains("numDigits=\"1\"", owner.QuerySelector("[data-twiml]")!.TextContent, StringComparison.Ordinal);
        var back = cut.Find("[data-party=back]");
        Assert.Contains("(back with the agent)", back.TextContent, StringComparison.Ordinal);
        Assert.Contains("could take your call right now", back.TextContent, StringComparison.Ordinal);
        // The caller chose a call-back: the agent took their details.
        Assert.Contains("Mark Evans", cut.Find("[data-testid=captured]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_over_clears_the_call_and_keeps_the_chosen_caller_for_the_next_one()
    {
        var (host, cut, _) = await RenderAsync();
        await using var _ = host;
        await ChooseAsync(cut, "gas-smell");
        cut.Find("[data-testid=step]").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, Turns(cut)), Wait);

        cut.Find("[data-testid=start-over]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=empty]")), Wait);
        Assert.Equal(0, Turns(cut));
        Assert.Contains("Gas smell", cut.Find("[data-testid=script]").OuterHtml, StringComparison.Ordinal);
        // The next call is the same caller again.
        cut.Find("[data-testid=step]").Click();
        cut.WaitForAssertion(() => Assert.Contains("I can smell gas in my kitchen", cut.FindAll("[data-turn]")[1].TextContent, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task Typing_the_callers_words_asks_for_them_first_and_a_person_is_a_warm_transfer_the_owner_hears_first()
    {
        var (host, cut, _) = await RenderAsync();
        await using var _ = host;
        cut.WaitForAssertion(() => cut.Find("[data-testid=start]").Click(), Wait);
        cut.WaitForAssertion(() => Assert.Equal(1, Turns(cut)), Wait);

        cut.Find("[data-testid=say]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Type what the caller says, or choose Stay silent.", cut.Find("[data-testid=typed-card]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(1, Turns(cut));

        cut.Find("[data-testid=speech]").Input("let me talk to a person");
        cut.Find("[data-testid=say]").Click();
        cut.WaitForAssertion(() => Assert.Equal("transfer", cut.Find("[data-turn='1'] [data-action]").GetAttribute("data-action")), Wait);
        Assert.Contains("+15550001111</Number>", cut.Find("[data-turn='1'] [data-twiml]").TextContent, StringComparison.Ordinal);
        Assert.Contains("url=\"/api/voice/whisper?call=", cut.Find("[data-turn='1'] [data-twiml]").TextContent, StringComparison.Ordinal);
        // The owner's side: the whisper with who is calling, then (nobody presses 1 here) the caller is back with the agent.
        Assert.Equal("owner", cut.Find("[data-turn='2']").GetAttribute("data-party"));
        Assert.Contains("Call from Acme Plumbing's receptionist: a caller at 5 5 5", cut.Find("[data-turn='2'] [data-heard]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Press 1 to accept", cut.Find("[data-turn='2'] [data-heard]").TextContent, StringComparison.Ordinal);
        Assert.Equal("back", cut.Find("[data-turn='3']").GetAttribute("data-party"));
        Assert.Contains("I can take a voicemail for them, or take your details", cut.Find("[data-turn='3'] [data-heard]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Call in progress", cut.Find("[data-testid=call-state]").TextContent.Trim());

        cut.Find("[data-testid=speech]").Input("please have them call me back");
        cut.Find("[data-testid=say]").Click();
        cut.WaitForAssertion(() => Assert.Contains("May I have your name", cut.Find("[data-turn='4'] [data-heard]").TextContent, StringComparison.Ordinal), Wait);
    }

    [Theory]
    [InlineData("FREE")]
    [InlineData("BASIC")]
    public async Task Free_and_basic_owners_see_what_the_phone_agent_gives_and_how_to_get_it(string plan)
    {
        var (host, cut, _) = await RenderAsync(plan);
        await using var _ = host;
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-locked=voice-agent]")), Wait);
        Assert.Contains("comes with Pro", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=script-card]"));
        Assert.Empty(cut.FindAll("[data-testid=start]"));
    }

    [Fact]
    public async Task A_simulated_call_is_only_its_own_businesses()
    {
        var (host, cut, businessId) = await RenderAsync();
        await using var _ = host;
        var simulator = host.Get<CallSimulator>();
        var ct = Xunit.TestContext.Current.CancellationToken;
        var callId = await simulator.StartAsync(businessId, null, ct);
        var (other, _, _) = await fx.CreateBusinessAsync("PRO");

        Assert.NotNull(await simulator.GetAsync(businessId, callId!, ct));
        Assert.Null(await simulator.GetAsync(other, callId!, ct));
        Assert.False(await simulator.SayAsync(other, callId!, "hello", ct));
        Assert.False(await simulator.HangUpAsync(other, callId!, ct));
    }
}
