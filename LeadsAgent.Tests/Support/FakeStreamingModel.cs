using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace LeadsAgent.Tests.Support;

/// <summary>
/// OpenAI's chat completions as a model that takes its time: the first token after <see cref="FirstToken"/>, then
/// <see cref="TokensPerSecond"/>. A streamed request (<c>"stream":true</c>) gets server-sent events, one chunk per token,
/// as the real API sends them (reference: openai-dotnet.md §5.4); any other gets the whole completion once its last token
/// would have been written. The JSON before the reply is cut into four-character tokens, the reply into words. Shared by
/// the tests and the relay benchmark, which reads <see cref="Written"/> to time our tokens against the model's.
/// </summary>
public sealed partial class FakeStreamingModel(Func<string, string> answer)
{
    public TimeSpan FirstToken { get; init; } = TimeSpan.FromMilliseconds(300);

    public double TokensPerSecond { get; init; } = 30;

    /// <summary>The pace of the reply's words, when slower than the rest (a person can watch them come); null: the same.</summary>
    public double? ReplyTokensPerSecond { get; init; }

    /// <summary>When each request's first token and first reply token were written (Stopwatch timestamps), by the reply's first word.</summary>
    public ConcurrentDictionary<string, (long First, long FirstReply)> Written { get; } = new();

    /// <summary>Streamed requests that ended before their last token (the reader stopped listening).</summary>
    public int Abandoned => _abandoned;

    int _abandoned;

    /// <summary>The user's last message in a chat completions request.</summary>
    public static string LastUserMessage(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("messages").EnumerateArray().Last(m => m.GetProperty("role").GetString() == "user")
            .GetProperty("content").GetString() ?? "";
    }

    /// <summary>A turn as the model writes it: its reading, then the reply (null for none).</summary>
    public static string Turn(string priority, string intent, string? reply) => JsonSerializer.Serialize(new
    {
        intents = new[] { new { intent, confidence = 0.9 } },
        entities = Array.Empty<object>(),
        priority,
        reasons = Array.Empty<string>(),
        reply,
    });

    /// <summary>The tokens the content is written in: four characters at a time up to the reply, then a word at a time.</summary>
    public static IReadOnlyList<string> Tokens(string content) => Split(content).Tokens;

    static (List<string> Tokens, int Reply) Split(string content)
    {
        var tokens = new List<string>();
        var reply = content.IndexOf("\"reply\":\"", StringComparison.Ordinal);
        var head = reply < 0 ? content : content[..(reply + 9)];
        for (var i = 0; i < head.Length; i += 4)
        {
            tokens.Add(head.Substring(i, Math.Min(4, head.Length - i)));
        }

        var first = tokens.Count;
        if (reply >= 0)
        {
            tokens.AddRange(Words().Matches(content[(reply + 9)..]).Select(m => m.Value));
        }

        return (tokens, reply < 0 ? -1 : first);
    }

    public async Task HandleAsync(string body, HttpContext ctx)
    {
        if (ctx.Request.Path.Value?.EndsWith("/embeddings", StringComparison.Ordinal) == true)
        {
            await EmbedAsync(body, ctx);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var content = answer(body);
        var (tokens, replyStarts) = Split(content);
        TimeSpan At(int i) => FirstToken + TimeSpan.FromSeconds(replyStarts < 0 || i <= replyStarts || ReplyTokensPerSecond is not { } replyRate
            ? i / TokensPerSecond
            : replyStarts / TokensPerSecond + (i - replyStarts) / replyRate);
        if (!body.Contains("\"stream\":true", StringComparison.Ordinal))
        {
            await DelayUntilAsync(started, At(tokens.Count - 1), ctx.RequestAborted);
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                id = "chatcmpl-fake", @object = "chat.completion", created = 1700000000, model = "gpt-test",
                choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            }), ctx.RequestAborted);
            return;
        }

        ctx.Response.ContentType = "text/event-stream";
        long first = 0;
        try
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                await DelayUntilAsync(started, At(i), ctx.RequestAborted);
                await WriteAsync(ctx, new { role = "assistant", content = tokens[i] }, null);
                var now = Stopwatch.GetTimestamp();
                first = i == 0 ? now : first;
                if (i == replyStarts && tokens[i].Trim() is { Length: > 0 } word)
                {
                    Written[word.TrimEnd(',', '.', '!', '?')] = (first, now);
                }
            }

            await WriteAsync(ctx, new { }, "stop");
            await ctx.Response.WriteAsync("data: [DONE]\n\n", ctx.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            Interlocked.Increment(ref _abandoned);
        }
    }

    /// <summary>Embeddings at once (they are not what is measured): a vector per input from a hash of its words, 512 wide.</summary>
    static async Task EmbedAsync(string body, HttpContext ctx)
    {
        using var doc = JsonDocument.Parse(body);
        var input = doc.RootElement.GetProperty("input");
        var texts = input.ValueKind == JsonValueKind.Array ? input.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [input.GetString() ?? ""];
        var data = texts.Select((text, index) =>
        {
            var vector = new float[512];
            foreach (var word in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                vector[(int)((uint)string.GetHashCode(word, StringComparison.Ordinal) % 512)] += 1;
            }

            vector[0] += 0.01f;
            return new { @object = "embedding", index, embedding = vector };
        });
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(JsonSerializer.Serialize(new { @object = "list", data, model = "text-embedding-3-small", usage = new { prompt_tokens = 1, total_tokens = 1 } }), ctx.RequestAborted);
    }

    static async Task WriteAsync(HttpContext ctx, object delta, string? finish)
    {
        var chunk = JsonSerializer.Serialize(new
        {
            id = "chatcmpl-fake", @object = "chat.completion.chunk", created = 1700000000, model = "gpt-test",
            choices = new[] { new { index = 0, delta, finish_reason = finish } },
        });
        await ctx.Response.WriteAsync("data: " + chunk + "\n\n", Encoding.UTF8, ctx.RequestAborted);
        await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
    }

    static async Task DelayUntilAsync(long started, TimeSpan at, CancellationToken ct)
    {
        var wait = at - Stopwatch.GetElapsedTime(started);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct);
        }
    }

    /// <summary>A word with the spaces before it, or the JSON's closing quote and brace as one token.</summary>
    [GeneratedRegex(@"\s*(?:\\.|[^\s""\\])+|\s*""[^""]*$")]
    private static partial Regex Words();
}
