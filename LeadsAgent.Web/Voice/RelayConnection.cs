using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Sessions;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Voice;

/// <summary>What the relay's end message hands back to the action URL: why the session ended and what to say first.</summary>
public sealed record RelayHandoff(
    [property: JsonPropertyName("reasonCode")] string ReasonCode,
    [property: JsonPropertyName("say")] string? Say);

/// <summary>
/// One ConversationRelay WebSocket: Twilio's setup, prompt, dtmf, interrupt and error messages in; text tokens and end
/// out. Each final prompt is a turn of the same <see cref="VoiceAgent"/> the Gather webhooks use, so the session,
/// lead, outbox, live events and dashboard are the same; everything lives in the Redis session, so a socket that
/// reconnects to another instance carries on the call.
/// </summary>
/// <remarks>
/// Messages are read one at a time; a turn runs beside the reader so an interrupt can stop the reply it is sending.
/// Turns of one call never overlap (a prompt waits for the previous turn), and one lock orders the writes.
/// </remarks>
public sealed partial class RelayConnection(WebSocket socket, VoiceAgent agent, ISessionStore store, BusinessDirectory directory,
    IOptions<FeatureOptions> features, ILogger logger)
{
    /// <summary>Twilio's messages are small JSON; anything bigger is not Twilio.</summary>
    const int MaxMessageBytes = 64 * 1024;

    /// <summary>Keypad digits gathered until # or this pause, then heard as one answer (a phone number typed in).</summary>
    public static TimeSpan DigitPause { get; set; } = TimeSpan.FromSeconds(2);

    static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    readonly SemaphoreSlim _send = new(1, 1);
    readonly SemaphoreSlim _turns = new(1, 1);
    readonly System.Text.StringBuilder _digits = new();
    CancellationTokenSource? _speaking;
    CancellationTokenSource? _digitTimer;
    string _callSid = "";
    string _from = "";
    string _to = "";
    bool _ended;

    /// <summary>Metrics for the benchmark: when the last final prompt arrived, and when its first and last tokens left.</summary>
    public static event Action<string, long, long, long>? TurnSent;

    public async Task RunAsync(CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxMessageBytes);
        var pending = new List<Task>();
        try
        {
            while (socket.State == WebSocketState.Open && !ct.IsCancellationRequested)
            {
                var (type, length) = await ReceiveAsync(buffer, ct);
                if (type == WebSocketMessageType.Close)
                {
                    break;
                }

                if (length < 0)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                    break;
                }

                RelayMessage? message;
                try
                {
                    message = JsonSerializer.Deserialize<RelayMessage>(buffer.AsSpan(0, length), s_json);
                }
                catch (JsonException)
                {
                    LogMalformed(logger, _callSid);
                    continue;
                }

                if (message is null)
                {
                    continue;
                }

                pending.RemoveAll(t => t.IsCompleted);
                switch (message.Type)
                {
                    case "setup":
                        await SetupAsync(message, ct);
                        break;
                    case "prompt" when message.Last != false && _callSid.Length > 0:
                        // Only the final transcript is a turn (partial prompts are off in our TwiML anyway).
                        pending.Add(TurnAsync(message.VoicePrompt ?? "", Stopwatch.GetTimestamp(), ct));
                        break;
                    case "dtmf" when _callSid.Length > 0 && message.Digit is { Length: 1 } digit:
                        pending.Add(DigitAsync(digit[0], ct));
                        break;
                    case "interrupt" when _callSid.Length > 0:
                        // Stops the reply now; the transcript is trimmed once a turn still running is saved.
                        pending.Add(InterruptAsync(message.UtteranceUntilInterrupt ?? "", ct));
                        break;
                    case "error":
                        LogTwilioError(logger, _callSid, message.Description ?? "");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Twilio hung up or the instance is stopping: the session is in Redis, a reconnect carries on.
        }
        finally
        {
            _speaking?.Cancel();
            _digitTimer?.Cancel();
            try
            {
                await Task.WhenAll(pending);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }

            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    async Task<(WebSocketMessageType Type, int Length)> ReceiveAsync(byte[] buffer, CancellationToken ct)
    {
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                return (WebSocketMessageType.Text, -1);
            }

            var result = await socket.ReceiveAsync(buffer.AsMemory(length), ct);
            length += result.Count;
            if (result.MessageType == WebSocketMessageType.Close || result.EndOfMessage)
            {
                return (result.MessageType, length);
            }
        }
    }

    /// <summary>
    /// The first message: which call this is. A call our incoming webhook answered has its session already; one whose
    /// session is gone (a reconnect after it expired, a number pointed straight at the socket) starts again politely.
    /// </summary>
    async Task SetupAsync(RelayMessage message, CancellationToken ct)
    {
        var callSid = message.CallSid ?? "";
        if (callSid.Length is 0 or > 64 || _callSid.Length > 0)
        {
            return;
        }

        (_callSid, _from, _to) = (callSid, message.From ?? "", LeadsAgent.Domain.Common.PhoneNumbers.Normalize(message.To) ?? message.To ?? "");
        if (await store.GetAsync(callSid, ct) is { } existing)
        {
            // A reconnect (or the socket our TwiML opened): the greeting was spoken by Twilio, the call carries on.
            LogSetup(logger, callSid, existing.History.Count);
            return;
        }

        var profile = _to.Length > 0 ? await directory.FindByTwilioNumberAsync(_to, ct) : null;
        var plan = profile is null ? PlanTier.FREE : features.Value.EnablePlanTiers ? profile.Business.PlanTier : PlanTier.PRO;
        if (profile is null || !PlanRules.Allows(plan, PlanFeature.VoiceConfiguration))
        {
            // Streaming is PRO: any other call goes back to the action URL, which answers it the usual way.
            await EndAsync(new RelayHandoff(RelayCalls.GatherReason, null), ct);
            return;
        }

        await TurnAsync("", Stopwatch.GetTimestamp(), ct);
    }

    /// <summary>
    /// One turn of the conversation. The reply goes out while the engine works: a safety script at once, then with a
    /// language model its words as it writes them, and the rest (the next question) as soon as the engine's decision is
    /// saved, before the lead and events are written. A transfer, voicemail or goodbye ends the session with
    /// handoffData, and the action URL says it and dials or records.
    /// </summary>
    async Task TurnAsync(string words, long promptAt, CancellationToken ct)
    {
        await _turns.WaitAsync(ct);
        try
        {
            if (_ended)
            {
                return;
            }

            var speaking = CancellationTokenSource.CreateLinkedTokenSource(ct);
            Interlocked.Exchange(ref _speaking, speaking)?.Cancel();
            var sink = new RelaySink((token, last, stop) => SendAsync(new { type = "text", token, last }, stop), speaking.Token);
            var said = false;
            var heard = await agent.TurnAsync(_callSid, words, _from, _to, 0, ct, async (result, token) =>
            {
                if (result.Action == Domain.Engine.VoiceAction.CONTINUE)
                {
                    said = true;
                    await FinishAsync(sink, result.Unsent ?? result.Spoken.PlainText, promptAt, token);
                }
            }, sink);
            if (heard is null)
            {
                await EndAsync(new RelayHandoff(RelayCalls.HangupReason, null), ct);
                return;
            }

            if (heard.Action == Domain.Engine.VoiceAction.CONTINUE)
            {
                if (!said)
                {
                    await FinishAsync(sink, heard.Outcome?.Result.Unsent ?? heard.Spoken.PlainText, promptAt, ct);
                }

                return;
            }

            // The whole reply, even a part already streamed: the session ends now and may cut off what Twilio was saying.
            await EndAsync(new RelayHandoff(RelayCalls.ReasonFor(heard.Action), heard.Spoken.PlainText), ct);
        }
        finally
        {
            _turns.Release();
        }
    }

    /// <summary>Says the rest of a turn's reply; the turn's timings go to the benchmark unless the caller interrupted.</summary>
    async Task FinishAsync(RelaySink sink, string rest, long promptAt, CancellationToken ct)
    {
        if (await sink.FinishAsync(rest))
        {
            TurnSent?.Invoke(_callSid, promptAt, sink.FirstAt, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>
    /// The caller talked over the agent: stop sending at once, and keep in the transcript only what the caller heard, so
    /// the conversation's record (and the lead's transcript) is what was actually said. A turn still running (its reply
    /// was being streamed) is saved first, then trimmed, before the caller's next words are a turn.
    /// </summary>
    async Task InterruptAsync(string heard, CancellationToken ct)
    {
        _speaking?.Cancel();
        heard = heard.Trim();
        await _turns.WaitAsync(ct);
        try
        {
            await RelayCalls.KeepWhatWasHeardAsync(store, _callSid, heard, ct);
        }
        finally
        {
            _turns.Release();
        }
    }

    /// <summary>A keypad press: digits are gathered until # or a pause, then heard as one answer.</summary>
    async Task DigitAsync(char digit, CancellationToken ct)
    {
        string? complete = null;
        CancellationTokenSource timer;
        lock (_digits)
        {
            _digitTimer?.Cancel();
            if (digit == '#')
            {
                complete = _digits.ToString();
                _digits.Clear();
            }
            else if (char.IsAsciiDigit(digit) || digit == '*')
            {
                _digits.Append(digit);
            }

            timer = _digitTimer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        }

        if (complete is null)
        {
            try
            {
                await Task.Delay(DigitPause, timer.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (_digits)
            {
                complete = _digits.ToString();
                _digits.Clear();
            }
        }

        if (complete.Length > 0)
        {
            await TurnAsync(complete, Stopwatch.GetTimestamp(), ct);
        }
    }

    /// <summary>Ends the session: Twilio posts the handoffData to the action URL, which answers with TwiML.</summary>
    async Task EndAsync(RelayHandoff handoff, CancellationToken ct)
    {
        _ended = true;
        await SendAsync(new { type = "end", handoffData = JsonSerializer.Serialize(handoff, s_json) }, ct);
    }

    async Task SendAsync(object message, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, s_json);
        await _send.WaitAsync(ct);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _send.Release();
        }
    }

    sealed record RelayMessage(string? Type, string? CallSid, string? From, string? To, string? VoicePrompt, bool? Last, string? Digit,
        string? UtteranceUntilInterrupt, string? Description);

    [LoggerMessage(Level = LogLevel.Information, Message = "Relay socket for call {CallSid} set up ({Messages} messages so far)")]
    private static partial void LogSetup(ILogger logger, string callSid, int messages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relay socket for call {CallSid} sent a message that is not JSON")]
    private static partial void LogMalformed(ILogger logger, string callSid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio reported an error on the relay for call {CallSid}: {Description}")]
    private static partial void LogTwilioError(ILogger logger, string callSid, string description);
}
