using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Text;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Ai;
using LeadsAgent.Infrastructure.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace LeadsAgent.Infrastructure.Summaries;

/// <summary>Writes a short summary paragraph of a conversation; null means "use the deterministic summary".</summary>
public interface ISummaryWriter
{
    /// <param name="maxLength">For a text message: one or two sentences within this many characters; null for the email's paragraph.</param>
    Task<string?> WriteAsync(SummaryFacts facts, string transcript, CancellationToken ct, int? maxLength = null);
}

/// <summary>No model configured: the deterministic summary is the summary.</summary>
public sealed class NoSummaryWriter : ISummaryWriter
{
    public Task<string?> WriteAsync(SummaryFacts facts, string transcript, CancellationToken ct, int? maxLength = null) => Task.FromResult<string?>(null);
}

/// <summary>
/// The model's summary paragraph on the official OpenAI SDK, with the same rules as the conversation model: a hard
/// timeout, no retries, and null on a timeout, an HTTP error, a refusal or an empty answer, so the deterministic
/// summary is sent instead. The owner reads English whatever language the caller spoke.
/// </summary>
public sealed partial class OpenAISummaryWriter : ISummaryWriter
{
    public const int MaxLength = 1200;
    readonly ChatClient _chat;
    readonly TimeSpan _timeout;
    readonly ILogger<OpenAISummaryWriter> _logger;

    public OpenAISummaryWriter(IOptions<OpenAIOptions> openAi, IOptions<SummaryOptions> options, ILogger<OpenAISummaryWriter> logger)
    {
        _logger = logger;
        _timeout = TimeSpan.FromMilliseconds(options.Value.ModelTimeoutMs);
        var o = openAi.Value;
        _chat = new ChatClient(o.Model, new ApiKeyCredential(o.ApiKey!), new OpenAIClientOptions
        {
            Endpoint = o.BaseUri,
            NetworkTimeout = _timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });
    }

    public async Task<string?> WriteAsync(SummaryFacts facts, string transcript, CancellationToken ct, int? maxLength = null)
    {
        var limit = Math.Min(maxLength ?? MaxLength, MaxLength);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(_timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            var system = new StringBuilder()
                .AppendLine($"You write the owner of {facts.BusinessName} a summary of one {(facts.Channel == Domain.Leads.Channel.VOICE ? "phone call" : "website chat")} their AI receptionist handled.")
                .AppendLine("Write in English, whatever language the caller used; quote the caller's key words in their language when useful.")
                .AppendLine(maxLength is null
                    ? "Three to five plain sentences, no markdown, no greeting, no sign-off: who called, what they need and how urgent, what the agent did, and what the owner should do next."
                    : $"This is a text message: one or two plain sentences, at most {limit} characters, no markdown, no greeting, no links: what they need and what the owner should do next.")
                .AppendLine("Use only the facts and the transcript given; never invent names, prices, times or promises.")
                .AppendLine("Facts:")
                .AppendLine(ConversationSummary.Build(facts).Text);
            var completion = await _chat.CompleteChatAsync(
                [new SystemChatMessage(system.ToString()), new UserChatMessage("Transcript:\n" + transcript)],
                new ChatCompletionOptions { Temperature = 0.2f, MaxOutputTokenCount = maxLength is null ? 300 : 120 }, cts.Token);
            var message = completion.Value;
            var text = message.Refusal is { Length: > 0 } || message.Content.Count == 0 ? null : message.Content[0].Text?.Trim();
            if (string.IsNullOrWhiteSpace(text))
            {
                LogFallback(_logger, "empty answer", watch.ElapsedMilliseconds);
                return null;
            }

            if (maxLength is not null)
            {
                // One line in a text message.
                text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            }

            return text.Length <= limit ? text : text[..(limit - 1)].TrimEnd() + "…";
        }
        catch (Exception ex) when (ModelFallback.Reason(ex, _timeout, ct) is { } reason)
        {
            LogFallback(_logger, reason, watch.ElapsedMilliseconds);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Summary model not used ({Reason}, {Ms} ms): the deterministic summary is sent")]
    private static partial void LogFallback(ILogger logger, string reason, long ms);
}
