using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadsAgent.Infrastructure.Twilio;

namespace LeadsAgent.Tests.Support;

/// <summary>
/// Plays Twilio's side of a ConversationRelay session over a real WebSocket: a signed upgrade (the signature over the
/// wss:// URL of our TwiML, no parameters), the setup, prompt, dtmf and interrupt messages, and the text and end
/// messages the app sends back.
/// </summary>
public sealed class RelayClient : IAsyncDisposable
{
    readonly ClientWebSocket _socket = new();
    readonly byte[] _buffer = new byte[64 * 1024];

    /// <summary>Every message the app sent, in order.</summary>
    public List<JsonObject> Received { get; } = [];

    /// <summary>When each message of <see cref="Received"/> arrived (Stopwatch timestamps).</summary>
    public List<long> ReceivedAt { get; } = [];

    RelayClient()
    {
        _socket.Options.CollectHttpResponseDetails = true;
    }

    /// <summary>Opens the socket at <paramref name="server"/> (the instance's address), signed for <paramref name="signedUrl"/>.</summary>
    public static async Task<RelayClient> ConnectAsync(Uri server, string signedUrl, string authToken, Func<string, string>? tamper = null, bool sign = true)
    {
        var client = new RelayClient();
        if (sign)
        {
            var signature = TwilioSignature.Compute(authToken, signedUrl, []);
            client._socket.Options.SetRequestHeader("X-Twilio-Signature", tamper is null ? signature : tamper(signature));
        }

        var path = new Uri(signedUrl).PathAndQuery;
        await client._socket.ConnectAsync(new Uri($"ws://{server.Authority}{path}"), TestContext.Current.CancellationToken);
        return client;
    }

    /// <summary>The status the server answered a refused upgrade with.</summary>
    public static async Task<HttpStatusCode> RefusedAsync(Uri server, string signedUrl, string authToken, Func<string, string>? tamper = null, bool sign = true)
    {
        var client = new RelayClient();
        if (sign)
        {
            var signature = TwilioSignature.Compute(authToken, signedUrl, []);
            client._socket.Options.SetRequestHeader("X-Twilio-Signature", tamper is null ? signature : tamper(signature));
        }

        var path = new Uri(signedUrl).PathAndQuery;
        await Assert.ThrowsAsync<WebSocketException>(() => client._socket.ConnectAsync(new Uri($"ws://{server.Authority}{path}"), TestContext.Current.CancellationToken));
        return client._socket.HttpStatusCode;
    }

    public Task SetupAsync(string callSid, string from, string to) => SendAsync(new JsonObject
    {
        ["type"] = "setup", ["sessionId"] = "VX" + Guid.NewGuid().ToString("N"), ["accountSid"] = "ACtest00000000000000000000000000", ["callSid"] = callSid,
        ["from"] = from, ["to"] = to, ["direction"] = "inbound", ["callType"] = "PSTN", ["callStatus"] = "IN-PROGRESS", ["customParameters"] = new JsonObject(),
    });

    public Task PromptAsync(string words) => SendAsync(new JsonObject { ["type"] = "prompt", ["voicePrompt"] = words, ["lang"] = "en-US", ["last"] = true });

    public Task DtmfAsync(char digit) => SendAsync(new JsonObject { ["type"] = "dtmf", ["digit"] = digit.ToString() });

    public Task InterruptAsync(string heard, int ms) => SendAsync(new JsonObject { ["type"] = "interrupt", ["utteranceUntilInterrupt"] = heard, ["durationUntilInterruptMs"] = ms.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>Says this and reads the reply: text tokens up to the one marked last (joined), or the end message's handoffData.</summary>
    public async Task<Reply> SayAsync(string words)
    {
        await PromptAsync(words);
        return await ReplyAsync();
    }

    public async Task<Reply> ReplyAsync()
    {
        var text = new StringBuilder();
        var tokens = 0;
        while (true)
        {
            var message = await ReceiveAsync();
            switch (message["type"]!.GetValue<string>())
            {
                case "text":
                    text.Append(message["token"]!.GetValue<string>());
                    tokens++;
                    if (message["last"]!.GetValue<bool>())
                    {
                        return new Reply(text.ToString(), tokens, null);
                    }

                    break;
                case "end":
                    return new Reply(text.ToString(), tokens, JsonNode.Parse(message["handoffData"]!.GetValue<string>())!.AsObject());
            }
        }
    }

    public async Task<JsonObject> ReceiveAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var length = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), timeout.Token);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            length += result.Count;
            if (result.EndOfMessage)
            {
                break;
            }
        }

        var message = JsonNode.Parse(_buffer.AsSpan(0, length))!.AsObject();
        Received.Add(message);
        ReceivedAt.Add(System.Diagnostics.Stopwatch.GetTimestamp());
        return message;
    }

    Task SendAsync(JsonObject message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

    /// <summary>Drops the connection the way a dying instance would: no close handshake.</summary>
    public void Abort() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
        }

        _socket.Dispose();
    }

    /// <summary>What the agent said in one turn (text tokens joined, how many) and the end message's handoffData if it ended.</summary>
    public sealed record Reply(string Text, int Tokens, JsonObject? Handoff);
}
