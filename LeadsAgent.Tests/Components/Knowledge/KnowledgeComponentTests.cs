using AngleSharp.Dom;
using Bunit;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Application.Knowledge;
using LeadsAgent.Web.Components.Pages.Knowledge;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace LeadsAgent.Tests.Components.Knowledge;

/// <summary>The knowledge page's parts over the real app services: forms, dialogs, file preview, the test box and plan limits.</summary>
public class KnowledgeComponentTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    // Two cores are shared with the database and other test runs: a page's first load can take seconds.
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    static async Task<ComponentHost> HostAsync(PlatformFixture fx, string plan, Func<ComponentHost, Task>? seed = null)
    {
        var (id, _, email) = await fx.CreateBusinessAsync(plan);
        var host = ComponentHost.ForOwner(fx, id, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        if (seed is not null)
        {
            await seed(host);
        }

        return host;
    }

    static IElement Field<T>(IRenderedComponent<T> cut, string testId) where T : IComponent
    {
        var element = cut.Find($"[data-testid={testId}]");
        return element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input, textarea")!;
    }

    /// <summary>The element's text as a reader sees it (line breaks of the markup are spaces).</summary>
    static string Words(IElement element) => System.Text.RegularExpressions.Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    static IElement Button<T>(IRenderedComponent<T> cut, string testId) where T : IComponent => cut.Find($"button[data-testid={testId}]");

    Task<long> CountAsync(string table, Guid businessId) =>
        fx.Database.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE business_id = '{businessId}'");

    /// <summary>The page can show a change a moment before its transaction commits on a busy machine.</summary>
    async Task WaitForCountAsync(long expected, Guid businessId)
    {
        var deadline = DateTime.UtcNow + Wait;
        var actual = await CountAsync("knowledge_documents", businessId);
        while (actual != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            actual = await CountAsync("knowledge_documents", businessId);
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task The_entry_form_says_what_is_wrong_while_typing_and_saves_only_a_valid_change()
    {
        await using var host = await HostAsync(fx, "FREE");
        var saved = new List<Guid>();
        var cut = host.Render<KnowledgeEntryForm>(p => p.Add(f => f.OnSaved, (Guid id) => saved.Add(id)));

        Assert.True(Button(cut, "save").HasAttribute("disabled"), "nothing typed yet: Save is off");
        Field(cut, "entry-title").Input(new string('x', 301));
        cut.WaitForAssertion(() => Assert.Contains("The title can be at most 300 characters; it has 301.", cut.Markup, StringComparison.Ordinal), Wait);
        Assert.True(Button(cut, "save").HasAttribute("disabled"));

        Field(cut, "entry-title").Input("Do you charge a call-out fee?");
        cut.WaitForAssertion(() => Assert.DoesNotContain("at most 300 characters", cut.Markup, StringComparison.Ordinal), Wait);
        Field(cut, "entry-content").Input("   ");
        cut.WaitForAssertion(() => Assert.Contains("The answer can't be empty.", cut.Markup, StringComparison.Ordinal), Wait);
        Assert.True(Button(cut, "save").HasAttribute("disabled"), "an empty answer keeps Save off");
        Assert.Contains("Fix the fields marked in red to save.", cut.Markup, StringComparison.Ordinal);

        Field(cut, "entry-content").Input("Yes: **$89**, waived when you book the repair.");
        cut.WaitForAssertion(() => Assert.False(Button(cut, "save").HasAttribute("disabled")), Wait);
        Button(cut, "save").Click();

        cut.WaitForAssertion(() => Assert.Single(saved), Wait);
        Assert.Equal("Yes: **$89**, waived when you book the repair.",
            await fx.Database.ScalarAsync<string>($"SELECT content FROM knowledge_documents WHERE id = '{saved[0]}'"));
        cut.WaitForAssertion(() => Assert.True(Button(cut, "save").HasAttribute("disabled"), "saved: nothing left to save"), Wait);
    }

    [Fact]
    public void The_markdown_preview_renders_formatting_but_no_html_or_script_links()
    {
        var html = KnowledgeMarkdown.Html("# Prices\n- **Call-out** fee: $89\n<script>alert(1)</script>\n\n[click](javascript:alert(1)) [site](https://example.com) ![x](https://evil.example/p.png)");

        Assert.Contains("<h1>Prices</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Call-out</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_asks_first_and_undo_puts_the_entry_back()
    {
        await using var host = await HostAsync(fx, "BASIC", h => h.Get<SaveKnowledgeEntry>().HandleAsync(null, "Opening hours", "Monday to Friday, 8am to 6pm.", Ct));
        var dialogs = host.Render<MudDialogProvider>();
        var snackbars = host.Render<MudSnackbarProvider>();
        host.Render<MudPopoverProvider>();
        var cut = host.Render<LeadsAgent.Web.Components.Pages.Knowledge.Knowledge>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-entry]")), Wait);

        cut.WaitForAssertion(() => Button(cut, "delete").Click(), Wait);
        dialogs.WaitForAssertion(() => Assert.Contains("Delete “Opening hours”?", dialogs.Markup, StringComparison.Ordinal), Wait);
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Keep it").Click(), Wait);
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Delete “Opening hours”?", dialogs.Markup, StringComparison.Ordinal), Wait);
        Assert.Equal(1, await CountAsync("knowledge_documents", host.BusinessId));

        cut.WaitForAssertion(() => Button(cut, "delete").Click(), Wait);
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click(), Wait);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=empty]")), Wait);
        await WaitForCountAsync(0, host.BusinessId);

        snackbars.WaitForAssertion(() => Assert.Contains("Deleted “Opening hours”.", snackbars.Markup, StringComparison.Ordinal), Wait);
        snackbars.WaitForAssertion(() => snackbars.FindAll("button").Single(b => b.TextContent.Trim() == "Undo").Click(), Wait);
        cut.WaitForAssertion(() => Assert.Contains("Opening hours", cut.Find("[data-entry]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("Monday to Friday, 8am to 6pm.", await fx.Database.ScalarAsync<string>($"SELECT content FROM knowledge_documents WHERE business_id = '{host.BusinessId}'"));
    }

    [Fact]
    public async Task An_upload_with_a_bad_row_shows_the_rows_and_the_problem_and_stores_nothing()
    {
        await using var host = await HostAsync(fx, "BASIC");
        host.Render<MudSnackbarProvider>();
        var imported = new List<int>();
        var cut = host.Render<KnowledgeFileImport>(p => p.Add(c => c.OnImported, (int n) => imported.Add(n)));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "question,answer\nDo you work weekends?,Saturdays 8 to 2.\nCall-out fee?,\nDo you fix boilers?,\"Yes, all makes.\"\n", "faq.csv"));

        cut.WaitForAssertion(() => Assert.Equal("1 row of 3 in “faq.csv” needs fixing. Nothing has been saved: correct the file and choose it again.",
            cut.Find("[data-testid=import-summary]").TextContent.Trim()), Wait);
        var bad = cut.Find("[data-row='3']");
        Assert.Equal("true", bad.GetAttribute("data-bad"));
        Assert.Contains("Call-out fee?", bad.TextContent, StringComparison.Ordinal);
        Assert.Contains("Row 3 needs both a question and an answer.", bad.TextContent, StringComparison.Ordinal);
        Assert.True(Button(cut, "import-confirm").HasAttribute("disabled"));
        await WaitForCountAsync(0, host.BusinessId);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "[{\"question\": \"Do you work weekends?\", \"answer\": \"Saturdays 8 to 2.\"}, {\"title\": \"Boilers\", \"content\": \"All makes.\"}]", "faq.json"));
        cut.WaitForAssertion(() => Assert.Equal("“faq.json”: 2 entries ready to import.", cut.Find("[data-testid=import-summary]").TextContent.Trim()), Wait);
        Assert.Equal(2, cut.FindAll("li[data-row]").Count);
        Button(cut, "import-confirm").Click();

        cut.WaitForAssertion(() => Assert.Equal([2], imported), Wait);
        Assert.Equal(2, await CountAsync("knowledge_documents", host.BusinessId));
    }

    [Fact]
    public async Task Test_a_question_shows_the_answer_with_its_passage_and_score_or_that_the_agent_does_not_know()
    {
        await using var host = await HostAsync(fx, "BASIC", h => h.Get<SaveKnowledgeEntry>().HandleAsync(null, "Call-out fee",
            "Our call-out fee is $89. It is waived when you book the repair with us.", Ct));
        var cut = host.Render<KnowledgeTestBox>();

        Field(cut, "test-input").Input("How much is your call-out fee?");
        Button(cut, "test-ask").Click();

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=test-result]").GetAttribute("data-knows")), Wait);
        Assert.Contains("$89", cut.Find("[data-testid=test-reply]").TextContent, StringComparison.Ordinal);
        Assert.Contains("From your entry: Call-out fee", cut.Find("[data-testid=test-passage]").TextContent, StringComparison.Ordinal);
        Assert.Matches(@"Match score [01]\.\d{4}", cut.Find("[data-testid=test-score]").TextContent);

        Field(cut, "test-input").Input("Do you sell garden gnomes?");
        Button(cut, "test-ask").Click();

        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("[data-testid=test-result]").GetAttribute("data-knows")), Wait);
        Assert.Contains("Your agent would say it doesn't know", cut.Find("[data-testid=test-unknown]").TextContent, StringComparison.Ordinal);
        Assert.Contains("I'm not sure about that", cut.Find("[data-testid=test-reply]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=test-passage]"));
        // A test is not a customer: nothing is counted as a question to answer.
        Assert.Equal(0, await CountAsync("knowledge_gaps", host.BusinessId));
    }

    [Fact]
    public async Task Free_shows_its_limit_locks_imports_behind_the_upgrade_path_and_says_what_to_add_first()
    {
        await using var host = await HostAsync(fx, "FREE");
        host.Render<MudPopoverProvider>();
        var cut = host.Render<LeadsAgent.Web.Components.Pages.Knowledge.Knowledge>();

        cut.WaitForAssertion(() => Assert.Contains("0 of 10 entries on the Free plan.", cut.Find("[data-testid=entry-limit]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("/upgrade/knowledge-base-management", cut.Find("[data-testid=entry-limit] a").GetAttribute("href"));
        Assert.Equal("/upgrade/knowledge-base-management", cut.Find("a[data-locked=file-import]").GetAttribute("href"));
        Assert.Equal("/upgrade/knowledge-base-management", cut.Find("a[data-locked=web-import]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=open-file-import]"));
        var empty = cut.Find("[data-testid=empty]").TextContent;
        Assert.Contains("Prices and call-out fee", empty, StringComparison.Ordinal);
        Assert.Contains("Opening hours", empty, StringComparison.Ordinal);
        Assert.Contains("Area you serve", empty, StringComparison.Ordinal);
        Assert.False(Button(cut, "add-entry").HasAttribute("disabled"));

        var save = host.Get<SaveKnowledgeEntry>();
        for (var i = 1; i <= 10; i++)
        {
            await save.HandleAsync(null, $"Question {i}", $"Answer number {i}.", Ct);
        }

        var full = host.Render<LeadsAgent.Web.Components.Pages.Knowledge.Knowledge>();
        full.WaitForAssertion(() => Assert.Contains("10 of 10 entries on the Free plan. You've reached the limit", Words(full.Find("[data-testid=entry-limit]")), StringComparison.Ordinal), Wait);
        Assert.True(Button(full, "add-entry").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Basic_has_no_limit_line_and_opens_both_imports()
    {
        await using var host = await HostAsync(fx, "BASIC");
        var cut = host.Render<LeadsAgent.Web.Components.Pages.Knowledge.Knowledge>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=empty]")), Wait);
        Assert.Empty(cut.FindAll("[data-testid=entry-limit]"));
        Assert.Empty(cut.FindAll("[data-locked]"));
        Button(cut, "open-file-import").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=file-import]")), Wait);
        Button(cut, "open-web-import").Click();
        cut.WaitForAssertion(() =>
        {
            Assert.NotNull(cut.Find("[data-testid=web-import]"));
            Assert.Empty(cut.FindAll("[data-testid=file-import]"));
        }, Wait);
    }
}
