using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>
/// Per-client limits over real Kestrel, with visitors on different loopback addresses (Linux answers all of
/// 127.0.0.0/8), and a reverse proxy at 127.0.0.1 whose forwarded headers are believed while nobody else's are.
/// </summary>
public class ClientAddressTests(ClientAddressTests.Fixture fx) : IClassFixture<ClientAddressTests.Fixture>
{
    public sealed class Fixture : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Chat:BurstPerClient"] = "3",
            ["Chat:SecondsPerMessage"] = "3600",
            ["Chat:MessagesPerBusinessPerMinute"] = "12",
            ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
            ["Auth:FailedSignInBurstPerClient"] = "3",
            ["Auth:SecondsPerFailedSignIn"] = "3600",
        };

        protected override void ConfigureApp(AppFactory app)
        {
            app.UseKestrel(0);
            app.StartServer();
        }

        public Uri BaseAddress => new(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>A client whose connections come from the given loopback address.</summary>
    HttpClient From(string address) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    })
    { BaseAddress = fx.BaseAddress };

    static async Task<HttpStatusCode> ChatAsync(HttpClient client, Guid businessId, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new { businessId, message = "hello" }) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return (await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode;
    }

    [Fact]
    public async Task One_visitor_flooding_the_chat_does_not_shut_it_for_the_other_visitors()
    {
        var (id, _, _) = await fx.CreateBusinessAsync("PRO");
        using var flooder = From("127.0.0.2");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add(await ChatAsync(flooder, id));
        }

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(27, statuses.Count(s => s == HttpStatusCode.TooManyRequests));

        // The 27 refused messages spent nothing of the business's 12 a minute: other visitors still get answers.
        foreach (var visitor in new[] { "127.0.0.3", "127.0.0.4", "127.0.0.5" })
        {
            using var client = From(visitor);
            Assert.Equal(HttpStatusCode.OK, await ChatAsync(client, id));
        }
    }

    [Fact]
    public async Task Forwarded_headers_are_believed_from_the_configured_proxy_only()
    {
        var (id, _, _) = await fx.CreateBusinessAsync("PRO");

        // Behind the proxy each visitor has its own allowance, told apart by X-Forwarded-For.
        using var proxy = From("127.0.0.1");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await ChatAsync(proxy, id, "203.0.113.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await ChatAsync(proxy, id, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await ChatAsync(proxy, id, "203.0.113.8"));

        // Anyone else who sends the header is not believed: a new forged address does not buy a new allowance.
        using var forger = From("127.0.0.6");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await ChatAsync(forger, id, $"198.51.100.{i}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await ChatAsync(forger, id, "198.51.100.99"));
    }

    [Fact]
    public async Task Failed_sign_ins_are_limited_per_client_address_across_accounts()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("FREE");
        async Task<HttpStatusCode> LoginAsync(HttpClient client, string who, string password) =>
            (await client.PostAsJsonAsync("/api/auth/login", new { email = who, password }, TestContext.Current.CancellationToken)).StatusCode;

        // Password spraying: a few wrong guesses at different accounts from one address...
        using var sprayer = From("127.0.0.8");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(sprayer, $"victim-{i}@example.com", "Summer2026!"));
        }

        // ...and that address must wait, even with a right password; other addresses are not affected.
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(sprayer, email, "Owner-password-1"));
        using var owner = From("127.0.0.9");
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(owner, email, "Owner-password-1"));
    }

    [Fact]
    public async Task Behind_a_tls_proxy_responses_get_hsts_and_a_forged_scheme_does_not()
    {
        async Task<bool> HstsAsync(HttpClient client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
            request.Headers.Add("X-Forwarded-Proto", "https");
            return (await client.SendAsync(request, TestContext.Current.CancellationToken)).Headers.Contains("Strict-Transport-Security");
        }

        using var proxy = From("127.0.0.1");
        using var forger = From("127.0.0.7");
        Assert.True(await HstsAsync(proxy));
        Assert.False(await HstsAsync(forger));
    }
}
