using System.Globalization;
using System.Text;
using System.Text.Json;
using LeadsAgent.Domain.Engine;

namespace LeadsAgent.Infrastructure.Ai;

/// <summary>
/// Reads the model's JSON turn while it streams in: the decision (intents, entities, priority, reasons) as soon as
/// everything before the top-level "reply" key is written, then the reply's characters as they arrive, unescaped. The
/// schema lists "reply" last, and models write structured output in schema order; a turn that puts it elsewhere is read
/// whole at the end instead, so nothing depends on the order but the speed.
/// </summary>
/// <remarks>
/// Hand-written because no JSON reader gives the inside of a string still being written: System.Text.Json's
/// Utf8JsonReader, even with <c>isFinalBlock: false</c>, returns a string token only once it is complete. It follows
/// only what it needs (nesting, strings, the top-level key) and is tested against System.Text.Json at every split point.
/// </remarks>
public sealed class StreamingTurnReader
{
    enum Stage { Decision, AfterReplyKey, Reply, Rest }

    readonly StringBuilder _json = new();
    readonly StringBuilder _reply = new();
    readonly StringBuilder _escape = new();
    Stage _stage = Stage.Decision;
    int _scan;
    int _depth;
    bool _inString;
    bool _escaped;
    int _stringStart;
    int _replyKeyAt = -1;
    bool _complete;

    /// <summary>The model's decision without its reply; null until known (or when the JSON is not a turn).</summary>
    public ModelTurn? Decision { get; private set; }

    /// <summary>Whether the decision is settled: read before the reply, or from the whole JSON at the end.</summary>
    public bool DecisionKnown { get; private set; }

    /// <summary>Whether the model wrote a reply (a string, not null).</summary>
    public bool ReplyFollows { get; private set; }

    /// <summary>Whether the reply's closing quote (or the end of the JSON) has been read.</summary>
    public bool ReplyComplete { get; private set; }

    public string Json => _json.ToString();

    public void Append(string chunk)
    {
        _json.Append(chunk);
        while (_scan < _json.Length && _stage != Stage.Rest)
        {
            var c = _json[_scan];
            switch (_stage)
            {
                case Stage.Decision:
                    ScanStructure(c);
                    break;
                case Stage.AfterReplyKey:
                    ReplyValue(c);
                    break;
                case Stage.Reply:
                    ReplyChar(c);
                    break;
            }

            _scan++;
        }
    }

    /// <summary>The reply's text read since the last call.</summary>
    public string TakeReply()
    {
        var text = _reply.ToString();
        _reply.Clear();
        return text;
    }

    /// <summary>The stream ended: a decision not read early is read from the whole JSON, its reply given at once.</summary>
    public void Complete()
    {
        if (_complete)
        {
            return;
        }

        _complete = true;
        ReplyComplete = true;
        if (DecisionKnown)
        {
            return;
        }

        DecisionKnown = true;
        var whole = OpenAILanguageModel.Parse(Json);
        Decision = whole is null ? null : whole with { Reply = null };
        ReplyFollows = whole?.Reply is not null;
        _reply.Clear().Append(whole?.Reply ?? "");
    }

    void ScanStructure(char c)
    {
        if (_inString)
        {
            if (_escaped)
            {
                _escaped = false;
            }
            else if (c == '\\')
            {
                _escaped = true;
            }
            else if (c == '"')
            {
                _inString = false;
                if (_depth == 1 && _json.ToString(_stringStart, _scan - _stringStart) == "reply" && NextIsColon())
                {
                    _replyKeyAt = _stringStart - 1;
                    _stage = Stage.AfterReplyKey;
                }
            }

            return;
        }

        switch (c)
        {
            case '"':
                _inString = true;
                _stringStart = _scan + 1;
                break;
            case '{' or '[':
                _depth++;
                break;
            case '}' or ']':
                _depth--;
                break;
        }
    }

    /// <summary>Whether the string just closed is followed by ':' (a key). Unknown yet counts as a key; the value decides.</summary>
    bool NextIsColon()
    {
        for (var i = _scan + 1; i < _json.Length; i++)
        {
            if (!char.IsWhiteSpace(_json[i]))
            {
                return _json[i] == ':';
            }
        }

        return true;
    }

    void ReplyValue(char c)
    {
        if (char.IsWhiteSpace(c) || c == ':')
        {
            return;
        }

        if (c != '"')
        {
            // null (or something that is not a string): the decision is read from the whole JSON at the end.
            _stage = Stage.Rest;
            return;
        }

        // Everything before "reply" is the decision: close the object there and read it.
        var prefix = _json.ToString(0, _replyKeyAt).TrimEnd();
        prefix = (prefix.EndsWith(',') ? prefix[..^1] : prefix) + "}";
        var decision = OpenAILanguageModel.Parse(prefix);
        if (decision is null)
        {
            _stage = Stage.Rest;
            return;
        }

        (Decision, DecisionKnown, ReplyFollows, _stage) = (decision, true, true, Stage.Reply);
    }

    void ReplyChar(char c)
    {
        if (_escape.Length > 0)
        {
            _escape.Append(c);
            if (_escape[1] != 'u' || _escape.Length == 6)
            {
                _reply.Append(Unescape(_escape.ToString()));
                _escape.Clear();
            }

            return;
        }

        switch (c)
        {
            case '\\':
                _escape.Append(c);
                break;
            case '"':
                ReplyComplete = true;
                _stage = Stage.Rest;
                break;
            default:
                _reply.Append(c);
                break;
        }
    }

    static string Unescape(string escape) => escape[1] switch
    {
        'n' => "\n",
        't' => "\t",
        'r' => "\r",
        'b' => "\b",
        'f' => "\f",
        'u' when int.TryParse(escape.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) => ((char)code).ToString(),
        _ => escape[1].ToString(),
    };
}
