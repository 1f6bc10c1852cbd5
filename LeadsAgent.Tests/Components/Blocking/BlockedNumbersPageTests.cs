using System.Net.Http.Json;
using AngleSharp.Dom;
using Bunit;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Components.Pages.Blocking;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Tests.Components.Blocking;

/// <summary>The blocked numbers page over the real database: validation while typing, refusals in words, Undo, the screening switches.</summary>
public class BlockedNumbersPageTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    sealed record Page(ComponentHost Host, IRenderedComponent<MudSnackbarProvider> Snackbars, IRenderedComponent<BlockedNumbers> Cut) : IAsyncDisposable
    {
        public IElement Field(string label) => Cut.Find($"#{Cut.FindAll("label").First(l => l.TextContent.Trim() == label).GetAttribute("for")}");

        public string ErrorUnder(string label) =>
            Field(label).Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";

        public IReadOnlyList<string> Rows() => [.. Cut.FindAll("[data-testid=blocked-row]").Select(r => r.TextContent)];

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }

    async Task<(Page Page, Guid BusinessId, HttpClient Owner)> OpenAsync(Func<Guid, HttpClient, Task>? seed = null)
    {
        var twilio = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (businessId, owner, email) = await fx.CreateBusinessAsync("FREE", "PLUMBING", twilio);
        (await owner.PutAsJsonAsync("/api/admin/business", new { notificationPhoneNumber = "+15550001111" }, Xunit.TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        if (seed is not null)
        {
            await seed(businessId, owner);
        }

        var host = ComponentHost.ForOwner(fx, businessId, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        host.Render<MudPopoverProvider>();
        var snackbars = host.Render<MudSnackbarProvider>();
        var cut = host.Render<BlockedNumbers>();
        await cut.WaitForAssertionAsync(() => Assert.NotNull(cut.Find(seed is null ? "[data-testid=blocked-empty]" : "[data-testid=blocked-row]")), s_wait);
        return (new Page(host, snackbars, cut), businessId, owner);
    }

    [Fact]
    public async Task A_free_owner_blocks_a_typed_number_after_the_form_says_what_is_wrong_and_sees_it_listed()
    {
        var (page, businessId, _) = await OpenAsync();
        await using var _ = page;
        Assert.Contains("No blocked numbers yet.", page.Cut.Markup, StringComparison.Ordinal);

        page.Field("Phone number").Input("call me maybe");
        await page.Cut.WaitForAssertionAsync(() => Assert.Equal("Phone number must be a phone number, like +15551234567 or (555) 123-4567.", page.ErrorUnder("Phone number")), s_wait);

        // The owner's own alert phone is refused with words, on the field.
        page.Field("Phone number").Input("555-000-1111");
        await page.Cut.WaitForAssertionAsync(() => Assert.Equal("", page.ErrorUnder("Phone number")), s_wait);
        page.Cut.Find("[data-testid=block-submit]").Click();
        await page.Cut.WaitForAssertionAsync(() => Assert.Contains("phone your alerts go to", page.Cut.Find("[data-testid=block-error]").TextContent, StringComparison.Ordinal), s_wait);
        Assert.Empty(page.Rows());

        page.Field("Phone number").Input("(555) 010-0666");
        await page.Cut.WaitForAssertionAsync(() => Assert.Empty(page.Cut.FindAll("[data-testid=block-error]")), s_wait);
        page.Field("Why (optional)").Input("Robocall: extended car warranty");
        await page.Cut.WaitForAssertionAsync(() => Assert.Contains("Will block (555) 010-0666", page.Field("Phone number").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal), s_wait);
        page.Cut.Find("[data-testid=block-submit]").Click();
        await page.Cut.WaitForAssertionAsync(() =>
        {
            var row = Assert.Single(page.Rows());
            Assert.Contains("(555) 010-0666", row, StringComparison.Ordinal);
            Assert.Contains("Robocall: extended car warranty", row, StringComparison.Ordinal);
            Assert.Contains("no calls blocked yet", row, StringComparison.Ordinal);
        }, s_wait);
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM blocked_numbers WHERE business_id = '{businessId}' AND number = '+15550100666'"));

        // The same number again: a clear refusal, still one row.
        page.Field("Phone number").Input("+1 555 010 0666");
        page.Cut.Find("[data-testid=block-submit]").Click();
        await page.Cut.WaitForAssertionAsync(() => Assert.Equal("This number is already on your block list.", page.Cut.Find("[data-testid=block-error]").TextContent.Trim()), s_wait);
        Assert.Single(page.Rows());
    }

    [Fact]
    public async Task Unblocking_offers_Undo_which_puts_the_number_back_with_its_count()
    {
        var (page, businessId, _) = await OpenAsync(async (id, owner) =>
        {
            (await owner.PostAsJsonAsync("/api/admin/blocked-numbers", new { number = "+15550100777", reason = "Spam texts" }, Xunit.TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
            await fx.Database.ScalarAsync<int>($"UPDATE blocked_numbers SET blocked_calls = 4, last_blocked_at = now() WHERE business_id = '{id}' RETURNING blocked_calls");
        });
        await using var _ = page;
        var cut = page.Cut;
        Assert.Contains("4 calls blocked", Assert.Single(cut.FindAll("[data-testid=blocked-row]")).TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=blocked-remove]").Click();
        await cut.WaitForAssertionAsync(() => Assert.Empty(cut.FindAll("[data-testid=blocked-row]")), s_wait);
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM blocked_numbers WHERE business_id = '{businessId}'"));
        Assert.Equal("(555) 010-0777 is unblocked.", cut.Find("[data-testid=blocked-announcement]").TextContent.Trim());

        (await page.Snackbars.WaitForElementsAsync("button", s_wait)).Single(b => b.TextContent.Trim() == "Undo").Click();
        await cut.WaitForAssertionAsync(() => Assert.Contains("4 calls blocked", Assert.Single(cut.FindAll("[data-testid=blocked-row]")).TextContent, StringComparison.Ordinal), s_wait);
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM blocked_numbers WHERE business_id = '{businessId}' AND reason = 'Spam texts'"));
    }

    /// <summary>The checkbox input of a MudSwitch (the test id lands on the input or on its wrapper, depending on MudBlazor's markup).</summary>
    static IElement Switch(Page page, string testId) =>
        page.Cut.Find($"[data-testid={testId}]") is { TagName: "INPUT" } input ? input : page.Cut.Find($"[data-testid={testId}] input");

    [Fact]
    public async Task The_screening_switches_are_off_at_first_and_save_at_once()
    {
        var (page, businessId, _) = await OpenAsync();
        await using var _ = page;
        Assert.Contains("Most robocalls do", page.Cut.Find("[data-testid=screening]").TextContent, StringComparison.Ordinal);
        var noCallerId = Switch(page, "screen-no-caller-id");
        Assert.False(await fx.Database.ScalarAsync<bool>($"SELECT screen_no_caller_id FROM agent_configs WHERE business_id = '{businessId}'"));

        noCallerId.Change(true);
        await page.Snackbars.WaitForAssertionAsync(() => Assert.Contains("Calls with no caller ID now go to voicemail.", page.Snackbars.Markup, StringComparison.Ordinal), s_wait);
        Assert.True(await fx.Database.ScalarAsync<bool>($"SELECT screen_no_caller_id FROM agent_configs WHERE business_id = '{businessId}'"));
        Assert.False(await fx.Database.ScalarAsync<bool>($"SELECT screen_failed_stir FROM agent_configs WHERE business_id = '{businessId}'"));

        Switch(page, "screen-failed-stir").Change(true);
        await page.Snackbars.WaitForAssertionAsync(() => Assert.Contains("Calls with a faked number now go to voicemail.", page.Snackbars.Markup, StringComparison.Ordinal), s_wait);
        Assert.True(await fx.Database.ScalarAsync<bool>($"SELECT screen_failed_stir FROM agent_configs WHERE business_id = '{businessId}'"));
    }
}
