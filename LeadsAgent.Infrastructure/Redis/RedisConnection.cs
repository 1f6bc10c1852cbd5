using System.Net.Sockets;
using System.Threading.Channels;
using LeadsAgent.Infrastructure.Configuration;

namespace LeadsAgent.Infrastructure.Redis;

/// <summary>
/// One TCP connection to Redis, pipelined: callers queue commands; one writer loop sends everything queued so far in a
/// single write (under load, dozens of commands share one system call and no caller waits on a lock), and one reader
/// loop hands replies back in the same order.
/// </summary>
sealed class RedisConnection : IAsyncDisposable
{
    const int MaxBatchBytes = 256 * 1024;

    readonly TcpClient _tcp;
    readonly NetworkStream _stream;
    readonly RespReader _reader;
    readonly Channel<(byte[] Bytes, TaskCompletionSource<RespValue> Reply)> _outgoing =
        Channel.CreateUnbounded<(byte[], TaskCompletionSource<RespValue>)>(new UnboundedChannelOptions { SingleReader = true });
    readonly Channel<TaskCompletionSource<RespValue>> _pending =
        Channel.CreateUnbounded<TaskCompletionSource<RespValue>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    readonly CancellationTokenSource _closing = new();
    readonly Task _readLoop;
    readonly Task _writeLoop;
    volatile bool _broken;

    RedisConnection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new RespReader(_stream);
        _readLoop = Task.Run(ReadLoopAsync);
        _writeLoop = Task.Run(WriteLoopAsync);
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
        if (!_outgoing.Writer.TryWrite((RespValue.EncodeCommand(args), reply)))
        {
            throw new RedisUnavailableException("The Redis connection is closed");
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

    /// <summary>Writes whatever is queued in one go; a waiter is registered before its bytes leave, so replies always find it.</summary>
    async Task WriteLoopAsync()
    {
        var buffer = new MemoryStream();
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(_closing.Token))
            {
                buffer.SetLength(0);
                while (buffer.Length < MaxBatchBytes && _outgoing.Reader.TryRead(out var item))
                {
                    _pending.Writer.TryWrite(item.Reply);
                    buffer.Write(item.Bytes);
                }

                await _stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), _closing.Token);
            }
        }
        catch (Exception ex)
        {
            Break(ex);
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
        _outgoing.Writer.TryComplete();
        while (_outgoing.Reader.TryRead(out var unsent))
        {
            unsent.Reply.TrySetException(new RedisUnavailableException("The Redis connection was lost", cause));
        }

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
            await Task.WhenAll(_readLoop, _writeLoop);
        }
        catch (Exception)
        {
            // The loops end by failing; their failure has already been handed to the waiters.
        }

        _closing.Dispose();
    }
}
