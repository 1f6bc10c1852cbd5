using System.Net.Http.Json;
using LeadsAgent.Infrastructure.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

public class CallSimulatorTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    async Task<(Guid Id, string Email)> ProBusinessAsync()
    {
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (id, owner, email) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        var update = await owner.PutAsJsonAsync("/api/admin/business", new
        {
            name = "Acme Plumbing", twilioPhoneNumber = number, notificationEmail = "alerts@acme.example",
            notificationPhoneNumber = "+15550001111", backupPhoneNumber = "+15550002222",
        }, TestContext.Current.CancellationToken);
        update.EnsureSuccessStatusCode();
        return (id, email);
    }

    async Task<long> CountAsync(string table, Guid businessId) =>
        await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE business_id = '{businessId}'");

    [Fact]
    public async Task The_burst_pipe_scenario_shows_each_turn_the_captured_fields_and_the_alerts_without_sending_or_saving_anything()
    {
        var (businessId, email) = await ProBusinessAsync();
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await page.GotoAsync("/simulator");
        await page.GetByLabel("Scripted caller", new() { Exact = true }).SelectOptionAsync("burst-pipe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Play the call" }).ClickAsync();

        var turns = page.Locator("[data-turn]");
        await Assertions.Expect(turns.First).ToContainTextAsync("Acme Plumbing");
        await Assertions.Expect(turns.Nth(1)).ToContainTextAsync("a pipe just burst in my basement");
        Assert.True(await turns.CountAsync() >= 3, "the scripted caller answered the agent's questions");
        await Assertions.Expect(page.Locator("#captured")).ToContainTextAsync("Sarah Miller");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Captured" })).ToContainTextAsync("URGENT");
        await Assertions.Expect(page.Locator("#reasons")).ToContainTextAsync("burst");
        await Assertions.Expect(page.Locator("#alerts")).ToContainTextAsync("Emergency alert call to +15550001111 (press 1 to accept); if nobody accepts, the backup number +15550002222 is called");
        await Assertions.Expect(page.Locator("#alerts")).ToContainTextAsync("Email to alerts@acme.example: new URGENT lead");
        await turns.First.GetByText("TwiML sent to Twilio").ClickAsync();
        await Assertions.Expect(turns.First.Locator("[data-twiml]")).ToContainTextAsync("<Gather");
        await BrowserFixture.ScreenshotAsync(page, "call-simulator-scenario");
        Assert.Empty(errors);

        // Simulated: nothing stored, nothing queued to send, nothing on the live overview.
        Assert.Equal(0, await CountAsync("leads", businessId));
        Assert.Equal(0, await CountAsync("notifications", businessId));
        Assert.Equal(0, await CountAsync("conversations", businessId));
        Assert.Equal(0, await CountAsync("knowledge_gaps", businessId));
        Assert.Empty(await fx.App.Services.GetRequiredService<ISessionStore>().ActiveAsync(businessId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_owner_types_the_callers_words_and_asking_for_a_person_rings_the_owners_phone()
    {
        var (_, email) = await ProBusinessAsync();
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await page.GotoAsync("/simulator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a call" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-turn]")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Say it" }).ClickAsync();
        await Assertions.Expect(page.Locator("#speech-error")).ToHaveTextAsync("Type what the caller says, or choose Stay silent.");
        await Assertions.Expect(page.Locator("[data-turn]")).ToHaveCountAsync(1);

        await page.GetByLabel("The caller says").FillAsync("let me talk to a person");
        await page.GetByRole(AriaRole.Button, new() { Name = "Say it" }).ClickAsync();
        var last = page.Locator("[data-turn]").Nth(1);
        await Assertions.Expect(last.Locator("[data-action]")).ToHaveTextAsync("transfer");
        await Assertions.Expect(last.Locator("[data-twiml]")).ToContainTextAsync("<Number>+15550001111</Number>");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The call (ended)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start a call" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "call-simulator-typed");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Another_business_cannot_open_a_simulated_call_and_a_basic_owner_is_refused()
    {
        var (_, email) = await ProBusinessAsync();
        var (page, _) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await page.GotoAsync("/simulator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a call" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("call=SIM", StringComparison.Ordinal));
        var url = page.Url;

        var (_, otherEmail) = await ProBusinessAsync();
        var (other, _) = await fx.NewPageAsync();
        await fx.SignInAsync(other, otherEmail, "Owner-password-1");
        await other.GotoAsync(url);
        await Assertions.Expect(other.Locator("#simulator-message")).ToContainTextAsync("ended or expired");
        await Assertions.Expect(other.Locator("[data-turn]")).ToHaveCountAsync(0);

        var (_, _, basicEmail) = await fx.CreateBusinessAsync("BASIC");
        var (basic, _) = await fx.NewPageAsync();
        await fx.SignInAsync(basic, basicEmail, "Owner-password-1");
        await basic.GotoAsync("/simulator");
        Assert.Contains("/access-denied", basic.Url, StringComparison.Ordinal);
    }
}
