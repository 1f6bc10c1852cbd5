using AngleSharp.Dom;
using Bunit;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Components.Pages.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using MudBlazor;

namespace LeadsAgent.Tests.Components.Settings;

/// <summary>The webhooks page over the real database and a receiver on loopback: plan gate, the add dialog's checks, the secret once, test and log, delete.</summary>
public class WebhookSettingsTests(WebhookSettingsTests.Fixture fx) : IClassFixture<WebhookSettingsTests.Fixture>
{
    public sealed class Fixture : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Webhooks:AllowLoopbackTargets"] = "true",
            ["Notifications:PollSeconds"] = "3600",
        };
    }

    static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    async Task<(ComponentHost Host, IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<WebhookSettings> Cut)> OpenAsync(string plan)
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync(plan);
        var host = ComponentHost.ForOwner(fx, businessId, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        host.Render<MudPopoverProvider>();
        var dialogs = host.Render<MudDialogProvider>();
        host.Render<MudSnackbarProvider>();
        var cut = host.Render<WebhookSettings>();
        await cut.WaitForAssertionAsync(() => Assert.DoesNotContain("Loading your webhooks", cut.Markup, StringComparison.Ordinal), s_wait);
        return (host, dialogs, cut);
    }

    static IElement Input(IElement element) => element.TagName == "INPUT" ? element : element.QuerySelector("input")!;

    [Fact]
    public async Task A_free_business_sees_what_webhooks_give_and_no_add_button()
    {
        var (host, _, cut) = await OpenAsync("FREE");
        await using var _ = host;
        Assert.NotNull(cut.Find("[data-locked]"));
        Assert.Contains("sent to the tools you already use", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=add-webhook]"));
    }

    [Fact]
    public async Task Adding_checks_the_address_while_typing_shows_the_secret_once_and_a_test_event_is_logged()
    {
        await using var receiver = await FakeHttpServer.StartAsync((_, ctx) => ctx.Response.WriteAsync("thanks"));
        var (host, dialogs, cut) = await OpenAsync("BASIC");
        await using var _ = host;
        var empty = cut.Find("[data-testid=webhooks-empty]");
        Assert.Contains("Zapier", empty.TextContent, StringComparison.Ordinal);

        await cut.WaitForAssertionAsync(() => cut.Find("[data-testid=add-webhook]").Click(), s_wait);
        await dialogs.WaitForElementAsync("[data-testid=webhook-dialog] input[type=url]", s_wait);
        var save = () => dialogs.Find("[data-testid=webhook-save]");
        Assert.True(save().HasAttribute("disabled"), "no address yet");

        dialogs.Find("input[type=url]").Input("http://hooks.example.com/in");
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("must start with https://", dialogs.Markup, StringComparison.Ordinal), s_wait);
        Assert.True(save().HasAttribute("disabled"));

        dialogs.Find("input[type=url]").Input(receiver.BaseUrl + "/zap");
        await dialogs.WaitForAssertionAsync(() => Assert.False(save().HasAttribute("disabled")), s_wait);
        Assert.DoesNotContain("must start with https://", dialogs.Markup, StringComparison.Ordinal);

        // Nothing to send is not a webhook.
        Input(dialogs.Find("[data-testid='event-lead.created']")).Change(false);
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("Choose at least one thing to send.", dialogs.Markup, StringComparison.Ordinal), s_wait);
        Assert.True(save().HasAttribute("disabled"));
        Input(dialogs.Find("[data-testid='event-lead.created']")).Change(true);
        Input(dialogs.Find("[data-testid='event-emergency.detected']")).Change(true);
        await dialogs.WaitForAssertionAsync(() => Assert.False(save().HasAttribute("disabled")), s_wait);
        await dialogs.WaitForAssertionAsync(() => save().Click(), s_wait);

        var secret = await cut.WaitForElementAsync("[data-testid=webhook-secret-value]", s_wait);
        var secretText = secret.TextContent.Trim();
        Assert.StartsWith("whsec_", secretText, StringComparison.Ordinal);
        var card = await cut.WaitForElementAsync("[data-testid=webhook]", s_wait);
        Assert.Contains("New lead", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Emergency", card.TextContent, StringComparison.Ordinal);
        await cut.WaitForAssertionAsync(() => Assert.Contains("Nothing sent yet", cut.Find("[data-testid=webhook]").TextContent, StringComparison.Ordinal), s_wait);

        await cut.WaitForAssertionAsync(() => cut.Find("[data-testid=webhook-test]").Click(), s_wait);
        await cut.WaitForAssertionAsync(() => Assert.Contains("Delivered: your server answered 200.", cut.Find("[data-testid=webhook-test-result]").TextContent, StringComparison.Ordinal), s_wait);
        await cut.WaitForAssertionAsync(() => Assert.Contains("Test event", cut.Find("[data-testid=webhook-deliveries]").TextContent, StringComparison.Ordinal), s_wait);
        Assert.Contains("Delivered · 200", cut.Find("[data-testid=webhook-deliveries]").TextContent, StringComparison.Ordinal);
        Assert.Single(receiver.Requests);

        // Dismissed, the secret is gone for good: the page never shows it again.
        await cut.WaitForAssertionAsync(() => cut.FindAll("[data-testid=webhook-secret] button").Single(b => !b.TextContent.Contains("Copy", StringComparison.Ordinal)).Click(), s_wait);
        await cut.WaitForAssertionAsync(() => Assert.Empty(cut.FindAll("[data-testid=webhook-secret]")), s_wait);
        Assert.DoesNotContain(secretText, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_test_event_says_why_and_delete_asks_first()
    {
        await using var receiver = await FakeHttpServer.StartAsync((_, ctx) =>
        {
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        var (host, dialogs, cut) = await OpenAsync("PRO");
        await using var _ = host;
        await cut.WaitForAssertionAsync(() => cut.Find("[data-testid=add-webhook]").Click(), s_wait);
        (await dialogs.WaitForElementAsync("input[type=url]", s_wait)).Input(receiver.BaseUrl + "/gone");
        await dialogs.WaitForAssertionAsync(() => Assert.False(dialogs.Find("[data-testid=webhook-save]").HasAttribute("disabled")), s_wait);
        await dialogs.WaitForAssertionAsync(() => dialogs.Find("[data-testid=webhook-save]").Click(), s_wait);
        await cut.WaitForElementAsync("[data-testid=webhook]", s_wait);

        await cut.WaitForAssertionAsync(() => cut.Find("[data-testid=webhook-test]").Click(), s_wait);
        await cut.WaitForAssertionAsync(() => Assert.Contains("Not delivered. Your server answered 404", cut.Find("[data-testid=webhook-test-result]").TextContent, StringComparison.Ordinal), s_wait);

        await cut.WaitForAssertionAsync(() => cut.Find("[data-testid=webhook-delete]").Click(), s_wait);
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("Events stop going to", dialogs.Markup, StringComparison.Ordinal), s_wait);
        await dialogs.WaitForAssertionAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click(), s_wait);
        await cut.WaitForElementAsync("[data-testid=webhooks-empty]", s_wait);
    }
}
