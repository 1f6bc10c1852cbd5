using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace LeadsAgent.Infrastructure.Ai;

/// <summary>
/// The language model on the official OpenAI SDK (docs/architecture.md, D5): one structured-JSON call per turn for
/// intents, entities, priority with reasons, and a reply grounded in the retrieved passages. A hard timeout
/// (short for voice), an HTTP error, a refusal or malformed JSON returns null, so the deterministic answer stands.
/// </summary>
public sealed partial class OpenAILanguageModel : IStreamingLanguageModel
{
    readonly ChatClient _chat;
    readonly OpenAIOptions _options;
    readonly ILogger<OpenAILanguageModel> _logger;

    public OpenAILanguageModel(IOptions<OpenAIOptions> options, ILogger<OpenAILanguageModel> logger)
    {
        _options = options.Value;
        _logger = logger;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = _options.BaseUri,
            NetworkTimeout = TimeSpan.FromMilliseconds(Math.Max(_options.ChatTimeoutMs, _options.VoiceTimeoutMs)),
            // Retries would blow the turn's time budget; the deterministic engine is the fallback instead.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        _chat = new ChatClient(_options.Model, new ApiKeyCredential(_options.ApiKey!), clientOptions);
    }

    public string Name => "openai:" + _options.Model;

    public async Task<ModelTurn?> InterpretAsync(ModelRequest request, CancellationToken ct)
    {
        var timeout = TimeSpan.FromMilliseconds(request.Channel == Channel.VOICE ? _options.VoiceTimeoutMs : _options.ChatTimeoutMs);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            var completion = await _chat.CompleteChatAsync(Messages(request), s_options, cts.Token);
            var message = completion.Value;
            if (message.Refusal is { Length: > 0 })
            {
                LogFallback(_logger, "refusal", watch.ElapsedMilliseconds);
                return null;
            }

            var json = message.Content.Count > 0 ? message.Content[0].Text : null;
            var turn = json is null ? null : Parse(json);
            if (turn is null)
            {
                LogFallback(_logger, "malformed JSON", watch.ElapsedMilliseconds);
            }

            return turn;
        }
        catch (Exception ex) when (ModelFallback.Reason(ex, timeout, ct) is { } reason)
        {
            LogFallback(_logger, reason, watch.ElapsedMilliseconds);
            return null;
        }
    }

    /// <summary>
    /// The same turn streamed (for calls on ConversationRelay): returns once the decision is written, within the same
    /// hard timeout; the reply's words then come through <see cref="ModelStream.Reply"/>, each within the timeout of the
    /// one before, so a model that stalls ends the reply where it is.
    /// </summary>
    public async Task<ModelStream?> InterpretStreamingAsync(ModelRequest request, CancellationToken ct)
    {
        var timeout = TimeSpan.FromMilliseconds(request.Channel == Channel.VOICE ? _options.VoiceTimeoutMs : _options.ChatTimeoutMs);
        var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        var watch = Stopwatch.StartNew();
        IAsyncEnumerator<StreamingChatCompletionUpdate>? updates = null;
        var handedOver = false;
        try
        {
            updates = _chat.CompleteChatStreamingAsync(Messages(request), s_options, cts.Token).GetAsyncEnumerator(cts.Token);
            var reader = new StreamingTurnReader();
            while (!reader.DecisionKnown)
            {
                if (!await ReadAsync(updates, reader))
                {
                    reader.Complete();
                }
            }

            if (reader.Decision is not { } decision)
            {
                LogFallback(_logger, "malformed JSON", watch.ElapsedMilliseconds);
                return null;
            }

            handedOver = reader.ReplyFollows;
            return new ModelStream(decision, reader.ReplyFollows ? new ReplyPump(updates, reader, cts, timeout) : null);
        }
        catch (Exception ex) when (ModelFallback.Reason(ex, timeout, ct) is { } reason)
        {
            LogFallback(_logger, reason, watch.ElapsedMilliseconds);
            return null;
        }
        catch (RefusedException)
        {
            LogFallback(_logger, "refusal", watch.ElapsedMilliseconds);
            return null;
        }
        finally
        {
            if (!handedOver)
            {
                await cts.CancelAsync();
                await ReplyPump.CloseAsync(updates);
                cts.Dispose();
            }
        }
    }

    /// <summary>Reads one update into the reader; false at the end of the stream. A refusal voids the turn.</summary>
    static async Task<bool> ReadAsync(IAsyncEnumerator<StreamingChatCompletionUpdate> updates, StreamingTurnReader reader)
    {
        if (!await updates.MoveNextAsync())
        {
            return false;
        }

        if (updates.Current.RefusalUpdate is { Length: > 0 })
        {
            throw new RefusedException();
        }

        foreach (var part in updates.Current.ContentUpdate)
        {
            reader.Append(part.Text);
        }

        return true;
    }

    sealed class RefusedException : Exception;

    /// <summary>The reply's words as the model writes them; closing it stops the model's stream.</summary>
    sealed class ReplyPump(IAsyncEnumerator<StreamingChatCompletionUpdate> updates, StreamingTurnReader reader, CancellationTokenSource cts, TimeSpan gap)
        : IAsyncEnumerator<string>
    {
        public string Current { get; private set; } = "";

        public async ValueTask<bool> MoveNextAsync()
        {
            while (true)
            {
                var text = reader.TakeReply();
                if (text.Length > 0)
                {
                    Current = text;
                    return true;
                }

                if (reader.ReplyComplete)
                {
                    return false;
                }

                cts.CancelAfter(gap);
                if (!await ReadAsync(updates, reader))
                {
                    reader.Complete();
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await cts.CancelAsync();
            await CloseAsync(updates);
            cts.Dispose();
        }

        /// <summary>Closes the SDK's stream; one still being read (the caller stopped listening) ends with the cancellation.</summary>
        internal static async Task CloseAsync(IAsyncEnumerator<StreamingChatCompletionUpdate>? updates)
        {
            try
            {
                if (updates is not null)
                {
                    await updates.DisposeAsync();
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or NotSupportedException or System.Net.Http.HttpRequestException or IOException)
            {
            }
        }
    }

    static List<ChatMessage> Messages(ModelRequest r)
    {
        var system = new StringBuilder()
            .AppendLine(r.Persona)
            .AppendLine($"You answer {(r.Channel == Channel.VOICE ? "phone calls" : "website chats")} for {r.BusinessName}, a {r.BusinessType.ToString().Replace('_', ' ').ToLowerInvariant()} business.")
            .AppendLine("Return JSON only, matching the schema. Rules:")
            .AppendLine("- intents: any of greeting, faq, service_request, pricing, hours, emergency, speak_to_human, leave_message, goodbye, other, each with a confidence from 0 to 1.")
            .AppendLine("- entities: only what the person actually said (email, phone, name, datetime, amount, location).")
            .AppendLine("- priority, by this ladder: " + EmergencyTriage.Ladder + " Give short reasons.")
            .AppendLine("- reply: a short, warm sentence or two in the persona's voice. Answer questions ONLY from the passages below; if they do not contain the answer, say you are not sure. Never invent prices, hours or promises.")
            .AppendLine("- Do not ask for contact details and do not give safety instructions: the system adds the next question and any safety script itself.")
            .AppendLine(r.Channel == Channel.VOICE ? "- The reply is spoken: plain words, no lists, no markup, at most two sentences." : "- Plain text, no markdown or HTML.")
            .AppendLine($"- Reply in {AgentPhrases.EnglishName(r.Language)}. It is the conversation's language, even when the passages or the person's earlier messages are in another.")
            .AppendLine($"Conversation state: {r.FlowState}.{(r.NextQuestion is null ? "" : $" The system will next ask: \"{r.NextQuestion}\"")}");
        if (r.Passages.Count > 0)
        {
            system.AppendLine("Passages from the business's knowledge base:");
            foreach (var p in r.Passages)
            {
                system.AppendLine($"[{p.Title}] {p.Content}");
            }
        }

        List<ChatMessage> messages = [new SystemChatMessage(system.ToString())];
        foreach (var m in r.RecentHistory)
        {
            messages.Add(m.Role == "user" ? new UserChatMessage(m.Content) : new AssistantChatMessage(m.Content));
        }

        messages.Add(new UserChatMessage(r.UserMessage));
        return messages;
    }

    static readonly ChatCompletionOptions s_options = new()
    {
        ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("turn", BinaryData.FromString("""
            {"type":"object","additionalProperties":false,"required":["intents","entities","priority","reasons","reply"],
             "properties":{
               "intents":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["intent","confidence"],
                 "properties":{"intent":{"type":"string","enum":["greeting","faq","service_request","pricing","hours","emergency","speak_to_human","leave_message","goodbye","other"]},"confidence":{"type":"number"}}}},
               "entities":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["kind","value"],
                 "properties":{"kind":{"type":"string","enum":["email","phone","name","datetime","amount","location"]},"value":{"type":"string"}}}},
               "priority":{"type":"string","enum":["LOW","NORMAL","HIGH","URGENT"]},
               "reasons":{"type":"array","items":{"type":"string"}},
               "reply":{"type":["string","null"]}}}
            """), jsonSchemaIsStrict: true),
        Temperature = 0.2f,
        MaxOutputTokenCount = 400,
    };

    /// <summary>Reads the model's JSON; anything off-schema makes the whole answer void (null).</summary>
    public static ModelTurn? Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var intents = new List<IntentScore>();
            if (root.TryGetProperty("intents", out var ints) && ints.ValueKind == JsonValueKind.Array)
            {
                foreach (var i in ints.EnumerateArray())
                {
                    if (i.TryGetProperty("intent", out var name) && name.ValueKind == JsonValueKind.String && Intents.All.Contains(name.GetString())
                        && i.TryGetProperty("confidence", out var conf) && conf.ValueKind == JsonValueKind.Number)
                    {
                        intents.Add(new IntentScore(name.GetString()!, Math.Clamp(conf.GetDouble(), 0, 1)));
                    }
                }
            }

            var entities = new List<ModelEntity>();
            if (root.TryGetProperty("entities", out var ents) && ents.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in ents.EnumerateArray())
                {
                    if (e.TryGetProperty("kind", out var kind) && Enum.TryParse<EntityKind>(kind.GetString(), ignoreCase: true, out var k)
                        && e.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        entities.Add(new ModelEntity(k, value.GetString()!));
                    }
                }
            }

            LeadPriority? priority = root.TryGetProperty("priority", out var p) && p.ValueKind == JsonValueKind.String
                && Enum.TryParse<LeadPriority>(p.GetString(), out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
            if (priority is null)
            {
                return null;
            }

            var reasons = root.TryGetProperty("reasons", out var rs) && rs.ValueKind == JsonValueKind.Array
                ? rs.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).Take(5).ToList()
                : [];
            var reply = root.TryGetProperty("reply", out var rep) && rep.ValueKind == JsonValueKind.String ? rep.GetString() : null;
            return new ModelTurn(intents, entities, priority, reasons, string.IsNullOrWhiteSpace(reply) ? null : reply.Trim());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "OpenAI answer not used ({Reason}, {ElapsedMs} ms); the deterministic engine answered")]
    private static partial void LogFallback(ILogger logger, string reason, long elapsedMs);
}
