using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Tests.Support;

namespace LeadsAgent.Tests.Integration;

public class BadInputTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    const string ValidRest = "\"businessType\":\"PLUMBING\",\"ownerEmail\":\"x@example.com\",\"ownerPassword\":\"Long-enough-1\"";

    [Theory]
    [InlineData("{\"name\": \"Acme\", ", "body")]
    [InlineData("{\"name\": 123, \"planTier\": \"PRO\", " + ValidRest + "}", "name")]
    [InlineData("{\"name\": \"Acme\", \"planTier\": \"GOLD\", " + ValidRest + "}", "planTier")]
    [InlineData("{\"name\": \"Acme\", \"planTier\": 2, " + ValidRest + "}", "planTier")]
    [InlineData("{\"name\": \"   \", \"planTier\": \"PRO\", " + ValidRest + "}", "name")]
    [InlineData("{\"planTier\": \"PRO\", " + ValidRest + "}", "name")]
    [InlineData("{\"name\": \"Acme\", " + ValidRest + "}", "planTier")]
    [InlineData("{\"name\": \"Acme\", \"planTier\": \"PRO\", \"twilioPhoneNumber\": \"not a phone\", " + ValidRest + "}", "twilioPhoneNumber")]
    [InlineData("{\"name\": \"Acme\", \"planTier\": \"PRO\", \"timeZone\": \"Mars/Olympus\", " + ValidRest + "}", "timeZone")]
    public async Task Bad_platform_requests_are_400_naming_the_field_and_write_nothing(string json, string field)
    {
        var before = await fx.Database.ScalarAsync<long>("SELECT count(*) FROM businesses");
        var response = await fx.Admin().SendJsonAsync(HttpMethod.Post, "/api/platform/businesses", json);
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotEmpty(ApiClient.ErrorsFor(problem, field));
        Assert.Equal(before, await fx.Database.ScalarAsync<long>("SELECT count(*) FROM businesses"));
    }

    [Fact]
    public async Task An_over_long_name_is_rejected()
    {
        var response = await fx.Admin().PostAsJsonAsync("/api/platform/businesses", new
        {
            name = new string('a', 201),
            businessType = "OTHER",
            planTier = "FREE",
            ownerEmail = "long@example.com",
            ownerPassword = "Long-enough-1",
        }, TestContext.Current.CancellationToken);
        Assert.Contains("200", ApiClient.ErrorsFor(await response.JsonAsync(HttpStatusCode.BadRequest), "name")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_body_or_wrong_content_type_gets_a_clear_error()
    {
        var empty = await fx.Admin().SendJsonAsync(HttpMethod.Post, "/api/platform/businesses", "");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var text = await fx.Admin().PostAsync("/api/platform/businesses", new StringContent("name=Acme"), TestContext.Current.CancellationToken);
        var problem = await text.JsonAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"questionText\": \"\"}", "questionText")]
    [InlineData("{\"questionText\": \"Ok?\", \"expectedFormat\": \"EMOJI\"}", "expectedFormat")]
    [InlineData("{\"questionText\": \"Ok?\", \"mapsToLeadField\": \"ssn\"}", "mapsToLeadField")]
    [InlineData("{\"questionText\": \"Ok?\", \"isRequired\": \"yes\"}", "isRequired")]
    public async Task Bad_question_requests_are_400_naming_the_field(string json, string field)
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("PRO");
        var response = await owner.SendJsonAsync(HttpMethod.Post, "/api/admin/questions", json);
        Assert.NotEmpty(ApiClient.ErrorsFor(await response.JsonAsync(HttpStatusCode.BadRequest), field));
    }

    [Theory]
    [InlineData("{\"colorTheme\": {\"primary\": \"red\", \"secondary\": \"#000000\"}}", "colorTheme.primary")]
    [InlineData("{\"allowedWidgetOrigins\": [\"https://example.com/path\"]}", "allowedWidgetOrigins[0]")]
    [InlineData("{\"twilioLanguage\": \"xx-XX\"}", "twilioLanguage")]
    [InlineData("{\"agentName\": \"\"}", "agentName")]
    public async Task Bad_config_requests_are_400_naming_the_field(string json, string field)
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("PRO");
        var response = await owner.SendJsonAsync(HttpMethod.Put, "/api/admin/config", json);
        Assert.NotEmpty(ApiClient.ErrorsFor(await response.JsonAsync(HttpStatusCode.BadRequest), field));
    }

    [Theory]
    [InlineData("status=OPEN", "status")]
    [InlineData("priority=5", "priority")]
    [InlineData("from=yesterday", "from")]
    public async Task Bad_lead_filters_are_400_naming_the_filter(string query, string field)
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("BASIC");
        var response = await owner.GetAsync($"/api/admin/leads?{query}", TestContext.Current.CancellationToken);
        Assert.NotEmpty(ApiClient.ErrorsFor(await response.JsonAsync(HttpStatusCode.BadRequest), field));
    }
}
