using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.CircuitBench;

/// <summary>
/// One dashboard tab without a browser: what blazor.web.js does for an interactive Server page, over the same wire.
/// It loads the prerendered page with the owner's cookie, opens a SignalR connection to /_blazor with the "blazorpack"
/// (MessagePack) protocol, calls StartCircuit and then UpdateRootComponents with the page's component markers and
/// persisted state, acknowledges every render batch (OnRenderCompleted, in order, as the browser does after applying
/// it) and answers the server's JS interop calls with what a quiet browser would answer (no saved theme, light
/// system theme, not muted, notifications denied). It never applies batches to a DOM: it only looks for text in them.
/// </summary>
public sealed partial class CircuitClient : IAsyncDisposable
{
    static readonly byte[] s_interactive = "data-interactive"u8.ToArray();
    readonly HubConnection _connection;
    readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly Action<CircuitClient, int, long> _seen;
    readonly HashSet<int> _seenEvents = [];

    public int Id { get; }
    /// <summary>Set once the circuit is open and belongs to the measured set; renders of others are not counted.</summary>
    public volatile bool Counted;
    public long Batches;
    public long BatchBytes;
    public string? Error { get; private set; }
    public bool Closed { get; private set; }
    public static readonly Dictionary<string, int> UnknownInterop = [];

    CircuitClient(int id, HubConnection connection, Action<CircuitClient, int, long> seen)
    {
        Id = id;
        _connection = connection;
        _seen = seen;
    }

    /// <summary>Opens the circuit and waits until the layout says it is interactive (its first render after the circuit started).</summary>
    public static async Task<CircuitClient> OpenAsync(int id, HttpClient http, Uri baseUri, string path, string cookie, Action<CircuitClient, int, long> seen, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, path));
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} (signed out?)");
        }

        var html = await response.Content.ReadAsStringAsync(ct);
        var operations = new JsonArray();
        var ssrId = 1;
        foreach (Match m in MarkerPattern().Matches(html))
        {
            var marker = JsonNode.Parse(m.Groups["json"].Value)!.AsObject();
            if (marker["type"]?.GetValue<string>() is not "server")
            {
                continue; // end markers carry only the prerender id
            }

            marker["uniqueId"] = ssrId - 1;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = ssrId++, ["marker"] = marker });
        }

        if (operations.Count == 0)
        {
            throw new InvalidOperationException($"GET {path} has no interactive server components");
        }

        var state = StatePattern().Match(html) is { Success: true } s ? s.Groups["state"].Value : "";

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), o =>
            {
                o.Headers["Cookie"] = cookie;
                o.Transports = HttpTransportType.WebSockets;
            });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var connection = builder.Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(5);
        connection.HandshakeTimeout = TimeSpan.FromMinutes(2);
        var client = new CircuitClient(id, connection, seen);
        connection.On("JS.RenderBatch", [typeof(long), typeof(byte[])], args => client.OnBatchAsync((long)args[0]!, (byte[])args[1]!));
        connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long)],
            args => client.OnInvokeJsAsync((long)args[0]!, (string)args[1]!, (string?)args[2], (int)args[3]!));
        connection.On("JS.Error", [typeof(string)], args =>
        {
            client.Error ??= "JS.Error: " + args[0];
            client._ready.TrySetException(new InvalidOperationException(client.Error));
            return Task.CompletedTask;
        });
        connection.Closed += ex =>
        {
            client.Closed = true;
            client.Error ??= "closed: " + (ex?.Message ?? "by the server");
            client._ready.TrySetException(new InvalidOperationException(client.Error));
            return Task.CompletedTask;
        };

        try
        {
            await connection.StartAsync(ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        var secret = await connection.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), new Uri(baseUri, path).ToString(), "[]", "", ct);
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException("StartCircuit refused");
        }

        var update = new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString();
        try
        {
            await connection.SendAsync("UpdateRootComponents", update, state, ct);
            await client._ready.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }

        return client;
    }

    async Task OnBatchAsync(long batchId, byte[] data)
    {
        var at = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref Batches);
        Interlocked.Add(ref BatchBytes, data.Length);
        // The browser acknowledges once it applied the batch; the server holds back later batches until it does.
        await _connection.SendAsync("OnRenderCompleted", batchId, null);
        foreach (var eventId in EventNames.Find(data))
        {
            if (_seenEvents.Add(eventId))
            {
                _seen(this, eventId, at);
            }
        }

        if (!_ready.Task.IsCompleted && data.AsSpan().IndexOf(s_interactive) >= 0)
        {
            _ready.TrySetResult();
        }
    }

    async Task OnInvokeJsAsync(long handle, string identifier, string? argsJson, int resultType)
    {
        if (handle == 0)
        {
            return; // fire and forget
        }

        // resultType 3 is "void": the value is ignored. Otherwise what a browser without preferences would answer.
        var result = resultType == 3 ? null : identifier switch
        {
            "leadsAgent.theme.saved" => (object?)null,
            "leadsAgent.alerts.muted" => false,
            "leadsAgent.alerts.permission" => "denied",
            "leadsAgent.alerts.raise" => null,
            "mudThemeProvider.getSystemDarkMode" or "darkModeChange" => false,
            _ => Unknown(identifier, resultType),
        };
        var payload = JsonSerializer.Serialize(new object?[] { handle, true, result });
        await _connection.SendAsync("EndInvokeJSFromDotNet", handle, true, payload);
    }

    static object? Unknown(string identifier, int resultType)
    {
        lock (UnknownInterop)
        {
            UnknownInterop[$"{identifier} (result type {resultType})"] = UnknownInterop.GetValueOrDefault($"{identifier} (result type {resultType})") + 1;
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _connection.DisposeAsync();
        }
        catch (Exception)
        {
            // closing at the end of the run; nothing to report
        }
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)-->")]
    private static partial Regex StatePattern();

    /// <summary>blazor.web.js's protocol: SignalR's MessagePack protocol under the name the Blazor hub accepts.</summary>
    sealed class BlazorPackProtocol : IHubProtocol
    {
        readonly MessagePackHubProtocol _inner = new();

        public string Name => "blazorpack";

        public int Version => _inner.Version;

        public TransferFormat TransferFormat => TransferFormat.Binary;

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);

        public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
            _inner.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);
    }
}

/// <summary>
/// The load's unique caller names, "Zed Q" and six letters that spell the event number, so a render batch names
/// the events it shows without the client keeping a list of them.
/// </summary>
public static class EventNames
{
    static readonly byte[] s_prefix = "Zed Q"u8.ToArray();
    const int Letters = 6;

    public static string For(int eventId)
    {
        var chars = new char[Letters];
        for (var i = Letters - 1; i >= 0; i--)
        {
            chars[i] = (char)('a' + (eventId % 26));
            eventId /= 26;
        }

        return "Zed Q" + new string(chars);
    }

    public static List<int> Find(ReadOnlySpan<byte> data)
    {
        var found = new List<int>();
        var offset = 0;
        while (true)
        {
            var at = data[offset..].IndexOf(s_prefix);
            if (at < 0)
            {
                return found;
            }

            var start = offset + at + s_prefix.Length;
            if (start + Letters > data.Length)
            {
                return found;
            }

            var id = 0;
            var ok = true;
            for (var i = 0; i < Letters; i++)
            {
                var b = data[start + i];
                if (b is < (byte)'a' or > (byte)'z')
                {
                    ok = false;
                    break;
                }

                id = (id * 26) + (b - 'a');
            }

            if (ok)
            {
                found.Add(id);
            }

            offset = start;
        }
    }

    public static string Format(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Ascii(byte[] data) => Encoding.ASCII.GetString(data);
}
