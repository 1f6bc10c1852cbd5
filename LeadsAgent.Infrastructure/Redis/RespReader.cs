using System.Globalization;
using System.Text;

namespace LeadsAgent.Infrastructure.Redis;

/// <summary>Reads RESP2 replies from a stream.</summary>
sealed class RespReader(Stream stream)
{
    readonly byte[] _buffer = new byte[16 * 1024];
    int _start;
    int _end;

    public async Task<RespValue> ReadAsync(CancellationToken ct)
    {
        var line = await ReadLineAsync(ct);
        if (line.Length == 0)
        {
            throw new IOException("Empty RESP line");
        }

        var payload = line[1..];
        switch (line[0])
        {
            case '+':
                return RespValue.Simple(payload);
            case '-':
                return RespValue.Error(payload);
            case ':':
                return RespValue.Int(long.Parse(payload, CultureInfo.InvariantCulture));
            case '$':
                var length = int.Parse(payload, CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return RespValue.Bulk(null);
                }

                var bytes = await ReadExactAsync(length + 2, ct);
                return RespValue.Bulk(Encoding.UTF8.GetString(bytes, 0, length));
            case '*':
                var count = int.Parse(payload, CultureInfo.InvariantCulture);
                if (count < 0)
                {
                    return RespValue.Array(null);
                }

                var items = new RespValue[count];
                for (var i = 0; i < count; i++)
                {
                    items[i] = await ReadAsync(ct);
                }

                return RespValue.Array(items);
            default:
                throw new IOException($"Unexpected RESP type '{line[0]}'");
        }
    }

    async Task<string> ReadLineAsync(CancellationToken ct)
    {
        var collected = new List<byte>();
        while (true)
        {
            for (var i = _start; i < _end; i++)
            {
                if (_buffer[i] == '\n')
                {
                    collected.AddRange(_buffer.AsSpan(_start, i - _start).ToArray());
                    _start = i + 1;
                    if (collected.Count > 0 && collected[^1] == '\r')
                    {
                        collected.RemoveAt(collected.Count - 1);
                    }

                    return Encoding.UTF8.GetString(collected.ToArray());
                }
            }

            collected.AddRange(_buffer.AsSpan(_start, _end - _start).ToArray());
            _start = _end = 0;
            await FillAsync(ct);
        }
    }

    async Task<byte[]> ReadExactAsync(int count, CancellationToken ct)
    {
        var result = new byte[count];
        var written = 0;
        while (written < count)
        {
            if (_start == _end)
            {
                _start = _end = 0;
                await FillAsync(ct);
            }

            var take = Math.Min(count - written, _end - _start);
            Buffer.BlockCopy(_buffer, _start, result, written, take);
            _start += take;
            written += take;
        }

        return result;
    }

    async Task FillAsync(CancellationToken ct)
    {
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), ct);
        if (read == 0)
        {
            throw new IOException("Redis closed the connection");
        }

        _end += read;
    }
}
