using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Tests.Support;

namespace LeadsAgent.Tests.Integration;

public class OwnerApiTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task An_owner_updates_their_business_details()
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("BASIC");
        var response = await owner.PutAsJsonAsync("/api/admin/business", new
        {
            name = "Renamed Plumbing",
            notificationEmail = "alerts@renamed.example",
            notificationPhoneNumber = "(555) 300-0001",
            backupPhoneNumber = "555 300 0002",
            timeZone = "Europe/London",
        }, TestContext.Current.CancellationToken);
        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Renamed Plumbing", body["name"]!.GetValue<string>());
        Assert.Equal("+15553000002", body["backupPhoneNumber"]!.GetValue<string>());
        var again = await (await owner.GetAsync("/api/admin/business", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Europe/London", again["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_owner_updates_the_agent_and_the_change_persists()
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("FREE");
        var response = await owner.PutAsJsonAsync("/api/admin/config", new
        {
            agentName = "Sam",
            welcomeMessage = "Hi! Sam here.",
            colorTheme = new { primary = "#112233", secondary = "#AABBCC" },
            allowedWidgetOrigins = new[] { "https://www.example.com/", "https://shop.example.com" },
            extraEmergencyKeywords = new[] { "Sump Pump Alarm" },
        }, TestContext.Current.CancellationToken);
        await response.JsonAsync(HttpStatusCode.OK);

        var config = await (await owner.GetAsync("/api/admin/config", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Sam", config["agentName"]!.GetValue<string>());
        Assert.Equal("#aabbcc", config["colorTheme"]!["secondary"]!.GetValue<string>());
        Assert.Equal(["https://www.example.com", "https://shop.example.com"], config["allowedWidgetOrigins"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("sump pump alarm", config["extraEmergencyKeywords"]![0]!.GetValue<string>());
        Assert.Equal(5, config["questionLimit"]!.GetValue<int>());
    }

    [Fact]
    public async Task Voice_settings_need_pro_and_the_refusal_carries_the_plan_body()
    {
        var (_, basic, _) = await fx.CreateBusinessAsync("BASIC");
        var refused = await basic.PutAsJsonAsync("/api/admin/config", new { twilioVoice = "Polly.Joanna-Neural" }, TestContext.Current.CancellationToken);
        var body = await refused.JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Plan upgrade required", body["error"]!.GetValue<string>());
        Assert.Equal("BASIC", body["currentPlan"]!.GetValue<string>());
        Assert.Equal("PRO", body["requiredPlan"]!.GetValue<string>());
        Assert.Equal("/account/plan", body["upgradeUrl"]!.GetValue<string>());
        var unchanged = await (await basic.GetAsync("/api/admin/config", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("alice", unchanged["twilioVoice"]!.GetValue<string>());

        var (_, pro, _) = await fx.CreateBusinessAsync("PRO");
        var accepted = await pro.PutAsJsonAsync("/api/admin/config", new { twilioVoice = "Polly.Amy-Neural", twilioLanguage = "en-GB" }, TestContext.Current.CancellationToken);
        Assert.Equal("Polly.Amy-Neural", (await accepted.JsonAsync(HttpStatusCode.OK))["twilioVoice"]!.GetValue<string>());
        var mismatch = await pro.PutAsJsonAsync("/api/admin/config", new { twilioVoice = "Polly.Joanna-Neural" }, TestContext.Current.CancellationToken);
        Assert.NotEmpty(ApiClient.ErrorsFor(await mismatch.JsonAsync(HttpStatusCode.BadRequest), "twilioVoice"));
    }

    [Fact]
    public async Task Questions_are_added_edited_reordered_and_deleted()
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("PRO");
        var added = await (await owner.PostAsJsonAsync("/api/admin/questions", new
        {
            questionText = "When did the problem start?",
            expectedFormat = "DATE",
            isRequired = false,
        }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.Created);
        var id = added["id"]!.GetValue<Guid>();

        var edited = await (await owner.PutAsJsonAsync($"/api/admin/questions/{id}", new
        {
            questionText = "When did it start?",
            expectedFormat = "DATE",
            isEssentialForEmergency = true,
        }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.True(edited["isEssentialForEmergency"]!.GetValue<bool>());

        var list = (await (await owner.GetAsync("/api/admin/questions", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK)).AsArray();
        var reversed = list.Select(q => q!["id"]!.GetValue<Guid>()).Reverse().ToList();
        var reordered = (await (await owner.PostAsJsonAsync("/api/admin/questions/reorder", new { questionIds = reversed }, TestContext.Current.CancellationToken))
            .JsonAsync(HttpStatusCode.OK)).AsArray();
        Assert.Equal("When did it start?", reordered[0]!["questionText"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(1, reordered.Count), reordered.Select(q => q!["order"]!.GetValue<int>()));

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/admin/questions/{id}", TestContext.Current.CancellationToken)).StatusCode);
        var after = (await (await owner.GetAsync("/api/admin/questions", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK)).AsArray();
        Assert.Equal(list.Count - 1, after.Count);
        Assert.Equal(Enumerable.Range(1, after.Count), after.Select(q => q!["order"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_free_business_gets_the_upgrade_body_for_a_sixth_question()
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("FREE", "PLUMBING");
        var existing = (await (await owner.GetAsync("/api/admin/questions", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK)).AsArray().Count;
        for (var i = existing; i < 5; i++)
        {
            await (await owner.PostAsJsonAsync("/api/admin/questions", new { questionText = $"Extra {i}" }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.Created);
        }

        var sixth = await owner.PostAsJsonAsync("/api/admin/questions", new { questionText = "One too many" }, TestContext.Current.CancellationToken);
        var body = await sixth.JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Plan upgrade required", body["error"]!.GetValue<string>());
        Assert.Equal("FREE", body["currentPlan"]!.GetValue<string>());
        Assert.Equal("BASIC", body["requiredPlan"]!.GetValue<string>());
        Assert.Equal(5, (await (await owner.GetAsync("/api/admin/questions", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK)).AsArray().Count);
    }

    [Fact]
    public async Task Updating_a_lead_changes_its_status_and_notes()
    {
        var (businessId, owner, _) = await fx.CreateBusinessAsync("BASIC");
        var leadId = await LeadSeeder.InsertAsync(fx.Database, businessId, "URGENT");
        var patched = await owner.PatchAsJsonAsync($"/api/admin/leads/{leadId}", new { status = "CONTACTED", notes = "Called back at 9" }, TestContext.Current.CancellationToken);
        var body = await patched.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("CONTACTED", body["lead"]!["status"]!.GetValue<string>());
        Assert.Equal("Called back at 9", body["notes"]!.GetValue<string>());

        var back = await owner.PatchAsJsonAsync($"/api/admin/leads/{leadId}", new { status = "NEW" }, TestContext.Current.CancellationToken);
        Assert.NotEmpty(ApiClient.ErrorsFor(await back.JsonAsync(HttpStatusCode.BadRequest), "status"));

        var urgent = await (await owner.GetAsync("/api/admin/leads?priority=urgent", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Single(urgent.AsArray());
        var none = await (await owner.GetAsync("/api/admin/leads?priority=LOW", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(none.AsArray());
    }
}
