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

/// <summary>With a language model configured, it is told to reply in the conversation's language (the real SDK, a fake OpenAI).</summary>
public class ModelLanguageTests
{
    sealed class NoKnowledge : IKnowledgeRetriever
    {
        public Task<IReadOnlyList<KnowledgePassage>> RetrieveAsync(Guid businessId, string question, int limit, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<KnowledgePassage>>([]);
    }

    static async Task<(string SystemPrompt, TurnResult Result)> TurnAsync(string businessLanguage, Channel channel, string message, string modelReply)
    {
        await using var server = await FakeHttpServer.StartAsync((_, ctx) => ctx.Response.WriteAsync(OpenAIModelTests.Completion(
            JsonSerializer.Serialize(new { intents = new[] { new { intent = "service_request", confidence = 0.9 } }, entities = Array.Empty<object>(), priority = "NORMAL", reasons = Array.Empty<string>(), reply = modelReply }))));
        var model = new OpenAILanguageModel(Options.Create(new OpenAIOptions
        {
            ApiKey = "sk-test",
            Model = "gpt-test",
            BaseUrl = server.BaseUrl + "/v1",
            ChatTimeoutMs = 5000,
            VoiceTimeoutMs = 5000,
        }), NullLogger<OpenAILanguageModel>.Instance);
        var now = DateTimeOffset.UtcNow;
        var business = Business.Create("Plomería García", BusinessType.PLUMBING, PlanTier.PRO, now);
        var config = new AgentConfig { BusinessId = business.Id, TwilioLanguage = businessLanguage };
        config.AddQuestions(PlanTier.PRO, DefaultQuestions.For(BusinessType.PLUMBING), now);
        var engine = new ConversationEngine(model, new NoKnowledge());
        var ctx = new TurnContext(business, config, now, "+15557654321");
        var session = ConversationSession.Start("s-" + Guid.NewGuid().ToString("N"), business.Id, channel, now);
        engine.Begin(session, ctx);

        var result = await engine.HandleAsync(session, message, ctx, TestContext.Current.CancellationToken);

        using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        return (body.RootElement.GetProperty("messages")[0].GetProperty("content").GetString()!, result);
    }

    [Fact]
    public async Task A_spanish_chat_on_a_spanish_business_asks_the_model_for_spanish_and_keeps_its_spanish_reply()
    {
        var (prompt, result) = await TurnAsync("es-MX", Channel.CHAT, "Hola, necesito un plomero para mañana por la mañana", "¡Claro! Con gusto le mandamos a alguien.");

        Assert.Contains("Reply in Spanish.", prompt, StringComparison.Ordinal);
        Assert.Equal("¡Claro! Con gusto le mandamos a alguien. ¿Me podría dar su nombre, por favor?", result.Reply);
    }

    [Fact]
    public async Task A_french_visitor_on_an_english_business_asks_the_model_for_french()
    {
        var (prompt, _) = await TurnAsync("en-US", Channel.CHAT, "Bonjour, j'ai besoin d'un plombier pour une fuite dans la cuisine", "Bien sûr, nous pouvons vous aider.");

        Assert.Contains("Reply in French.", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("Reply in English.", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_keeps_the_business_language_for_the_model_whatever_the_caller_says()
    {
        var (prompt, result) = await TurnAsync("de-DE", Channel.VOICE, "hi I need a plumber for a leak in the kitchen", "Natürlich, wir helfen Ihnen gern.");

        Assert.Contains("Reply in German.", prompt, StringComparison.Ordinal);
        Assert.EndsWith("Wie ist bitte Ihr Name?", result.Spoken.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_chat_asks_the_model_for_english()
    {
        var (prompt, _) = await TurnAsync("en-US", Channel.CHAT, "Hi, I need a plumber for a leak in the kitchen", "Sure, we can help.");
        Assert.Contains("Reply in English.", prompt, StringComparison.Ordinal);
    }
}
