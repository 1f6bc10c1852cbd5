using System.Net.Http.Json;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

public class KnowledgePageTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_owner_answers_a_gap_adds_an_entry_and_sees_the_free_limits()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("FREE");
        var chat = await fx.Anonymous().PostAsJsonAsync("/api/chat", new { businessId, message = "Do you sell garden gnomes?" }, TestContext.Current.CancellationToken);
        chat.EnsureSuccessStatusCode();

        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await page.GotoAsync("/knowledge");
        await Assertions.Expect(page.Locator("#kb-limit")).ToContainTextAsync("0 of 10 entries on the FREE plan");
        await Assertions.Expect(page.GetByText("Importing pages and question lists comes with the")).ToBeVisibleAsync();
        var gap = page.Locator("[data-gap]");
        await Assertions.Expect(gap).ToContainTextAsync("Do you sell garden gnomes?");
        await gap.GetByLabel("Answer this").FillAsync("No, we only do plumbing and heating.");
        await gap.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Assertions.Expect(page.Locator("#kb-message")).ToContainTextAsync("Answered");
        await Assertions.Expect(gap).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-entry]")).ToContainTextAsync("Do you sell garden gnomes?");

        await page.GetByLabel("Title").FillAsync("Opening hours");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#content-error")).ToContainTextAsync("no text");
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Opening hours");
        await page.GetByLabel("Text (plain or Markdown)").FillAsync("Monday to Friday, 8am to 6pm.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-entry]")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page, "knowledge");

        var reply = await (await fx.Anonymous().PostAsJsonAsync("/api/chat", new { businessId, message = "what are your opening hours?" }, TestContext.Current.CancellationToken))
            .Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken);
        Assert.Contains("8am to 6pm", reply!["reply"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}
