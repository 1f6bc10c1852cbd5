using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Web;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>The agent and voice settings pages in Chromium, at desktop and phone widths, against a fake Twilio REST API.</summary>
public class AgentAndVoiceSettingsTests(AgentAndVoiceSettingsTests.Fixture fx) : IClassFixture<AgentAndVoiceSettingsTests.Fixture>
{
    public sealed class Fixture : BrowserFixture
    {
        public FakeHttpServer Twilio { get; private set; } = null!;
        public ConcurrentQueue<Dictionary<string, string>> PlacedCalls { get; } = new();

        /// <summary>How the fake Twilio account configures each number: its "a call comes in" and status addresses.</summary>
        public ConcurrentDictionary<string, (string VoiceUrl, string StatusCallback)> Numbers { get; } = new();

        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>(base.Overrides!)
        {
            ["Twilio:ApiBaseUrl"] = Twilio.BaseUrl,
        };

        public override async ValueTask InitializeAsync()
        {
            Twilio = await FakeHttpServer.StartAsync(async (req, ctx) =>
            {
                if (req.Method == "GET" && req.PathAndQuery.Contains("/IncomingPhoneNumbers.json", StringComparison.Ordinal))
                {
                    var number = HttpUtility.ParseQueryString(new Uri("http://x" + req.PathAndQuery).Query)["PhoneNumber"] ?? "";
                    var found = Numbers.TryGetValue(number, out var config)
                        ? new[] { new { sid = "PN" + Guid.NewGuid().ToString("N"), phone_number = number, voice_url = config.VoiceUrl, voice_method = "POST",
                            status_callback = config.StatusCallback, status_callback_method = "POST" } }
                        : [];
                    await ctx.Response.WriteAsJsonAsync(new
                    {
                        incoming_phone_numbers = found, first_page_uri = req.PathAndQuery, next_page_uri = (string?)null,
                        previous_page_uri = (string?)null, page = 0, page_size = 1, start = 0, end = found.Length, uri = req.PathAndQuery,
                    });
                    return;
                }

                if (req.PathAndQuery.EndsWith("/Messages.json", StringComparison.Ordinal))
                {
                    // The owner's texts (issue 18) go to the same Twilio account: accepted, not counted as calls.
                    ctx.Response.StatusCode = 201;
                    await ctx.Response.WriteAsJsonAsync(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued" });
                    return;
                }

                var form = HttpUtility.ParseQueryString(req.Body);
                PlacedCalls.Enqueue(form.AllKeys.ToDictionary(k => k!, k => form[k]!));
                ctx.Response.StatusCode = 201;
                await ctx.Response.WriteAsJsonAsync(new { sid = "CA" + Guid.NewGuid().ToString("N"), status = "queued" });
            });
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Twilio.DisposeAsync();
        }
    }

    /// <summary>"+15552345678" as the page shows it: "(555) 234-5678".</summary>
    static string PhoneShown(string e164) => $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}";

    async Task<(IPage Page, List<string> Errors)> SignedInAsync(string email, int width)
    {
        var (page, errors) = await fx.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await fx.SignInAsync(page, email, "Owner-password-1");
        return (page, errors);
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task An_owner_changes_both_colours_sees_them_in_the_live_preview_and_then_in_the_demo_pages_widget(int width)
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("BASIC", "PLUMBING");
        var (page, errors) = await SignedInAsync(email, width);
        await BrowserFixture.OpenInteractiveAsync(page, "/settings/agent");

        var preview = page.FrameLocator("[data-testid=widget-preview]");
        await Assertions.Expect(preview.Locator("#leadsagent-widget header")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("save")).ToBeDisabledAsync();

        // An error while typing, in the owner's words, and Save waits for it to be fixed.
        await page.GetByTestId("origins").FillAsync("acme.com/contact");
        await Assertions.Expect(page.GetByText("Not a website address: acme.com/contact.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("save")).ToBeDisabledAsync();
        await page.GetByTestId("origins").FillAsync("");

        await page.GetByTestId("agent-name").FillAsync("Ava");
        await page.GetByTestId("primary").FillAsync("#112233");
        await page.GetByTestId("secondary").FillAsync("#f5c542");

        // The preview follows the unsaved edits: header in the first colour, the visitor's message and Send in the second.
        await Assertions.Expect(preview.Locator("#leadsagent-widget header h2")).ToHaveTextAsync($"Ava · Test PLUMBING BASIC");
        await Assertions.Expect(preview.Locator("#leadsagent-widget header")).ToHaveCSSAsync("background-color", "rgb(17, 34, 51)");
        await Assertions.Expect(preview.Locator("#leadsagent-widget .msg.user")).ToHaveCSSAsync("background-color", "rgb(245, 197, 66)");
        Assert.Equal("#0ea5e9", await fx.Database.ScalarAsync<string>($"SELECT color_theme->>'primary' FROM agent_configs WHERE business_id = '{businessId}'"));
        await BrowserFixture.ScreenshotAsync(page, $"settings-agent-{width}");
        await page.GetByTestId("widget-preview").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, $"settings-agent-preview-{width}.png") });
        if (width < 600)
        {
            var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
            Assert.True(fits, culprits);
        }

        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByText("Saved. Your chat uses the new settings")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("save")).ToBeDisabledAsync();
        Assert.Equal("#112233|#f5c542", await fx.Database.ScalarAsync<string>(
            $"SELECT (color_theme->>'primary') || '|' || (color_theme->>'secondary') FROM agent_configs WHERE business_id = '{businessId}'"));

        await page.GotoAsync($"/demo/{businessId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with Ava" }).ClickAsync();
        await Assertions.Expect(page.Locator("#leadsagent-widget header")).ToHaveCSSAsync("background-color", "rgb(17, 34, 51)");
        await Assertions.Expect(page.Locator("#leadsagent-widget .launcher")).ToHaveCSSAsync("background-color", "rgb(17, 34, 51)");
        await Assertions.Expect(page.Locator("#leadsagent-widget form button")).ToHaveCSSAsync("background-color", "rgb(245, 197, 66)");
        await BrowserFixture.ScreenshotAsync(page, $"settings-agent-demo-{width}");
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task Call_me_to_test_rings_the_owner_with_the_greeting_in_the_chosen_voice_and_language(int width)
    {
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var ownerPhone = "+1555" + Random.Shared.Next(2000000, 9999999);
        fx.Numbers[number] = ($"{BrowserFixture.TwilioBase}/api/voice/incoming", $"{BrowserFixture.TwilioBase}/api/voice/status");
        var (_, owner, email) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        (await owner.PutAsJsonAsync("/api/admin/business", new { notificationPhoneNumber = ownerPhone }, Xunit.TestContext.Current.CancellationToken))
            .EnsureSuccessStatusCode();
        var (page, errors) = await SignedInAsync(email, width);
        await BrowserFixture.OpenInteractiveAsync(page, "/settings/voice");

        // Twilio's configuration of the number is read and matches the addresses shown.
        await Assertions.Expect(page.GetByTestId("number-check")).ToContainTextAsync($"Correct. Your Twilio number {PhoneShown(number)} sends calls to {BrowserFixture.TwilioBase}/api/voice/incoming");
        await Assertions.Expect(page.GetByTestId("hook-incoming")).ToHaveTextAsync($"{BrowserFixture.TwilioBase}/api/voice/incoming");
        await Assertions.Expect(page.GetByTestId("hook-status")).ToHaveTextAsync($"{BrowserFixture.TwilioBase}/api/voice/status");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Language" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Spanish (Mexico)" }).ClickAsync();
        // The default messages follow the language (callers hear the agent's defaults in Spanish), so none reads like English.
        await Assertions.Expect(page.GetByTestId("greeting")).ToHaveValueAsync("¡Hola! Gracias por llamar. ¿En qué puedo ayudarle hoy?");
        await Assertions.Expect(page.GetByTestId("language-warning")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Voice" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Mia · Amazon neural" }).ClickAsync();
        var greeting = page.GetByTestId("greeting");
        await greeting.FillAsync("¡Hola! Gracias por llamar a Plomería García. ¿En qué le puedo ayudar hoy?");
        // Leaving the field sends its text again (the change event), as an owner tapping elsewhere would; CI once lost
        // the single input event of a fill that landed while the voice list was still closing.
        await greeting.PressAsync("Tab");
        // The count is drawn by the server, so the new greeting has reached the form before "Call me" is pressed.
        await Assertions.Expect(page.GetByText("73 / 1000")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("language-warning")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, $"settings-voice-{width}");
        if (width < 600)
        {
            var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
            Assert.True(fits, culprits);
        }

        await page.GetByTestId("call-me").ClickAsync();
        await Assertions.Expect(page.GetByTestId("test-call-result")).ToContainTextAsync("Calling (555)");

        var call = Assert.Single(fx.PlacedCalls, c => c["To"] == ownerPhone);
        Assert.Equal(number, call["From"]);
        Assert.Contains("<Say voice=\"Polly.Mia-Neural\" language=\"es-MX\">¡Hola! Gracias por llamar a Plomería García.", call["Twiml"], StringComparison.Ordinal);

        // The test call used the unsaved choice; saving keeps it for real calls.
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByText("Saved. The next call uses the new voice")).ToBeVisibleAsync();
        Assert.Equal("es-MX|Polly.Mia-Neural", await fx.Database.ScalarAsync<string>(
            $"SELECT twilio_language || '|' || twilio_voice FROM agent_configs WHERE business_id = (SELECT id FROM businesses WHERE twilio_phone_number = '{number}')"));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task An_owner_turns_on_streaming_conversation_and_the_next_call_streams(int width)
    {
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (_, _, email) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        var (page, errors) = await SignedInAsync(email, width);
        await BrowserFixture.OpenInteractiveAsync(page, "/settings/voice");

        var card = page.GetByTestId("streaming-card");
        await Assertions.Expect(card).ToContainTextAsync("can talk over it to interrupt");
        await card.GetByText("Streaming conversation").ClickAsync();
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByText("Saved. The next call uses the new voice")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"settings-voice-streaming-{width}");
        if (width < 600)
        {
            var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
            Assert.True(fits, culprits);
        }

        Assert.Equal("RELAY", await fx.Database.ScalarAsync<string>(
            $"SELECT voice_mode FROM agent_configs WHERE business_id = (SELECT id FROM businesses WHERE twilio_phone_number = '{number}')"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_voice_page_says_when_the_number_points_elsewhere_and_when_there_is_no_phone_to_call()
    {
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        fx.Numbers[number] = ("https://old-receptionist.example.com/voice", "");
        var (_, _, email) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        var (page, errors) = await SignedInAsync(email, 1366);
        await BrowserFixture.OpenInteractiveAsync(page, "/settings/voice");

        await Assertions.Expect(page.GetByTestId("number-check")).ToContainTextAsync($"Points elsewhere. Your Twilio number {PhoneShown(number)} sends calls to https://old-receptionist.example.com/voice, not to LeadsAgent.");

        var before = fx.PlacedCalls.Count;
        await page.GetByTestId("call-me").ClickAsync();
        await Assertions.Expect(page.GetByTestId("test-call-result")).ToContainTextAsync("There's no phone to call");
        Assert.Equal(before, fx.PlacedCalls.Count);

        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the address for “A call comes in”" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Copied. Paste it into Twilio's console.")).ToBeVisibleAsync();
        Assert.Equal($"{BrowserFixture.TwilioBase}/api/voice/incoming", await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_basic_owner_sees_the_voice_page_locked_with_the_way_to_upgrade()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("BASIC");
        var (page, errors) = await SignedInAsync(email, 390);
        await BrowserFixture.OpenInteractiveAsync(page, "/settings/voice");

        await Assertions.Expect(page.Locator("[data-locked]")).ToContainTextAsync("comes with Pro");
        Assert.Equal(0, await page.GetByTestId("voice-form").CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Compare the plans" }).ClickAsync();
        // Inside the interactive dashboard the link navigates without a page load.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/plan$"));
        Assert.Empty(errors);
    }
}
