using System.Diagnostics;
using System.Net.Sockets;
using LeadsAgent.Infrastructure.Configuration;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LeadsAgent.Infrastructure.Email;

/// <summary>An email with a plain-text and an HTML body, and any files attached (a booking's .ics).</summary>
public sealed record EmailMessage(string To, string Subject, string Text, string Html, bool Important, IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>A file attached to an email; <see cref="ContentType"/> is the full MIME type with parameters ("text/calendar; method=REQUEST; charset=utf-8").</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Sends email (docs/architecture.md, D7: MailKit's SMTP client behind an interface).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

/// <summary>
/// Sends through MailKit with a small pool of connected, authenticated clients, each used by one message at a time (the
/// outbox sends up to eight at once): a connection per message would pay TCP, TLS and AUTH for every email. A client
/// whose send failed is closed, never reused, so the next message gets a fresh connection; one that sat idle for a
/// while is probed with NOOP first (servers drop quiet sessions), and one idle past <see cref="s_idleLimit"/> is closed.
/// </summary>
public sealed class SmtpEmailSender : IEmailSender, IAsyncDisposable, IDisposable
{
    // The outbox's concurrency: more idle connections than messages in flight would only hold server slots.
    const int MaxIdle = 8;
    const int TimeoutMs = 15_000;
    static readonly TimeSpan s_idleLimit = TimeSpan.FromSeconds(30);
    // Within a batch the last reply is fresh proof of life; after a pause, a NOOP is cheaper than a failed send.
    static readonly TimeSpan s_probeAfter = TimeSpan.FromSeconds(5);

    readonly IOptions<SmtpOptions> _options;
    readonly Lock _gate = new();
    // Oldest first: sends take the newest (likeliest alive), the sweep closes from the front.
    readonly List<(SmtpClient Client, long ReturnedAt)> _idle = [];
    readonly Timer _sweeper;
    bool _disposed;

    public SmtpEmailSender(IOptions<SmtpOptions> options)
    {
        _options = options;
        _sweeper = new Timer(_ => Sweep(), null, s_idleLimit, s_idleLimit);
    }

    /// <summary>
    /// Port 465 is SMTPS (RFC 8314): TLS from the first byte. Elsewhere Smtp:EnableSsl asks for STARTTLS and insists on
    /// it; StartTlsWhenAvailable would quietly send the password in clear text to anyone who strips the STARTTLS offer.
    /// EnableSsl false is plain SMTP, as before the move to MailKit: the loopback test sink and internal relays speak no
    /// TLS, and opportunistic STARTTLS (MailKit's Auto) would start failing on relays whose certificates never mattered.
    /// </summary>
    public static SecureSocketOptions SecurityFor(SmtpOptions o) =>
        o.Port == 465 ? SecureSocketOptions.SslOnConnect
        : o.EnableSsl ? SecureSocketOptions.StartTls
        : SecureSocketOptions.None;

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var o = _options.Value;
        if (!o.IsConfigured)
        {
            throw new InvalidOperationException("SMTP is not configured (SMTP_HOST); the email waits in the outbox.");
        }

        using var mime = Compose(o, message);
        var client = await RentAsync(o, ct);
        try
        {
            await client.SendAsync(mime, ct);
        }
        catch
        {
            // The session may be dead or halfway through DATA: only a new connection is in a known state.
            client.Dispose();
            throw;
        }

        Return(client);
    }

    static MimeMessage Compose(SmtpOptions o, EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(o.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        if (message.Important)
        {
            // The three headers mail clients read for priority (Outlook: Importance and X-Priority).
            mime.Importance = MessageImportance.High;
            mime.Priority = MessagePriority.Urgent;
            mime.XPriority = XMessagePriority.Highest;
        }

        // multipart/alternative: clients show the HTML, and fall back to the text (which is also what filters read).
        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        foreach (var file in message.Attachments ?? [])
        {
            // multipart/mixed around the alternative: mail clients list the file (an .ics offers "Add to calendar").
            body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    async Task<SmtpClient> RentAsync(SmtpOptions o, CancellationToken ct)
    {
        while (TakeIdle() is ({ } idle, var returnedAt))
        {
            bool alive;
            try
            {
                alive = idle.IsConnected && (Stopwatch.GetElapsedTime(returnedAt) < s_probeAfter || await ProbeAsync(idle, ct));
            }
            catch
            {
                idle.Dispose();
                throw;
            }

            if (alive)
            {
                return idle;
            }

            idle.Dispose();
        }

        var client = new SmtpClient { Timeout = TimeoutMs };
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Nagle off: the message's last small write (the closing dot) otherwise waits for the server's delayed ACK
            // of the one before, about 40 ms per email (measured 62 ms per message with it on, against a local sink).
            // The client's Timeout covers only what MailKit does; an unanswered SYN would otherwise wait for the OS.
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                connect.CancelAfter(TimeoutMs);
                await socket.ConnectAsync(o.Host!, o.Port, connect.Token);
            }

            await client.ConnectAsync(socket, o.Host!, o.Port, SecurityFor(o), ct);
            if (!string.IsNullOrEmpty(o.User))
            {
                await client.AuthenticateAsync(o.User, o.Pass ?? "", ct);
            }
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }

        return client;
    }

    static async Task<bool> ProbeAsync(SmtpClient client, CancellationToken ct)
    {
        try
        {
            await client.NoOpAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    (SmtpClient? Client, long ReturnedAt) TakeIdle()
    {
        lock (_gate)
        {
            if (_idle.Count == 0)
            {
                return (null, 0);
            }

            var last = _idle[^1];
            _idle.RemoveAt(_idle.Count - 1);
            return last;
        }
    }

    void Return(SmtpClient client)
    {
        lock (_gate)
        {
            if (!_disposed && _idle.Count < MaxIdle)
            {
                _idle.Add((client, Stopwatch.GetTimestamp()));
                return;
            }
        }

        _ = QuitAsync(client);
    }

    void Sweep()
    {
        List<SmtpClient> stale = [];
        lock (_gate)
        {
            while (_idle.Count > 0 && Stopwatch.GetElapsedTime(_idle[0].ReturnedAt) >= s_idleLimit)
            {
                stale.Add(_idle[0].Client);
                _idle.RemoveAt(0);
            }
        }

        foreach (var client in stale)
        {
            _ = QuitAsync(client);
        }
    }

    // A polite QUIT for a healthy idle session, so the server logs a clean close rather than a dropped connection.
    static async Task QuitAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or MailKit.ProtocolException or MailKit.CommandException
            or SocketException or ObjectDisposedException)
        {
            // The server had already gone.
        }
        finally
        {
            client.Dispose();
        }
    }

    List<SmtpClient> DrainIdle()
    {
        lock (_gate)
        {
            _disposed = true;
            var all = _idle.Select(i => i.Client).ToList();
            _idle.Clear();
            return all;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _sweeper.DisposeAsync();
        await Task.WhenAll(DrainIdle().Select(QuitAsync));
    }

    public void Dispose()
    {
        _sweeper.Dispose();
        foreach (var client in DrainIdle())
        {
            client.Dispose();
        }
    }
}
