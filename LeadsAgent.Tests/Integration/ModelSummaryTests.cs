using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Infrastructure.Summaries;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Tests.Integration;

/// <summary>The model-written summary through the real OpenAI SDK against a fake server, and the deterministic fallback.</summary>
public class ModelSummaryTests(ModelSummaryTests.Fixture fx) : IClassFixture<ModelSummaryTests.Fixture>
{
    public sealed class Fixture : PlatformFixture
    {
        public FakeHttpServer OpenAI { get; private set; } = null!;
        /// <summary>Twilio's Messages API, for the summaries by text.</summary>
        public FakeHttpServer Twilio { get; private set; } = null!;
        public System.Collections.Concurrent.ConcurrentQueue<System.Collections.Specialized.NameValueCollection> Texts { get; } = new();
        public volatile bool Slow;
        public static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(20);

        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "ACmodel0000000000000000000000000",
            ["Twilio:AuthToken"] = "model-summary-token",
            ["Twilio:PhoneNumber"] = "+15550007777",
            ["Twilio:ApiBaseUrl"] = Twilio.BaseUrl,
            ["Server:PublicBaseUrl"] = "https://dash.example.test",
            ["Notifications:PollSeconds"] = "3600",
            ["Sessions:SweepSeconds"] = "3600",
            ["Summaries:DigestPollSeconds"] = "3600",
        };

        protected override void ConfigureApp(AppFactory app) => app.TestServices = services =>
        {
            // Only the summaries use the model here; the conversations keep the deterministic engine.
            services.RemoveAll<ISummaryWriter>();
            services.AddSingleton<ISummaryWriter>(new OpenAISummaryWriter(
                Options.Create(new OpenAIOptions { ApiKey = "sk-test", Model = "gpt-test", BaseUrl = OpenAI.BaseUrl + "/v1" }),
                Options.Create(new SummaryOptions { ModelTimeoutMs = 700 }), NullLogger<OpenAISummaryWriter>.Instance));
        };

        public override async ValueTask InitializeAsync()
        {
            OpenAI = await FakeHttpServer.StartAsync(async (_, ctx) =>
            {
                if (Slow)
                {
                    // Far past the writer's 700 ms timeout, so "did not wait for the model" holds on a loaded machine too.
                    try
                    {
                        await Task.Delay(SlowAnswer, ctx.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                await ctx.Response.WriteAsync(OpenAIModelTests.Completion(
                    "Maria called about a burst pipe under her kitchen sink. The agent took her details; call her back today."));
            });
            Twilio = await FakeHttpServer.StartAsync(async (req, ctx) =>
            {
                Texts.Enqueue(System.Web.HttpUtility.ParseQueryString(req.Body));
                ctx.Response.StatusCode = 201;
                await ctx.Response.WriteAsJsonAsync(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued", num_segments = "2" });
            });
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await OpenAI.DisposeAsync();
            await Twilio.DisposeAsync();
        }
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<(string Session, string Email)> ChatThatEndsAsync(string? ownerPhone = null)
    {
        var (businessId, owner, _) = await fx.CreateBusinessAsync("BASIC");
        var email = $"model-{Guid.NewGuid():N}@acme.example";
        (await owner.PutAsJsonAsync("/api/admin/business", new { name = "Acme Plumbing", notificationEmail = email, notificationPhoneNumber = ownerPhone }, Ct))
            .EnsureSuccessStatusCode();
        if (ownerPhone is not null)
        {
            (await owner.PutAsJsonAsync("/api/admin/summaries", new { summaryDelivery = "TEXT" }, Ct)).EnsureSuccessStatusCode();
        }

        var http = fx.Anonymous();
        async Task<JsonNode> Chat(string? session, string message) =>
            await (await http.PostAsJsonAsync("/api/chat", new { businessId, sessionId = session, message }, Ct)).JsonAsync(HttpStatusCode.OK);
        var session = (await Chat(null, "a pipe burst under my kitchen sink"))["sessionId"]!.GetValue<string>();
        await Chat(session, "Maria Lopez");
        // Ended as the idle sweep ends a chat the visitor walked away from.
        await fx.App.Services.GetRequiredService<LeadsAgent.Infrastructure.Conversations.ConversationService>()
            .EndAsync(session, LeadsAgent.Domain.Conversations.ConversationStatus.ABANDONED, Ct);
        return (session, email);
    }

    async Task<ReceivedMail> SummaryMailAsync(string email)
    {
        var worker = fx.App.Services.GetRequiredService<OutboxWorker>();
        while (await worker.RunOnceAsync(Ct) > 0)
        {
        }

        return Assert.Single(MailSink.Shared(), m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains("summary", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_model_configured_the_email_opens_with_the_models_summary_written_from_the_transcript()
    {
        fx.Slow = false;
        var (session, email) = await ChatThatEndsAsync();

        var mail = await SummaryMailAsync(email);

        Assert.Contains("Maria called about a burst pipe under her kitchen sink.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Maria called about a burst pipe", mail.Html, StringComparison.Ordinal);
        // The facts and the links are there too.
        Assert.Contains($"/conversations/{session}", mail.Text, StringComparison.Ordinal);
        var request = fx.OpenAI.Requests.Last(r => r.Body.Contains("a pipe burst under my kitchen sink", StringComparison.Ordinal));
        using var body = JsonDocument.Parse(request.Body);
        var messages = body.RootElement.GetProperty("messages");
        Assert.Contains("Write in English", messages[0].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("Caller: a pipe burst under my kitchen sink", messages[1].GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_that_times_out_leaves_the_deterministic_summary_and_the_email_still_goes()
    {
        fx.Slow = true;
        try
        {
            var (session, email) = await ChatThatEndsAsync();
            var started = DateTimeOffset.UtcNow;

            var mail = await SummaryMailAsync(email);

            Assert.True(DateTimeOffset.UtcNow - started < Fixture.SlowAnswer / 2, "the summary waited for the slow model instead of its timeout");
            Assert.DoesNotContain("Maria called about", mail.Text, StringComparison.Ordinal);
            Assert.Contains("What: \"a pipe burst under my kitchen sink\"", mail.Text, StringComparison.Ordinal);
            Assert.Contains($"/conversations/{session}", mail.Text, StringComparison.Ordinal);
        }
        finally
        {
            fx.Slow = false;
        }
    }

    [Fact]
    public async Task A_summary_by_text_carries_the_models_words_between_the_facts_and_the_transcript_link()
    {
        fx.Slow = false;
        var ownerPhone = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (session, _) = await ChatThatEndsAsync(ownerPhone);
        var worker = fx.App.Services.GetRequiredService<OutboxWorker>();
        while (await worker.RunOnceAsync(Ct) > 0)
        {
        }

        var body = Assert.Single(fx.Texts, t => t["To"] == ownerPhone && t["Body"]!.Contains("/conversations/", StringComparison.Ordinal))["Body"]!;
        // The facts head the text (a burst pipe is urgent), the model's words follow.
        Assert.StartsWith("Acme Plumbing URGENT chat: ", body, StringComparison.Ordinal);
        Assert.Contains(". Maria called about a burst pipe under her kitchen sink. The agent took her details; call her back today. ", body, StringComparison.Ordinal);
        Assert.EndsWith($"https://dash.example.test/conversations/{session}", body, StringComparison.Ordinal);
        Assert.True(body.Length <= LeadsAgent.Domain.Notifications.ConversationSummary.MaxShortLength, body);
        // The model was asked for a text message's length, not the email's paragraph.
        var request = fx.OpenAI.Requests.Last(r => r.Body.Contains("This is a text message", StringComparison.Ordinal));
        Assert.Contains("a pipe burst under my kitchen sink", request.Body, StringComparison.Ordinal);
    }
}
