using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>How a website chat ends: at once and completed when the visitor says goodbye, and named as soon as they say who they are.</summary>
public class ChatEndingTests(ChatEndingTests.Fixture fx) : IClassFixture<ChatEndingTests.Fixture>
{
    public sealed class Fixture : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?> { ["Sessions:SweepSeconds"] = "3600" };
    }

    static async Task<JsonNode> SendAsync(HttpClient http, Guid businessId, string? sessionId, string message)
    {
        var response = await http.PostAsJsonAsync("/api/chat", new { businessId, sessionId, message }, TestContext.Current.CancellationToken);
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    async Task<List<LiveEvent>> EndedEventsAsync(Func<Task> act)
    {
        var seen = new List<LiveEvent>();
        using var _ = fx.App.Services.GetRequiredService<ILiveEvents>().Subscribe(e =>
        {
            lock (seen)
            {
                seen.Add(e);
            }

            return Task.CompletedTask;
        });
        await act();
        lock (seen)
        {
            return [.. seen.Where(e => e.Type == LiveEvent.SessionEnded)];
        }
    }

    [Theory]
    [InlineData("bye")]
    [InlineData("thanks, that's all")]
    public async Task A_chat_ended_by_goodbye_is_completed_and_leaves_the_active_list_at_once(string goodbye)
    {
        var (businessId, _, _) = await fx.CreateBusinessAsync("PRO");
        var http = fx.Anonymous();
        var sessionId = (await SendAsync(http, businessId, null, "what are your opening hours?"))["sessionId"]!.GetValue<string>();
        var store = fx.App.Services.GetRequiredService<ISessionStore>();
        Assert.Single(await store.ActiveAsync(businessId, TestContext.Current.CancellationToken));

        var ended = await EndedEventsAsync(() => SendAsync(http, businessId, sessionId, goodbye));

        Assert.Empty(await store.ActiveAsync(businessId, TestContext.Current.CancellationToken));
        Assert.Contains(ended, e => e.SessionId == sessionId);
        Assert.Equal("COMPLETED", await fx.Database.ScalarAsync<string>($"SELECT status FROM conversations WHERE session_id = '{sessionId}'"));
    }

    [Fact]
    public async Task Thanks_after_the_request_is_taken_ends_the_chat_as_completed_with_its_lead()
    {
        var (businessId, _, _) = await fx.CreateBusinessAsync("BASIC");
        var http = fx.Anonymous();
        var sessionId = (await SendAsync(http, businessId, null, "My kitchen sink is clogged"))["sessionId"]!.GetValue<string>();
        await SendAsync(http, businessId, sessionId, "Dana Scully");
        await SendAsync(http, businessId, sessionId, "(555) 242-1313");
        await SendAsync(http, businessId, sessionId, "42 Oak Street, Springfield");
        var done = await SendAsync(http, businessId, sessionId, "dana@example.com");
        Assert.True(done["leadCaptured"]!.GetValue<bool>());
        Assert.Single(await fx.App.Services.GetRequiredService<ISessionStore>().ActiveAsync(businessId, TestContext.Current.CancellationToken));

        var bye = await SendAsync(http, businessId, sessionId, "great, thank you!");

        Assert.Contains("Have a great day", bye["reply"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await fx.App.Services.GetRequiredService<ISessionStore>().ActiveAsync(businessId, TestContext.Current.CancellationToken));
        Assert.Equal("COMPLETED|true", await fx.Database.ScalarAsync<string>(
            $"SELECT status || '|' || (lead_id IS NOT NULL)::text FROM conversations WHERE session_id = '{sessionId}'"));
    }

    [Fact]
    public async Task The_live_session_knows_the_visitors_name_as_soon_as_they_give_it()
    {
        var (businessId, _, _) = await fx.CreateBusinessAsync("PRO");
        var http = fx.Anonymous();
        var sessionId = (await SendAsync(http, businessId, null, "My kitchen sink is clogged"))["sessionId"]!.GetValue<string>();
        var store = fx.App.Services.GetRequiredService<ISessionStore>();
        Assert.Null((await store.GetAsync(sessionId, TestContext.Current.CancellationToken))!.CallerName);

        await SendAsync(http, businessId, sessionId, "Dana Scully");

        Assert.Equal("Dana Scully", (await store.GetAsync(sessionId, TestContext.Current.CancellationToken))!.CallerName);
    }

    [Fact]
    public async Task A_chat_swept_as_idle_lasts_until_its_last_message_not_until_the_sweep()
    {
        var (businessId, _, _) = await fx.CreateBusinessAsync("PRO");
        var http = fx.Anonymous();
        var sessionId = (await SendAsync(http, businessId, null, "do you fix boilers?"))["sessionId"]!.GetValue<string>();
        var store = fx.App.Services.GetRequiredService<ISessionStore>();
        var lastActivity = DateTimeOffset.UtcNow.AddHours(-2);
        await store.UpdateAsync(sessionId, s =>
        {
            s.StartedAt = lastActivity.AddMinutes(-3);
            s.LastActivityAt = lastActivity;
            return Task.FromResult(true);
        }, TestContext.Current.CancellationToken);

        await fx.App.Services.GetRequiredService<SessionMaintenanceWorker>().SweepAsync(TestContext.Current.CancellationToken);

        Assert.Equal(180, await fx.Database.ScalarAsync<int>(
            $"SELECT extract(epoch FROM ended_at - started_at)::int FROM conversations WHERE session_id = '{sessionId}'"));
    }
}
