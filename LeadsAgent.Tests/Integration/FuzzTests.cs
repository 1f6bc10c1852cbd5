using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>
/// Hostile input at every public endpoint: none may get a 5xx, hang, crash the app or corrupt a session. `./test` sends
/// 3,000 requests; LEADSAGENT_FUZZ_COUNT sends more (the README's long run).
/// </summary>
public class FuzzTests(FuzzTests.Fixture fx) : IClassFixture<FuzzTests.Fixture>
{
    const string Token = "fuzz-token";
    const string PublicBase = "https://voice.fuzz.test";

    public sealed class Fixture : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "ACfuzz000000000000000000000000000",
            ["Twilio:AuthToken"] = Token,
            ["Twilio:WebhookBaseUrl"] = PublicBase,
            // The flood limits would answer most chat requests with 429 before the handler is reached.
            ["Chat:BurstPerClient"] = "1000000",
            ["Chat:MessagesPerBusinessPerMinute"] = "1000000",
            ["Logging:LogLevel:Default"] = "Error",
            // Hostile sign-ins fail by the hundred; the floor under each failure would only make the run longer.
            ["Auth:FailedSignInFloorMs"] = "0",
            ["Auth:FailedSignInBurstPerClient"] = "1000000",
        };

        /// <summary>Kestrel on a loopback port: the real HTTP parser sees the bytes, and a crash shows as a broken connection.</summary>
        protected override void ConfigureApp(AppFactory app)
        {
            app.UseKestrel(0);
            app.StartServer();
        }

        public HttpClient Network() => new(new SocketsHttpHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
        };
    }

    static int Seed => int.TryParse(Environment.GetEnvironmentVariable("LEADSAGENT_FUZZ_SEED"), out var n) ? n : 20261121;

    static int Count => int.TryParse(Environment.GetEnvironmentVariable("LEADSAGENT_FUZZ_COUNT"), out var n) && n > 0 ? n : 3000;

    async Task<JsonNode> ChatAsync(Guid businessId, string? sessionId, string message) =>
        await (await fx.Anonymous().PostAsJsonAsync("/api/chat", new { businessId, sessionId, message }, TestContext.Current.CancellationToken))
            .JsonAsync(HttpStatusCode.OK);

    [Fact]
    public async Task Hostile_requests_to_every_public_endpoint_never_get_a_5xx_hang_or_corrupt_a_session()
    {
        var ct = TestContext.Current.CancellationToken;
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (businessId, ownerOfCalls, _) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        var (adminBusinessId, owner, _) = await fx.CreateBusinessAsync("PRO", "HVAC");
        var ownerToken = owner.DefaultRequestHeaders.Authorization!.Parameter!;

        // Conversations under way that the fuzz must not disturb: one it never names, one it aims at constantly.
        var canary = await ChatAsync(businessId, null, "my kitchen sink is clogged and won't drain");
        var canaryId = canary["sessionId"]!.GetValue<string>();
        await ChatAsync(businessId, canaryId, "Sam Carter");
        var victim = (await ChatAsync(businessId, null, "hello"))["sessionId"]!.GetValue<string>();
        var call = new TwilioCaller(fx.Anonymous(), Token, PublicBase, "+15557654321", number);
        await call.DialAsync();
        await call.SayAsync("help my basement is flooding theres water everywhere");
        var victimCall = new TwilioCaller(fx.Anonymous(), Token, PublicBase, "+15551230000", number);
        await victimCall.DialAsync();

        var targets = new FuzzTargets(businessId, adminBusinessId, number, victim, victimCall.CallSid, ownerToken, fx.AdminToken, Token, PublicBase);
        var generator = new HostileRequests(targets, Seed);
        var requests = Enumerable.Range(0, Count).Select(_ => generator.Next()).ToList();
        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();
        using var http = fx.Network();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (request, token) =>
        {
            var what = $"{request.Method} {request.RequestUri}";
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                using var response = await http.SendAsync(request, timeout.Token);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Enqueue($"{(int)response.StatusCode} {what}: {await response.Content.ReadAsStringAsync(token)}");
                }
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                failures.Enqueue($"hang (no answer in 10 s) {what}");
            }
            catch (HttpRequestException ex)
            {
                failures.Enqueue($"connection broken ({ex.Message}) {what}");
            }
        });

        var summary = $"fuzz: {requests.Count} requests (seed {Seed}), statuses " + string.Join(", ", statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}×{kv.Value}"));
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Directory.CreateDirectory(E2E.BrowserFixture.ArtifactsDirectory);
        await File.WriteAllTextAsync(Path.Combine(E2E.BrowserFixture.ArtifactsDirectory, "fuzz-summary.txt"), summary + "\n" + string.Join("\n", failures), ct);
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20)));
        Assert.Equal(requests.Count, statuses.Values.Sum());

        // Still alive, and the conversations go on as if nothing happened.
        (await http.GetAsync("/health/live", ct)).EnsureSuccessStatusCode();
        var next = await ChatAsync(businessId, canaryId, "555 303 4040");
        Assert.Contains("address", next["reply"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        await call.SayAsync("jane doe");
        Assert.Contains("best number", call.LastSaid, StringComparison.Ordinal);
        foreach (var id in new[] { victim, victimCall.CallSid })
        {
            var stored = await ownerOfCalls.GetAsync($"/api/admin/sessions/{id}", ct);
            Assert.True(stored.StatusCode == HttpStatusCode.OK, $"session {id} reads back as {(int)stored.StatusCode}");
        }

        var afterVictim = await fx.Anonymous().PostAsJsonAsync("/api/chat", new { businessId, sessionId = victim, message = "do you fix water heaters?" }, ct);
        Assert.True(afterVictim.StatusCode is HttpStatusCode.OK or HttpStatusCode.Gone, $"the fuzzed session answers {(int)afterVictim.StatusCode}");
    }
}
