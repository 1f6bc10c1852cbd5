using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LeadsAgent.Infrastructure.Twilio;

namespace LeadsAgent.Tests.Support;

/// <summary>The ids and secrets a hostile-request generator aims at: real ones mixed with garbage find more paths.</summary>
public sealed record FuzzTargets(Guid BusinessId, Guid AdminBusinessId, string TwilioNumber, string ChatSessionId, string CallSid,
    string OwnerToken, string AdminToken, string TwilioToken, string TwilioPublicBase);

/// <summary>
/// Makes malformed, oversized, wrongly encoded, wrongly typed and unexpected requests for every public endpoint:
/// the chat API and widget config, the voice webhooks (validly signed, so the handlers themselves are reached),
/// sign-in, the owner API and the platform API. Deterministic for a seed, so a failure can be replayed.
/// </summary>
public sealed class HostileRequests(FuzzTargets t, int seed)
{
    readonly Random _random = new(seed);

    static readonly string[] s_strings =
    [
        "", " ", "\t\n", "null", "undefined", "0", "-1", "1e309", "NaN", "true", "[]", "{}", "<script>alert(1)</script>",
        "'; DROP TABLE leads; --", "%00", "\0", "\u0000\u0001\u0002", "\u202Eevil", "😀💥🔥", "ñandú árbol", "Ω≈ç√∫", "\uFEFF",
        "../../../../etc/passwd", "http://169.254.169.254/latest/meta-data/", "javascript:alert(1)", "file:///etc/passwd",
        "{{7*7}}", "${jndi:ldap://x}", "+15551234567", "555", "not-an-email@", "a@b", "00000000-0000-0000-0000-000000000000",
        "CA" + new string('0', 32), "chat_deadbeef", "my basement is flooding", "I smell gas", "yes", "Sam Carter",
    ];

    /// <summary>One request; each call gives the next.</summary>
    public HttpRequestMessage Next() => _random.Next(14) switch
    {
        0 or 1 or 2 => Chat(),
        3 => WidgetConfig(),
        4 or 5 or 6 => Voice(),
        7 => Login(),
        8 or 9 or 10 => OwnerApi(),
        11 => Platform(),
        12 => RawBytes(),
        _ => OddMethodOrPath(),
    };

    string Pick(params string[] options) => options[_random.Next(options.Length)];

    bool Chance(int percent) => _random.Next(100) < percent;

    string Text()
    {
        return _random.Next(10) switch
        {
            0 => new string((char)_random.Next(32, 127), _random.Next(1000, 200_000)),
            1 => string.Concat(Enumerable.Range(0, _random.Next(1, 300)).Select(_ => (char)_random.Next(1, 0xD7FF))),
            2 => s_strings[_random.Next(s_strings.Length)] + s_strings[_random.Next(s_strings.Length)],
            _ => s_strings[_random.Next(s_strings.Length)],
        };
    }

    /// <summary>Any JSON value: the expected type sometimes, any other type often.</summary>
    JsonNode? Value(Func<JsonNode?>? expected = null)
    {
        if (expected is not null && Chance(35))
        {
            return expected();
        }

        return _random.Next(9) switch
        {
            0 => null,
            1 => JsonValue.Create(_random.Next(int.MinValue, int.MaxValue)),
            2 => JsonValue.Create(_random.NextDouble() * 1e300),
            3 => JsonValue.Create(Chance(50)),
            4 => new JsonArray(Enumerable.Range(0, _random.Next(0, 5)).Select(_ => (JsonNode?)JsonValue.Create(Text())).ToArray()),
            5 => new JsonObject { ["x"] = Text(), ["nested"] = new JsonObject { ["y"] = _random.Next() } },
            6 => JsonValue.Create(Guid.NewGuid().ToString()),
            _ => JsonValue.Create(Text()),
        };
    }

    HttpContent Json(JsonObject body)
    {
        // Sometimes extra fields, sometimes a body that is not JSON at all, sometimes the wrong content type.
        if (Chance(20))
        {
            body["unexpected_" + _random.Next(1000)] = Value();
        }

        var text = _random.Next(12) switch
        {
            0 => body.ToJsonString()[..Math.Max(1, body.ToJsonString().Length / 2)],
            1 => new string('[', 5000) + new string(']', 5000),
            2 => Pick("", "null", "[]", "123", "\"text\"", "{", "}", "{\"a\":}", "{\"message\": \"\\ud800\"}", "{\"a\":1,\"a\":2}"),
            _ => body.ToJsonString(),
        };
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = _random.Next(10) switch
        {
            0 => new MediaTypeHeaderValue("text/plain"),
            1 => new MediaTypeHeaderValue("application/x-www-form-urlencoded"),
            2 => null,
            _ => new MediaTypeHeaderValue("application/json"),
        };
        return content;
    }

    HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Chance(5) ? token[..^3] + "xyz" : token);
        }

        if (Chance(10))
        {
            request.Headers.TryAddWithoutValidation("Origin", Pick("https://evil.example", "null", "http://localhost", "https://" + new string('a', 5000), "http://127.0.0.1:1", "data:,x"));
        }

        return request;
    }

    HttpRequestMessage Chat() => Request(HttpMethod.Post, "/api/chat", Json(new JsonObject
    {
        ["businessId"] = Value(() => JsonValue.Create(Chance(80) ? t.BusinessId.ToString() : Guid.NewGuid().ToString())),
        ["sessionId"] = Value(() => JsonValue.Create(Chance(50) ? t.ChatSessionId : "chat_" + Guid.NewGuid().ToString("N"))),
        ["message"] = Value(() => JsonValue.Create(Text())),
    }));

    HttpRequestMessage WidgetConfig() => Request(HttpMethod.Get, "/api/widget/config/" + Uri.EscapeDataString(
        Chance(50) ? t.BusinessId.ToString() : Text() is { Length: > 0 and < 3000 } s ? s : "x"));

    HttpRequestMessage Voice()
    {
        var path = Pick("/api/voice/incoming", "/api/voice/gather", "/api/voice/action", "/api/voice/status", "/api/voice/recording",
            "/api/voice/alert/answer", "/api/voice/alert/status");
        if (path.EndsWith("action", StringComparison.Ordinal) || path.Contains("alert", StringComparison.Ordinal) || Chance(10))
        {
            path += "?step=" + Uri.EscapeDataString(Pick("dial", "recorded", "", Text() is { Length: < 500 } s ? s : "x"))
                + (Chance(50) ? "&notification=" + Pick(Guid.NewGuid().ToString(), "garbage", "") : "");
        }

        var form = new Dictionary<string, string>();
        void Maybe(string key, Func<string> value)
        {
            if (Chance(75))
            {
                form[key] = value();
            }
        }

        Maybe("CallSid", () => Chance(50) ? t.CallSid : Pick("CA" + Guid.NewGuid().ToString("N"), "", new string('C', 5000), Text()));
        Maybe("From", () => Pick("+15557654321", "anonymous", "", Text()));
        Maybe("To", () => Chance(60) ? t.TwilioNumber : Text());
        Maybe("SpeechResult", Text);
        Maybe("Confidence", () => Pick("0.9", "-5", "abc", "1e400"));
        Maybe("Digits", () => Pick("1", "2", "#", "*", "11111111111111111111", Text()));
        Maybe("CallStatus", () => Pick("ringing", "in-progress", "completed", "busy", "no-answer", "failed", "canceled", Text()));
        Maybe("CallDuration", () => Pick("42", "-1", "99999999999999", "abc"));
        Maybe("DialCallStatus", () => Pick("completed", "no-answer", "busy", Text()));
        Maybe("RecordingUrl", () => Pick("https://api.twilio.com/rec/RE1", "javascript:alert(1)", "ftp://x", "http://" + new string('a', 3000), Text()));
        Maybe("RecordingStatus", () => Pick("completed", "failed", Text()));
        Maybe("AccountSid", () => Pick("ACtest00000000000000000000000000", Text()));
        foreach (var key in form.Keys.ToList().Where(k => form[k].Any(char.IsSurrogate)))
        {
            form[key] = "surrogate";
        }

        var signature = TwilioSignature.Compute(t.TwilioToken, t.TwilioPublicBase + path,
            form.Select(kv => new KeyValuePair<string, IReadOnlyList<string>>(kv.Key, [kv.Value])));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (!Chance(5))
        {
            request.Headers.Add("X-Twilio-Signature", Chance(5) ? "AAAA" + signature[4..] : signature);
        }

        return request;
    }

    HttpRequestMessage Login() => Request(HttpMethod.Post, "/api/auth/login", Json(new JsonObject
    {
        ["email"] = Value(() => JsonValue.Create(Pick("admin@tests.leadsagent.test", "nobody@example.com", Text()))),
        ["password"] = Value(() => JsonValue.Create(Text())),
    }));

    HttpRequestMessage OwnerApi()
    {
        var token = t.OwnerToken;
        string Id() => Pick(Guid.NewGuid().ToString(), "not-a-guid", "00000000-0000-0000-0000-000000000000", "9999999999");
        return _random.Next(16) switch
        {
            0 => Request(HttpMethod.Put, "/api/admin/business", Json(new JsonObject
            {
                ["name"] = Value(() => JsonValue.Create(Text())),
                ["businessType"] = Value(() => JsonValue.Create(Pick("PLUMBING", "HVAC", "LAW", "plumbing", "SPACE"))),
                ["twilioPhoneNumber"] = Value(() => JsonValue.Create(Pick("+15559990000", "abc", ""))),
                ["notificationEmail"] = Value(() => JsonValue.Create(Pick("a@example.com", "x", ""))),
                ["timeZone"] = Value(() => JsonValue.Create(Pick("America/Chicago", "Mars/Base", ""))),
            }), token),
            1 => Request(HttpMethod.Put, "/api/admin/config", Json(new JsonObject
            {
                ["agentName"] = Value(() => JsonValue.Create(Text())),
                ["welcomeMessage"] = Value(() => JsonValue.Create(Text())),
                ["colorTheme"] = Value(() => new JsonObject { ["primary"] = Pick("#123456", "red", "#12345"), ["secondary"] = Text() }),
                ["allowedWidgetOrigins"] = Value(() => new JsonArray(JsonValue.Create(Pick("https://ok.example", "evil", "*")))),
                ["extraEmergencyKeywords"] = Value(() => new JsonArray(JsonValue.Create(Text()))),
                ["twilioVoice"] = Value(() => JsonValue.Create(Pick("Polly.Joanna", "Polly.Nobody", "alice"))),
                ["twilioLanguage"] = Value(() => JsonValue.Create(Pick("en-US", "xx-XX", "es-ES"))),
            }), token),
            2 => Request(HttpMethod.Post, "/api/admin/questions", Json(new JsonObject
            {
                ["questionText"] = Value(() => JsonValue.Create(Text())),
                ["expectedFormat"] = Value(() => JsonValue.Create(Pick("TEXT", "EMAIL", "PHONE", "DATE", "ADDRESS", "EMOJI"))),
                ["isRequired"] = Value(() => JsonValue.Create(Chance(50))),
                ["mapsToLeadField"] = Value(() => JsonValue.Create(Pick("contactName", "ssn", ""))),
                ["order"] = Value(() => JsonValue.Create(_random.Next(-5, 100))),
            }), token),
            3 => Request(HttpMethod.Put, "/api/admin/questions/" + Id(), Json(new JsonObject { ["questionText"] = Value(() => JsonValue.Create(Text())) }), token),
            4 => Request(HttpMethod.Delete, "/api/admin/questions/" + Id(), null, token),
            5 => Request(HttpMethod.Post, "/api/admin/questions/reorder", Json(new JsonObject
            {
                ["questionIds"] = Value(() => new JsonArray(JsonValue.Create(Id()), JsonValue.Create(Id()))),
            }), token),
            6 => Request(HttpMethod.Post, "/api/admin/knowledge", Json(new JsonObject
            {
                ["title"] = Value(() => JsonValue.Create(Text())),
                ["content"] = Value(() => JsonValue.Create(Text())),
                ["category"] = Value(() => JsonValue.Create(Text())),
            }), token),
            7 => Request(HttpMethod.Put, "/api/admin/knowledge/" + Id(), Json(new JsonObject { ["title"] = Value(), ["content"] = Value() }), token),
            8 => Request(HttpMethod.Post, "/api/admin/knowledge/import/csv", new StringContent(
                Pick("title,content\n", "a,b,c\n\"unterminated", "", "\0\0\0") + Text(), Encoding.UTF8, Pick("text/csv", "application/json", "text/plain")), token),
            9 => Request(HttpMethod.Post, "/api/admin/knowledge/import/json", Json(new JsonObject { ["entries"] = Value(() => new JsonArray(new JsonObject { ["title"] = Text(), ["content"] = Text() })) }), token),
            10 => Request(HttpMethod.Post, "/api/admin/knowledge/import/url", Json(new JsonObject
            {
                ["url"] = Value(() => JsonValue.Create(Pick("http://127.0.0.1:1/", "file:///etc/passwd", "http://169.254.169.254/", "https://", "http://[::1]:22/", Text()))),
            }), token),
            11 => Request(HttpMethod.Get, "/api/admin/leads?" + string.Join('&', Enumerable.Range(0, _random.Next(1, 6)).Select(_ =>
                Pick("status", "priority", "channel", "from", "to", "sort", "page", "pageSize", "q") + "=" + Uri.EscapeDataString(Text() is { Length: < 2000 } s ? s : "x"))), null, token),
            12 => Request(HttpMethod.Patch, "/api/admin/leads/" + Id(), Json(new JsonObject { ["status"] = Value(() => JsonValue.Create(Pick("CONTACTED", "NEW", "WON"))), ["notes"] = Value() }), token),
            13 => Request(HttpMethod.Get, "/api/admin/sessions/" + Uri.EscapeDataString(Chance(30) ? t.ChatSessionId : Text() is { Length: > 0 and < 2000 } s ? s : "x"), null, token),
            14 => Request(HttpMethod.Post, "/api/admin/emergency/check", Json(new JsonObject { ["text"] = Value(() => JsonValue.Create(Text())) }), token),
            _ => Request(HttpMethod.Post, "/api/admin/knowledge/gaps/" + Id() + Pick("/answer", "/dismiss"), Json(new JsonObject { ["answer"] = Value(), ["title"] = Value() }), token),
        };
    }

    HttpRequestMessage Platform() => _random.Next(3) switch
    {
        0 => Request(HttpMethod.Post, "/api/platform/businesses", Json(new JsonObject
        {
            ["name"] = Value(() => JsonValue.Create(Text())),
            ["businessType"] = Value(() => JsonValue.Create(Pick("PLUMBING", "LAW", "X"))),
            ["planTier"] = Value(() => JsonValue.Create(Pick("FREE", "BASIC", "PRO", "GOLD"))),
            ["ownerEmail"] = Value(() => JsonValue.Create($"fuzz-{_random.Next()}@example.com")),
            ["ownerPassword"] = Value(() => JsonValue.Create(Pick("Long-enough-1", "short", Text()))),
            ["twilioPhoneNumber"] = Value(() => JsonValue.Create(Pick("+15551112222", "x"))),
        }), t.AdminToken),
        1 => Request(HttpMethod.Put, $"/api/platform/businesses/{(Chance(50) ? t.AdminBusinessId : Guid.NewGuid())}/plan",
            Json(new JsonObject { ["planTier"] = Value(() => JsonValue.Create(Pick("FREE", "BASIC", "PRO", "pro", "0"))) }), t.AdminToken),
        _ => Request(HttpMethod.Get, "/api/platform/businesses", null, Chance(50) ? t.AdminToken : t.OwnerToken),
    };

    /// <summary>Bytes that are not valid UTF-8, under content types that promise text.</summary>
    HttpRequestMessage RawBytes()
    {
        var bytes = new byte[_random.Next(1, 4096)];
        _random.NextBytes(bytes);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(Pick("application/json", "application/x-www-form-urlencoded", "text/csv", "multipart/form-data"));
        var path = Pick("/api/chat", "/api/auth/login", "/api/voice/gather", "/api/admin/config", "/api/admin/knowledge/import/csv", "/api/platform/businesses");
        return Request(path.Contains("/admin/", StringComparison.Ordinal) ? HttpMethod.Put : HttpMethod.Post, path, content,
            path.Contains("admin", StringComparison.Ordinal) ? t.OwnerToken : path.Contains("platform", StringComparison.Ordinal) ? t.AdminToken : null);
    }

    HttpRequestMessage OddMethodOrPath()
    {
        var method = new HttpMethod(Pick("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE"));
        var path = Pick("/api/chat", "/api/voice/gather", "/api/admin/leads", "/api/admin/knowledge", "/api/platform/businesses", "/health",
            "/api/voice/health", "/leads/export.csv?from=" + Uri.EscapeDataString(Text() is { Length: < 500 } s ? s : "x"), "/api/" + Uri.EscapeDataString(Pick("..", "%2e%2e", "x")));
        return Request(method, path, Chance(50) ? new StringContent(Text()) : null, Chance(50) ? t.OwnerToken : null);
    }
}
