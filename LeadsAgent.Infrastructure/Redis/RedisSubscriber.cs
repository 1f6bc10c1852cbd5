using System.Net.Sockets;
using LeadsAgent.Infrastructure.Configuration;
using Microsoft.Extensions.Logging;

namespace LeadsAgent.Infrastructure.Redis;

/// <summary>
/// A dedicated connection in SUBSCRIBE mode (a subscribed connection can run no other command). It reconnects with
/// backoff and hands each message on the channel to the callback.
/// </summary>
public sealed class RedisSubscriber(RedisOptions options, string channel, Func<string, Task> onMessage, ILogger logger) : IAsyncDisposable
{
    readonly CancellationTokenSource _stop = new();
    Task? _loop;

    public bool IsConnected { get; private set; }

    public void Start() => _loop ??= Task.Run(() => RunAsync(_stop.Token));

    async Task RunAsync(CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var endpoint = options.Endpoint;
                using var tcp = new TcpClient { NoDelay = true };
                using (var connect = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    connect.CancelAfter(options.ConnectTimeoutMs);
                    await tcp.ConnectAsync(endpoint.Host, endpoint.Port, connect.Token);
                }

                await using var stream = tcp.GetStream();
                var reader = new RespReader(stream);
                if (!string.IsNullOrEmpty(endpoint.Password))
                {
                    await stream.WriteAsync(RespValue.EncodeCommand(endpoint.User is null ? ["AUTH", endpoint.Password] : ["AUTH", endpoint.User, endpoint.Password]), ct);
                    var auth = await reader.ReadAsync(ct);
                    if (auth.Kind == RespKind.Error)
                    {
                        throw new RedisServerException(auth.Text ?? "AUTH failed");
                    }
                }

                await stream.WriteAsync(RespValue.EncodeCommand(["SUBSCRIBE", channel]), ct);
                IsConnected = true;
                if (failures > 0)
                {
                    logger.LogInformation("Live events: resubscribed to Redis after {Failures} failed attempts", failures);
                }

                failures = 0;
                while (!ct.IsCancellationRequested)
                {
                    var push = await reader.ReadAsync(ct);
                    if (push.Items is [{ Text: "message" }, _, { Text: { } payload }])
                    {
                        try
                        {
                            await onMessage(payload);
                        }
                        catch (Exception ex)
                        {
                            logger.LogWarning(ex, "A live event from another instance could not be handled");
                        }
                    }
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                IsConnected = false;
                failures++;
                if (failures == 1)
                {
                    logger.LogWarning("Live events: Redis subscription lost ({Reason}); retrying", ex.GetType().Name);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, Math.Min(failures, 6)))), ct).ContinueWith(_ => { }, CancellationToken.None);
            }
        }

        IsConnected = false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop.ContinueWith(_ => { }, CancellationToken.None);
        }

        _stop.Dispose();
    }
}
