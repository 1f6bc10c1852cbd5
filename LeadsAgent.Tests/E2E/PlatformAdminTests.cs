using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>The platform admin's pages in Chromium, at desktop and phone widths.</summary>
public partial class PlatformAdminTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    const string OwnerPassword = "Owner-password-1";

    /// <summary>A business with a name of its own, so the grid's search finds exactly it.</summary>
    async Task<(Guid Id, string Name, string OwnerEmail)> BusinessAsync(string plan, string? twilioNumber = null)
    {
        var name = "Platform Test " + Guid.NewGuid().ToString("N")[..8];
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var created = await (await fx.Admin().PostAsJsonAsync("/api/platform/businesses", new
        {
            name, businessType = "PLUMBING", planTier = plan, twilioPhoneNumber = twilioNumber, ownerEmail = email, ownerPassword = OwnerPassword,
        }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.Created);
        return (created["id"]!.GetValue<Guid>(), name, email);
    }

    async Task<(IPage Page, List<string> Errors)> AdminAsync(int width = 1366, int height = 900)
    {
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await fx.SignInAsync(page, AppFactory.AdminEmail, AppFactory.AdminPassword);
        await BrowserFixture.OpenInteractiveAsync(page, "/platform");
        return (page, errors);
    }

    static async Task<ILocator> FindRowAsync(IPage page, string name)
    {
        await page.GetByLabel("Search businesses").FillAsync(name);
        await Assertions.Expect(page.GetByTestId("business-count")).ToHaveTextAsync(new Regex(@"^1 (of \d+ businesses|business)$"));
        return page.GetByTestId("businesses-grid").Locator("tbody tr").Filter(new() { HasText = name });
    }

    static async Task ActAsync(IPage page, ILocator row, string name, string action)
    {
        await row.GetByRole(AriaRole.Button, new() { Name = $"Actions for {name}" }).ClickAsync();
        await page.GetByTestId(action).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
    }

    static async Task ShotAsync(IPage page, string name, int width) => await BrowserFixture.ScreenshotAsync(page, $"platform-{name}-{width}");

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_platform_admin_suspends_a_business_and_its_widget_says_it_is_unavailable(int width, int height)
    {
        var (businessId, name, _) = await BusinessAsync("BASIC");
        var (page, errors) = await AdminAsync(width, height);
        var row = await FindRowAsync(page, name);
        await Assertions.Expect(row).ToContainTextAsync("Active");
        await ShotAsync(page, "businesses", width);
        if (width < 600)
        {
            var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
            Assert.True(fits, "the businesses page scrolls sideways on a phone: " + culprits);
        }

        await ActAsync(page, row, name, "action-suspend");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("its chat widget answers that the business is unavailable right now");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Suspend", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("The reason can't be empty.");
        await dialog.GetByLabel("Why it is suspended").FillAsync("Card declined twice");
        await ShotAsync(page, "suspend-dialog", width);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Suspend", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"{name} is suspended");
        await Assertions.Expect(row).ToContainTextAsync("Suspended");
        await Assertions.Expect(page.GetByTestId("admin-actions")).ToContainTextAsync("Card declined twice");
        Assert.Equal("Card declined twice", await fx.Database.ScalarAsync<string>($"SELECT suspension_reason FROM businesses WHERE id = '{businessId}'"));

        // The business's widget on its demo page opens with the notice and answers a visitor with it.
        var (demo, demoErrors) = await fx.NewPageAsync();
        await demo.SetViewportSizeAsync(width, height);
        await demo.GotoAsync($"/demo/{businessId}");
        await demo.GetByRole(AriaRole.Button, new() { Name = "Chat with AI Assistant" }).ClickAsync();
        await Assertions.Expect(demo.Locator(".msg.agent").Last).ToContainTextAsync($"Sorry, {name} isn't answering messages here right now.");
        await demo.GetByLabel("Type your message").FillAsync("My sink is leaking, can someone come today?");
        await demo.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(demo.Locator(".msg.agent")).ToHaveCountAsync(2);
        await Assertions.Expect(demo.Locator(".msg.agent").Last).ToContainTextAsync("isn't answering messages here right now. Please try again later.");
        await ShotAsync(demo, "suspended-widget", width);
        Assert.Empty(demoErrors);

        // Resumed, the widget welcomes visitors again.
        await ActAsync(page, row, name, "action-resume");
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Why it can answer again").FillAsync("Paid today");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Resume", Exact = true }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Active");
        var (again, _) = await fx.NewPageAsync();
        await again.GotoAsync($"/demo/{businessId}");
        await again.GetByRole(AriaRole.Button, new() { Name = "Chat with AI Assistant" }).ClickAsync();
        await Assertions.Expect(again.Locator(".msg.agent").Last).ToHaveTextAsync("Hello! How can I help you today?");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_owner_of_a_suspended_business_still_signs_in_sees_the_paused_banner_and_their_leads()
    {
        var (businessId, _, email) = await BusinessAsync("FREE");
        await LeadSeeder.InsertAsync(fx.Database, businessId, "NORMAL", "VOICE");
        (await fx.Admin().PostAsJsonAsync($"/api/platform/businesses/{businessId}/suspend", new { reason = "Owner on holiday" },
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await fx.SignInAsync(page, email, OwnerPassword);
        await BrowserFixture.OpenInteractiveAsync(page, "/leads");
        await Assertions.Expect(page.GetByTestId("suspended-banner")).ToContainTextAsync("Your agent is paused");
        await Assertions.Expect(page.GetByTestId("leads-grid").Locator("tbody tr")).ToHaveCountAsync(1);
        await ShotAsync(page, "owner-suspended", 390);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_platform_admin_changes_a_plan_with_a_reason_and_the_owner_gets_the_pro_pages()
    {
        var (businessId, name, ownerEmail) = await BusinessAsync("BASIC");
        var (owner, _) = await fx.NewPageAsync();
        await fx.SignInAsync(owner, ownerEmail, OwnerPassword);
        await BrowserFixture.OpenInteractiveAsync(owner, "/simulator");
        await Assertions.Expect(owner.Locator("[data-locked=voice-agent]")).ToBeVisibleAsync();

        var (page, errors) = await AdminAsync();
        var row = await FindRowAsync(page, name);
        await ActAsync(page, row, name, "action-plan");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Change plan" })).ToBeDisabledAsync();
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "New plan" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Pro", Exact = true }).ClickAsync();
        await dialog.GetByLabel("Reason for the change").FillAsync("x");
        await dialog.GetByLabel("Reason for the change").FillAsync("");
        await Assertions.Expect(dialog).ToContainTextAsync("Reason for the change can't be empty.");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Change plan" })).ToBeDisabledAsync();
        await dialog.GetByLabel("Reason for the change").FillAsync("Wants the phone agent");
        await ShotAsync(page, "change-plan", 1366);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Change plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"{name} is now on the Pro plan.");
        await Assertions.Expect(row).ToContainTextAsync("Pro");
        await Assertions.Expect(page.GetByTestId("admin-actions").Locator("tbody tr").First).ToContainTextAsync("Changed the plan: BASIC to PRO");
        Assert.Equal("Wants the phone agent", await fx.Database.ScalarAsync<string>($"SELECT reason FROM plan_changes WHERE business_id = '{businessId}' AND to_plan = 'PRO'"));
        Assert.Empty(errors);

        await owner.GotoAsync("/simulator");
        await Assertions.Expect(owner.GetByRole(AriaRole.Heading, new() { Name = "Call simulator" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_platform_admin_adds_a_business_and_bad_input_is_refused_in_words_while_typing()
    {
        var (page, errors) = await AdminAsync();
        await page.GetByTestId("add-business").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        var name = "Zed Electric " + Guid.NewGuid().ToString("N")[..6];
        await dialog.GetByLabel("Business name").FillAsync(name);
        await dialog.GetByLabel("Owner's email").FillAsync("not-an-email");
        await dialog.GetByLabel("Owner's first password").FillAsync("short");
        await Assertions.Expect(dialog).ToContainTextAsync("Owner's first password");
        await Assertions.Expect(dialog.Locator(".mud-input-error")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Add business" })).ToBeDisabledAsync();
        await ShotAsync(page, "add-business-errors", 1366);

        var email = $"zed-{Guid.NewGuid():N}@example.com";
        await dialog.GetByLabel("Owner's email").FillAsync(email);
        await dialog.GetByLabel("Owner's first password").FillAsync("Zed-password-1");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add business" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"{name} was added");
        await page.GetByLabel("Search businesses").FillAsync(name);
        await Assertions.Expect(page.GetByTestId("businesses-grid").GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        Assert.Empty(errors);

        var (owner, _) = await fx.NewPageAsync();
        await fx.SignInAsync(owner, email, "Zed-password-1");
        Assert.DoesNotContain("/login", owner.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_platform_admin_connects_a_twilio_number_and_a_bad_one_is_refused_in_words()
    {
        var (businessId, name, _) = await BusinessAsync("PRO");
        var (page, errors) = await AdminAsync();
        var row = await FindRowAsync(page, name);
        await Assertions.Expect(row).ToContainTextAsync("Not connected");
        await ActAsync(page, row, name, "action-number");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Twilio number").FillAsync("call me");
        await Assertions.Expect(dialog).ToContainTextAsync("Twilio number must be a phone number");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Save number" })).ToBeDisabledAsync();

        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        await dialog.GetByLabel("Twilio number").FillAsync(number);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save number" }).ClickAsync();
        var formatted = $"({number[2..5]}) {number[5..8]}-{number[8..]}";
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"now answers calls to {formatted}");
        await Assertions.Expect(row).ToContainTextAsync(formatted);
        Assert.Equal(number, await fx.Database.ScalarAsync<string>($"SELECT twilio_phone_number FROM businesses WHERE id = '{businessId}'"));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_admin_opens_a_business_read_only_and_the_opening_is_audited(int width, int height)
    {
        var (businessId, name, email) = await BusinessAsync("BASIC", "+1555" + Random.Shared.Next(2000000, 9999999));
        await LeadSeeder.InsertAsync(fx.Database, businessId, "URGENT", "VOICE");
        var (page, errors) = await AdminAsync(width, height);
        var row = await FindRowAsync(page, name);
        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Assertions.Expect(page.GetByTestId("read-only")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("questions").Locator("li")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("recent-leads").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#main")).ToContainTextAsync(email);
        await Assertions.Expect(page.GetByTestId("admin-actions")).ToContainTextAsync("Opened the business (read-only)");
        await ShotAsync(page, "business-detail", width);
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, "the business page scrolls sideways: " + culprits);
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM admin_actions WHERE business_id = '{businessId}' AND kind = 'OPENED' AND admin_email = '{AppFactory.AdminEmail}'"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_owner_sets_a_new_password_from_the_reset_email_and_the_old_session_ends()
    {
        var (businessId, name, email) = await BusinessAsync("FREE");
        var (ownerDesk, _) = await fx.NewPageAsync();
        await fx.SignInAsync(ownerDesk, email, OwnerPassword);

        var (page, errors) = await AdminAsync();
        var row = await FindRowAsync(page, name);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Actions for {name}" }).ClickAsync();
        await page.GetByTestId("action-reset").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Email the reset link" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"A reset link is on its way to {email}");
        // The background outbox may already be sending it; either way it arrives once.
        await fx.App.Services.GetRequiredService<OutboxWorker>().RunOnceAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < 50 && !MailSink.Shared().Any(m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase)); i++)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        var mail = Assert.Single(MailSink.Shared(), m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase));
        var link = new Uri(ResetLink().Match(mail.Text).Value);

        // System health lists the outbox queue, this kind of email included.
        await BrowserFixture.OpenInteractiveAsync(page, "/platform/health");
        await Assertions.Expect(page.GetByTestId("outbox").Locator("tr[data-kind=PASSWORD_RESET]")).ToContainTextAsync("Password reset emails");
        await Assertions.Expect(page.GetByTestId("outbox").Locator("tr[data-kind=OWNER_EMAIL]")).ToContainTextAsync("Lead emails to owners");

        var (phone, phoneErrors) = await fx.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync(link.PathAndQuery);
        async Task SetAsync(string password, string again)
        {
            await phone.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
            await phone.GetByLabel("New password again").FillAsync(again);
            await phone.GetByRole(AriaRole.Button, new() { Name = "Set my new password" }).ClickAsync();
        }

        await SetAsync("short", "short");
        await Assertions.Expect(phone.Locator("#new-password-error")).ToContainTextAsync("at least 10 characters");
        await SetAsync("Sunny porch swing 42", "Sunny porch swing 43");
        await Assertions.Expect(phone.Locator("#confirm-password-error")).ToContainTextAsync("must match the new password");
        await ShotAsync(phone, "reset-password", 390);
        await SetAsync("Sunny porch swing 42", "Sunny porch swing 42");
        await Assertions.Expect(phone.GetByTestId("reset-done")).ToContainTextAsync("Your new password is set");
        await ShotAsync(phone, "reset-password-done", 390);

        // The link is spent, the other browser is signed out, and the new password works.
        await phone.GotoAsync(link.PathAndQuery);
        await SetAsync("Another long password", "Another long password");
        await Assertions.Expect(phone.GetByTestId("reset-error")).ToContainTextAsync("expired or was already used");
        await ownerDesk.GotoAsync("/leads");
        await Assertions.Expect(ownerDesk).ToHaveURLAsync(new Regex("/login"));
        var (fresh, _) = await fx.NewPageAsync();
        await fx.SignInAsync(fresh, email, "Sunny porch swing 42");
        Assert.DoesNotContain("/login", fresh.Url, StringComparison.Ordinal);
        Assert.Empty(errors);
        Assert.Empty(phoneErrors);
    }

    [GeneratedRegex(@"https?://\S+/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
