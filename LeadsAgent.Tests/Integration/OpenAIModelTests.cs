using System.Diagnostics;
using System.Text.Json;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Ai;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Tests.Integration;

/// <summary>The real OpenAI SDK against a fake OpenAI-compatible server on loopback.</summary>
public class OpenAIModelTests
{
    internal static string Completion(string content) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-1",
        @object = "chat.completion",
        created = 1700000000,
        model = "gpt-test",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
    });

    static OpenAILanguageModel Model(FakeHttpServer server, int voiceTimeoutMs = 2500) => new(Options.Create(new OpenAIOptions
    {
        ApiKey = "sk-test",
        Model = "gpt-test",
        BaseUrl = server.BaseUrl + "/v1",
        VoiceTimeoutMs = voiceTimeoutMs,
        ChatTimeoutMs = 5000,
    }), NullLogger<OpenAILanguageModel>.Instance);

    static ModelRequest Request(string message, Channel channel = Channel.CHAT, IReadOnlyList<KnowledgePassage>? passages = null) =>
        new("Acme Plumbing", BusinessType.PLUMBING, "You are Ava.", channel, message, [], "lead_capture/asking", "What's your name?",
            passages ?? [], LeadPriority.NORMAL);

    [Fact]
    public async Task A_structured_answer_is_parsed_and_the_request_asks_for_strict_json()
    {
        await using var server = await FakeHttpServer.StartAsync((_, ctx) => ctx.Response.WriteAsync(Completion(
            """{"intents":[{"intent":"pricing","confidence":0.9}],"entities":[{"kind":"email","value":"a@b.co"}],"priority":"NORMAL","reasons":["asks for a price"],"reply":"A new heater is $1,450 installed."}""")));
        var passage = new KnowledgePassage(Guid.NewGuid(), "Prices", "Prices", "Water heaters cost $1,450 installed.", 0.5);

        var turn = await Model(server).InterpretAsync(Request("how much is a water heater?", passages: [passage]), TestContext.Current.CancellationToken);

        Assert.NotNull(turn);
        Assert.Equal(LeadPriority.NORMAL, turn.Priority);
        Assert.Equal("pricing", Assert.Single(turn.Intents).Intent);
        Assert.Equal("A new heater is $1,450 installed.", turn.Reply);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.PathAndQuery);
        Assert.Equal("Bearer sk-test", request.Headers["Authorization"]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("gpt-test", body.RootElement.GetProperty("model").GetString());
        Assert.Equal("json_schema", body.RootElement.GetProperty("response_format").GetProperty("type").GetString());
        Assert.True(body.RootElement.GetProperty("response_format").GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Contains("Water heaters cost $1,450 installed.", body.RootElement.GetProperty("messages")[0].GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_model_times_out_quickly_on_voice_and_gives_no_opinion()
    {
        await using var server = await FakeHttpServer.StartAsync(async (_, ctx) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
            await ctx.Response.WriteAsync(Completion("{}"));
        });
        var watch = Stopwatch.StartNew();

        var turn = await Model(server, voiceTimeoutMs: 300).InterpretAsync(Request("hello", Channel.VOICE), TestContext.Current.CancellationToken);

        Assert.Null(turn);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"waited {watch.Elapsed} for a 300 ms timeout");
    }

    [Fact]
    public async Task A_429_is_not_retried_and_gives_no_opinion()
    {
        await using var server = await FakeHttpServer.StartAsync((_, ctx) =>
        {
            ctx.Response.StatusCode = 429;
            return ctx.Response.WriteAsync("""{"error":{"message":"Rate limit","type":"requests","code":"rate_limit_exceeded"}}""");
        });

        Assert.Null(await Model(server).InterpretAsync(Request("hello"), TestContext.Current.CancellationToken));
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"intents":"nope"}""")]
    [InlineData("""{"intents":[],"entities":[],"priority":"CATASTROPHIC","reasons":[],"reply":null}""")]
    [InlineData("[1,2,3]")]
    public async Task Malformed_or_off_schema_json_gives_no_opinion(string content)
    {
        await using var server = await FakeHttpServer.StartAsync((_, ctx) => ctx.Response.WriteAsync(Completion(content)));
        Assert.Null(await Model(server).InterpretAsync(Request("hello"), TestContext.Current.CancellationToken));
    }

    static (ConversationEngine, TurnContext, ConversationSession) EngineWith(FakeHttpServer server)
    {
        var now = DateTimeOffset.UtcNow;
        var business = Business.Create("Acme", BusinessType.PLUMBING, PlanTier.PRO, now);
        var config = new AgentConfig { BusinessId = business.Id };
        config.AddQuestion(PlanTier.PRO, new LeadCaptureQuestion { QuestionText = "What's your name?", MapsToLeadField = LeadFields.ContactName, IsEssentialForEmergency = true }, now);
        config.AddQuestion(PlanTier.PRO, new LeadCaptureQuestion { QuestionText = "Best number?", ExpectedFormat = ExpectedFormat.PHONE, IsEssentialForEmergency = true }, now);
        var engine = new ConversationEngine(Model(server), new NoKnowledge());
        return (engine, new TurnContext(business, config, now), ConversationSession.Start("s1", business.Id, Channel.CHAT, now));
    }

    sealed class NoKnowledge : IKnowledgeRetriever
    {
        public Task<IReadOnlyList<KnowledgePassage>> RetrieveAsync(Guid businessId, string question, int limit, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<KnowledgePassage>>([]);
    }

    [Fact]
    public async Task The_model_cannot_lower_an_urgent_triage_nor_remove_the_safety_script()
    {
        await using var server = await FakeHttpServer.StartAsync((_, ctx) => ctx.Response.WriteAsync(Completion(
            """{"intents":[{"intent":"other","confidence":0.9}],"entities":[],"priority":"LOW","reasons":["sounds fine"],"reply":"<speak>No worries at all!</speak>"}""")));
        var (engine, ctx, session) = EngineWith(server);

        var result = await engine.HandleAsync(session, "I smell gas in the kitchen", ctx, TestContext.Current.CancellationToken);

        Assert.Equal(LeadPriority.URGENT, session.Priority);
        Assert.StartsWith("If you smell gas, leave the building now.", result.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("<", result.Reply, StringComparison.Ordinal);
        Assert.EndsWith("What's your name?", result.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_model_may_raise_a_priority_and_its_reasons_are_kept()
    {
        await using var server = await FakeHttpServer.StartAsync((_, ctx) => ctx.Response.WriteAsync(Completion(
            """{"intents":[{"intent":"service_request","confidence":0.9}],"entities":[{"kind":"phone","value":"555 444 3333"}],"priority":"URGENT","reasons":["elderly person alone without water"],"reply":"I'm sorry, let's get help to you fast."}""")));
        var (engine, ctx, session) = EngineWith(server);

        var result = await engine.HandleAsync(session, "my 90 year old dad has had no water all day", ctx, TestContext.Current.CancellationToken);

        Assert.Equal(LeadPriority.URGENT, session.Priority);
        Assert.Contains(session.EmergencyReasons, r => r.Rule == "model" && r.Phrase.Contains("elderly", StringComparison.Ordinal));
        Assert.Contains(session.ExtractedEntities, e => e.Kind == EntityKind.Phone && e.Value == "+15554443333");
        Assert.EndsWith("What's your name?", result.Reply, StringComparison.Ordinal);
        Assert.StartsWith("openai:", result.Model, StringComparison.Ordinal);
    }
}
