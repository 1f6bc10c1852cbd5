using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Tests.Support;

namespace LeadsAgent.Tests.Integration;

public class AuthTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task Signing_in_returns_a_bearer_token_that_opens_the_owner_api()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("BASIC");
        var response = await fx.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = "Owner-password-1" }, TestContext.Current.CancellationToken);
        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(body["accessToken"]!.GetValue<string>()));
        Assert.Equal(3600, body["expiresIn"]!.GetValue<long>());

        var config = await fx.Anonymous().WithToken(body["accessToken"]!.GetValue<string>()).GetAsync("/api/admin/config", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_401_and_five_in_a_row_lock_the_account()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("FREE");
        for (var i = 0; i < 5; i++)
        {
            var wrong = await fx.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = "not-the-password" }, TestContext.Current.CancellationToken);
            Assert.Equal(i < 4 ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests, wrong.StatusCode);
        }

        var right = await fx.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = "Owner-password-1" }, TestContext.Current.CancellationToken);
        var problem = await right.JsonAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("15 minutes", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/admin/config")]
    [InlineData("/api/admin/business")]
    [InlineData("/api/admin/questions")]
    [InlineData("/api/admin/leads")]
    [InlineData("/api/platform/businesses")]
    public async Task Without_a_token_the_apis_answer_401(string url)
    {
        var response = await fx.Anonymous().GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var forged = await fx.Anonymous().WithToken("forged-token").GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task Owners_get_403_on_the_platform_api_and_admins_403_on_the_owner_api()
    {
        var (id, owner, _) = await fx.CreateBusinessAsync("PRO");
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/api/platform/businesses", TestContext.Current.CancellationToken)).StatusCode);
        var put = await owner.PutAsJsonAsync($"/api/platform/businesses/{id}/plan", new { planTier = "FREE" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fx.Admin().GetAsync("/api/admin/config", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_redirects_anonymous_visitors_to_the_sign_in_page()
    {
        var client = fx.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
