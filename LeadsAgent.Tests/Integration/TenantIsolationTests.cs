using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Tests.Support;

namespace LeadsAgent.Tests.Integration;

public class TenantIsolationTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task An_owner_cannot_read_or_change_another_business_questions()
    {
        var (_, ownerA, _) = await fx.CreateBusinessAsync("PRO");
        var (_, ownerB, _) = await fx.CreateBusinessAsync("PRO");
        var questionOfB = (await (await ownerB.GetAsync("/api/admin/questions", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK))[0]!["id"]!.GetValue<Guid>();

        var put = await ownerA.PutAsJsonAsync($"/api/admin/questions/{questionOfB}", new { questionText = "hijacked" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ownerA.DeleteAsync($"/api/admin/questions/{questionOfB}", TestContext.Current.CancellationToken)).StatusCode);

        var questionsOfA = (await (await ownerA.GetAsync("/api/admin/questions", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK)).AsArray();
        Assert.DoesNotContain(questionsOfA, q => q!["id"]!.GetValue<Guid>() == questionOfB);
        var reorder = await ownerA.PostAsJsonAsync("/api/admin/questions/reorder",
            new { questionIds = questionsOfA.Select(q => q!["id"]!.GetValue<Guid>()).Append(questionOfB) }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, reorder.StatusCode);
        Assert.NotEqual("hijacked", (await (await ownerB.GetAsync("/api/admin/questions", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK))[0]!["questionText"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_owner_cannot_see_another_business_leads()
    {
        var (idA, ownerA, _) = await fx.CreateBusinessAsync("BASIC");
        var (idB, _, _) = await fx.CreateBusinessAsync("BASIC");
        var leadOfA = await LeadSeeder.InsertAsync(fx.Database, idA);
        var leadOfB = await LeadSeeder.InsertAsync(fx.Database, idB);

        Assert.Equal(HttpStatusCode.NotFound, (await ownerA.GetAsync($"/api/admin/leads/{leadOfB}", TestContext.Current.CancellationToken)).StatusCode);
        var patch = await ownerA.PatchAsJsonAsync($"/api/admin/leads/{leadOfB}", new { status = "CLOSED" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        var list = (await (await ownerA.GetAsync("/api/admin/leads", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK)).AsArray();
        Assert.Equal([leadOfA], list.Select(l => l!["id"]!.GetValue<Guid>()));
        Assert.Equal("NEW", await fx.Database.ScalarAsync<string>($"SELECT status FROM leads WHERE id = '{leadOfB}'"));
    }

    [Fact]
    public async Task Each_owner_sees_only_their_own_business_and_config()
    {
        var (idA, ownerA, _) = await fx.CreateBusinessAsync("FREE");
        var (idB, ownerB, _) = await fx.CreateBusinessAsync("PRO");
        await ownerB.PutAsJsonAsync("/api/admin/config", new { agentName = "Bea" }, TestContext.Current.CancellationToken);

        Assert.Equal(idA, (await (await ownerA.GetAsync("/api/admin/business", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK))["id"]!.GetValue<Guid>());
        Assert.Equal(idB, (await (await ownerB.GetAsync("/api/admin/business", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK))["id"]!.GetValue<Guid>());
        var configA = await (await ownerA.GetAsync("/api/admin/config", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.NotEqual("Bea", configA["agentName"]!.GetValue<string>());
        Assert.Equal("FREE", configA["planTier"]!.GetValue<string>());
    }
}
