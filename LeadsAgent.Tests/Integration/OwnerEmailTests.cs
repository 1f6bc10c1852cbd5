using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Email;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LeadsAgent.Tests.Integration;

/// <summary>The owner's lead email as MailKit sends it and the real SMTP sink stores it.</summary>
public class OwnerEmailTests(OwnerEmailTests.Fixture fx) : IClassFixture<OwnerEmailTests.Fixture>
{
    public sealed class Fixture : PlatformFixture
    {
        // The background outbox pass stays out of the way; the test runs it when it means to.
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?> { ["Notifications:PollSeconds"] = "3600" };
    }

    static async Task<JsonNode> ChatAsync(HttpClient http, Guid businessId, string? sessionId, string message) =>
        await (await http.PostAsJsonAsync("/api/chat", new { businessId, sessionId, message })).JsonAsync(HttpStatusCode.OK);

    [Fact]
    public async Task A_lead_email_has_a_text_part_and_an_html_part_that_encodes_what_the_caller_said()
    {
        var ct = TestContext.Current.CancellationToken;
        var (businessId, _, ownerEmail) = await fx.CreateBusinessAsync("BASIC");
        var http = fx.Anonymous();
        var first = await ChatAsync(http, businessId, null, "My kitchen sink is clogged <script>alert(1)</script>");
        var session = first["sessionId"]!.GetValue<string>();
        await ChatAsync(http, businessId, session, "Dana Scully");
        await ChatAsync(http, businessId, session, "(555) 242-1313");
        await ChatAsync(http, businessId, session, "42 Oak Street, Springfield");
        var done = await ChatAsync(http, businessId, session, "dana@example.com");
        Assert.True(done["leadCaptured"]!.GetValue<bool>());

        var worker = fx.App.Services.GetRequiredService<OutboxWorker>();
        await worker.RunOnceAsync(ct);
        await worker.RunOnceAsync(ct);

        var mail = Assert.Single(MailSink.Shared(), m => m.To.Contains(ownerEmail, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("[HIGH] New lead for Test PLUMBING BASIC: Dana Scully (website chat)", mail.Subject);
        using var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mail.Raw)), ct);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));

        Assert.Contains("My kitchen sink is clogged <script>alert(1)</script>", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Dana Scully", mail.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", mail.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("SENT", await fx.Database.ScalarAsync<string>($"SELECT status FROM notifications WHERE lead_id = '{done["leadId"]}' AND kind = 'OWNER_EMAIL'"));
    }

    [Fact]
    public async Task Emails_sent_at_once_through_one_sender_each_arrive_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = await MailSink.StartAsync();
        await using var sender = new SmtpEmailSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port }));

        // Two rounds of twelve: the second reuses the pooled connections of the first (more sends than the pool keeps).
        for (var round = 0; round < 2; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
                sender.SendAsync(new EmailMessage($"owner{round}-{i}@example.com", $"Lead {round}-{i}", $"text {round}-{i}", $"<p>html {round}-{i}</p>", Important: i == 0), ct)));
        }

        var received = smtp.Messages();
        Assert.Equal(24, received.Count);
        Assert.Equal(24, received.Select(m => m.Subject).Distinct().Count());
        Assert.All(received, m => Assert.Equal(m.Subject.Replace("Lead", "text", StringComparison.Ordinal), m.Text.Trim()));
        Assert.Equal(2, received.Count(m => m.Raw.Contains("Importance: high", StringComparison.OrdinalIgnoreCase)));
    }
}
