using System.Net;
using System.Net.Http.Json;
using Bunit;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Components.Pages.Conversations;
using Microsoft.AspNetCore.Components;

namespace LeadsAgent.Tests.Components.Conversations;

/// <summary>The conversation page against the real app: a chat driven through /api/chat shows up live, without a reload.</summary>
public class WatchViewTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    async Task<string> SendAsync(HttpClient http, Guid businessId, string? sessionId, string message)
    {
        var response = await http.PostAsJsonAsync("/api/chat", new { businessId, sessionId, message }, Xunit.TestContext.Current.CancellationToken);
        var body = await response.JsonAsync(HttpStatusCode.OK);
        return body["sessionId"]!.GetValue<string>();
    }

    [Fact]
    public async Task The_watch_view_grows_with_each_message_names_the_visitor_and_ends_completed_on_bye()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("PRO");
        var http = fx.Anonymous();
        var sessionId = await SendAsync(http, businessId, null, "My kitchen sink is clogged");
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        host.SetRendererInfo(new RendererInfo("Server", true));

        var cut = host.Render<ConversationDetail>(p => p.Add(c => c.SessionId, sessionId));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=transcript] li").Count));
        Assert.Equal("Website visitor", cut.Find("[data-testid=caller]").TextContent);
        Assert.Contains("In progress", cut.Find("[data-testid=outcome]").TextContent, StringComparison.Ordinal);
        Assert.Contains("asking for their name", cut.Find("[data-testid=step]").TextContent, StringComparison.OrdinalIgnoreCase);

        await SendAsync(http, businessId, sessionId, "Dana Scully");

        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=transcript] li").Count));
        Assert.Contains("Dana Scully", cut.FindAll("[data-testid=transcript] li")[3].TextContent, StringComparison.Ordinal);
        Assert.Equal("Dana Scully", cut.Find("[data-testid=caller]").TextContent);
        Assert.Equal("Dana Scully", cut.Find("[data-field=Name]").TextContent.Trim());
        Assert.Contains("call-back number", cut.Find("[data-testid=step]").TextContent, StringComparison.Ordinal);

        await SendAsync(http, businessId, sessionId, "bye");

        cut.WaitForAssertion(() => Assert.Contains("Completed", cut.Find("[data-testid=outcome]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=live-note]"));
        Assert.Empty(cut.FindAll("[data-testid=step]"));
        Assert.Equal(7, cut.FindAll("[data-testid=transcript] li").Count);
    }

    [Fact]
    public async Task Another_business_conversation_is_not_found()
    {
        var (otherId, _, _) = await fx.CreateBusinessAsync("PRO");
        var sessionId = await SendAsync(fx.Anonymous(), otherId, null, "what are your hours?");
        var (businessId, _, email) = await fx.CreateBusinessAsync("PRO");
        await using var host = ComponentHost.ForOwner(fx, businessId, email);

        var cut = host.Render<ConversationDetail>(p => p.Add(c => c.SessionId, sessionId));
        await Task.Delay(500, Xunit.TestContext.Current.CancellationToken);

        Assert.Empty(cut.FindAll("[data-testid=transcript]"));
        Assert.DoesNotContain("opening hours", cut.Markup, StringComparison.Ordinal);
    }
}
