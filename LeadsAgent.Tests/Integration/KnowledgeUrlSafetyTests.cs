using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using LeadsAgent.Infrastructure.Net;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeadsAgent.Tests.Integration;

/// <summary>Page imports with the production address rules: nothing on the server's own networks is fetched or stored.</summary>
public class KnowledgeUrlSafetyTests(KnowledgeUrlSafetyTests.Fixture fx) : IClassFixture<KnowledgeUrlSafetyTests.Fixture>
{
    /// <summary>
    /// Knowledge:AllowPrivateUrls stays off. Linux answers all of 127.0.0.0/8 on loopback, so a "public" site listens on
    /// 127.0.0.2, which this policy alone lets through, while 127.0.0.1 stays private; made-up host names resolve
    /// through <see cref="ScriptedResolver"/>.
    /// </summary>
    public sealed class Fixture : PlatformFixture
    {
        public ScriptedResolver Resolver { get; } = new();

        protected override void ConfigureApp(AppFactory app) => app.TestServices = services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IOutboundAddressPolicy>(new StandInPublicPolicy()));
            services.Replace(ServiceDescriptor.Singleton<IHostNameResolver>(Resolver));
        };
    }

    static readonly IPAddress s_publicStandIn = IPAddress.Parse("127.0.0.2");

    static readonly IPAddress s_internal = IPAddress.Loopback;

    sealed class StandInPublicPolicy : IOutboundAddressPolicy
    {
        public bool IsAllowed(IPAddress address) => address.Equals(s_publicStandIn) || PublicAddress.IsPublic(address);
    }

    /// <summary>Answers each host name from a script (the last answer repeats) and counts the look-ups.</summary>
    public sealed class ScriptedResolver : IHostNameResolver
    {
        readonly ConcurrentDictionary<string, IPAddress[][]> _answers = new(StringComparer.OrdinalIgnoreCase);
        readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.OrdinalIgnoreCase);

        public void Answer(string hostName, params IPAddress[][] answers) => _answers[hostName] = answers;

        public int Calls(string hostName) => _calls.GetValueOrDefault(hostName);

        public Task<IPAddress[]> ResolveAsync(string hostName, CancellationToken ct)
        {
            var call = _calls.AddOrUpdate(hostName, 1, (_, n) => n + 1) - 1;
            return _answers.TryGetValue(hostName, out var answers)
                ? Task.FromResult(answers[Math.Min(call, answers.Length - 1)])
                : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
        }
    }

    const string ServicesPage = """
        <html><head><title>Our services</title></head>
        <body><h1>Drain cleaning</h1><p>We clear any drain for $149.</p></body></html>
        """;

    /// <summary>
    /// The "public" site on 127.0.0.2 and an internal one on 127.0.0.1 at the same port, so a host name that switches
    /// from one address to the other names the same URL on both.
    /// </summary>
    sealed class Sites(FakeHttpServer site, FakeHttpServer internalSite) : IAsyncDisposable
    {
        public FakeHttpServer Site { get; } = site;

        public FakeHttpServer Internal { get; } = internalSite;

        public int Port => Site.Port;

        public static async Task<Sites> StartAsync(Func<FakeHttpServer.RecordedRequest, HttpContext, Task> site)
        {
            for (var attempt = 1; ; attempt++)
            {
                var publicSite = await FakeHttpServer.StartAsync(site, s_publicStandIn.ToString());
                try
                {
                    var internalSite = await FakeHttpServer.StartAsync((_, ctx) =>
                    {
                        ctx.Response.ContentType = "text/html; charset=utf-8";
                        return ctx.Response.WriteAsync("<html><head><title>Internal admin</title></head><body><p>Database password: hunter2</p></body></html>");
                    }, s_internal.ToString(), publicSite.Port);
                    return new Sites(publicSite, internalSite);
                }
                catch (IOException) when (attempt < 5)
                {
                    // The port was free on 127.0.0.2 but taken on 127.0.0.1; try another.
                    await publicSite.DisposeAsync();
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Site.DisposeAsync();
            await Internal.DisposeAsync();
        }
    }

    static Task Redirect(HttpContext ctx, int status, string location)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    static Task Page(HttpContext ctx, string contentType, byte[] body)
    {
        ctx.Response.ContentType = contentType;
        return ctx.Response.Body.WriteAsync(body).AsTask();
    }

    async Task<long> DocumentsAsync(Guid businessId) =>
        await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM knowledge_documents WHERE business_id = '{businessId}'");

    static Task<HttpResponseMessage> ImportAsync(HttpClient owner, string url) =>
        owner.PostAsJsonAsync("/api/admin/knowledge/import/url", new { url }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_redirect_from_a_public_page_to_a_private_address_is_refused_and_nothing_is_stored()
    {
        await using var sites = await Sites.StartAsync((req, ctx) => req.PathAndQuery switch
        {
            "/to-loopback" => Redirect(ctx, 302, $"http://127.0.0.1:{ctx.Request.Host.Port}/admin"),
            "/to-internal-name" => Redirect(ctx, 301, $"http://intranet.example.test:{ctx.Request.Host.Port}/admin"),
            "/to-unspecified" => Redirect(ctx, 307, $"http://[::]:{ctx.Request.Host.Port}/admin"),
            "/to-metadata" => Redirect(ctx, 308, "http://169.254.169.254/latest/meta-data/"),
            _ => Redirect(ctx, 303, $"http://[::ffff:127.0.0.1]:{ctx.Request.Host.Port}/admin"),
        });
        fx.Resolver.Answer("intranet.example.test", [s_internal]);
        var (businessId, owner, _) = await fx.CreateBusinessAsync("PRO");

        foreach (var path in new[] { "/to-loopback", "/to-internal-name", "/to-unspecified", "/to-metadata", "/to-mapped" })
        {
            var refused = await (await ImportAsync(owner, sites.Site.BaseUrl + path)).JsonAsync(HttpStatusCode.BadRequest);
            var detail = refused["detail"]!.GetValue<string>();
            Assert.Contains("redirects to a private network", detail, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", detail, StringComparison.Ordinal);
        }

        Assert.Empty(sites.Internal.Requests);
        Assert.Equal(0L, await DocumentsAsync(businessId));
    }

    [Fact]
    public async Task Three_redirects_are_followed_with_one_look_up_per_hop_and_a_fourth_is_refused()
    {
        await using var sites = await Sites.StartAsync((req, ctx) =>
        {
            // /chain/n redirects n more times, by a relative Location, before the page.
            var left = int.Parse(req.PathAndQuery["/chain/".Length..], System.Globalization.CultureInfo.InvariantCulture);
            return left > 0 ? Redirect(ctx, 302, $"{left - 1}") : Page(ctx, "text/html", System.Text.Encoding.UTF8.GetBytes(ServicesPage));
        });
        fx.Resolver.Answer("three.example.test", [s_publicStandIn]);
        fx.Resolver.Answer("four.example.test", [s_publicStandIn]);
        var (businessId, owner, _) = await fx.CreateBusinessAsync("PRO");

        var page = await (await ImportAsync(owner, $"http://three.example.test:{sites.Port}/chain/3")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Our services", page["title"]!.GetValue<string>());
        Assert.Equal(4, fx.Resolver.Calls("three.example.test"));

        var refused = await (await ImportAsync(owner, $"http://four.example.test:{sites.Port}/chain/4")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("redirects too many times", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(4, sites.Site.Requests.Count(r => r.PathAndQuery.StartsWith("/chain/", StringComparison.Ordinal) && r.Headers["Host"].StartsWith("four.", StringComparison.Ordinal)));
        Assert.Equal(1L, await DocumentsAsync(businessId));
    }

    [Fact]
    public async Task An_address_that_is_or_resolves_to_a_private_network_is_refused_before_any_request()
    {
        await using var sites = await Sites.StartAsync((_, ctx) => Page(ctx, "text/html", System.Text.Encoding.UTF8.GetBytes(ServicesPage)));
        fx.Resolver.Answer("intranet.example.test", [s_internal]);
        // One private address among public ones is enough to refuse: the connection could go to any of them.
        fx.Resolver.Answer("mixed.example.test", [s_publicStandIn, s_internal]);
        var (businessId, owner, _) = await fx.CreateBusinessAsync("PRO");

        foreach (var host in new[] { "intranet.example.test", "mixed.example.test", "127.0.0.1", "[::]", "[::ffff:127.0.0.1]", "0.0.0.0" })
        {
            var refused = await (await ImportAsync(owner, $"http://{host}:{sites.Port}/admin")).JsonAsync(HttpStatusCode.BadRequest);
            Assert.Contains("is on a private network", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(1, fx.Resolver.Calls("mixed.example.test"));
        Assert.Empty(sites.Internal.Requests);
        Assert.Empty(sites.Site.Requests);
        Assert.Equal(0L, await DocumentsAsync(businessId));
    }

    [Fact]
    public async Task A_host_name_that_rebinds_to_a_private_address_after_the_check_is_fetched_from_the_checked_address()
    {
        await using var sites = await Sites.StartAsync((_, ctx) => Page(ctx, "text/html", System.Text.Encoding.UTF8.GetBytes(ServicesPage)));
        // A rebinding DNS server: a public answer for the check, the private one for any later look-up.
        fx.Resolver.Answer("rebind.example.test", [s_publicStandIn], [s_internal]);
        var (businessId, owner, _) = await fx.CreateBusinessAsync("PRO");

        var page = await (await ImportAsync(owner, $"http://rebind.example.test:{sites.Port}/services")).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("Our services", page["title"]!.GetValue<string>());
        Assert.Equal(1, fx.Resolver.Calls("rebind.example.test"));
        // The connection went to the checked address; the request still names the host (Host header, and SNI over TLS).
        Assert.StartsWith("rebind.example.test:", Assert.Single(sites.Site.Requests).Headers["Host"], StringComparison.Ordinal);
        Assert.Empty(sites.Internal.Requests);
        Assert.Equal(1L, await DocumentsAsync(businessId));
    }

    [Fact]
    public async Task A_page_in_an_unknown_character_set_is_a_400_and_a_windows_1252_page_is_read()
    {
        await using var sites = await Sites.StartAsync((req, ctx) => req.PathAndQuery == "/bogus"
            ? Page(ctx, "text/html; charset=x-bogus", System.Text.Encoding.UTF8.GetBytes(ServicesPage))
            // "Café" with é as the single byte 0xE9, which UTF-8 could not read.
            : Page(ctx, "text/html; charset=windows-1252", [.. "<html><head><title>Caf"u8, 0xE9, .. "</title></head><body><p>Open daily.</p></body></html>"u8]));
        var (businessId, owner, _) = await fx.CreateBusinessAsync("PRO");

        var refused = await (await ImportAsync(owner, sites.Site.BaseUrl + "/bogus")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("That page uses a character set we cannot read.", refused["detail"]!.GetValue<string>());
        Assert.NotEmpty(ApiClient.ErrorsFor(refused, "url"));
        Assert.Equal(0L, await DocumentsAsync(businessId));

        var page = await (await ImportAsync(owner, sites.Site.BaseUrl + "/latin")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Café", page["title"]!.GetValue<string>());
    }
}
