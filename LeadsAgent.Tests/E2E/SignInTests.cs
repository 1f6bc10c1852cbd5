using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

public class SignInTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    static async Task CreateOwnerAsync(BrowserFixture fx, string name, string plan, string email)
    {
        var response = await fx.Admin().PostAsJsonAsync("/api/platform/businesses", new
        {
            name,
            businessType = "PLUMBING",
            planTier = plan,
            ownerEmail = email,
            ownerPassword = "Browser-password-1",
        });
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_demo_owner_signs_in_and_sees_their_business_name_and_plan()
    {
        // What ./run does, twice: the demo data must be idempotent.
        for (var i = 0; i < 2; i++)
        {
            await using var scope = fx.App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(1L, await fx.Database.ScalarAsync<long>("SELECT count(*) FROM businesses WHERE name = 'Acme Plumbing & Heating'"));
        Assert.Equal(7L, await fx.Database.ScalarAsync<long>(
            "SELECT count(*) FROM lead_capture_questions q JOIN businesses b ON b.id = q.business_id WHERE b.name = 'Acme Plumbing & Heating'"));
        var (page, errors) = await fx.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Matches(new Regex("/login"), page.Url);
        await BrowserFixture.ScreenshotAsync(page, "sign-in");
        await page.GetByLabel("Email").FillAsync(DemoData.Acme.Email);
        await page.GetByLabel("Password").FillAsync(DemoData.Acme.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Assertions.Expect(heading).ToHaveTextAsync("Today at Acme Plumbing & Heating");
        await Assertions.Expect(page.GetByTestId("business-name")).ToHaveTextAsync("Acme Plumbing & Heating");
        await Assertions.Expect(page.GetByLabel("Your plan: Pro")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "dashboard-pro");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_keeps_the_email()
    {
        await CreateOwnerAsync(fx, "Sparrow Electric", "FREE", "sparrow-owner@example.com");
        var (page, errors) = await fx.NewPageAsync();

        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync("sparrow-owner@example.com");
        await page.GetByLabel("Password").FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is wrong.");
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveValueAsync("sparrow-owner@example.com");
        await BrowserFixture.ScreenshotAsync(page, "sign-in-wrong-password");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Signing_out_returns_to_the_sign_in_page_and_the_dashboard_is_closed_again()
    {
        await CreateOwnerAsync(fx, "Signout Plumbing", "FREE", "signout-owner@example.com");
        var (page, errors) = await fx.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync("signout-owner@example.com");
        await page.GetByLabel("Password").FillAsync("Browser-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Your plan: Free")).ToBeVisibleAsync();
        // As a person would: once the page is up (a request still in flight could otherwise renew the cookie after the
        // sign-out response, because these tests check the account on every request).
        await page.Locator("main[data-interactive=true]").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login$"));
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
        Assert.Empty(errors);
    }
}
