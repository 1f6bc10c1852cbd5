using System.Net;
using System.Net.Http.Json;
using System.Text;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace LeadsAgent.Tests.Integration;

public class KnowledgeApiTests(KnowledgeApiTests.Fixture fx) : IClassFixture<KnowledgeApiTests.Fixture>
{
    /// <summary>Page imports may reach loopback here: the fake web site runs on this machine.</summary>
    public sealed class Fixture : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?> { ["Knowledge:AllowPrivateUrls"] = "true" };
    }

    [Fact]
    public async Task An_owner_adds_reads_updates_and_deletes_an_entry()
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("FREE");
        var created = await (await owner.PostAsJsonAsync("/api/admin/knowledge", new { title = "Opening hours", content = "# Weekdays\nWe open at 7am.\n\n# Saturday\nWe open at 8am." }, TestContext.Current.CancellationToken))
            .JsonAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        Assert.Equal(2, created["passages"]!.GetValue<int>());

        var updated = await (await owner.PutAsJsonAsync($"/api/admin/knowledge/{id}", new { title = "Hours", content = "Open 7 to 6." }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, updated["passages"]!.GetValue<int>());
        Assert.Equal("Open 7 to 6.", (await (await owner.GetAsync($"/api/admin/knowledge/{id}", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK))["content"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/admin/knowledge/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/admin/knowledge/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM knowledge_chunks WHERE document_id = '{id}'"));
    }

    [Fact]
    public async Task A_free_business_gets_the_upgrade_body_past_ten_entries_and_for_imports()
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("FREE");
        for (var i = 0; i < 10; i++)
        {
            await (await owner.PostAsJsonAsync("/api/admin/knowledge", new { title = $"Entry {i}", content = $"Answer {i}." }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.Created);
        }

        var eleventh = await (await owner.PostAsJsonAsync("/api/admin/knowledge", new { title = "One more", content = "Too many." }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Plan upgrade required", eleventh["error"]!.GetValue<string>());
        Assert.Equal("BASIC", eleventh["requiredPlan"]!.GetValue<string>());
        var import = await owner.PostAsync("/api/admin/knowledge/import/csv", new StringContent("q,a"), TestContext.Current.CancellationToken);
        Assert.Equal("FREE", (await import.JsonAsync(HttpStatusCode.Forbidden))["currentPlan"]!.GetValue<string>());
    }

    [Fact]
    public async Task Csv_and_json_imports_store_every_pair_or_nothing()
    {
        var (businessId, owner, _) = await fx.CreateBusinessAsync("BASIC");
        var csv = "question,answer\n\"Do you take cards?\",\"Yes, all major cards.\"\nAre you insured?,Fully insured.\n";
        var imported = await (await owner.PostAsync("/api/admin/knowledge/import/csv", new StringContent(csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, imported["imported"]!.GetValue<int>());

        var json = await (await owner.PostAsJsonAsync("/api/admin/knowledge/import/json", new[] { new { question = "Financing?", answer = "12 months same as cash." } }, TestContext.Current.CancellationToken))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, json["imported"]!.GetValue<int>());

        var badRow = await owner.PostAsync("/api/admin/knowledge/import/csv", new StringContent("Good?,Yes\nMissing answer,\n", Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        Assert.Contains("Row 2", (await badRow.JsonAsync(HttpStatusCode.BadRequest))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var badJson = await owner.PostAsync("/api/admin/knowledge/import/json", new StringContent("{\"question\":\"not an array\"}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(3L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM knowledge_documents WHERE business_id = '{businessId}'"));
    }

    [Fact]
    public async Task A_web_page_is_imported_as_text_and_bad_urls_are_refused_with_a_reason()
    {
        await using var site = await FakeHttpServer.StartAsync((req, ctx) =>
        {
            switch (req.PathAndQuery)
            {
                case "/services":
                    ctx.Response.ContentType = "text/html; charset=utf-8";
                    return ctx.Response.WriteAsync("""
                        <html><head><title>Our services</title><script>var x = "ignore me";</script></head>
                        <body><nav>Home | About</nav><h1>Drain cleaning</h1><p>We clear any drain for <b>$149</b>.</p>
                        <h2>Camera inspection</h2><ul><li>Sewer camera: $225</li></ul><footer>Copyright</footer></body></html>
                        """);
                case "/price.pdf":
                    ctx.Response.ContentType = "application/pdf";
                    return ctx.Response.WriteAsync("%PDF-1.4");
                default:
                    ctx.Response.StatusCode = 404;
                    return Task.CompletedTask;
            }
        });
        var (businessId, owner, _) = await fx.CreateBusinessAsync("PRO");

        var page = await (await owner.PostAsJsonAsync("/api/admin/knowledge/import/url", new { url = site.BaseUrl + "/services" }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Our services", page["title"]!.GetValue<string>());
        var content = page["content"]!.GetValue<string>();
        Assert.Contains("# Drain cleaning", content, StringComparison.Ordinal);
        Assert.Contains("We clear any drain for $149.", content, StringComparison.Ordinal);
        Assert.DoesNotContain("ignore me", content, StringComparison.Ordinal);
        Assert.DoesNotContain("Home | About", content, StringComparison.Ordinal);
        Assert.Equal("URL", page["source"]!.GetValue<string>());

        foreach (var (url, reason) in new[] { (site.BaseUrl + "/price.pdf", "not a web page"), (site.BaseUrl + "/missing", "answered with an error"), ("ftp://example.com/x", "https://"), ("http://127.0.0.1:1/", "could not be fetched") })
        {
            var refused = await (await owner.PostAsJsonAsync("/api/admin/knowledge/import/url", new { url }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.BadRequest);
            var detail = refused["detail"]!.GetValue<string>();
            Assert.Contains(reason, detail, StringComparison.Ordinal);
            // What a server answered is not repeated: the address might be one the owner should not be probing.
            Assert.DoesNotContain("404", detail, StringComparison.Ordinal);
            Assert.DoesNotContain("pdf", detail, StringComparison.Ordinal);
        }

        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM knowledge_documents WHERE business_id = '{businessId}'"));
    }

    [Fact]
    public async Task Empty_and_oversized_entries_are_400_and_nothing_is_stored()
    {
        var (businessId, owner, _) = await fx.CreateBusinessAsync("PRO");
        var empty = await owner.PostAsJsonAsync("/api/admin/knowledge", new { title = "Empty", content = "   " }, TestContext.Current.CancellationToken);
        Assert.NotEmpty(ApiClient.ErrorsFor(await empty.JsonAsync(HttpStatusCode.BadRequest), "content"));
        var huge = await owner.PostAsJsonAsync("/api/admin/knowledge", new { title = "Huge", content = new string('x', 100_001) }, TestContext.Current.CancellationToken);
        Assert.NotEmpty(ApiClient.ErrorsFor(await huge.JsonAsync(HttpStatusCode.BadRequest), "content"));
        var bigImport = await owner.PostAsync("/api/admin/knowledge/import/csv", new StringContent(new string('a', 1024 * 1024 + 10), Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        Assert.Contains("1 MB", (await bigImport.JsonAsync(HttpStatusCode.BadRequest))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM knowledge_documents WHERE business_id = '{businessId}'"));
    }

    [Fact]
    public async Task Another_business_cannot_read_change_or_delete_an_entry()
    {
        var (_, ownerA, _) = await fx.CreateBusinessAsync("BASIC");
        var (_, ownerB, _) = await fx.CreateBusinessAsync("BASIC");
        var id = (await (await ownerA.PostAsJsonAsync("/api/admin/knowledge", new { title = "Secret prices", content = "A's prices." }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        Assert.Equal(HttpStatusCode.NotFound, (await ownerB.GetAsync($"/api/admin/knowledge/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ownerB.PutAsJsonAsync($"/api/admin/knowledge/{id}", new { title = "x", content = "y" }, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ownerB.DeleteAsync($"/api/admin/knowledge/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Empty((await (await ownerB.GetAsync("/api/admin/knowledge", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK)).AsArray());
    }
}
