using Bunit;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Application.Analytics;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Components.Pages.Analytics;

namespace LeadsAgent.Tests.Components.Analytics;

public class AnalyticsPageTests(AnalyticsPageTests.Fixture fx) : IClassFixture<AnalyticsPageTests.Fixture>
{
    public sealed class Fixture : PlatformFixture
    {
        // Several chats from one test client in a few seconds: above a real visitor's burst, on purpose.
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?> { ["Chat:BurstPerClient"] = "1000" };
    }

    /// <summary>Two finished chats (one with a lead, one a question the agent could not answer) and one with a lead still going on.</summary>
    async Task<(Guid Id, string Email)> BusinessWithChatsAsync(PlanTier plan)
    {
        var (id, _, email) = await fx.CreateBusinessAsync(plan.ToString());
        await ChatSeeder.FinishedChatWithLeadAsync(fx, id);
        await ChatSeeder.FinishedChatWithoutLeadAsync(fx, id);
        await ChatSeeder.ChatAsync(fx, id, ChatSeeder.LeadChat);
        return (id, email);
    }

    static string Text(IRenderedComponent<AnalyticsPage> cut, string testId) => cut.Find($"[data-testid={testId}]").TextContent.Trim();

    [Theory]
    [InlineData(PlanTier.FREE)]
    [InlineData(PlanTier.BASIC)]
    [InlineData(PlanTier.PRO)]
    public async Task AnalyticsPage_PerPlan_ShowsWhatThePlanIncludesAndPreviewsTheRest(PlanTier plan)
    {
        var (id, email) = await BusinessWithChatsAsync(plan);
        await using var host = ComponentHost.ForOwner(fx, id, email);

        var cut = host.Render<AnalyticsPage>();
        cut.WaitForElement("[data-testid=period-text]", TimeSpan.FromSeconds(30));

        var basic = PlanRules.Allows(plan, PlanFeature.BasicAnalytics);
        var full = PlanRules.Allows(plan, PlanFeature.FullAnalytics);
        Assert.Equal(basic, cut.FindAll("[data-testid=conversations]").Count == 1);
        Assert.Equal(!basic, cut.FindAll("[data-locked=basic-analytics]").Count == 1);
        Assert.Equal(full, cut.FindAll("#full-analytics").Count == 1);
        Assert.Equal(!full, cut.FindAll("[data-locked=full-analytics]").Count == 1);
        if (!basic)
        {
            // The preview is the owner's own totals, greyed inside the locked card.
            var preview = cut.Find("[data-locked=basic-analytics] .la-preview");
            Assert.Contains("Conversion", preview.TextContent, StringComparison.Ordinal);
            Assert.Contains("50 %", preview.TextContent, StringComparison.Ordinal);
        }

        if (!full)
        {
            // The shape of the per-day chart, drawn from their data, with the way to upgrade.
            Assert.Single(cut.FindAll("[data-locked=full-analytics] .la-preview .la-chart"));
            Assert.NotEmpty(cut.FindAll("[data-locked=full-analytics] .la-preview .la-chart svg"));
            Assert.Contains("comes with Pro", cut.Find("[data-locked=full-analytics]").TextContent, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Do you fix pool pumps?", Text(cut, "unanswered"), StringComparison.Ordinal);
            Assert.Contains("Wants a job done", Text(cut, "intents"), StringComparison.Ordinal);
            Assert.DoesNotContain("service_request", cut.Markup, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnalyticsPage_WithRealChats_NumbersAddUp()
    {
        var (id, email) = await BusinessWithChatsAsync(PlanTier.PRO);
        await using var host = ComponentHost.ForOwner(fx, id, email);

        var cut = host.Render<AnalyticsPage>();
        cut.WaitForElement("[data-testid=conversations]", TimeSpan.FromSeconds(30));

        // Two chats ended; one of them left a lead. The third chat's lead is not counted until that chat ends, and the page says so.
        Assert.Equal("2", Text(cut, "conversations"));
        Assert.Equal("1", Text(cut, "leads"));
        Assert.Equal("50 %", Text(cut, "conversion"));
        Assert.Contains("1 more lead comes from a chat or call that is still going on", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(["Chat", "2", "1", "50 %"], cut.FindAll("[data-testid=channels] tbody tr:first-child > *").Select(c => c.TextContent.Trim()));
        Assert.Equal(["Phone", "0", "0", "—"], cut.FindAll("[data-testid=channels] tbody tr:nth-child(2) > *").Select(c => c.TextContent.Trim()));
        // Text messages (issue 18) are the third channel.
        Assert.Equal(["Text", "0", "0", "—"], cut.FindAll("[data-testid=channels] tbody tr:last-child > *").Select(c => c.TextContent.Trim()));

        // The per-day figures are the same conversations: the report the chart is drawn from sums to the totals.
        var clock = await host.Get<BusinessClockProvider>().GetAsync(Xunit.TestContext.Current.CancellationToken);
        var report = await host.Get<AnalyticsQueries>().ReportAsync(id, clock, 30, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal((2, 1), (report.PerDay.Sum(d => d.Conversations), report.PerDay.Sum(d => d.Leads)));
        Assert.Single(cut.FindAll("[data-testid=trend] .la-chart"));
        Assert.NotEmpty(cut.FindAll("[data-testid=trend] .la-chart svg"));

        // Ending the third chat moves its lead into the numbers: three conversations, two leads.
        var active = await fx.Database.ScalarAsync<string>($"SELECT session_id FROM leads WHERE business_id = '{id}' AND session_id NOT IN (SELECT session_id FROM conversations)");
        await ChatSeeder.EndAsync(fx, active);
        cut.Find("[data-testid=period] button:nth-of-type(1)").Click();
        cut.WaitForAssertion(() => Assert.Equal("3", Text(cut, "conversations")));
        Assert.Equal("2", Text(cut, "leads"));
        Assert.Equal("67 %", Text(cut, "conversion"));
        Assert.Empty(cut.FindAll("[data-testid=waiting-leads]"));
    }

    [Fact]
    public async Task AnalyticsPage_NoConversations_ShowsTheEmptyStateAndDrawsNoChart()
    {
        var (id, _, email) = await fx.CreateBusinessAsync("PRO");
        await using var host = ComponentHost.ForOwner(fx, id, email);

        var cut = host.Render<AnalyticsPage>();
        cut.WaitForElement("[data-testid=empty-state]", TimeSpan.FromSeconds(30));

        Assert.Contains("Your first numbers appear after your agent's first finished chat or call", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".la-chart, .mud-chart"));
        Assert.Empty(cut.FindAll("[data-testid=conversations]"));
    }

    [Fact]
    public async Task AnalyticsQueries_ConversationAt2330Local_CountsOnThatLocalDayNotTheUtcDay()
    {
        var (id, _, email) = await fx.CreateBusinessAsync("PRO");
        await fx.Database.ExecuteAsync($"UPDATE businesses SET time_zone = 'America/Chicago' WHERE id = '{id}'");
        var chicago = new BusinessClock("America/Chicago", TimeProvider.System);
        var yesterday = chicago.ToLocal(chicago.Now).Date.AddDays(-1);
        // 23:30 in Chicago is 04:30 or 05:30 UTC the next day: the UTC date is today, the owner's day is yesterday.
        var at = chicago.StartOfDay(yesterday).AddHours(23.5);
        Assert.NotEqual(DateOnly.FromDateTime(yesterday), DateOnly.FromDateTime(at.UtcDateTime));
        await fx.Database.ExecuteAsync($"""
            INSERT INTO conversations (id, business_id, session_id, channel, messages, analytics, status, started_at, ended_at)
            VALUES ('{Guid.CreateVersion7()}', '{id}', 'late-{Guid.NewGuid():N}', 'CHAT', '[]', '{"{}"}', 'ABANDONED', '{at.UtcDateTime:O}', '{at.UtcDateTime.AddMinutes(5):O}')
            """);
        await using var host = ComponentHost.ForOwner(fx, id, email);

        var clock = await host.Get<BusinessClockProvider>().GetAsync(Xunit.TestContext.Current.CancellationToken);
        var report = await host.Get<AnalyticsQueries>().ReportAsync(id, clock, 7, Xunit.TestContext.Current.CancellationToken);

        Assert.Equal("America/Chicago", clock.Zone.Id);
        var day = Assert.Single(report.PerDay, d => d.Conversations > 0);
        Assert.Equal(DateOnly.FromDateTime(yesterday), day.Day);
        var cut = host.Render<AnalyticsPage>();
        cut.WaitForElement("[data-testid=period-text]", TimeSpan.FromSeconds(30));
        Assert.Matches(@"your time \(C[SD]T\)", Text(cut, "period-text"));
    }
}
