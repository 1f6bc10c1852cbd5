using System.Diagnostics;

namespace LeadsAgent.Tests.Support;

/// <summary>
/// A PostgreSQL server of the test's own (Debian's binaries, which scripts/services installs), so a test can restart it
/// mid-load without disturbing the shared server. Runs as the postgres user when the tests run as root.
/// </summary>
public sealed class PostgresInstance : IAsyncDisposable
{
    const string Bin = "/usr/lib/postgresql/15/bin";
    readonly string _dir = Path.Combine(Path.GetTempPath(), "la-pg-" + Guid.NewGuid().ToString("N")[..8]);

    public int Port { get; } = LoopbackPorts.Free();

    /// <summary>The server's URL in the design documents' DATABASE_URL form (trust authentication on loopback).</summary>
    public string ServerUrl => $"postgresql://leadsagent:leadsagent@127.0.0.1:{Port}/postgres";

    string Data => Path.Combine(_dir, "data");

    public static async Task<PostgresInstance> StartAsync()
    {
        var instance = new PostgresInstance();
        Directory.CreateDirectory(instance._dir);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres:postgres", instance._dir], asPostgres: false);
        }

        await RunAsync(Path.Combine(Bin, "initdb"), ["-D", instance.Data, "-U", "leadsagent", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        await instance.StartAgainAsync();
        return instance;
    }

    public Task StartAgainAsync() => RunAsync(Path.Combine(Bin, "pg_ctl"), ["-D", Data, "-l", Path.Combine(_dir, "server.log"), "-w", "-t", "30",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_dir} -c fsync=off -c max_connections=100", "start"]);

    /// <summary>A fast shutdown, as a restart by an operator or a package upgrade does: open connections are cut.</summary>
    public Task StopAsync() => RunAsync(Path.Combine(Bin, "pg_ctl"), ["-D", Data, "-m", "fast", "-w", "stop"]);

    static async Task RunAsync(string file, string[] args, bool asPostgres = true)
    {
        var start = asPostgres && Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args])
            : new ProcessStartInfo(file, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

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
