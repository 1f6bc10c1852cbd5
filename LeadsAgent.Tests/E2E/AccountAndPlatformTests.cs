using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

public class AccountAndPlatformTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    /// <summary>A labelled field of the account page (MudBlazor's label names its input).</summary>
    static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task An_owner_changes_the_business_name_time_zone_and_alert_phone_and_a_reload_shows_them(int width)
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("PRO");
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/account");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account" })).ToBeVisibleAsync();
        var save = page.GetByTestId("save");
        await Assertions.Expect(save).ToBeDisabledAsync();

        // Wrong input is named while typing, in words, and Save waits.
        await Field(page, "Business name").FillAsync("");
        await Assertions.Expect(page.GetByText("Business name can't be empty.")).ToBeVisibleAsync();
        await Field(page, "Phone for emergency alerts").FillAsync("call me maybe");
        await Assertions.Expect(page.GetByText("Phone for emergency alerts must be a phone number, like +15551234567 or (555) 123-4567.")).ToBeVisibleAsync();
        await Assertions.Expect(save).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(page, $"account-errors-{width}");

        var name = "Acme Plumbing " + Guid.NewGuid().ToString("N")[..4];
        await Field(page, "Business name").FillAsync(name);
        await Field(page, "Phone for emergency alerts").FillAsync("+1 (555) 201-3344");
        var zone = Field(page, "Time zone");
        await zone.ClickAsync();
        await zone.FillAsync("chicago");
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Chicago \\(America\\)") }).ClickAsync();
        await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex(@"there now \(C[SD]T\)"))).ToBeVisibleAsync();
        await Assertions.Expect(save).ToBeEnabledAsync();
        await save.ClickAsync();
        await Assertions.Expect(page.GetByText("Saved. New leads and alerts go to these details from now on.")).ToBeVisibleAsync();
        await Assertions.Expect(save).ToBeDisabledAsync();
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, $"the account page scrolls sideways at {width} px: {culprits}");
        await BrowserFixture.ScreenshotAsync(page, $"account-{width}");

        await BrowserFixture.OpenInteractiveAsync(page, "/account");
        await Assertions.Expect(Field(page, "Business name")).ToHaveValueAsync(name);
        await Assertions.Expect(Field(page, "Time zone")).ToHaveValueAsync("America/Chicago");
        await Assertions.Expect(Field(page, "Phone for emergency alerts")).ToHaveValueAsync("+15552013344");
        Assert.Equal("America/Chicago", await fx.Database.ScalarAsync<string>($"SELECT time_zone FROM businesses WHERE id = '{businessId}'"));
        Assert.Equal(name, await fx.Database.ScalarAsync<string>($"SELECT name FROM businesses WHERE id = '{businessId}'"));
        // The voice page's test call goes to that phone.
        await BrowserFixture.OpenInteractiveAsync(page, "/settings/voice");
        await Assertions.Expect(page.GetByTestId("test-call")).ToContainTextAsync("We call (555) 201-3344 (your alert phone)");
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task Changing_the_password_signs_out_the_other_browser_keeps_this_one_and_the_old_password_stops_working(int width)
    {
        var (_, _, email) = await fx.CreateBusinessAsync("FREE");
        var (other, _) = await fx.NewPageAsync();
        await fx.SignInAsync(other, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(other, "/leads");
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/account");
        var change = page.GetByTestId("change-password");

        // Identity's rules in words while typing.
        await Field(page, "Current password").FillAsync("not-my-password");
        await Field(page, "New password").FillAsync("short");
        await Assertions.Expect(page.GetByText("The new password needs at least 10 characters.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("password-rules").Locator("li").First).ToHaveAttributeAsync("data-met", "false");
        await Field(page, "New password").FillAsync("A-brand-new-secret-42");
        await Assertions.Expect(page.GetByTestId("password-rules").Locator("li[data-met=false]")).ToHaveCountAsync(0);
        await Field(page, "New password again").FillAsync("A-brand-new-secret-43");
        await Assertions.Expect(page.GetByText("The two new passwords are different.")).ToBeVisibleAsync();
        await Assertions.Expect(change).ToBeDisabledAsync();
        await Field(page, "New password again").FillAsync("A-brand-new-secret-42");

        // The server checks the current password.
        await change.ClickAsync();
        await Assertions.Expect(page.GetByText("That is not your current password.")).ToBeVisibleAsync();
        await Field(page, "Current password").FillAsync("Owner-password-1");
        await change.ClickAsync();

        await Assertions.Expect(page.GetByTestId("password-changed")).ToContainTextAsync("Every other browser and phone is signed out; this one stays signed in.");
        Assert.EndsWith("/account?password=changed", page.Url, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, $"account-password-changed-{width}");
        await BrowserFixture.OpenInteractiveAsync(page, "/leads");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Leads"); // still signed in
        // Only the refused attempt answered with an error status.
        Assert.Equal([], errors.Where(e => !e.Contains("/account/password", StringComparison.Ordinal) && !e.Contains("status of 400", StringComparison.Ordinal)));

        // The browser signed in before is signed out.
        await other.GotoAsync("/leads");
        await Assertions.Expect(other).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));

        var (fresh, _) = await fx.NewPageAsync();
        await fresh.GotoAsync("/login");
        await fresh.GetByLabel("Email").FillAsync(email);
        await fresh.GetByLabel("Password").FillAsync("Owner-password-1");
        await fresh.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(fresh.GetByText("The email or password is wrong.")).ToBeVisibleAsync();
        Assert.Contains("/login", fresh.Url, StringComparison.Ordinal);
        await fx.SignInAsync(fresh, email, "A-brand-new-secret-42");
        Assert.DoesNotContain("/login", fresh.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_turns_off_the_emergency_sound_on_this_device_and_the_dashboard_honours_it()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("BASIC");
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/account");
        var sound = page.GetByRole(AriaRole.Switch, new() { Name = "Play a sound when an emergency comes in" })
            .Or(page.GetByRole(AriaRole.Checkbox, new() { Name = "Play a sound when an emergency comes in" }));
        await Assertions.Expect(sound).ToBeCheckedAsync();
        Assert.True(await page.EvaluateAsync<bool>("leadsAgent.alerts.raise('Emergency', 'test', '/').played"), "sound plays by default");

        await sound.ClickAsync();
        await Assertions.Expect(sound).Not.ToBeCheckedAsync();
        await page.WaitForFunctionAsync("() => localStorage.getItem('leadsagent.muted') === '1'");
        Assert.False(await page.EvaluateAsync<bool>("leadsAgent.alerts.raise('Emergency', 'test', '/').played"), "a new emergency is silent now");

        // Kept in this browser: the setting is still off after a reload.
        await BrowserFixture.OpenInteractiveAsync(page, "/account");
        await Assertions.Expect(sound).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("notify-state")).Not.ToBeEmptyAsync();
        // Notifications turned off on this device: the banner no longer offers them.
        await page.EvaluateAsync("leadsAgent.alerts.setNotifyWanted(false)");
        Assert.Equal("off", await page.EvaluateAsync<string>("leadsAgent.alerts.permission()"));
        Assert.Empty(errors);
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
            ("/settings/agent", "agent", new() { ["Input.AgentName"] = "Hijacked" }),
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

        // The account page's password change (JSON from the page's script) needs the page's token too.
        var json = await page.Context.APIRequest.PostAsync("/account/password", new()
        {
            DataObject = new { currentPassword = "Owner-password-1", newPassword = "Hijacked-password-1", confirmPassword = "Hijacked-password-1" },
        });
        Assert.Equal(400, json.Status);
        Assert.Contains("This form has expired", await json.TextAsync(), StringComparison.Ordinal);

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
        await BrowserFixture.OpenInteractiveAsync(phone, "/account");

        await Assertions.Expect(phone.GetByTestId("twilio-number")).ToContainTextAsync("The number customers call: not connected yet");
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(phone);
        Assert.True(fits, $"the account page scrolls sideways on a phone: {culprits}");
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
