using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

public class AccountAndPlatformTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_owner_sets_where_alerts_go_and_a_bad_number_is_refused_next_to_its_field()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("PRO");
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await page.GetByRole(AriaRole.Link, new() { Name = email }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account" })).ToBeVisibleAsync();

        await page.GetByLabel("Phone for emergency alerts and transfers").FillAsync("call me maybe");
        await page.GetByLabel("Email for new leads").FillAsync("alerts@acme.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#notificationPhoneNumber-error")).ToContainTextAsync("Must be a phone number, like +15551234567");
        await Assertions.Expect(page.GetByLabel("Phone for emergency alerts and transfers")).ToHaveValueAsync("call me maybe");
        await Assertions.Expect(page.GetByLabel("Email for new leads")).ToHaveValueAsync("alerts@acme.example");
        Assert.Null(await fx.Database.ScalarAsync<string?>($"SELECT notification_phone_number FROM businesses WHERE id = '{businessId}'"));
        await BrowserFixture.ScreenshotAsync(page, "account-error");

        await page.GetByLabel("Phone for emergency alerts and transfers").FillAsync("+1 (555) 201-3344");
        await page.GetByLabel("Backup phone").FillAsync("+15550002222");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#account-message")).ToContainTextAsync("Saved");
        await Assertions.Expect(page.GetByLabel("Phone for emergency alerts and transfers")).ToHaveValueAsync("+15552013344");
        Assert.Equal("+15552013344", await fx.Database.ScalarAsync<string>($"SELECT notification_phone_number FROM businesses WHERE id = '{businessId}'"));
        Assert.Equal("alerts@acme.example", await fx.Database.ScalarAsync<string>($"SELECT notification_email FROM businesses WHERE id = '{businessId}'"));
        await page.GotoAsync("/settings/voice");
        await Assertions.Expect(page.GetByRole(AriaRole.Definition).Nth(1)).ToHaveTextAsync("+15552013344");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_owner_changes_the_password_after_proving_the_old_one_and_signs_in_with_the_new_one()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("FREE");
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await page.GotoAsync("/account");

        async Task ChangeAsync(string current, string fresh, string again)
        {
            await page.GetByLabel("Current password").FillAsync(current);
            await page.GetByLabel("New password", new() { Exact = true }).FillAsync(fresh);
            await page.GetByLabel("New password again").FillAsync(again);
            await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        }

        await ChangeAsync("not-my-password", "A-brand-new-secret-42", "A-brand-new-secret-42");
        await Assertions.Expect(page.Locator("#currentPassword-error")).ToHaveTextAsync("That is not your current password.");
        await ChangeAsync("Owner-password-1", "short", "short");
        await Assertions.Expect(page.Locator("#newPassword-error")).ToContainTextAsync("at least 10 characters");
        await ChangeAsync("Owner-password-1", "A-brand-new-secret-42", "A-brand-new-secret-43");
        await Assertions.Expect(page.Locator("#confirmPassword-error")).ToHaveTextAsync("The two new passwords are different.");
        await ChangeAsync("Owner-password-1", "A-brand-new-secret-42", "A-brand-new-secret-42");
        await Assertions.Expect(page.Locator("#account-message")).ToHaveTextAsync("Password changed.");
        await page.GotoAsync("/leads");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Leads"); // still signed in
        await BrowserFixture.ScreenshotAsync(page, "account-password");
        Assert.Empty(errors);

        var (fresh, _) = await fx.NewPageAsync();
        await fx.SignInAsync(fresh, email, "A-brand-new-secret-42");
        Assert.DoesNotContain("/login", fresh.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_free_owner_sees_the_plan_with_the_feature_matrix_and_how_to_upgrade()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("FREE");
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Your plan", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your plan");
        await Assertions.Expect(page.Locator("#main").GetByTestId("plan-chip")).ToHaveTextAsync("Free");
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Free (yours)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#main tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Phone agent", Exact = true }) }))
            .ToContainTextAsync("not included");
        // The way to upgrade names the platform admin, not a dead end.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Support.AppFactory.AdminEmail })).ToHaveAttributeAsync("href",
            new System.Text.RegularExpressions.Regex("^mailto:" + System.Text.RegularExpressions.Regex.Escape(Support.AppFactory.AdminEmail)));
        await BrowserFixture.ScreenshotAsync(page, "plan-free");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Dashboard_forms_refuse_a_post_without_the_antiforgery_token()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("PRO");
        var (page, _) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        foreach (var (path, handler, fields) in new (string, string, Dictionary<string, string>)[]
        {
            ("/account", "business", new() { ["Details.Name"] = "Hijacked", ["Details.BusinessType"] = "PLUMBING" }),
            ("/account", "password", new() { ["Password.Current"] = "Owner-password-1", ["Password.New"] = "Hijacked-password-1", ["Password.Confirm"] = "Hijacked-password-1" }),
            ("/settings/agent", "agent", new() { ["Input.AgentName"] = "Hijacked" }),
            ("/simulator", "start", new()),
        })
        {
            var form = page.Context.APIRequest.CreateFormData();
            form.Set("_handler", handler);
            foreach (var (key, value) in fields)
            {
                form.Set(key, value);
            }

            var response = await page.Context.APIRequest.PostAsync(path, new() { Form = form });
            Assert.True(response.Status == 400, $"{path} ({handler}) answered {response.Status} without a token");
        }

        Assert.NotEqual("Hijacked", await fx.Database.ScalarAsync<string>($"SELECT name FROM businesses WHERE id = '{businessId}'"));
        Assert.NotEqual("Hijacked", await fx.Database.ScalarAsync<string>($"SELECT agent_name FROM agent_configs WHERE business_id = '{businessId}'"));
        var (fresh, _) = await fx.NewPageAsync();
        await fx.SignInAsync(fresh, email, "Owner-password-1");
        Assert.DoesNotContain("/login", fresh.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_phone_an_owner_signs_out_everywhere_and_the_other_browser_is_signed_out_too()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("FREE");
        var (desk, _) = await fx.NewPageAsync();
        await fx.SignInAsync(desk, email, "Owner-password-1");
        var (phone, errors) = await fx.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await fx.SignInAsync(phone, email, "Owner-password-1");
        await phone.GotoAsync("/account");

        await Assertions.Expect(phone.GetByLabel("Your Twilio number")).ToHaveValueAsync("Not connected yet");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the account page scrolls sideways on a phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(phone, "account-phone");
        var stampBefore = await fx.Database.ScalarAsync<string>($"SELECT security_stamp FROM users WHERE email = '{email}'");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("signed out on every device");
        await BrowserFixture.ScreenshotAsync(phone, "signed-out-everywhere-phone");

        Assert.NotEqual(stampBefore, await fx.Database.ScalarAsync<string>($"SELECT security_stamp FROM users WHERE email = '{email}'"));
        // The desk browser's next page asks it to sign in again.
        await desk.GotoAsync("/account");
        await Assertions.Expect(desk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        Assert.Empty(errors);
    }
}
