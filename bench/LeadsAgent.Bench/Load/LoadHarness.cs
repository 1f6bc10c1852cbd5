using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using LeadsAgent.Infrastructure.Configuration;
using Npgsql;

namespace LeadsAgent.Bench.Load;

/// <summary>
/// The load harness (scripts/load): simulated callers making whole calls through the signed voice webhooks, mixed with
/// chat visitors, against the app as ./run starts it, on loopback. Phases: the ceiling (a bare endpoint of the same
/// host), the maximum sustained voice throughput, latency at half of it with 200 calls in flight, mixed rounds (errors,
/// leads expected versus stored, the app's memory after each round), and one 10-turn call's session size in Redis.
/// Every phase is bounded in time; nothing leaves the machine.
/// </summary>
public static class LoadHarness
{
    sealed record Options(string Url, string Token, string PublicBase, int Seconds, int MixedSeconds, int Rounds, int Calls, int Chats, int? AppPid, int Businesses,
        string? Only, int Warmup, int Rate);

    sealed record Business(Guid Id, string Number);

    public static async Task<int> RunAsync(string[] args)
    {
        var o = Parse(args);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 512,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            UseCookies = false,
        })
        {
            BaseAddress = new Uri(o.Url),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var report = new JsonObject
        {
            ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
            ["when"] = DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture),
            ["options"] = JsonSerializer.SerializeToNode(o),
        };
        Console.WriteLine($"load harness: {o.Url}, {Environment.ProcessorCount} cores shared by the app, PostgreSQL, Redis and this harness");
        var businesses = await PrepareBusinessesAsync(http, o);

        // A fresh process JITs its hot paths again at tier 1 for the first minute or so (about 250 methods a second
        // measured at 40 s); figures are for the steady state a long-running server is in.
        Console.WriteLine($"warm-up ({o.Warmup} s of calls and chats)");
        await CallsAsync(http, o, businesses, 50, 10, TimeSpan.FromSeconds(o.Warmup), null);
        var (warmupEmails, drained) = await SettleOutboxAsync(businesses);
        Console.WriteLine($"outbox: the warm-up's last {warmupEmails} owner emails sent in {drained:0.0} s after it ({(drained > 0 ? warmupEmails / drained : 0):0}/s)");

        if (o.Only == "max")
        {
            // For profiling: only the closed-loop maximum, for as long as --seconds says.
            var alone = await CallsAsync(http, o, businesses, o.Calls, 0, TimeSpan.FromSeconds(o.Seconds), null);
            Console.WriteLine($"maximum: {alone.VoiceRps:0} voice webhooks/s, turn p50 {alone.Turn.P50:0.0} / p99 {alone.Turn.P99:0.0} ms, app CPU {alone.AppCores:0.00} cores, harness {alone.HarnessCores:0.00}");
            return 0;
        }

        if (o.Only == "half")
        {
            // For latency work: only the paced phase, at --rate webhooks/s.
            var paced = await CallsAsync(http, o, businesses, o.Calls, 0, TimeSpan.FromSeconds(o.Seconds), o.Rate);
            Console.WriteLine($"paced {o.Rate}/s: turn p50 {paced.Turn.P50:0.00} / p95 {paced.Turn.P95:0.00} / p99 {paced.Turn.P99:0.00} / max {paced.Turn.Max:0.0} ms; in the app p50 {paced.TurnServer.P50:0.00} / p99 {paced.TurnServer.P99:0.00} ms (achieved {paced.VoiceRps:0}/s); app CPU {paced.AppCores:0.00} cores");
            return 0;
        }

        var ceiling = await CeilingAsync(http, o, 64);
        report["ceiling_rps"] = Math.Round(ceiling, 0);
        Console.WriteLine($"ceiling: bare TwiML endpoint {ceiling:0} requests/s (64 connections, {o.Seconds} s)");

        var max = await CallsAsync(http, o, businesses, o.Calls, 0, TimeSpan.FromSeconds(o.Seconds), null);
        report["max"] = max.ToJson();
        Console.WriteLine($"maximum: {o.Calls} callers back to back: {max.VoiceRps:0} voice webhooks/s ({max.TurnRps:0} turns/s) = {100 * max.VoiceRps / ceiling:0.0} % of the ceiling; "
            + $"turn p50 {max.Turn.P50:0.0} / p99 {max.Turn.P99:0.0} ms; app CPU {max.AppCores:0.00} cores");

        await SettleOutboxAsync(businesses);
        var half = max.VoiceRps / 2;
        var latency = await CallsAsync(http, o, businesses, o.Calls, 0, TimeSpan.FromSeconds(o.Seconds), half);
        report["half_load"] = latency.ToJson();
        Console.WriteLine($"half load: {half:0} webhooks/s paced, {o.Calls} calls in flight: turn p50 {latency.Turn.P50:0.00} / p95 {latency.Turn.P95:0.00} / p99 {latency.Turn.P99:0.00} ms, in the app p50 {latency.TurnServer.P50:0.00} / p99 {latency.TurnServer.P99:0.00} ms "
            + $"(achieved {latency.VoiceRps:0}/s); app CPU {latency.AppCores:0.00} cores");

        await SettleOutboxAsync(businesses);
        var rounds = new JsonArray();
        var expected = new List<string>();
        for (var round = 1; round <= o.Rounds; round++)
        {
            var mixed = await CallsAsync(http, o, businesses, o.Calls, o.Chats, TimeSpan.FromSeconds(o.MixedSeconds), half);
            expected.AddRange(mixed.ExpectedLeads);
            var (emails, after) = await SettleOutboxAsync(businesses);
            var rss = o.AppPid is { } pid ? ResidentMegabytes(pid) : (double?)null;
            var node = mixed.ToJson();
            node["app_rss_mb_after"] = rss;
            // /health's metrics are for the platform admin; anonymous callers get component status only.
            using var healthRequest = new HttpRequestMessage(HttpMethod.Get, "/health");
            healthRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", s_adminToken);
            var health = await (await http.SendAsync(healthRequest)).Content.ReadFromJsonAsync<JsonObject>();
            var gcHeap = health?["metrics"]?["gc_heap_mb"]?.GetValue<long>();
            node["app_gc_heap_mb_after"] = gcHeap;
            node["app_session_copies_after"] = health?["metrics"]?["session_copies"]?.GetValue<long>();
            node["owner_emails_sent_after_round"] = emails;
            node["outbox_empty_seconds_after_round"] = Math.Round(after, 1);
            rounds.Add(node);
            Console.WriteLine($"mixed round {round}: {o.MixedSeconds} s, {mixed.Requests} requests ({mixed.VoiceRps:0} voice/s + {mixed.ChatRps:0} chat/s), statuses {mixed.Statuses}, "
                + $"turn p99 {mixed.Turn.P99:0.00} ms, chat p99 {mixed.Chat.P99:0.00} ms, 5xx {mixed.ServerErrors}, outbox empty {after:0} s later, app RSS after {rss:0} MB (managed heap {gcHeap} MB, {node["app_session_copies_after"]} session copies)");
        }

        report["mixed_rounds"] = rounds;
        var (stored, distinct) = await StoredLeadsAsync(expected);
        report["leads"] = new JsonObject { ["expected"] = expected.Count, ["stored"] = stored, ["distinct_sessions"] = distinct };
        Console.WriteLine($"leads: expected {expected.Count}, stored {stored} ({distinct} distinct sessions)");

        var size = await SessionSizeAsync(http, o, businesses[0]);
        report["ten_turn_session"] = size;
        Console.WriteLine($"session after a 10-turn call: {size["turns"]} turns, {size["json_bytes"]} bytes of JSON, {size["redis_memory_bytes"]} bytes in Redis (MEMORY USAGE)");

        var dir = Path.Combine(Environment.GetEnvironmentVariable("LEADSAGENT_BENCH_DIR") ?? ".data/bench");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"load-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(file, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"report: {file}");
        return 0;
    }

    sealed record Percentiles(double P50, double P95, double P99, double Max, int Count)
    {
        public static Percentiles Of(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            if (sorted.Length == 0)
            {
                return new Percentiles(0, 0, 0, 0, 0);
            }

            double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            return new Percentiles(Math.Round(At(0.50), 2), Math.Round(At(0.95), 2), Math.Round(At(0.99), 2), Math.Round(sorted[^1], 2), sorted.Length);
        }

        public JsonObject ToJson() => new() { ["p50_ms"] = P50, ["p95_ms"] = P95, ["p99_ms"] = P99, ["max_ms"] = Max, ["count"] = Count };
    }

    /// <summary><paramref name="TurnServer"/>: the same turns as the app timed them; the difference is queueing on the shared cores.</summary>
    sealed record PhaseResult(double Seconds, int Requests, double VoiceRps, double TurnRps, double ChatRps, Percentiles Turn, Percentiles TurnServer, Percentiles Webhook,
        Percentiles Chat, string Statuses, int ServerErrors, List<string> ExpectedLeads, double AppCores, double HarnessCores)
    {
        public JsonObject ToJson() => new()
        {
            ["seconds"] = Math.Round(Seconds, 1),
            ["requests"] = Requests,
            ["voice_webhooks_per_s"] = Math.Round(VoiceRps, 1),
            ["voice_turns_per_s"] = Math.Round(TurnRps, 1),
            ["chat_per_s"] = Math.Round(ChatRps, 1),
            ["voice_turn"] = Turn.ToJson(),
            ["voice_turn_in_app"] = TurnServer.ToJson(),
            ["voice_all_webhooks"] = Webhook.ToJson(),
            ["chat"] = Chat.ToJson(),
            ["statuses"] = Statuses,
            ["server_errors"] = ServerErrors,
            ["app_cpu_cores"] = Math.Round(AppCores, 2),
            ["harness_cpu_cores"] = Math.Round(HarnessCores, 2),
        };
    }

    /// <summary>
    /// <paramref name="calls"/> callers and <paramref name="chats"/> visitors, each starting a new conversation as soon as the
    /// last ended, until the time is up (conversations under way then finish). With a rate, every request first waits
    /// for a token, so the load is paced (open loop) rather than as fast as answers come back (closed loop).
    /// </summary>
    static async Task<PhaseResult> CallsAsync(HttpClient http, Options o, IReadOnlyList<Business> businesses, int calls, int chats, TimeSpan duration, double? rate)
    {
        var recorder = new Recorder();
        using var limiter = rate is { } r ? new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, (int)(r / 50)),
            TokensPerPeriod = Math.Max(1, (int)Math.Round(r / 100)),
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(10),
            QueueLimit = 100_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }) : null;
        Func<CancellationToken, ValueTask> pace = limiter is null ? _ => ValueTask.CompletedTask : async ct =>
        {
            using var lease = await limiter.AcquireAsync(1, ct);
        };
        var expected = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var stop = DateTime.UtcNow + duration;
        using var hard = new CancellationTokenSource(duration + TimeSpan.FromSeconds(60));
        var (appBefore, harnessBefore) = (AppCpuSeconds(o.AppPid), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
        var watch = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, calls).Select(i => Task.Run(async () =>
        {
            var n = 0;
            while (DateTime.UtcNow < stop && !hard.IsCancellationRequested)
            {
                var business = businesses[(i + n) % businesses.Count];
                var call = new VoiceCall(http, recorder, pace, o.Token, o.PublicBase, $"+1555{7000000 + (i * 131 + n) % 3000000:D7}", business.Number);
                try
                {
                    await call.RunAsync(VoiceCall.Openings[(i + n++) % VoiceCall.Openings.Length], 12, hard.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                if (call.Completed)
                {
                    expected.Enqueue(call.CallSid);
                }
            }
        }));
        var visitors = Enumerable.Range(0, chats).Select(i => Task.Run(async () =>
        {
            var n = 0;
            while (DateTime.UtcNow < stop && !hard.IsCancellationRequested)
            {
                var visitor = new ChatVisitor(http, recorder, pace, businesses[(i + n) % businesses.Count].Id);
                try
                {
                    await visitor.RunAsync(ChatVisitor.Openings[(i + n++) % ChatVisitor.Openings.Length], 8, hard.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                if (visitor.LeadCaptured && visitor.SessionId is { } id)
                {
                    expected.Enqueue(id);
                }
            }
        }));
        await Task.WhenAll(callers.Concat(visitors));
        var seconds = watch.Elapsed.TotalSeconds;
        var appCores = (AppCpuSeconds(o.AppPid) - appBefore) / seconds;
        var harnessCores = (Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - harnessBefore) / seconds;
        var samples = recorder.Drain();
        var voice = samples.Where(s => s.Kind.StartsWith("voice", StringComparison.Ordinal)).ToList();
        var statuses = string.Join(", ", samples.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
        return new PhaseResult(seconds, samples.Count, voice.Count / seconds, voice.Count(s => s.Kind == "voice-turn") / seconds,
            samples.Count(s => s.Kind == "chat") / seconds,
            Percentiles.Of(voice.Where(s => s.Kind == "voice-turn").Select(s => s.Ms)),
            Percentiles.Of(voice.Where(s => s.Kind == "voice-turn" && s.ServerMs is not null).Select(s => s.ServerMs!.Value)), Percentiles.Of(voice.Select(s => s.Ms)),
            Percentiles.Of(samples.Where(s => s.Kind == "chat").Select(s => s.Ms)), statuses, samples.Count(s => s.Status is >= 500 or 0),
            [.. expected], appCores, harnessCores);
    }

    /// <summary>The same host's bare endpoint, as fast as 64 connections can go: what Kestrel and the middleware allow.</summary>
    static async Task<double> CeilingAsync(HttpClient http, Options o, int connections)
    {
        var count = 0L;
        var stop = DateTime.UtcNow + TimeSpan.FromSeconds(o.Seconds);
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = "ACload000000000000000000000000000", ["CallSid"] = "CA" + Guid.NewGuid().ToString("N"), ["From"] = "+15557000000",
            ["To"] = "+15558000001", ["SpeechResult"] = "hi i'd like a quote to replace my old water heater", ["Confidence"] = "0.92",
        };
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (DateTime.UtcNow < stop)
            {
                using var response = await http.PostAsync("/api/bench/baseline", new FormUrlEncodedContent(form));
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"The baseline endpoint answered {(int)response.StatusCode}: start the app with Diagnostics__BaselineEndpoint=true (scripts/load does).");
                }

                await response.Content.ReadAsByteArrayAsync();
                Interlocked.Increment(ref count);
            }
        })));
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>PRO plumbing businesses with Twilio numbers for the callers (created once, found again on later runs).</summary>
    static string? s_adminToken;

    static async Task<IReadOnlyList<Business>> PrepareBusinessesAsync(HttpClient http, Options o)
    {
        var email = Environment.GetEnvironmentVariable("ADMIN_EMAIL") ?? "admin@leadsagent.test";
        var password = Environment.GetEnvironmentVariable("ADMIN_PASSWORD") ?? throw new InvalidOperationException("ADMIN_PASSWORD is not set (scripts/load sets it)");
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        s_adminToken = token;
        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await http.SendAsync(request);
        }

        var existing = (await (await SendAsync(HttpMethod.Get, "/api/platform/businesses")).Content.ReadFromJsonAsync<JsonArray>())!;
        var list = new List<Business>();
        for (var i = 1; i <= o.Businesses; i++)
        {
            var number = $"+1555800{i:D4}";
            var found = existing.FirstOrDefault(b => b!["twilioPhoneNumber"]?.GetValue<string>() == number);
            if (found is null)
            {
                var created = await SendAsync(HttpMethod.Post, "/api/platform/businesses", new
                {
                    name = $"Load Test Plumbing {i}", businessType = "PLUMBING", planTier = "PRO", twilioPhoneNumber = number,
                    ownerEmail = $"load-owner-{i}@leadsagent.test", ownerPassword = "Load-test-owner-1", notificationEmail = $"load-owner-{i}@leadsagent.test",
                });
                created.EnsureSuccessStatusCode();
                found = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
            }

            list.Add(new Business(found["id"]!.GetValue<Guid>(), number));
        }

        // Each run starts from nothing of its own: an outbox still sending a previous run's thousands of emails would
        // eat the CPU this run measures. Only the load-test businesses' rows are touched.
        await using var connection = await OpenDatabaseAsync();
        await using var clean = new NpgsqlBatch(connection);
        foreach (var table in new[] { "conversations", "notifications", "leads", "knowledge_gaps" })
        {
            var delete = new NpgsqlBatchCommand($"DELETE FROM {table} WHERE business_id = ANY($1)");
            delete.Parameters.AddWithValue(list.Select(b => b.Id).ToArray());
            clean.BatchCommands.Add(delete);
        }

        clean.Timeout = 600;
        await clean.ExecuteNonQueryAsync();
        return list;
    }

    /// <summary>
    /// Waits (at most five minutes) until the owner emails and alerts of the load businesses' leads are all sent, so the
    /// next phase measures its own work and not the outbox catching up on the last one; returns how many went out and
    /// how long that took.
    /// </summary>
    static async Task<(long Sent, double Seconds)> SettleOutboxAsync(IReadOnlyList<Business> businesses)
    {
        await using var connection = await OpenDatabaseAsync();
        var ids = businesses.Select(b => b.Id).ToArray();
        async Task<(long Pending, long Sent)> CountAsync()
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FILTER (WHERE status = 'PENDING'), count(*) FILTER (WHERE status = 'SENT') FROM notifications WHERE business_id = ANY($1)", connection);
            command.Parameters.AddWithValue(ids);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetInt64(0), reader.GetInt64(1));
        }

        var watch = Stopwatch.StartNew();
        var (pending, sentBefore) = await CountAsync();
        var sent = sentBefore;
        while (pending > 0 && watch.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(500);
            (pending, sent) = await CountAsync();
        }

        return (sent - sentBefore, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The app's database (DATABASE_URL, as scripts/load exports it), for counting what the app stored.</summary>
    static async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var url = Environment.GetEnvironmentVariable("DATABASE_URL") ?? throw new InvalidOperationException("DATABASE_URL is not set (scripts/load sets it)");
        var connection = new NpgsqlConnection(DatabaseUrl.ToConnectionString(url));
        await connection.OpenAsync();
        return connection;
    }

    static async Task<(long Stored, long Distinct)> StoredLeadsAsync(List<string> sessionIds)
    {
        await using var connection = await OpenDatabaseAsync();
        // Leads are written while the caller is still talking; give the last conversations a moment.
        (long, long) counts = (0, 0);
        for (var i = 0; i < 30; i++)
        {
            await using var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT session_id) FROM leads WHERE session_id = ANY($1)", connection);
            command.Parameters.AddWithValue(sessionIds.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            counts = (reader.GetInt64(0), reader.GetInt64(1));
            if (counts.Item1 >= sessionIds.Count)
            {
                break;
            }

            await Task.Delay(1000);
        }

        return counts;
    }

    /// <summary>A call that asks six questions before giving its details: its session's size in Redis after ten turns.</summary>
    static async Task<JsonObject> SessionSizeAsync(HttpClient http, Options o, Business business)
    {
        string[] script =
        [
            "what are your opening hours", "do you offer financing", "how much to replace a water heater", "are you licensed and insured",
            "do you serve shelbyville", "how soon could someone come out", "i'd like to book a water heater replacement", "jane doe", "no",
            "five five five two two two three three three three", "yes", "12 oak street springfield",
        ];
        var recorder = new Recorder();
        var call = new VoiceCall(http, recorder, _ => ValueTask.CompletedTask, o.Token, o.PublicBase, "+15557999999", business.Number);
        var sizes = new JsonObject();
        await call.RunAsync(script[0], 10, CancellationToken.None, script);
        var prefix = Environment.GetEnvironmentVariable("REDIS_KEY_PREFIX") ?? "la:";
        var key = prefix + "s:" + call.CallSid;
        sizes["turns"] = call.Turns;
        sizes["json_bytes"] = long.Parse((await RedisCli("HSTRLEN", key, "d")).Trim(), CultureInfo.InvariantCulture);
        sizes["redis_memory_bytes"] = long.TryParse((await RedisCli("MEMORY", "USAGE", key)).Trim(), CultureInfo.InvariantCulture, out var m) ? m : null;
        return sizes;
    }

    /// <summary>redis-cli against REDIS_URL (the private Redis scripts/services runs).</summary>
    static async Task<string> RedisCli(params string[] command)
    {
        var url = new Uri(Environment.GetEnvironmentVariable("REDIS_URL") ?? "redis://127.0.0.1:6379");
        var password = Uri.UnescapeDataString(url.UserInfo.Split(':').LastOrDefault() ?? "");
        var start = new ProcessStartInfo("redis-cli", ["-h", url.Host, "-p", url.Port.ToString(CultureInfo.InvariantCulture), "--no-auth-warning", .. password.Length > 0 ? new[] { "-a", password } : [], .. command])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    static double AppCpuSeconds(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/stat"))
        {
            return 0;
        }

        // Fields 14 and 15 (utime, stime) in clock ticks, after the parenthesised command name.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    static double? ResidentMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    static Options Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => int.TryParse(Arg(name), out var v) ? v : fallback;
        return new Options(
            Arg("url") ?? "http://127.0.0.1:5090",
            Environment.GetEnvironmentVariable("TWILIO_AUTH_TOKEN") ?? throw new InvalidOperationException("TWILIO_AUTH_TOKEN is not set (scripts/load sets it)"),
            Environment.GetEnvironmentVariable("TWILIO_WEBHOOK_BASE_URL") ?? throw new InvalidOperationException("TWILIO_WEBHOOK_BASE_URL is not set"),
            Int("seconds", 20), Int("mixed-seconds", 60), Int("rounds", 2), Int("calls", 200), Int("chats", 50),
            int.TryParse(Arg("app-pid"), out var pid) ? pid : null, Int("businesses", 5), Arg("only"), Int("warmup", 60), Int("rate", 800));
    }
}
