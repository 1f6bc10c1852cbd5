using System.Net.Sockets;
using System.Threading.Channels;
using LeadsAgent.Infrastructure.Configuration;

namespace LeadsAgent.Infrastructure.Redis;

/// <summary>
/// One TCP connection to Redis. Commands are written in order under a lock and their replies are matched
/// in the same order by a single reader loop, so many callers can pipeline on one socket safely.
/// </summary>
sealed class RedisConnection : IAsyncDisposable
{
    readonly TcpClient _tcp;
    readonly NetworkStream _stream;
    readonly RespReader _reader;
    readonly SemaphoreSlim _writeLock = new(1, 1);
    readonly Channel<TaskCompletionSource<RespValue>> _pending = Channel.CreateUnbounded<TaskCompletionSource<RespValue>>();
    readonly CancellationTokenSource _closing = new();
    readonly Task _readLoop;
    volatile bool _broken;

    RedisConnection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new RespReader(_stream);
        _readLoop = Task.Run(ReadLoopAsync);
    }

    public bool IsBroken => _broken;

    public static async Task<RedisConnection> OpenAsync(RedisEndpoint endpoint, TimeSpan connectTimeout, TimeSpan commandTimeout, CancellationToken ct)
    {
        var tcp = new TcpClient { NoDelay = true };
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(connectTimeout);
            try
            {
                await tcp.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                tcp.Dispose();
                throw new RedisUnavailableException($"Cannot connect to Redis at {endpoint.Host}:{endpoint.Port}", ex);
            }
        }

        var connection = new RedisConnection(tcp);
        try
        {
            if (!string.IsNullOrEmpty(endpoint.Password))
            {
                string[] auth = endpoint.User is null ? ["AUTH", endpoint.Password] : ["AUTH", endpoint.User, endpoint.Password];
                await connection.ExecuteAsync(auth, commandTimeout, ct);
            }

            if (endpoint.Database != 0)
            {
                await connection.ExecuteAsync(["SELECT", endpoint.Database.ToString(System.Globalization.CultureInfo.InvariantCulture)], commandTimeout, ct);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return connection;
    }

    /// <summary>Sends one command and waits for its reply; an error reply throws <see cref="RedisServerException"/>.</summary>
    public async Task<RespValue> ExecuteAsync(IReadOnlyList<string> args, TimeSpan timeout, CancellationToken ct)
    {
        if (_broken)
        {
            throw new RedisUnavailableException("The Redis connection is closed");
        }

        var reply = new TaskCompletionSource<RespValue>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bytes = RespValue.EncodeCommand(args);
        await _writeLock.WaitAsync(ct);
        try
        {
            // Queue before writing so the reader can never see a reply without its waiter.
            _pending.Writer.TryWrite(reply);
            await _stream.WriteAsync(bytes, ct);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            Break(ex);
        }
        finally
        {
            _writeLock.Release();
        }

        try
        {
            var value = await reply.Task.WaitAsync(timeout, ct);
            return value.Kind == RespKind.Error ? throw new RedisServerException(value.Text ?? "ERR") : value;
        }
        catch (TimeoutException ex)
        {
            // The reply order is lost once a reply is abandoned: drop the connection so no caller gets another's reply.
            Break(ex);
            throw new RedisUnavailableException($"Redis did not answer {args[0]} within {timeout.TotalMilliseconds:0} ms", ex);
        }
    }

    async Task ReadLoopAsync()
    {
        try
        {
            while (!_closing.IsCancellationRequested)
            {
                var value = await _reader.ReadAsync(_closing.Token);
                if (_pending.Reader.TryRead(out var waiter))
                {
                    waiter.TrySetResult(value);
                }
            }
        }
        catch (Exception ex)
        {
            Break(ex);
        }
    }

    void Break(Exception cause)
    {
        if (_broken)
        {
            return;
        }

        _broken = true;
        _pending.Writer.TryComplete();
        while (_pending.Reader.TryRead(out var waiter))
        {
            waiter.TrySetException(new RedisUnavailableException("The Redis connection was lost", cause));
        }

        _closing.Cancel();
        _tcp.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        Break(new ObjectDisposedException(nameof(RedisConnection)));
        try
        {
            await _readLoop;
        }
        catch (Exception)
        {
            // The loop ends by failing; its failure has already been handed to the waiters.
        }

        _writeLock.Dispose();
        _closing.Dispose();
    }
}
