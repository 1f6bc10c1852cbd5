using System.Collections.Concurrent;
using System.Text.Json;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Conversations;
using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>
/// Two instances take turns of one session at the same moment, so one instance's session update is overtaken and
/// re-run: the language model is still paid once per turn and the lead is stored and announced once.
/// </summary>
public class RacingTurnTests(RacingTurnTests.TwoInstancesWithModel fx) : IClassFixture<RacingTurnTests.TwoInstancesWithModel>
{
    /// <summary>The message whose model answer is slow, so the other instance's turn commits while it waits.</summary>
    const string SlowMessage = "12 Oak Street, Springfield";

    /// <summary>Instances A and B on one database and Redis, both asking a fake OpenAI that counts chat requests.</summary>
    public sealed class TwoInstancesWithModel : PlatformFixture
    {
        public FakeHttpServer Model { get; private set; } = null!;

        public AppFactory B { get; private set; } = null!;

        public int ChatRequests => Model.Requests.Count(r => r.PathAndQuery.EndsWith("/chat/completions", StringComparison.Ordinal));

        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Sessions:SweepSeconds"] = "3600",
            ["OpenAI:ApiKey"] = "sk-test",
            ["OpenAI:Model"] = "gpt-test",
            ["OpenAI:BaseUrl"] = Model.BaseUrl + "/v1",
        };

        public override async ValueTask InitializeAsync()
        {
            Model = await FakeHttpServer.StartAsync(AnswerAsync);
            await base.InitializeAsync();
            B = new AppFactory(Database, Overrides);
            _ = B.Services;
        }

        static async Task AnswerAsync(FakeHttpServer.RecordedRequest request, HttpContext ctx)
        {
            if (!request.PathAndQuery.EndsWith("/chat/completions", StringComparison.Ordinal))
            {
                ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await Task.Delay(LastUserMessage(request.Body) == SlowMessage ? 1500 : 100, ctx.RequestAborted);
            await ctx.Response.WriteAsync(OpenAIModelTests.Completion("""{"intents":[],"entities":[],"priority":"LOW","reasons":[],"reply":null}"""), ctx.RequestAborted);
        }

        public override async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await base.DisposeAsync();
            await Model.DisposeAsync();
        }
    }

    /// <summary>The words of the last message of a chat completion request (a string, or text parts).</summary>
    static string? LastUserMessage(string body)
    {
        using var doc = JsonDocument.Parse(body);
        var content = doc.RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? content.GetString()
            : string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : null));
    }

    /// <summary>The chat completion requests made for a turn with these words.</summary>
    IEnumerable<FakeHttpServer.RecordedRequest> RequestsFor(string message) =>
        fx.Model.Requests.Where(r => r.PathAndQuery.EndsWith("/chat/completions", StringComparison.Ordinal) && LastUserMessage(r.Body) == message);

    static ConversationService Conversations(AppFactory app) => app.Services.GetRequiredService<ConversationService>();

    [Fact]
    public async Task Two_instances_racing_one_session_call_the_model_once_per_turn_and_announce_the_lead_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var (businessId, _, _) = await fx.CreateBusinessAsync("PRO");
        var profile = (await fx.App.Services.GetRequiredService<BusinessDirectory>().GetAsync(businessId, ct))!;
        var captured = new ConcurrentQueue<LiveEvent>();
        var id = "race-" + Guid.NewGuid();
        // A hears its own events directly and B's over Redis: one subscription sees every lead.captured once.
        using var _ = fx.App.Services.GetRequiredService<ILiveEvents>().Subscribe(e =>
        {
            if (e.Type == LiveEvent.LeadCaptured && e.SessionId == id)
            {
                captured.Enqueue(e);
            }

            return Task.CompletedTask;
        });
        var bus = fx.App.Services.GetRequiredService<RedisLiveEvents>();
        for (var i = 0; i < 50 && !bus.CrossInstance; i++)
        {
            await Task.Delay(100, ct);
        }

        var before = fx.ChatRequests;
        await Conversations(fx.App).StartAsync(profile, Channel.CHAT, id, new Dictionary<string, string>(), null, ct);
        await Conversations(fx.App).TurnAsync(id, "Help, a pipe burst and the kitchen is flooding", null, ct);
        await Conversations(fx.B).TurnAsync(id, "Maria Lopez", null, ct);
        await Conversations(fx.App).TurnAsync(id, "555 010 2233", null, ct);

        // A answers the last question and waits for the model inside its session update; B's side question, asked
        // meanwhile, is saved first, so A's update has to run again on B's version of the session.
        var slow = Conversations(fx.App).TurnAsync(id, SlowMessage, null, ct);
        for (var i = 0; i < 250 && !RequestsFor(SlowMessage).Any(); i++)
        {
            await Task.Delay(20, ct);
        }

        Assert.NotEmpty(RequestsFor(SlowMessage));
        var side = await Conversations(fx.B).TurnAsync(id, "what are your hours?", null, ct);
        var last = await slow;

        var session = await fx.B.Services.GetRequiredService<ISessionStore>().GetAsync(id, ct);
        Assert.Equal(["Help, a pipe burst and the kitchen is flooding", "Maria Lopez", "555 010 2233", "what are your hours?", SlowMessage],
            session!.History.Where(m => m.Role == "user").Select(m => m.Content));
        Assert.Contains("address", side!.Result.Reply, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(5, fx.ChatRequests - before);
        // The race happened: A asked the model before B's turn existed, and its turn was applied after B's.
        Assert.DoesNotContain("what are your hours?", Assert.Single(RequestsFor(SlowMessage)).Body, StringComparison.Ordinal);
        // Turns that move between instances without racing still show the model the conversation as it stands.
        Assert.Contains("Maria Lopez", Assert.Single(RequestsFor("555 010 2233")).Body, StringComparison.Ordinal);

        for (var i = 0; i < 30 && captured.IsEmpty; i++)
        {
            await Task.Delay(100, ct);
        }

        // Time for a second announcement, should one be on its way over Redis.
        await Task.Delay(500, ct);
        Assert.Equal(session.LeadId, Assert.Single(captured).Data!.Value.GetProperty("leadId").GetGuid());
        Assert.True(last!.LeadCreated);
        Assert.Equal(session.LeadId, last.LeadId);
        Assert.Null(session.PendingLead);
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM leads WHERE session_id = '{id}'"));
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM notifications n JOIN leads l ON l.id = n.lead_id WHERE l.session_id = '{id}' AND n.kind = 'OWNER_EMAIL'"));
    }
}
