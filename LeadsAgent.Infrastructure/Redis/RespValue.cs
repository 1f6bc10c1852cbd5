using System.Globalization;
using System.Text;

namespace LeadsAgent.Infrastructure.Redis;

/// <summary>One RESP2 reply: simple string, error, integer, bulk string (possibly null) or array.</summary>
public sealed class RespValue
{
    public RespKind Kind { get; }
    public string? Text { get; }
    public long Integer { get; }
    public IReadOnlyList<RespValue>? Items { get; }

    RespValue(RespKind kind, string? text = null, long integer = 0, IReadOnlyList<RespValue>? items = null)
    {
        Kind = kind;
        Text = text;
        Integer = integer;
        Items = items;
    }

    public static RespValue Simple(string text) => new(RespKind.SimpleString, text);
    public static RespValue Error(string text) => new(RespKind.Error, text);
    public static RespValue Int(long value) => new(RespKind.Integer, integer: value);
    public static RespValue Bulk(string? text) => new(RespKind.BulkString, text);
    public static RespValue Array(IReadOnlyList<RespValue>? items) => new(RespKind.Array, items: items);

    public bool IsNull => (Kind == RespKind.BulkString && Text is null) || (Kind == RespKind.Array && Items is null);

    public override string ToString() => Kind switch
    {
        RespKind.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        RespKind.Array => Items is null ? "(nil)" : "[" + string.Join(", ", Items) + "]",
        _ => Text ?? "(nil)",
    };

    /// <summary>Encodes a command as a RESP array of bulk strings.</summary>
    public static byte[] EncodeCommand(IReadOnlyList<string> args)
    {
        var sb = new StringBuilder();
        sb.Append('*').Append(args.Count).Append("\r\n");
        foreach (var arg in args)
        {
            sb.Append('$').Append(Encoding.UTF8.GetByteCount(arg)).Append("\r\n").Append(arg).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}

public enum RespKind
{
    SimpleString,
    Error,
    Integer,
    BulkString,
    Array,
}

/// <summary>Redis answered a command with an error reply.</summary>
public sealed class RedisServerException(string message) : Exception(message);

/// <summary>Redis could not be reached, or the connection broke or timed out.</summary>
public sealed class RedisUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
