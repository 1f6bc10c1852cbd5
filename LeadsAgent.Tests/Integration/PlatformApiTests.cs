using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Tests.Support;

namespace LeadsAgent.Tests.Integration;

public class PlatformApiTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task Creating_a_business_sets_up_its_agent_questions_and_owner()
    {
        var response = await fx.Admin().PostAsJsonAsync("/api/platform/businesses", new
        {
            name = "  Bright Law LLP ",
            businessType = "LAW",
            planTier = "BASIC",
            twilioPhoneNumber = "(555) 201-0001",
            notificationPhoneNumber = "+1 555 201 0002",
            ownerEmail = "partner@brightlaw.example",
            ownerPassword = "Bright-law-2026",
        }, TestContext.Current.CancellationToken);
        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Bright Law LLP", created["name"]!.GetValue<string>());
        Assert.Equal("+15552010001", created["twilioPhoneNumber"]!.GetValue<string>());
        Assert.Equal($"/api/platform/businesses/{created["id"]}", response.Headers.Location!.OriginalString);

        var owner = fx.Anonymous().WithToken(await ApiClient.LoginAsync(fx.Anonymous(), "partner@brightlaw.example", "Bright-law-2026"));
        var config = await (await owner.GetAsync("/api/admin/config", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Hello! How can I help you today?", config["welcomeMessage"]!.GetValue<string>());
        Assert.Equal("alice", config["twilioVoice"]!.GetValue<string>());
        Assert.Equal("en-US", config["twilioLanguage"]!.GetValue<string>());
        Assert.Equal("BASIC", config["planTier"]!.GetValue<string>());
        var questions = await (await owner.GetAsync("/api/admin/questions", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(questions.AsArray(), q => q!["expectedFormat"]!.GetValue<string>() == "PHONE" && q["isEssentialForEmergency"]!.GetValue<bool>());
        var business = await (await owner.GetAsync("/api/admin/business", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("partner@brightlaw.example", business["notificationEmail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Listing_shows_created_businesses()
    {
        var (id, _, _) = await fx.CreateBusinessAsync("FREE", "HVAC");
        var list = await (await fx.Admin().GetAsync("/api/platform/businesses", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(list.AsArray(), b => b!["id"]!.GetValue<Guid>() == id && b["businessType"]!.GetValue<string>() == "HVAC");
    }

    [Fact]
    public async Task Changing_a_plan_takes_effect_and_is_audited()
    {
        var (id, owner, _) = await fx.CreateBusinessAsync("FREE");
        var response = await fx.Admin().PutAsJsonAsync($"/api/platform/businesses/{id}/plan", new { planTier = "PRO", reason = "Asked for the phone agent" }, TestContext.Current.CancellationToken);
        Assert.Equal("PRO", (await response.JsonAsync(HttpStatusCode.OK))["planTier"]!.GetValue<string>());

        var config = await (await owner.GetAsync("/api/admin/config", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("PRO", config["planTier"]!.GetValue<string>());
        Assert.False(config["showBranding"]!.GetValue<bool>());
        Assert.Equal($"FREE>PRO by {AppFactory.AdminEmail}", await fx.Database.ScalarAsync<string>(
            $"SELECT from_plan || '>' || to_plan || ' by ' || changed_by_email FROM plan_changes WHERE business_id = '{id}'"));
    }

    [Fact]
    public async Task A_duplicate_owner_email_is_409_and_writes_nothing()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("FREE");
        var before = await fx.Database.ScalarAsync<long>("SELECT count(*) FROM businesses");
        var response = await fx.Admin().PostAsJsonAsync("/api/platform/businesses", new
        {
            name = "Copycat",
            businessType = "OTHER",
            planTier = "FREE",
            ownerEmail = email,
            ownerPassword = "Another-password-1",
        }, TestContext.Current.CancellationToken);
        var problem = await response.JsonAsync(HttpStatusCode.Conflict);
        Assert.NotEmpty(ApiClient.ErrorsFor(problem, "ownerEmail"));
        Assert.Equal(before, await fx.Database.ScalarAsync<long>("SELECT count(*) FROM businesses"));
    }

    [Fact]
    public async Task A_weak_owner_password_is_400_and_rolls_back_the_business()
    {
        var before = await fx.Database.ScalarAsync<long>("SELECT count(*) FROM businesses");
        var response = await fx.Admin().PostAsJsonAsync("/api/platform/businesses", new
        {
            name = "Weak Password Plumbing",
            businessType = "PLUMBING",
            planTier = "FREE",
            ownerEmail = "weak@example.com",
            ownerPassword = "aaaaaaaaaa",
        }, TestContext.Current.CancellationToken);
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(ApiClient.ErrorsFor(problem, "ownerPassword"));
        Assert.Equal(before, await fx.Database.ScalarAsync<long>("SELECT count(*) FROM businesses"));
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>("SELECT count(*) FROM users WHERE email = 'weak@example.com'"));
    }

    [Fact]
    public async Task A_twilio_number_already_in_use_is_409()
    {
        await fx.CreateBusinessAsync("PRO", twilioNumber: "+15559870001");
        var response = await fx.Admin().PostAsJsonAsync("/api/platform/businesses", new
        {
            name = "Second",
            businessType = "OTHER",
            planTier = "PRO",
            twilioPhoneNumber = "555-987-0001",
            ownerEmail = "second@example.com",
            ownerPassword = "Second-password-1",
        }, TestContext.Current.CancellationToken);
        Assert.NotEmpty(ApiClient.ErrorsFor(await response.JsonAsync(HttpStatusCode.Conflict), "twilioPhoneNumber"));
    }

    [Fact]
    public async Task Changing_the_plan_of_an_unknown_business_is_404()
    {
        var response = await fx.Admin().PutAsJsonAsync($"/api/platform/businesses/{Guid.NewGuid()}/plan", new { planTier = "PRO", reason = "Asked for the phone agent" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
