using System.Net;
using System.Net.Mail;
using LeadsAgent.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Email;

/// <summary>An email with a plain-text and an HTML body.</summary>
public sealed record EmailMessage(string To, string Subject, string Text, string Html, bool Important);

/// <summary>Sends email (architecture D7: System.Net.Mail behind an interface; MailKit is not served here).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

/// <summary>
/// SmtpClients kept for the process, each used by one message at a time (the outbox sends a few messages at once):
/// disposing a client per message would block a thread-pool thread on its synchronous QUIT for every email
/// (System.Net.Mail has no async dispose), which under load starves the webhooks of threads. A client that failed is
/// dropped and replaced.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender, IDisposable
{
    readonly System.Collections.Concurrent.ConcurrentBag<SmtpClient> _idle = [];

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            throw new InvalidOperationException("SMTP is not configured (SMTP_HOST); the email waits in the outbox.");
        }

        using var mail = new MailMessage(new MailAddress(o.From), new MailAddress(message.To))
        {
            Subject = message.Subject,
            Body = message.Text,
            SubjectEncoding = System.Text.Encoding.UTF8,
            BodyEncoding = System.Text.Encoding.UTF8,
        };
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.Html, System.Text.Encoding.UTF8, "text/html"));
        if (message.Important)
        {
            mail.Priority = MailPriority.High;
            mail.Headers.Add("Importance", "high");
        }

        if (!_idle.TryTake(out var client))
        {
            client = new SmtpClient(o.Host!, o.Port)
            {
                EnableSsl = o.EnableSsl,
                DeliveryMethod = SmtpDeliveryMethod.Network,
                Timeout = 15_000,
                Credentials = string.IsNullOrEmpty(o.User) ? null : new NetworkCredential(o.User, o.Pass),
            };
        }

        try
        {
            await client.SendMailAsync(mail, ct);
        }
        catch
        {
            // Its connection may be dead or stuck: let it say QUIT off this path, and use a fresh one next time.
            _ = Task.Run(() => DisposeQuietly(client), CancellationToken.None);
            throw;
        }

        _idle.Add(client);
    }

    static void DisposeQuietly(SmtpClient client)
    {
        try
        {
            client.Dispose();
        }
        catch (Exception ex) when (ex is SmtpException or IOException or InvalidOperationException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            // The connection was already gone.
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var client))
        {
            DisposeQuietly(client);
        }
    }
}
