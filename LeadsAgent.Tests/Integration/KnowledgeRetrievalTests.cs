using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Tests.Support;
using Npgsql;

namespace LeadsAgent.Tests.Integration;

public class KnowledgeRetrievalTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    async Task AddPassageAsync(Guid businessId, string title, string content)
    {
        var doc = Guid.CreateVersion7();
        await fx.Database.ExecuteAsync($"""
            INSERT INTO knowledge_documents (id, business_id, title, content) VALUES ('{doc}', '{businessId}', '{title}', '{content}');
            INSERT INTO knowledge_chunks (id, document_id, business_id, ordinal, heading_path, content) VALUES ('{Guid.CreateVersion7()}', '{doc}', '{businessId}', 0, '{title}', '{content}');
            """);
    }

    [Fact]
    public async Task Full_text_retrieval_finds_the_right_passage_for_its_business_only()
    {
        var (a, _, _) = await fx.CreateBusinessAsync("PRO");
        var (b, _, _) = await fx.CreateBusinessAsync("PRO");
        await AddPassageAsync(a, "Opening hours", "We are open Monday to Friday from 7am to 6pm and on Saturdays until noon.");
        await AddPassageAsync(a, "Drain cleaning", "Drain cleaning starts at $149 for one drain.");
        await AddPassageAsync(b, "Opening hours", "Business B opens at 9am every day.");
        await using var source = NpgsqlDataSource.Create(fx.Database.ConnectionString);
        var retriever = new FullTextKnowledgeRetriever(source);

        var hours = await retriever.RetrieveAsync(a, "are you open on saturdays?", 3, TestContext.Current.CancellationToken);
        Assert.Equal("Opening hours", hours[0].Title);
        Assert.All(hours, p => Assert.DoesNotContain("Business B", p.Content, StringComparison.Ordinal));
        Assert.Empty(await retriever.RetrieveAsync(a, "do you sell garden gnomes", 3, TestContext.Current.CancellationToken));
        Assert.Empty(await retriever.RetrieveAsync(a, "?!", 3, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_emergency_audit_explains_the_priority_with_the_owner_keywords()
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("BASIC");
        await owner.PutAsJsonAsync("/api/admin/config", new { extraEmergencyKeywords = new[] { "sump pump alarm" } }, TestContext.Current.CancellationToken);

        var gas = await (await owner.PostAsJsonAsync("/api/admin/emergency/check", new { text = "I smell gas" }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("URGENT", gas["priority"]!.GetValue<string>());
        Assert.Equal("Gas", gas["hazard"]!.GetValue<string>());
        Assert.Contains("leave the building", gas["safetyScript"]!.GetValue<string>(), StringComparison.Ordinal);

        var keyword = await (await owner.PostAsJsonAsync("/api/admin/emergency/check", new { text = "the sump pump alarm is beeping" }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("owner_keyword", keyword["reasons"]![0]!["rule"]!.GetValue<string>());

        var fireplace = await (await owner.PostAsJsonAsync("/api/admin/emergency/check", new { text = "no gas smell, I just want a fireplace insert" }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("NORMAL", fireplace["priority"]!.GetValue<string>());
        Assert.Contains("negated", fireplace["ignored"]![0]!["rule"]!.GetValue<string>(), StringComparison.Ordinal);

        var empty = await owner.PostAsJsonAsync("/api/admin/emergency/check", new { text = "" }, TestContext.Current.CancellationToken);
        Assert.NotEmpty(ApiClient.ErrorsFor(await empty.JsonAsync(HttpStatusCode.BadRequest), "text"));
    }
}
