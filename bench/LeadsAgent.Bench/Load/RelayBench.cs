using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeadsAgent.Infrastructure.Twilio;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace LeadsAgent.Bench.Load;

/// <summary>
/// Streaming calls (Twilio ConversationRelay) against the same calls through &lt;Gather&gt;: for each final prompt, the
/// time to the first text token and to the last over the relay WebSocket, and for Gather the time to the whole TwiML,
/// at 1 and at N concurrent calls. Callers pause between turns (<c>--think-ms</c>) as people do.
/// </summary>
public static partial class RelayBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
        var url = new Uri(Arg("url") ?? "http://127.0.0.1:5090");
        var token = Environment.GetEnvironmentVariable("TWILIO_AUTH_TOKEN") ?? throw new InvalidOperationException("TWILIO_AUTH_TOKEN is not set (scripts/load sets it)");
        var publicBase = Environment.GetEnvironmentVariable("TWILIO_WEBHOOK_BASE_URL") ?? throw new InvalidOperationException("TWILIO_WEBHOOK_BASE_URL is not set");
        var seconds = int.Parse(Arg("seconds") ?? "20", System.Globalization.CultureInfo.InvariantCulture);
        var think = TimeSpan.FromMilliseconds(int.Parse(Arg("think-ms") ?? "1000", System.Globalization.CultureInfo.InvariantCulture));
        var levels = (Arg("calls") ?? "1,200").Split(',').Select(int.Parse).ToArray();

        // --model fake: the app's OpenAI is this process's fake streaming model (scripts/load relay --model fake points
        // the app at it), so our first model word can be timed against the moment the model wrote it.
        await using var model = Arg("model") == "fake" ? await ModelServer.StartAsync(int.Parse(Arg("model-port") ?? "5091", System.Globalization.CultureInfo.InvariantCulture)) : null;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        var relayNumbers = await PrepareAsync(http, "+1555810", "RELAY");
        var gatherNumbers = await PrepareAsync(http, "+1555820", "GATHER");
        var report = new JsonObject { ["think_ms"] = think.TotalMilliseconds, ["seconds"] = seconds };
        report["model"] = model is null ? "local engine" : $"fake streaming model: first token {model.Model.FirstToken.TotalMilliseconds} ms, {model.Model.TokensPerSecond} tokens/s";
        Console.WriteLine(report["model"]!.GetValue<string>());
        Console.WriteLine($"{"calls",6} {"relay first token p50/p99 ms",30} {"relay last token p50/p99 ms",30} {"gather TwiML p50/p99 ms",26} {"turns",8}{(model is null ? "" : $" {"model word -> caller p50/p99 ms",34}")}");
        foreach (var calls in levels)
        {
            var lags = new System.Collections.Concurrent.ConcurrentBag<double>();
            var relay = await RunRelayAsync(http, url, token, publicBase, relayNumbers, calls, TimeSpan.FromSeconds(seconds), think, model?.Model, lags);
            var gather = await RunGatherAsync(http, token, publicBase, gatherNumbers, calls, TimeSpan.FromSeconds(seconds), think);
            var (first, last) = (Stats(relay.Select(r => r.First)), Stats(relay.Select(r => r.Last)));
            var whole = Stats(gather);
            var lag = Stats(lags);
            Console.WriteLine($"{calls,6} {first.P50,14:F2} / {first.P99,-13:F2} {last.P50,14:F2} / {last.P99,-13:F2} {whole.P50,12:F2} / {whole.P99,-11:F2} {relay.Count,4}/{gather.Count,-4}"
                + (model is null ? "" : $" {lag.P50,16:F2} / {lag.P99,-8:F2} ({lag.Count})"));
            report[$"calls_{calls}"] = new JsonObject
            {
                ["relay_first_token"] = first.ToJson(), ["relay_last_token"] = last.ToJson(), ["gather_twiml"] = whole.ToJson(),
                ["model_word_to_caller"] = model is null ? null : lag.ToJson(),
            };
        }

        var dir = Environment.GetEnvironmentVariable("LEADSAGENT_BENCH_DIR") ?? ".data/bench";
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"relay-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(file, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"report: {file}");
        return 0;
    }

    sealed record Stat(double P50, double P99, int Count)
    {
        public JsonObject ToJson() => new() { ["p50_ms"] = Math.Round(P50, 2), ["p99_ms"] = Math.Round(P99, 2), ["count"] = Count };
    }

    static Stat Stats(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Stat(At(0.5), At(0.99), sorted.Length);
    }

    /// <summary>Five PRO businesses per mode, created once; the relay ones switched to streaming by their owners.</summary>
    static async Task<string[]> PrepareAsync(HttpClient http, string prefix, string mode)
    {
        var email = Environment.GetEnvironmentVariable("ADMIN_EMAIL") ?? "admin@leadsagent.test";
        var password = Environment.GetEnvironmentVariable("ADMIN_PASSWORD") ?? throw new InvalidOperationException("ADMIN_PASSWORD is not set (scripts/load sets it)");
        var admin = await LoginAsync(http, email, password);
        var existing = (await Send(http, admin, HttpMethod.Get, "/api/platform/businesses").Result.Content.ReadFromJsonAsync<JsonArray>())!;
        var numbers = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            var number = $"{prefix}{i:D4}";
            var owner = $"relay-owner-{mode.ToLowerInvariant()}-{i}@leadsagent.test";
            if (!existing.Any(b => b!["twilioPhoneNumber"]?.GetValue<string>() == number))
            {
                (await Send(http, admin, HttpMethod.Post, "/api/platform/businesses", new
                {
                    name = $"Relay Bench {mode} {i}", businessType = "PLUMBING", planTier = "PRO", twilioPhoneNumber = number,
                    ownerEmail = owner, ownerPassword = "Relay-bench-owner-1", notificationEmail = owner,
                })).EnsureSuccessStatusCode();
            }

            var ownerToken = await LoginAsync(http, owner, "Relay-bench-owner-1");
            (await Send(http, ownerToken, HttpMethod.Put, "/api/admin/config", new { voiceMode = mode })).EnsureSuccessStatusCode();
            numbers.Add(number);
        }

        return [.. numbers];
    }

    static async Task<string> LoginAsync(HttpClient http, string email, string password)
    {
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    static async Task<HttpResponseMessage> Send(HttpClient http, string token, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    static async Task<string> PostSignedAsync(HttpClient http, string token, string publicBase, string path, Dictionary<string, string> fields)
    {
        var signature = TwilioSignature.Compute(token, publicBase + path, fields.Select(kv => new KeyValuePair<string, IReadOnlyList<string>>(kv.Key, [kv.Value])));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", signature);
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    static Dictionary<string, string> Call(string callSid, string from, string to, params (string Key, string Value)[] more)
    {
        var fields = new Dictionary<string, string> { ["AccountSid"] = "ACload000000000000000000000000000", ["CallSid"] = callSid, ["From"] = from, ["To"] = to, ["Direction"] = "inbound" };
        foreach (var (k, v) in more)
        {
            fields[k] = v;
        }

        return fields;
    }

    /// <summary><paramref name="calls"/> relay callers, each starting a new call when the last ended, until the time is up.</summary>
    static async Task<List<(double First, double Last)>> RunRelayAsync(HttpClient http, Uri server, string token, string publicBase, string[] numbers, int calls,
        TimeSpan duration, TimeSpan think, LeadsAgent.Tests.Support.FakeStreamingModel? model, System.Collections.Concurrent.ConcurrentBag<double> lags)
    {
        var samples = new System.Collections.Concurrent.ConcurrentBag<(double, double)>();
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, calls).Select(async n =>
        {
            await Task.Delay(Random.Shared.Next((int)think.TotalMilliseconds + 1));
            var buffer = new byte[64 * 1024];
            while (Stopwatch.GetTimestamp() < until)
            {
                var (callSid, from, to) = ("CA" + Guid.NewGuid().ToString("N"), $"+1555{Random.Shared.Next(2000000, 9999999)}", numbers[n % numbers.Length]);
                var twiml = await PostSignedAsync(http, token, publicBase, "/api/voice/incoming", Call(callSid, from, to, ("CallStatus", "ringing")));
                var relayUrl = WebUtility(RelayUrl().Match(twiml).Groups[1].Value);
                using var socket = new ClientWebSocket();
                socket.Options.SetRequestHeader("X-Twilio-Signature", TwilioSignature.Compute(token, relayUrl, []));
                await socket.ConnectAsync(new Uri($"ws://{server.Authority}{new Uri(relayUrl).PathAndQuery}"), CancellationToken.None);
                await SendAsync(socket, new JsonObject { ["type"] = "setup", ["callSid"] = callSid, ["from"] = from, ["to"] = to, ["customParameters"] = new JsonObject() });
                var next = VoiceCall.Openings[Random.Shared.Next(VoiceCall.Openings.Length)];
                for (var turn = 0; turn < 10 && next is not null; turn++)
                {
                    await Task.Delay(think);
                    var sent = Stopwatch.GetTimestamp();
                    await SendAsync(socket, new JsonObject { ["type"] = "prompt", ["voicePrompt"] = next, ["lang"] = "en-US", ["last"] = true });
                    double first = -1;
                    var said = new StringBuilder();
                    var ended = false;
                    while (true)
                    {
                        var message = await ReceiveAsync(socket, buffer);
                        var type = message["type"]!.GetValue<string>();
                        if (type == "end")
                        {
                            ended = true;
                            break;
                        }

                        if (type != "text")
                        {
                            continue;
                        }

                        if (first < 0)
                        {
                            first = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                        }

                        var text = message["token"]!.GetValue<string>();
                        if (model is not null && ModelServer.Word().Match(text) is { Success: true } word && model.Written.TryRemove(word.Value, out var written))
                        {
                            // The model's first word reached the caller: how long after the model wrote it.
                            lags.Add(Stopwatch.GetElapsedTime(written.FirstReply).TotalMilliseconds);
                        }

                        said.Append(text);
                        if (message["last"]!.GetValue<bool>())
                        {
                            samples.Add((first, Stopwatch.GetElapsedTime(sent).TotalMilliseconds));
                            break;
                        }
                    }

                    next = ended ? null : VoiceCall.Answer(said.ToString());
                }

                try
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                }
                catch (WebSocketException)
                {
                    // Already closed by the app (its end message): Twilio would hang up the socket itself.
                }
                await PostSignedAsync(http, token, publicBase, "/api/voice/status", Call(callSid, from, to, ("CallStatus", "completed"), ("CallDuration", "60")));
            }
        }));
        return [.. samples];
    }

    /// <summary>The same callers through Gather webhooks: the time to the whole TwiML of each turn.</summary>
    static async Task<List<double>> RunGatherAsync(HttpClient http, string token, string publicBase, string[] numbers, int calls, TimeSpan duration, TimeSpan think)
    {
        var recorder = new Recorder();
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        ValueTask Pace(CancellationToken ct) => new(Task.Delay(think, ct));
        await Task.WhenAll(Enumerable.Range(0, calls).Select(async n =>
        {
            await Task.Delay(Random.Shared.Next((int)think.TotalMilliseconds + 1));
            while (Stopwatch.GetTimestamp() < until)
            {
                var call = new VoiceCall(http, recorder, Pace, token, publicBase, $"+1555{Random.Shared.Next(2000000, 9999999)}", numbers[n % numbers.Length]);
                await call.RunAsync(VoiceCall.Openings[Random.Shared.Next(VoiceCall.Openings.Length)], 10, CancellationToken.None);
            }
        }));
        return [.. recorder.Drain().Where(s => s.Kind == "voice-turn" && s.Status == 200).Select(s => s.Ms)];
    }

    static string WebUtility(string attribute) => System.Net.WebUtility.HtmlDecode(attribute);

    static Task SendAsync(ClientWebSocket socket, JsonObject message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    static async Task<JsonObject> ReceiveAsync(ClientWebSocket socket, byte[] buffer)
    {
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new JsonObject { ["type"] = "end" };
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(buffer.AsSpan(0, length))!.AsObject();
            }
        }
    }

    [GeneratedRegex("<ConversationRelay url=\"([^\"]+)\"")]
    private static partial Regex RelayUrl();

    /// <summary>
    /// The fake streaming model on loopback. Each reply starts with a word made for its request ("Righto" and letters),
    /// so the caller's side can tell which request a token came from.
    /// </summary>
    sealed partial class ModelServer : IAsyncDisposable
    {
        WebApplication _app = null!;
        int _requests;

        public LeadsAgent.Tests.Support.FakeStreamingModel Model { get; private set; } = null!;

        public static async Task<ModelServer> StartAsync(int port)
        {
            var server = new ModelServer();
            server.Model = new(_ => LeadsAgent.Tests.Support.FakeStreamingModel.Turn("NORMAL", "other",
                $"{Letters(Interlocked.Increment(ref server._requests))}, we can help with that. Someone from the team will follow up with you soon."));
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Logging.ClearProviders();
            server._app = builder.Build();
            server._app.Run(async ctx =>
            {
                using var reader = new StreamReader(ctx.Request.Body);
                await server.Model.HandleAsync(await reader.ReadToEndAsync(), ctx);
            });
            await server._app.StartAsync();
            return server;
        }

        static string Letters(int n)
        {
            var letters = new StringBuilder("Righto");
            for (; n > 0; n /= 26)
            {
                letters.Append((char)('a' + n % 26));
            }

            return letters.ToString();
        }

        [GeneratedRegex("Righto[a-z]+")]
        public static partial Regex Word();

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
