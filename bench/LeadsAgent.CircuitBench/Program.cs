using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeadsAgent.CircuitBench;
using Microsoft.Diagnostics.NETCore.Client;

// How many dashboards one instance holds (bench/CIRCUITS.md): N headless circuits on one business's overview page
// while visitors' chats make emergency leads; memory per circuit and event-to-screen latency at each N.
var o = Options.Parse(args);
if (o is null)
{
    Console.Error.WriteLine("""
        usage: LeadsAgent.CircuitBench --url http://127.0.0.1:5190 --app-pid PID [--n 50,200,500] [--seconds 60] [--warmup 20]
               [--leads-per-second 10] [--page /] [--out file.json]
        """);
    return 2;
}

var baseUri = new Uri(o.Url.TrimEnd('/') + "/");
using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 256 })
{
    BaseAddress = baseUri,
    Timeout = TimeSpan.FromSeconds(60),
};
var cookie = await SignInAsync(baseUri, "owner@acme-plumbing.test", "AcmeDemo!2026");
var adminToken = await BearerAsync(http, "admin@leadsagent.test", "AdminDemo!2026");
var businessId = await BusinessIdAsync(http, cookie);
Console.WriteLine($"circuit bench: {baseUri}, page {o.Page}, business {businessId}, {Environment.ProcessorCount} cores shared by the app, PostgreSQL, Redis and this bench");

var sentAt = new ConcurrentDictionary<int, long>();
var latencies = new List<double>();
var measuring = false;
var measuredEvents = new ConcurrentDictionary<int, int>();
void Seen(CircuitClient client, int eventId, long at)
{
    if (measuring && client.Counted && sentAt.TryGetValue(eventId, out var sent) && measuredEvents.ContainsKey(eventId))
    {
        measuredEvents.AddOrUpdate(eventId, 1, (_, c) => c + 1);
        lock (latencies)
        {
            latencies.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
        }
    }
}

var circuits = new List<CircuitClient>();
var openErrors = new List<string>();
var nextCircuit = 0;
var nextEvent = 0;
var rows = new List<JsonObject>();

// Warm-up: the app's and the bench's hot paths JIT-compiled (a few circuits and a little load), then thrown away.
Console.WriteLine($"warm-up: 5 circuits, {o.Warmup} s of load");
var warm = await OpenAsync(5);
await LoadAsync(TimeSpan.FromSeconds(o.Warmup), false);
foreach (var c in warm)
{
    await c.DisposeAsync();
}

circuits.Clear();
await Task.Delay(TimeSpan.FromSeconds(5)); // disconnected circuits leave the server (no reconnection is pending: the client closed cleanly)
var baseline = await MemoryAsync();
Console.WriteLine($"baseline (0 circuits, after a full GC): working set {baseline.WorkingSetMb:0} MB, GC heap {baseline.GcHeapMb:0} MB");

foreach (var n in o.Counts)
{
    var openWatch = Stopwatch.StartNew();
    var opened = await OpenAsync(n - circuits.Count);
    circuits.AddRange(opened);
    foreach (var c in opened)
    {
        c.Counted = true;
    }
    openWatch.Stop();
    var open = circuits.Count(c => !c.Closed);
    var afterOpen = await MemoryAsync();
    Console.WriteLine($"N={n}: {open} circuits open ({openErrors.Count} failed to open so far) in {openWatch.Elapsed.TotalSeconds:0.0} s; "
        + $"working set {afterOpen.WorkingSetMb:0} MB, GC heap {afterOpen.GcHeapMb:0} MB");

    lock (latencies)
    {
        latencies.Clear();
    }

    measuredEvents.Clear();
    var cpuBefore = AppCpuSeconds(o.AppPid);
    var benchBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    var loadWatch = Stopwatch.StartNew();
    measuring = true;
    var load = await LoadAsync(TimeSpan.FromSeconds(o.Seconds), true);
    var loadSeconds = loadWatch.Elapsed.TotalSeconds;
    var appCores = (AppCpuSeconds(o.AppPid) - cpuBefore) / loadSeconds;
    var benchCores = (Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - benchBefore) / loadSeconds;
    var peakDuringLoad = load.PeakWorkingSetMb;
    // Late renders still count (and show in p95); after 15 s a render is called missed.
    await Task.Delay(TimeSpan.FromSeconds(15));
    measuring = false;

    double[] sorted;
    lock (latencies)
    {
        sorted = [.. latencies.Order()];
    }

    var alive = circuits.Count(c => !c.Closed);
    var closedDuringLoad = open - alive;
    var expected = (long)measuredEvents.Count * alive;
    var missed = expected - sorted.Length;
    var row = new JsonObject
    {
        ["n"] = n,
        ["circuits_open"] = alive,
        ["open_failures"] = openErrors.Count,
        ["open_seconds"] = Math.Round(openWatch.Elapsed.TotalSeconds, 1),
        ["ws_before_mb"] = Math.Round(baseline.WorkingSetMb, 0),
        ["ws_after_mb"] = Math.Round(afterOpen.WorkingSetMb, 0),
        ["ws_peak_under_load_mb"] = Math.Round(peakDuringLoad, 0),
        ["gc_heap_before_mb"] = Math.Round(baseline.GcHeapMb, 1),
        ["gc_heap_after_mb"] = Math.Round(afterOpen.GcHeapMb, 1),
        ["ws_per_circuit_mb"] = Math.Round((afterOpen.WorkingSetMb - baseline.WorkingSetMb) / open, 3),
        ["gc_heap_per_circuit_mb"] = Math.Round((afterOpen.GcHeapMb - baseline.GcHeapMb) / open, 3),
        ["leads_sent"] = load.Leads,
        ["leads_per_second"] = Math.Round(load.Leads / loadSeconds, 1),
        ["chat_errors"] = load.Errors,
        ["chat_request_p50_ms"] = Math.Round(load.RequestP50, 1),
        ["chat_request_p95_ms"] = Math.Round(load.RequestP95, 1),
        ["circuits_closed_during_load"] = closedDuringLoad,
        ["renders_expected"] = expected,
        ["renders_seen"] = sorted.Length,
        ["renders_missed"] = missed,
        ["latency_p50_ms"] = Math.Round(Percentile(sorted, 0.50), 1),
        ["latency_p95_ms"] = Math.Round(Percentile(sorted, 0.95), 1),
        ["latency_p99_ms"] = Math.Round(Percentile(sorted, 0.99), 1),
        ["latency_max_ms"] = Math.Round(sorted.LastOrDefault(), 1),
        ["app_cpu_cores"] = Math.Round(appCores, 2),
        ["bench_cpu_cores"] = Math.Round(benchCores, 2),
        ["circuit_errors"] = string.Join("; ", circuits.Where(c => c.Error is not null).Select(c => c.Error).Distinct().Take(3)),
    };
    rows.Add(row);
    Console.WriteLine($"N={n}: {load.Leads} emergency leads in {loadSeconds:0} s ({load.Leads / loadSeconds:0.0}/s, {load.Errors} chat errors, chat request p50 {load.RequestP50:0} / p95 {load.RequestP95:0} ms); "
        + $"event-to-screen p50 {Percentile(sorted, 0.5):0} / p95 {Percentile(sorted, 0.95):0} / p99 {Percentile(sorted, 0.99):0} / max {sorted.LastOrDefault():0} ms over {sorted.Length} renders, "
        + $"{missed} of {expected} missed; per open circuit {(afterOpen.WorkingSetMb - baseline.WorkingSetMb) / open:0.000} MB working set, {(afterOpen.GcHeapMb - baseline.GcHeapMb) / open:0.000} MB GC heap; "
        + $"peak working set under load {peakDuringLoad:0} MB; app CPU {appCores:0.00} cores, bench {benchCores:0.00}");
}

lock (CircuitClient.UnknownInterop)
{
    foreach (var (call, count) in CircuitClient.UnknownInterop)
    {
        Console.WriteLine($"note: answered JS interop '{call}' with null ({count} times)");
    }
}

foreach (var e in openErrors.Distinct().Take(5))
{
    Console.WriteLine($"open error: {e}");
}

var report = new JsonObject
{
    ["when"] = DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture),
    ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
    ["options"] = JsonSerializer.SerializeToNode(o),
    ["rows"] = new JsonArray([.. rows]),
};
if (o.Out is { } outFile)
{
    await File.WriteAllTextAsync(outFile, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
}

foreach (var c in circuits)
{
    await c.DisposeAsync();
}

return 0;

async Task<List<CircuitClient>> OpenAsync(int count)
{
    var opened = new ConcurrentBag<CircuitClient>();
    var gate = new SemaphoreSlim(4);
    var tasks = Enumerable.Range(0, count).Select(async _ =>
    {
        await gate.WaitAsync();
        try
        {
            var id = Interlocked.Increment(ref nextCircuit);
            opened.Add(await CircuitClient.OpenAsync(id, http, baseUri, o.Page, cookie, Seen, CancellationToken.None));
        }
        catch (Exception ex)
        {
            lock (openErrors)
            {
                openErrors.Add($"{ex.GetType().Name}: {ex.Message}");
            }
        }
        finally
        {
            gate.Release();
        }
    });
    await Task.WhenAll(tasks);
    return [.. opened];
}

// Emergency leads at a steady rate: each is one website visitor's chat, an emergency with a unique name, then the
// phone number, which stores the URGENT lead and publishes it (lead.captured, after the first message's
// emergency.detected). The clock starts when the second message is sent.
async Task<LoadResult> LoadAsync(TimeSpan duration, bool measure)
{
    var watch = Stopwatch.StartNew();
    var interval = TimeSpan.FromSeconds(1.0 / o.LeadsPerSecond);
    var running = new List<Task>();
    var errors = 0;
    var requestMs = new ConcurrentBag<double>();
    var peak = 0.0;
    var leads = 0;
    for (var i = 0; watch.Elapsed < duration; i++)
    {
        var due = interval * i;
        if (due > watch.Elapsed)
        {
            await Task.Delay(due - watch.Elapsed);
        }

        var eventId = Interlocked.Increment(ref nextEvent);
        leads++;
        running.Add(Task.Run(async () =>
        {
            try
            {
                var first = await ChatAsync(null, $"Burst pipe flooding my basement! This is {EventNames.For(eventId)}, 12 Elm Street");
                if (first is null)
                {
                    Interlocked.Increment(ref errors);
                    return;
                }

                var sent = Stopwatch.GetTimestamp();
                sentAt[eventId] = sent;
                if (measure)
                {
                    measuredEvents[eventId] = 0;
                }

                var second = await ChatAsync(first, $"(617) 555-01{eventId % 100:00}");
                requestMs.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (second is null)
                {
                    Interlocked.Increment(ref errors);
                    measuredEvents.TryRemove(eventId, out var _);
                }
            }
            catch (Exception)
            {
                Interlocked.Increment(ref errors);
                measuredEvents.TryRemove(eventId, out var _);
            }
        }));
        if (i % o.LeadsPerSecond == 0)
        {
            peak = Math.Max(peak, WorkingSetMb(o.AppPid));
        }
    }

    await Task.WhenAll(running);
    var ms = requestMs.Order().ToArray();
    return new LoadResult(leads, errors, Percentile(ms, 0.5), Percentile(ms, 0.95), peak);
}

async Task<string?> ChatAsync(string? sessionId, string message)
{
    using var response = await http.PostAsJsonAsync("/api/chat", new { businessId, sessionId, message });
    if (!response.IsSuccessStatusCode)
    {
        return null;
    }

    var body = await response.Content.ReadFromJsonAsync<JsonObject>();
    return body?["sessionId"]?.GetValue<string>();
}

// A full blocking GC in the app (what dotnet-gcdump asks for over EventPipe), then the managed heap it left and
// the process's resident set.
async Task<Memory> MemoryAsync()
{
    try
    {
        var client = new DiagnosticsClient(o.AppPid);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, 0x1 | 0x800000)], requestRundown: false);
        var drain = session.EventStream.CopyToAsync(Stream.Null);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await session.StopAsync(CancellationToken.None);
        await drain.WaitAsync(TimeSpan.FromSeconds(10));
    }
    catch (Exception ex)
    {
        Console.WriteLine($"note: could not induce a GC in the app ({ex.GetType().Name}: {ex.Message}); the heap is the last GC's");
    }

    await Task.Delay(TimeSpan.FromSeconds(1));
    using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
    request.Headers.Authorization = new("Bearer", adminToken);
    using var response = await http.SendAsync(request);
    var health = await response.Content.ReadFromJsonAsync<JsonNode>();
    var heap = Find(health, "gc_heap_mb") ?? double.NaN;
    return new Memory(WorkingSetMb(o.AppPid), heap);
}

static double? Find(JsonNode? node, string name) => node switch
{
    JsonObject obj => obj.TryGetPropertyValue(name, out var v) && v is JsonValue value ? value.GetValue<double>()
        : obj.Select(p => Find(p.Value, name)).FirstOrDefault(x => x is not null),
    JsonArray arr => arr.Select(x => Find(x, name)).FirstOrDefault(x => x is not null),
    _ => null,
};

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

static double WorkingSetMb(int pid)
{
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}

static double AppCpuSeconds(int pid)
{
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

static async Task<string> SignInAsync(Uri baseUri, string email, string password)
{
    var jar = new CookieContainer();
    using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = baseUri };
    var html = await client.GetStringAsync("/login");
    var fields = Regex.Matches(html, "<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")
        .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
    fields["Input.Email"] = email;
    fields["Input.Password"] = password;
    using var response = await client.PostAsync("/login", new FormUrlEncodedContent(fields));
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"sign-in as {email} answered {(int)response.StatusCode}");
    }

    return jar.GetCookieHeader(baseUri);
}

static async Task<string> BearerAsync(HttpClient http, string email, string password)
{
    using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
    response.EnsureSuccessStatusCode();
    var body = await response.Content.ReadFromJsonAsync<JsonObject>();
    return body!["accessToken"]!.GetValue<string>();
}

static async Task<Guid> BusinessIdAsync(HttpClient http, string cookie)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, "/");
    request.Headers.Add("Cookie", cookie);
    using var response = await http.SendAsync(request);
    var html = await response.Content.ReadAsStringAsync();
    var m = Regex.Match(html, "/demo/(?<id>[0-9a-f-]{36})");
    return m.Success ? Guid.Parse(m.Groups["id"].Value) : throw new InvalidOperationException("no business id on the overview page");
}

sealed record Memory(double WorkingSetMb, double GcHeapMb);

sealed record LoadResult(int Leads, int Errors, double RequestP50, double RequestP95, double PeakWorkingSetMb);

sealed record Options(string Url, int AppPid, int[] Counts, int Seconds, int Warmup, int LeadsPerSecond, string Page, string? Out)
{
    public static Options? Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (Arg("--url") is not { } url || Arg("--app-pid") is not { } pid)
        {
            return null;
        }

        return new Options(
            url,
            int.Parse(pid, CultureInfo.InvariantCulture),
            [.. (Arg("--n") ?? "50,200,500").Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture))],
            int.Parse(Arg("--seconds") ?? "60", CultureInfo.InvariantCulture),
            int.Parse(Arg("--warmup") ?? "20", CultureInfo.InvariantCulture),
            int.Parse(Arg("--leads-per-second") ?? "10", CultureInfo.InvariantCulture),
            Arg("--page") ?? "/",
            Arg("--out"));
    }
}
