using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LeadsAgent.Tests.Support;

/// <summary>
/// A Redis server of the test's own (the Debian binary scripts/services installs), so a test can stop and restart it
/// without disturbing the shared one. Its append-only file keeps data across a restart, as in production.
/// With TLS it listens only on a TLS port, with a self-signed certificate for 127.0.0.1 made by openssl.
/// </summary>
public sealed class RedisInstance : IAsyncDisposable
{
    const string Password = "test-redis";
    readonly string _dir = Path.Combine(Path.GetTempPath(), "la-redis-" + Guid.NewGuid().ToString("N")[..8]);
    Process? _process;

    bool _tls;

    public int Port { get; } = LoopbackPorts.Free();

    public string Url => $"{(_tls ? "rediss" : "redis")}://:{Password}@127.0.0.1:{Port}/0";

    /// <summary>The server's self-signed certificate (PEM), for clients to trust; only with TLS.</summary>
    public string CertificateFile => Path.Combine(_dir, "redis.crt");

    public static async Task<RedisInstance> StartAsync(bool tls = false)
    {
        var instance = new RedisInstance { _tls = tls };
        Directory.CreateDirectory(instance._dir);
        if (tls)
        {
            await instance.MakeCertificateAsync();
        }

        await instance.StartAgainAsync();
        return instance;
    }

    async Task MakeCertificateAsync()
    {
        using var openssl = Process.Start(new ProcessStartInfo("openssl",
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
             "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", Path.Combine(_dir, "redis.key"), "-out", CertificateFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = openssl.StandardError.ReadToEndAsync();
        await openssl.WaitForExitAsync();
        if (openssl.ExitCode != 0)
        {
            throw new InvalidOperationException("openssl could not make a certificate: " + await errors);
        }
    }

    public async Task StartAgainAsync()
    {
        var port = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] listen = _tls
            ? ["--port", "0", "--tls-port", port, "--tls-cert-file", CertificateFile, "--tls-key-file", Path.Combine(_dir, "redis.key"),
               "--tls-ca-cert-file", CertificateFile, "--tls-auth-clients", "no"]
            : ["--port", port];
        _process = Process.Start(new ProcessStartInfo("redis-server",
            [.. listen, "--bind", "127.0.0.1", "--dir", _dir, "--appendonly", "yes", "--appendfsync", "always", "--requirepass", Password, "--save", ""])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        for (var i = 0; i < 100; i++)
        {
            if (await PingsAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException("redis-server did not start");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill();
            await p.WaitForExitAsync();
        }

        _process = null;
    }

    async Task<bool> PingsAsync()
    {
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
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
            // A temp folder left behind is harmless.
        }
    }
}
