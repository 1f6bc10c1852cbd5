using Bunit;
using Microsoft.AspNetCore.Components;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Components.Pages.Leads;

namespace LeadsAgent.Tests.Components.Leads;

public class LeadDetailTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task Shows_the_formatted_tappable_phone_the_answers_and_why_it_was_urgent()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("BASIC");
        var leadId = await new SeedLead("Maria Lopez", "+13125550147", "URGENT", "VOICE", Email: "maria@example.com",
            CapturedData: """{"job":{"question":"What is the problem?","value":"Burst pipe","utterance":"a pipe just burst in the kitchen"}}""",
            EmergencyReasons: """[{"rule":"burst_pipe","phrase":"pipe just burst"}]""",
            Transcript: "Caller: a pipe just burst in the kitchen\nAgent: I'm alerting the team now.",
            RecordingUrl: "https://recordings.example/rec1.mp3").InsertAsync(fx.Database, businessId);
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = host.Render<LeadDetail>(p => p.Add(c => c.Id, leadId));

        cut.WaitForAssertion(() => Assert.Equal("(312) 555-0147", cut.Find("[data-testid=contact-phone] a").TextContent.Trim()));
        Assert.Equal("tel:+13125550147", cut.Find("[data-testid=contact-phone] a").GetAttribute("href"));
        Assert.Equal("mailto:maria@example.com", cut.Find("a[href^='mailto:']").GetAttribute("href"));
        Assert.Contains("They said: “a pipe just burst in the kitchen”", cut.Find("[data-testid=answers]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Burst pipe (“pipe just burst”)", cut.Find("[data-testid=why-urgent]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("burst_pipe", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("URGENT", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("https://recordings.example/rec1.mp3", cut.Find("audio").GetAttribute("src"));
        Assert.Equal(2, cut.FindAll("[data-testid=transcript] .la-bubble").Count);
        Assert.Single(cut.FindAll("[data-testid=transcript] .la-bubble--agent"));
    }

    [Fact]
    public async Task Acknowledge_records_who_and_when_and_cancels_the_waiting_backup_call()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("BASIC");
        var leadId = await new SeedLead("Maria Lopez", "+13125550147", "URGENT", "VOICE").InsertAsync(fx.Database, businessId);
        var call = await SeedLead.PendingAlertCallAsync(fx.Database, businessId, leadId, escalation: true);
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = host.Render<LeadDetail>(p => p.Add(c => c.Id, leadId));
        cut.WaitForAssertion(() => Assert.True(cut.Markup.Contains("Waiting to call", StringComparison.Ordinal), cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid=acknowledged]"));

        cut.Find("[data-testid=lead-acknowledge]").Click();

        cut.WaitForAssertion(() => Assert.Contains($"Acknowledged by {email} at", cut.Find("[data-testid=acknowledged]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=lead-acknowledge]"));
        Assert.Contains("Not needed: the emergency was taken", cut.Find("[data-testid=alert-timeline]").TextContent, StringComparison.Ordinal);
        Assert.Equal("CANCELLED", await fx.Database.ScalarAsync<string>($"SELECT status FROM notifications WHERE id = '{call}'"));
        Assert.Equal(email, await fx.Database.ScalarAsync<string>($"SELECT alert_acknowledged_by FROM leads WHERE id = '{leadId}'"));
    }

    [Fact]
    public async Task The_calls_put_through_to_the_owner_show_on_the_timeline_with_how_each_ended()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("PRO");
        var leadId = await new SeedLead("Maria Lopez", "+13125550147", "NORMAL", "VOICE").InsertAsync(fx.Database, businessId);
        await fx.Database.ExecuteAsync($$"""
            UPDATE leads SET transfers = '[{"at":"2026-11-21T16:04:00+00:00","outcome":"DECLINED"},{"at":"2026-11-21T16:09:00+00:00","outcome":"CONNECTED"}]'::jsonb
            WHERE id = '{{leadId}}'
            """);
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = host.Render<LeadDetail>(p => p.Add(c => c.Id, leadId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=alert-timeline] li").Count(li => li.TextContent.Contains("Call put through to your phone", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(10));
        var timeline = cut.Find("[data-testid=alert-timeline]").TextContent;
        Assert.Contains("Declined", timeline, StringComparison.Ordinal);
        Assert.Contains("You answered but did not press 1. The caller went back to the agent, who offered a voicemail or a call-back.", timeline, StringComparison.Ordinal);
        Assert.Contains("Connected: you took the call", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("DECLINED", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("No email or call was needed", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_of_another_business_reads_as_not_found_with_a_way_back()
    {
        var (otherId, _, _) = await fx.CreateBusinessAsync("BASIC");
        var foreign = await new SeedLead("Secret Person").InsertAsync(fx.Database, otherId);
        var (businessId, _, email) = await fx.CreateBusinessAsync("BASIC");
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = host.Render<LeadDetail>(p => p.Add(c => c.Id, foreign));

        cut.WaitForAssertion(() => Assert.Equal("Lead not found", cut.Find("h1").TextContent.Trim()));
        Assert.NotNull(cut.Find("a[href='/leads']"));
        Assert.DoesNotContain("Secret Person", cut.Markup, StringComparison.Ordinal);
    }
}
