using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace LeadsAgent.Tests.Support;

/// <summary>An email as the SMTP sink stored it, decoded: headers, plain-text part and HTML part.</summary>
public sealed record ReceivedMail(string To, string Subject, string Text, string Html, string Raw);

/// <summary>Reads the Maildir the aiosmtpd sink writes, and can run a sink of a test's own to stop and start.</summary>
public sealed class MailSink : IAsyncDisposable
{
    readonly string _dir;
    Process? _process;

    MailSink(string dir, int port)
    {
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The shared sink started by scripts/services.</summary>
    public static IReadOnlyList<ReceivedMail> Shared() => Read(TestEnvironment.MailDirectory);

    public IReadOnlyList<ReceivedMail> Messages() => Read(_dir);

    public static async Task<MailSink> StartAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var dir = Path.Combine(Path.GetTempPath(), "la-mail-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(dir, sub));
        }

        var sink = new MailSink(dir, port);
        await sink.StartAgainAsync();
        return sink;
    }

    public async Task StartAgainAsync()
    {
        _process = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _dir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException("the SMTP sink did not start");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill();
            await p.WaitForExitAsync();
        }
    }

    static IReadOnlyList<ReceivedMail> Read(string dir)
    {
        var folder = Path.Combine(dir, "new");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Select(Parse)] : [];
    }

    // MimeKit decodes what the sender encoded (quoted-printable or base64 parts, encoded-word subjects), so a test reads
    // the words a person would see, not the transfer encoding.
    static ReceivedMail Parse(string path)
    {
        var raw = File.ReadAllText(path);
        using var message = MimeMessage.Load(path);
        return new ReceivedMail(message.To.ToString(), message.Subject ?? "", message.TextBody ?? "", message.HtmlBody ?? "", raw);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Harmless leftovers in the temp folder.
        }
    }
}
