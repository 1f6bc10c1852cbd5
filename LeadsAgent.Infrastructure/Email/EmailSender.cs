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

public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
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

        using var client = new SmtpClient(o.Host!, o.Port)
        {
            EnableSsl = o.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 15_000,
            Credentials = string.IsNullOrEmpty(o.User) ? null : new NetworkCredential(o.User, o.Pass),
        };
        await client.SendMailAsync(mail, ct);
    }
}
