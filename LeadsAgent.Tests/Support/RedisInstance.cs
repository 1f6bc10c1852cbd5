using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LeadsAgent.Tests.Support;

/// <summary>
/// A Redis server of the test's own (the Debian binary scripts/services installs), so a test can stop and restart it
/// without disturbing the shared one. Its append-only file keeps data across a restart, as in production.
/// </summary>
public sealed class RedisInstance : IAsyncDisposable
{
    const string Password = "test-redis";
    readonly string _dir = Path.Combine(Path.GetTempPath(), "la-redis-" + Guid.NewGuid().ToString("N")[..8]);
    Process? _process;

    public int Port { get; } = LoopbackPorts.Free();

    public string Url => $"redis://:{Password}@127.0.0.1:{Port}/0";

    public static async Task<RedisInstance> StartAsync()
    {
        var instance = new RedisInstance();
        Directory.CreateDirectory(instance._dir);
        await instance.StartAgainAsync();
        return instance;
    }

    public async Task StartAgainAsync()
    {
        _process = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _dir, "--appendonly", "yes",
             "--appendfsync", "always", "--requirepass", Password, "--save", ""])
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
