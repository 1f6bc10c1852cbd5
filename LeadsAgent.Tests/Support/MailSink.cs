using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace LeadsAgent.Tests.Support;

/// <summary>An email as the SMTP sink stored it, decoded: headers, plain-text part and HTML part.</summary>
public sealed record ReceivedMail(string To, string Subject, string Text, string Html, string Raw);

/// <summary>Reads the Maildir the aiosmtpd sink writes, and can run a sink of a test's own to stop and start.</summary>
public sealed partial class MailSink : IAsyncDisposable
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
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Select(f => Parse(File.ReadAllText(f)))] : [];
    }

    static ReceivedMail Parse(string raw)
    {
        var (headers, body) = Split(raw);
        string text = "", html = "";
        if (Header(headers, "Content-Type") is { } type && Boundary().Match(type) is { Success: true } b)
        {
            foreach (var part in body.Split("--" + b.Groups[1].Value).Skip(1))
            {
                var (ph, pb) = Split(part.TrimStart('\r', '\n'));
                var decoded = Decode(pb, Header(ph, "Content-Transfer-Encoding"));
                if (Header(ph, "Content-Type") is { } t && t.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
                {
                    html = decoded;
                }
                else if (Header(ph, "Content-Type") is { } p && p.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
                {
                    text = decoded;
                }
            }
        }
        else
        {
            text = Decode(body, Header(headers, "Content-Transfer-Encoding"));
        }

        return new ReceivedMail(Header(headers, "To") ?? "", DecodeWords(Header(headers, "Subject") ?? ""), text, html, raw);
    }

    static (string Headers, string Body) Split(string s)
    {
        var normalized = s.Replace("\r\n", "\n", StringComparison.Ordinal);
        var at = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        return at < 0 ? (normalized, "") : (normalized[..at], normalized[(at + 2)..]);
    }

    static string? Header(string headers, string name)
    {
        var unfolded = Regex.Replace(headers, @"\n[ \t]+", " ");
        return unfolded.Split('\n').FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();
    }

    static string Decode(string body, string? encoding) => encoding?.ToLowerInvariant() switch
    {
        "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(body.Split("\n--")[0], @"\s", ""))),
        "quoted-printable" => QuotedPrintable(body),
        _ => body,
    };

    static string QuotedPrintable(string s)
    {
        var soft = s.Replace("=\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < soft.Length; i++)
        {
            if (soft[i] == '=' && i + 2 < soft.Length && Uri.IsHexDigit(soft[i + 1]) && Uri.IsHexDigit(soft[i + 2]))
            {
                bytes.Add(Convert.ToByte(soft.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(soft[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    static string DecodeWords(string s) => EncodedWord().Replace(s, m => m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
        ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
        : QuotedPrintable(m.Groups[3].Value.Replace('_', ' '))).Replace("?= =?", "", StringComparison.Ordinal);

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*")]
    private static partial Regex EncodedWord();

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
