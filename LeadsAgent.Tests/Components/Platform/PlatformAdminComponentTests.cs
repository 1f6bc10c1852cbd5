using AngleSharp.Dom;
using Bunit;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Application.Platform;
using LeadsAgent.Web.Components.Pages.Platform;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LeadsAgent.Tests.Components.Platform;

/// <summary>The platform admin's grid and dialogs, rendered over the real app services.</summary>
public class PlatformAdminComponentTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    static IElement Field(IRenderedComponent<MudDialogProvider> cut, string id) =>
        cut.FindAll($"input[data-testid={id}], textarea[data-testid={id}], [data-testid={id}] input, [data-testid={id}] textarea").First();

    static async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync<TDialog>(ComponentHost host, BusinessRow row)
        where TDialog : IComponent
    {
        var provider = host.Render<MudDialogProvider>();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await host.Services.GetRequiredService<IDialogService>()
            .ShowAsync<TDialog>("Dialog", new DialogParameters { ["Business"] = row }));
        return (provider, dialog!);
    }

    async Task<BusinessRow> RowAsync(ComponentHost host, Guid id) =>
        (await host.Get<PlatformQueries>().RowsAsync(Xunit.TestContext.Current.CancellationToken)).Single(r => r.Id == id);

    [Fact]
    public async Task The_grid_shows_plan_number_owner_leads_last_activity_and_status_and_search_narrows_it()
    {
        await using var host = ComponentHost.ForPlatformAdmin(fx);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        host.Render<MudPopoverProvider>();
        var now = DateTimeOffset.UtcNow;
        BusinessRow[] rows =
        [
            new(Guid.NewGuid(), "Acme Plumbing", BusinessType.PLUMBING, PlanTier.PRO, "+15552010001", "owner@acme.example", 7, now.AddHours(-2), false, null, now.AddDays(-40)),
            new(Guid.NewGuid(), "Bright Law", BusinessType.LAW, PlanTier.FREE, null, "partner@bright.example", 0, null, true, "Card declined", now.AddDays(-3)),
        ];

        var cut = host.Render<BusinessesGrid>(p => p.Add(g => g.Rows, rows));

        var headers = cut.FindAll("th").Select(h => h.TextContent.Trim()).ToList();
        foreach (var title in new[] { "Business", "Plan", "Twilio number", "Owner", "Leads this month", "Last activity", "Status" })
        {
            Assert.Contains(headers, h => h.StartsWith(title, StringComparison.Ordinal));
        }

        var acme = cut.FindAll("tr.mud-table-row").First(r => r.TextContent.Contains("Acme Plumbing", StringComparison.Ordinal)).TextContent;
        Assert.Contains("(555) 201-0001", acme, StringComparison.Ordinal);
        Assert.Contains("owner@acme.example", acme, StringComparison.Ordinal);
        Assert.Contains("2 h ago", acme, StringComparison.Ordinal);
        Assert.Contains("Active", acme, StringComparison.Ordinal);
        Assert.Contains("Pro", acme, StringComparison.Ordinal);
        var bright = cut.FindAll("tr.mud-table-row").First(r => r.TextContent.Contains("Bright Law", StringComparison.Ordinal)).TextContent;
        Assert.Contains("Not connected", bright, StringComparison.Ordinal);
        Assert.Contains("None yet", bright, StringComparison.Ordinal);
        Assert.Contains("Suspended", bright, StringComparison.Ordinal);
        Assert.Equal("2 businesses", cut.Find("[data-testid=business-count]").TextContent.Trim());
        Assert.Equal("Actions for Acme Plumbing", cut.FindAll("[data-testid=actions] button").First().GetAttribute("aria-label"));

        cut.Find("input[data-testid=search], [data-testid=search] input").Input("bright");
        cut.WaitForAssertion(() => Assert.Equal("1 of 2 businesses", cut.Find("[data-testid=business-count]").TextContent.Trim()));
        Assert.DoesNotContain("Acme Plumbing", cut.Find("tbody").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_change_plan_dialog_needs_a_reason_before_it_changes_anything()
    {
        var (id, _, _) = await fx.CreateBusinessAsync("FREE");
        await using var host = ComponentHost.ForPlatformAdmin(fx);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var row = await RowAsync(host, id);
        var popovers = host.Render<MudPopoverProvider>();
        var (cut, dialog) = await ShowAsync<ChangePlanDialog>(host, row);

        // The current plan is chosen: nothing to change yet.
        Assert.True(cut.Find("[data-testid=confirm]").HasAttribute("disabled"));
        cut.Find("[data-testid=plan]").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-list-item")));
        popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == "Pro").Click();

        // A plan but no reason: the reason field says so in words, and the plan stays.
        Field(cut, "reason").Input("   ");
        cut.WaitForAssertion(() => Assert.Contains("Reason for the change can't be empty.", cut.Markup, StringComparison.Ordinal));
        Assert.True(cut.Find("[data-testid=confirm]").HasAttribute("disabled"));
        Assert.Equal("FREE", await fx.Database.ScalarAsync<string>($"SELECT plan_tier FROM businesses WHERE id = '{id}'"));

        Field(cut, "reason").Input("Upgraded after a call with the owner");
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=confirm]").HasAttribute("disabled")));
        cut.Find("[data-testid=confirm]").Click();
        var result = await dialog.Result;
        Assert.Equal("Test PLUMBING FREE is now on the Pro plan.", result!.Data);
        Assert.Equal("PRO|Upgraded after a call with the owner", await fx.Database.ScalarAsync<string>(
            $"SELECT b.plan_tier || '|' || c.reason FROM businesses b JOIN plan_changes c ON c.business_id = b.id WHERE b.id = '{id}'"));
    }

    [Fact]
    public async Task The_suspend_dialog_cancels_without_a_change_and_confirms_only_with_a_reason()
    {
        var (id, _, _) = await fx.CreateBusinessAsync("BASIC");
        await using var host = ComponentHost.ForPlatformAdmin(fx);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var row = await RowAsync(host, id);

        var (cut, dialog) = await ShowAsync<SuspendDialog>(host, row);
        Assert.Contains("its chat widget answers that the business is unavailable right now", cut.Markup, StringComparison.Ordinal);
        Field(cut, "reason").Input("Asked by the owner");
        cut.Find("[data-testid=cancel]").Click();
        Assert.True((await dialog.Result)!.Canceled);
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM businesses WHERE id = '{id}' AND suspended_at IS NOT NULL"));

        (cut, dialog) = await ShowAsync<SuspendDialog>(host, row);
        cut.Find("[data-testid=confirm]").Click();
        cut.WaitForAssertion(() => Assert.Contains("The reason can't be empty.", cut.Markup, StringComparison.Ordinal));
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM businesses WHERE id = '{id}' AND suspended_at IS NOT NULL"));

        Field(cut, "reason").Input("Card declined twice");
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=confirm]").HasAttribute("disabled")));
        cut.Find("[data-testid=confirm]").Click();
        var result = await dialog.Result;
        Assert.False(result!.Canceled);
        Assert.Equal("Card declined twice", await fx.Database.ScalarAsync<string>($"SELECT suspension_reason FROM businesses WHERE id = '{id}'"));
        Assert.Equal(AppFactory.AdminEmail, await fx.Database.ScalarAsync<string>($"SELECT admin_email FROM admin_actions WHERE business_id = '{id}' AND kind = 'SUSPENDED'"));
    }
}
