using System.Net.Http.Json;
using Bunit;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Components.Pages.Settings;
using LeadsAgent.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Tests.Components.Settings;

public class VoiceSettingsTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    static async Task<(IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<VoiceSettings> Page)> RenderAsync(ComponentHost host)
    {
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var popovers = host.Render<MudPopoverProvider>();
        host.Render<MudSnackbarProvider>();
        var cut = host.Render<VoiceSettings>();
        await cut.WaitForAssertionAsync(() => Assert.Empty(cut.FindAll(".mud-progress-linear")), TimeSpan.FromSeconds(30));
        return (popovers, cut);
    }

    static async Task PickAsync(IRenderedComponent<MudPopoverProvider> popovers, IRenderedComponent<VoiceSettings> cut, string select, string item)
    {
        await cut.Find($"[data-testid={select}]").Closest(".mud-input-control")!.MouseDownAsync(new());
        await popovers.WaitForAssertionAsync(() => Assert.NotEmpty(popovers.FindAll(".mud-popover-open .mud-list-item")));
        var option = popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == item);
        await option.ClickAsync(new());
    }

    static AngleSharp.Dom.IElement Control(IRenderedComponent<VoiceSettings> cut, string testId) =>
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")!;

    [Theory]
    [InlineData("FREE")]
    [InlineData("BASIC")]
    public async Task Free_and_basic_see_what_the_phone_agent_gives_and_how_to_upgrade_instead_of_the_form(string plan)
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync(plan);
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        var (_, cut) = await RenderAsync(host);

        Assert.Single(cut.FindAll("[data-locked]"));
        Assert.Contains("comes with Pro", cut.Markup, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("a[href='/account/plan']"));
        Assert.Empty(cut.FindAll("[data-testid=voice-form]"));
        Assert.Empty(cut.FindAll("[data-testid=call-me]"));
    }

    [Fact]
    public async Task Picking_es_MX_offers_only_the_voices_that_speak_it()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("PRO");
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        var (popovers, cut) = await RenderAsync(host);
        Assert.Empty(cut.FindAll("[data-locked]"));

        await PickAsync(popovers, cut, "language", "Spanish (Mexico)");
        await cut.WaitForAssertionAsync(() => Assert.Contains("speak Spanish (Mexico)", Control(cut, "voice").TextContent, StringComparison.Ordinal));
        // The saved voice (alice for en-US) speaks es-MX too in the catalogue, so it stays; the list is what changes.
        await cut.Find("[data-testid=voice]").Closest(".mud-input-control")!.MouseDownAsync(new());
        await popovers.WaitForAssertionAsync(() => Assert.NotEmpty(popovers.FindAll(".mud-popover-open .mud-list-item")));
        var offered = popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim()).ToList();

        var expected = LeadsAgent.Domain.Voice.VoiceCatalog.For("es-MX").Select(VoiceForm.VoiceName).ToList();
        Assert.Equal(expected, offered);
        Assert.Contains("Mia · Amazon neural", offered);
        Assert.DoesNotContain(offered, v => v.Contains("Joanna", StringComparison.Ordinal) || v.Contains("Lucia", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Default_messages_follow_the_language_picked_and_raise_no_warning()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("PRO");
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        var (popovers, cut) = await RenderAsync(host);
        Assert.Equal(LeadsAgent.Domain.Businesses.AgentConfig.DefaultVoiceGreeting, cut.Find("[data-testid=greeting]").GetAttribute("value"));

        await PickAsync(popovers, cut, "language", "Spanish (Mexico)");

        // The agent says its defaults in the call's language, so the form shows them as callers will hear them.
        await cut.WaitForAssertionAsync(() => Assert.Equal("¡Hola! Gracias por llamar. ¿En qué puedo ayudarle hoy?", cut.Find("[data-testid=greeting]").GetAttribute("value")));
        Assert.Equal("Gracias por llamar. ¡Hasta luego!", cut.Find("[data-testid=goodbye]").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-testid=language-warning]"));
    }

    [Fact]
    public async Task English_messages_under_a_spanish_language_raise_a_warning_that_goes_once_they_are_spanish()
    {
        var (businessId, owner, email) = await fx.CreateBusinessAsync("PRO");
        // The owner's own English messages (not the defaults, which follow the language).
        (await owner.PutAsJsonAsync("/api/admin/config", new
        {
            twilioLanguage = "es-MX",
            twilioVoice = "Polly.Mia-Neural",
            voiceGreetingMessage = "Hi, thanks for calling Acme Plumbing. How can we help you today?",
            voiceCompletionMessage = "Thanks, we have your details and will call you back shortly.",
            voiceEmergencyMessage = "I understand this is an emergency, and I am alerting our team right now.",
            voiceEndCallMessage = "Thanks for calling Acme. Have a good day!",
        }, Xunit.TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        var (_, cut) = await RenderAsync(host);

        var warning = cut.Find("[data-testid=language-warning]").TextContent;
        Assert.Contains("Your messages read like English, but the language is Spanish (Mexico)", warning, StringComparison.Ordinal);
        Assert.Contains("This reads like English.", Control(cut, "greeting").TextContent, StringComparison.Ordinal);

        await cut.Find("[data-testid=greeting]").InputAsync("¡Hola! Gracias por llamar a Plomería García. ¿En qué le puedo ayudar hoy?");
        await cut.WaitForAssertionAsync(() => Assert.Contains("read like English", cut.Find("[data-testid=language-warning]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Greeting when the agent answers", cut.Find("[data-testid=language-warning]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("This reads like", Control(cut, "greeting").TextContent, StringComparison.Ordinal);
        Assert.Contains("73 / 1000", Control(cut, "greeting").TextContent, StringComparison.Ordinal);

        await cut.Find("[data-testid=completion]").InputAsync("Gracias. Tengo todos sus datos y alguien le llamará muy pronto.");
        await cut.Find("[data-testid=emergency]").InputAsync("Entiendo que es una emergencia. Estoy avisando a nuestro equipo ahora mismo.");
        await cut.Find("[data-testid=goodbye]").InputAsync("Gracias por llamar. ¡Adiós!");
        await cut.WaitForAssertionAsync(() => Assert.Empty(cut.FindAll("[data-testid=language-warning]")));
        Assert.False(cut.Find("[data-testid=save]").HasAttribute("disabled"));
    }
}
