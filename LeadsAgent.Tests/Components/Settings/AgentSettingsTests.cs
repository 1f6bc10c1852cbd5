using Bunit;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Components.Pages.Settings;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Tests.Components.Settings;

public class AgentSettingsTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    static async Task<IRenderedComponent<AgentSettings>> RenderAsync(ComponentHost host)
    {
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        host.Render<MudPopoverProvider>();
        host.Render<MudSnackbarProvider>();
        var cut = host.Render<AgentSettings>();
        await cut.WaitForElementAsync("[data-testid=agent-form]", TimeSpan.FromSeconds(30));
        return cut;
    }

    static bool SaveEnabled(IRenderedComponent<AgentSettings> cut) => !cut.Find("[data-testid=save]").HasAttribute("disabled");

    static string Errors(IRenderedComponent<AgentSettings> cut, string testId) =>
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error .me-auto")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task Errors_show_while_typing_in_the_owners_words_and_Save_waits_for_a_valid_change()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("BASIC");
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        var cut = await RenderAsync(host);

        Assert.False(SaveEnabled(cut));
        Assert.Contains("All changes saved.", cut.Find("[data-testid=form-actions]").TextContent, StringComparison.Ordinal);

        await cut.Find("[data-testid=agent-name]").InputAsync("");
        await cut.WaitForAssertionAsync(() => Assert.Equal("Agent name can't be empty.", Errors(cut, "agent-name")));
        Assert.False(SaveEnabled(cut));
        Assert.Contains("Fix the fields marked in red", cut.Find("[data-testid=form-actions]").TextContent, StringComparison.Ordinal);

        await cut.Find("[data-testid=agent-name]").InputAsync("Ava");
        await cut.WaitForAssertionAsync(() => Assert.True(SaveEnabled(cut)));
        Assert.Equal("", Errors(cut, "agent-name"));

        await cut.Find("[data-testid=origins]").InputAsync("https://www.acme-plumbing.com\nacme.com/contact");
        await cut.WaitForAssertionAsync(() => Assert.Equal(
            "Not a website address: acme.com/contact. Write each one like https://www.example.com, with nothing after the name.", Errors(cut, "origins")));
        Assert.False(SaveEnabled(cut));

        await cut.Find("[data-testid=primary]").InputAsync("blue");
        await cut.WaitForAssertionAsync(() => Assert.Equal("Main colour must be a colour like #0ea5e9.", Errors(cut, "primary")));

        // The browser's colour picker replaces the bad value and clears its error.
        await cut.Find("[data-testid=primary-picker]").InputAsync("#112233");
        await cut.WaitForAssertionAsync(() => Assert.Equal("", Errors(cut, "primary")));
        Assert.Equal("#112233", cut.Find("[data-testid=primary]").GetAttribute("value"));
        await cut.Find("[data-testid=origins]").InputAsync("https://www.acme-plumbing.com\nhttps://acme.com/");
        await cut.WaitForAssertionAsync(() => Assert.True(SaveEnabled(cut)));

        await cut.Find("[data-testid=save]").ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.False(SaveEnabled(cut)));
        Assert.Contains("All changes saved.", cut.Find("[data-testid=form-actions]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Ava|#112233|[\"https://www.acme-plumbing.com\", \"https://acme.com\"]", await fx.Database.ScalarAsync<string>(
            $"SELECT agent_name || '|' || (color_theme->>'primary') || '|' || allowed_widget_origins::text FROM agent_configs WHERE business_id = '{businessId}'"));
    }

    [Fact]
    public async Task Undo_changes_puts_back_what_was_saved()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("FREE");
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        var cut = await RenderAsync(host);
        var saved = cut.Find("[data-testid=welcome]").GetAttribute("value");

        await cut.Find("[data-testid=welcome]").InputAsync("Hi! Leaking or cold?");
        await cut.WaitForAssertionAsync(() => Assert.True(SaveEnabled(cut)));
        await cut.Find("[data-testid=reset]").ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.False(SaveEnabled(cut)));
        Assert.Empty(cut.FindAll("[data-testid=reset]"));
        Assert.Equal(saved, cut.Find("[data-testid=welcome]").GetAttribute("value"));
    }

    [Fact]
    public async Task The_emergency_check_counts_the_unsaved_words_without_saving_them()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("BASIC");
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        var cut = await RenderAsync(host);

        await cut.Find("[data-testid=emergency-phrase]").InputAsync("my kitchen sink is clogged again");
        await cut.Find("[data-testid=emergency-check] button.mud-button-root").ClickAsync(new());
        // A clogged sink is something to fix soon under the ladder, not an emergency, until the owner says so.
        await cut.WaitForAssertionAsync(() => Assert.Equal("High", cut.Find("[data-testid=emergency-result] [data-priority]").TextContent.Trim()));

        await cut.Find("[data-testid=keywords]").InputAsync("kitchen sink");
        await cut.Find("[data-testid=emergency-check] button.mud-button-root").ClickAsync(new());
        await cut.WaitForAssertionAsync(() => Assert.Equal("Emergency", cut.Find("[data-testid=emergency-result] [data-priority]").TextContent.Trim()));
        Assert.Contains("Because of: one of your emergency words (“kitchen sink”)", cut.Find("[data-testid=emergency-result]").TextContent, StringComparison.Ordinal);
        Assert.Equal("[]", await fx.Database.ScalarAsync<string>($"SELECT extra_emergency_keywords::text FROM agent_configs WHERE business_id = '{businessId}'"));

        await cut.Find("[data-testid=emergency-phrase]").InputAsync("no gas smell, I want a fireplace insert");
        await cut.Find("[data-testid=emergency-check] button.mud-button-root").ClickAsync(new());
        await cut.WaitForAssertionAsync(() => Assert.Contains("Not counted: Gas leak", cut.Find("[data-testid=emergency-result]").TextContent, StringComparison.Ordinal));
        Assert.Contains("they say it isn't so", cut.Find("[data-testid=emergency-result]").TextContent, StringComparison.Ordinal);
    }
}
