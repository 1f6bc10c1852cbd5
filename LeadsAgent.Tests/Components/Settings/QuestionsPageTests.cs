using AngleSharp.Dom;
using Bunit;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Components.Pages.Settings;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Tests.Components.Settings;

/// <summary>The questions page over the real database: the dialog's validation, deleting with Undo, reordering from the keyboard, FREE's limit.</summary>
public class QuestionsPageTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    // A plumber starts with: name, phone, address, problem, email.
    const string Name = "May I have your name, please?";
    const string Phone = "What is the best phone number to reach you?";
    const string Address = "What is the address where you need the work done?";
    const string Problem = "Briefly, what is the problem?";
    const string Email = "What is your email address, so we can send you a confirmation?";

    // Each step saves to the real database; on a busy two-core machine that can take longer than bUnit's default wait.
    static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    sealed record Page(ComponentHost Host, IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Snackbars,
        IRenderedComponent<Questions> Cut) : IAsyncDisposable
    {
        public IReadOnlyList<string> Shown() => [.. Cut.FindAll("[data-testid=question-text-shown]").Select(e => e.TextContent.Trim())];

        public IElement Row(string text) => Cut.FindAll("[data-testid=question-row]").Single(r => r.TextContent.Contains(text, StringComparison.Ordinal));

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }

    async Task<(Page Page, Guid BusinessId)> OpenAsync(string plan)
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync(plan);
        var host = ComponentHost.ForOwner(fx, businessId, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        host.Render<MudPopoverProvider>();
        var dialogs = host.Render<MudDialogProvider>();
        var snackbars = host.Render<MudSnackbarProvider>();
        var cut = host.Render<Questions>();
        // The first render reads the database; on a busy machine that can take more than bUnit's default second.
        await cut.WaitForAssertionAsync(() => Assert.Equal(5, cut.FindAll("[data-testid=question-row]").Count), s_wait);
        return (new Page(host, dialogs, snackbars, cut), businessId);
    }

    Task<string> OrderInDatabaseAsync(Guid businessId) => fx.Database.ScalarAsync<string>(
        $"SELECT string_agg(question_text, '|' ORDER BY \"order\") FROM lead_capture_questions WHERE business_id = '{businessId}'");

    /// <summary>The page shows a move before its save has committed; on a busy machine the row order lands a moment later.</summary>
    async Task AssertOrderInDatabaseAsync(Guid businessId, string expected)
    {
        var deadline = DateTime.UtcNow + s_wait;
        var actual = await OrderInDatabaseAsync(businessId);
        while (actual != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            actual = await OrderInDatabaseAsync(businessId);
        }

        Assert.Equal(expected, actual);
    }

    static async Task ClickButtonAsync(IRenderedComponent<MudSnackbarProvider> snackbars, string text) =>
        (await snackbars.WaitForElementsAsync("button", s_wait)).Single(b => b.TextContent.Trim() == text).Click();

    [Fact]
    public async Task The_dialog_says_what_is_wrong_while_typing_and_Save_waits_for_a_valid_change()
    {
        var (page, businessId) = await OpenAsync("BASIC");
        await using var _ = page;

        page.Row(Problem).QuerySelectorAll("[data-testid=question-edit]").Single().Click();
        var dialog = page.Dialogs;
        await dialog.WaitForElementAsync("[data-testid=question-dialog] textarea", s_wait);
        var save = () => dialog.Find("[data-testid=question-save]");
        Assert.True(save().HasAttribute("disabled"), "nothing changed yet");

        dialog.Find("textarea").Input("   ");
        await dialog.WaitForAssertionAsync(() => Assert.Contains("Question can't be empty.", dialog.Markup, StringComparison.Ordinal), s_wait);
        Assert.True(save().HasAttribute("disabled"));

        dialog.Find("textarea").Input(new string('a', 501));
        await dialog.WaitForAssertionAsync(() => Assert.Contains("Question can be at most 500 characters; it has 501.", dialog.Markup, StringComparison.Ordinal), s_wait);
        Assert.DoesNotContain("can't be empty", dialog.Markup, StringComparison.Ordinal);
        Assert.True(save().HasAttribute("disabled"));

        dialog.Find("textarea").Input("What's going on with your plumbing?");
        await dialog.WaitForAssertionAsync(() => Assert.False(save().HasAttribute("disabled")), s_wait);
        Assert.DoesNotContain("characters", dialog.Markup, StringComparison.Ordinal);

        // Typing the saved text back is no change: Save waits again.
        dialog.Find("textarea").Input(Problem);
        await dialog.WaitForAssertionAsync(() => Assert.True(save().HasAttribute("disabled")), s_wait);

        dialog.Find("textarea").Input("What's going on with your plumbing?");
        await dialog.WaitForAssertionAsync(() => Assert.False(save().HasAttribute("disabled")), s_wait);
        save().Click();

        await page.Cut.WaitForAssertionAsync(() => Assert.Equal([Name, Phone, Address, "What's going on with your plumbing?", Email], page.Shown()), s_wait);
        await page.Snackbars.WaitForAssertionAsync(() => Assert.Contains("Question saved.", page.Snackbars.Markup, StringComparison.Ordinal), s_wait);
        Assert.Empty(dialog.FindAll("[data-testid=question-dialog]"));
        await AssertOrderInDatabaseAsync(businessId, string.Join('|', Name, Phone, Address, "What's going on with your plumbing?", Email));
    }

    [Fact]
    public async Task Delete_asks_first_and_Undo_puts_the_question_back_where_it_was()
    {
        var (page, businessId) = await OpenAsync("BASIC");
        await using var _ = page;
        var all = string.Join('|', Name, Phone, Address, Problem, Email);

        page.Row(Address).QuerySelector("[data-testid=question-delete]")!.Click();
        await page.Dialogs.WaitForAssertionAsync(() => Assert.Contains("Your agent will stop asking “What is the address where you need the work done?”", page.Dialogs.Markup, StringComparison.Ordinal), s_wait);
        page.Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Keep it").Click();
        await page.Dialogs.WaitForAssertionAsync(() => Assert.DoesNotContain("stop asking", page.Dialogs.Markup, StringComparison.Ordinal), s_wait);
        Assert.Equal(5, page.Shown().Count);
        await AssertOrderInDatabaseAsync(businessId, all);

        page.Row(Address).QuerySelector("[data-testid=question-delete]")!.Click();
        (await page.Dialogs.WaitForElementsAsync("button", s_wait)).Single(b => b.TextContent.Trim() == "Delete question").Click();
        await page.Cut.WaitForAssertionAsync(() => Assert.Equal([Name, Phone, Problem, Email], page.Shown()), s_wait);
        await AssertOrderInDatabaseAsync(businessId, string.Join('|', Name, Phone, Problem, Email));
        Assert.Equal("Question deleted. 4 left.", page.Cut.Find("[data-testid=questions-announcement]").TextContent.Trim());

        await ClickButtonAsync(page.Snackbars, "Undo");
        await page.Cut.WaitForAssertionAsync(() => Assert.Equal([Name, Phone, Address, Problem, Email], page.Shown()), s_wait);
        await AssertOrderInDatabaseAsync(businessId, all);
        Assert.Equal("Question put back at position 3 of 5.", page.Cut.Find("[data-testid=questions-announcement]").TextContent.Trim());
    }

    [Fact]
    public async Task Keyboard_and_arrow_moves_are_saved_at_once_announced_and_undoable()
    {
        var (page, businessId) = await OpenAsync("BASIC");
        await using var _ = page;

        // Alt+↓ on a focused question's button moves it down one place.
        // (Found and pressed inside the retry: the list may re-render between the two while it settles after loading.)
        await page.Cut.WaitForAssertionAsync(() => page.Row(Name).KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "ArrowDown", AltKey = true }), s_wait);
        await page.Cut.WaitForAssertionAsync(() => Assert.Equal([Phone, Name, Address, Problem, Email], page.Shown()), s_wait);
        await page.Cut.WaitForAssertionAsync(() => Assert.Equal("Moved to position 2 of 5.", page.Cut.Find("[data-testid=questions-announcement]").TextContent.Trim()), s_wait);
        await AssertOrderInDatabaseAsync(businessId, string.Join('|', Phone, Name, Address, Problem, Email));

        // Without Alt the arrow keys are left alone.
        await page.Cut.WaitForAssertionAsync(() => page.Row(Name).KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "ArrowDown" }), s_wait);
        Assert.Equal([Phone, Name, Address, Problem, Email], page.Shown());

        // The "move up" button of the last question; the first question's "move up" is disabled.
        await page.Cut.WaitForAssertionAsync(() => page.Row(Email).QuerySelector("[data-testid=question-up]")!.Click(), s_wait);
        await page.Cut.WaitForAssertionAsync(() => Assert.Equal([Phone, Name, Address, Email, Problem], page.Shown()), s_wait);
        await page.Cut.WaitForAssertionAsync(() => Assert.Equal("Moved to position 4 of 5.", page.Cut.Find("[data-testid=questions-announcement]").TextContent.Trim()), s_wait);
        Assert.True(page.Row(Phone).QuerySelector("[data-testid=question-up]")!.HasAttribute("disabled"));
        Assert.True(page.Row(Problem).QuerySelector("[data-testid=question-down]")!.HasAttribute("disabled"));
        await AssertOrderInDatabaseAsync(businessId, string.Join('|', Phone, Name, Address, Email, Problem));

        // Undo puts back the order before the last move; only one move snackbar is shown at a time.
        await page.Snackbars.WaitForAssertionAsync(() => Assert.Single(page.Snackbars.FindAll("button"), b => b.TextContent.Trim() == "Undo"), s_wait);
        await ClickButtonAsync(page.Snackbars, "Undo");
        await page.Cut.WaitForAssertionAsync(() => Assert.Equal([Phone, Name, Address, Problem, Email], page.Shown()), s_wait);
        await page.Cut.WaitForAssertionAsync(() => Assert.StartsWith("Order put back.", page.Cut.Find("[data-testid=questions-announcement]").TextContent.Trim(), StringComparison.Ordinal), s_wait);
        await AssertOrderInDatabaseAsync(businessId, string.Join('|', Phone, Name, Address, Problem, Email));
    }

    [Fact]
    public async Task A_free_owner_at_the_limit_sees_the_way_to_more_and_can_add_after_deleting_one()
    {
        var (page, _) = await OpenAsync("FREE");
        await using var _ = page;

        var limit = page.Cut.Find("[data-testid=question-limit]");
        Assert.Contains("5 of 5 questions on the Free plan.", limit.TextContent, StringComparison.Ordinal);
        Assert.Equal("/upgrade/unlimited-questions", limit.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("move to Basic", limit.TextContent, StringComparison.Ordinal);
        Assert.True(page.Cut.Find("[data-testid=question-add]").HasAttribute("disabled"));

        page.Row(Email).QuerySelector("[data-testid=question-delete]")!.Click();
        (await page.Dialogs.WaitForElementsAsync("button", s_wait)).Single(b => b.TextContent.Trim() == "Delete question").Click();
        await page.Cut.WaitForAssertionAsync(() => Assert.Contains("4 of 5 questions on the Free plan.", page.Cut.Find("[data-testid=question-limit]").TextContent, StringComparison.Ordinal), s_wait);
        Assert.Empty(page.Cut.Find("[data-testid=question-limit]").QuerySelectorAll("a"));
        Assert.False(page.Cut.Find("[data-testid=question-add]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_basic_owner_has_no_limit_and_the_preview_asks_in_order_with_the_phone_read_back_on_calls()
    {
        var (page, _) = await OpenAsync("BASIC");
        await using var _ = page;

        Assert.Empty(page.Cut.FindAll("[data-testid=question-limit]"));
        var chat = page.Cut.FindAll("[data-testid=preview-agent]").Select(e => e.TextContent).ToList();
        Assert.Equal(6, chat.Count);
        Assert.Contains(Name, chat[0], StringComparison.Ordinal);
        Assert.Contains("Thanks. " + Phone, chat[1], StringComparison.Ordinal);
        Assert.DoesNotContain(page.Cut.FindAll("[data-testid=preview-agent]"), e => e.TextContent.Contains("as your number", StringComparison.Ordinal));

        page.Cut.FindAll("[data-testid=preview-channel] button").Single(b => b.TextContent.Contains("On the phone", StringComparison.Ordinal)).Click();
        await page.Cut.WaitForAssertionAsync(() => Assert.Contains(page.Cut.FindAll("[data-testid=preview-agent]"),
            e => e.TextContent.Contains("I have 5 5 5, 1 2 3, 4 5 6 7 as your number. Is that right?", StringComparison.Ordinal)), s_wait);
        Assert.Contains("Then it hangs up.", page.Cut.FindAll("[data-testid=preview-agent]").Last().TextContent, StringComparison.Ordinal);
        Assert.Contains("Answering calls comes with the Pro plan", page.Cut.Find("[data-testid=preview-voice-plan]").TextContent, StringComparison.Ordinal);

        // After moving the phone question first, the preview asks it first.
        page.Row(Phone).QuerySelector("[data-testid=question-up]")!.Click();
        await page.Cut.WaitForAssertionAsync(() => Assert.Contains(Phone, page.Cut.FindAll("[data-testid=preview-agent]")[0].TextContent, StringComparison.Ordinal), s_wait);
    }
}
