namespace LeadsAgent.Infrastructure.Configuration;

/// <summary>PostgreSQL: DATABASE_URL as a postgresql:// URL or an Npgsql connection string.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public string? Url { get; set; }

    /// <summary>The Npgsql connection string derived from <see cref="Url"/>; valid after validation.</summary>
    public string ConnectionString => DatabaseUrl.ToConnectionString(Url ?? "");
}

/// <summary>Redis: the session store and the cross-instance event bus.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";
    public string? Url { get; set; }
    public string? Password { get; set; }
    public int? Database { get; set; }
    public int TtlSeconds { get; set; } = 3600;
    /// <summary>Prefix of every key and channel, so deployments sharing one Redis never see each other's sessions.</summary>
    public string KeyPrefix { get; set; } = "la:";
    public int ConnectTimeoutMs { get; set; } = 2000;
    public int CommandTimeoutMs { get; set; } = 1000;
    /// <summary>A PEM certificate (a private CA, or a self-signed server certificate) trusted for rediss:// besides the system's.</summary>
    public string? TlsCaFile { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    /// <summary>StackExchange.Redis options from <see cref="Url"/> and the overrides; valid after validation.</summary>
    public StackExchange.Redis.ConfigurationOptions ToConfigurationOptions()
    {
        var options = RedisConfiguration.Parse(Url!, Password, Database);
        if (!string.IsNullOrWhiteSpace(TlsCaFile))
        {
            options.TrustIssuer(TlsCaFile);
        }

        return options;
    }
}

/// <summary>OpenAI: optional; without a key the deterministic local engine answers.</summary>
public sealed class OpenAIOptions
{
    public const string Section = "OpenAI";
    public string? ApiKey { get; set; }
    public string Model { get; set; } = "gpt-4o-mini";
    public string EmbeddingModel { get; set; } = "text-embedding-3-small";
    public string? BaseUrl { get; set; }
    public int ChatTimeoutMs { get; set; } = 8000;
    public int VoiceTimeoutMs { get; set; } = 2500;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);
    public Uri BaseUri => new(string.IsNullOrWhiteSpace(BaseUrl) ? "https://api.openai.com/v1" : BaseUrl.TrimEnd('/'));
}

/// <summary>Twilio: optional; voice webhooks refuse every request while no auth token is set.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";
    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }
    public string? WebhookBaseUrl { get; set; }
    public string? PhoneNumber { get; set; }
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken);
}

/// <summary>SMTP for owner emails: optional; unset means emails wait in the outbox.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Pass { get; set; }
    public string From { get; set; } = "LeadsAgent <no-reply@leadsagent.local>";
    public bool EnableSsl { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>The platform admin created at start when both are set.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";
    public string? Email { get; set; }
    public string? Password { get; set; }
}

/// <summary>Feature switches of the design documents.</summary>
public sealed class FeatureOptions
{
    public const string Section = "Features";
    public bool EnableVoiceFeatures { get; set; } = true;
    /// <summary>Off means every business gets every feature (a single self-hosted business).</summary>
    public bool EnablePlanTiers { get; set; } = true;
    public bool EnableEmergencyVoiceCalls { get; set; } = true;
}

/// <summary>Where the app listens: PORT and an address (loopback unless told otherwise).</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";
    public int Port { get; set; } = 5080;
    public string ListenAddress { get; set; } = "127.0.0.1";
    /// <summary>The dashboard's public address, used in email links; defaults to the listening URL.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>Knowledge retrieval and imports.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";
    /// <summary>
    /// Cosine similarity below which a passage is not an answer. Unset: 0.18 for the local hashing embedder (measured:
    /// off-topic questions top out at 0.17 on the sample knowledge base) and 0.30 for OpenAI embeddings.
    /// </summary>
    public double? SimilarityFloor { get; set; }
    /// <summary>Normalised full-text rank below which a passage is not an answer.</summary>
    public double RankFloor { get; set; } = 0.05;
    /// <summary>Page imports refuse private and loopback addresses unless this is on (tests, intranets).</summary>
    public bool AllowPrivateUrls { get; set; }
    public int MaxPageBytes { get; set; } = 2 * 1024 * 1024;
    public int FetchTimeoutSeconds { get; set; } = 10;
}

/// <summary>Session lifetimes: idle sessions are ended as ABANDONED and persisted by the sweep.</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";
    public int ChatIdleMinutes { get; set; } = 30;
    public int VoiceIdleMinutes { get; set; } = 10;
    public int SweepSeconds { get; set; } = 30;
    public int LocalCopyIdleMinutes { get; set; } = 5;
}

/// <summary>The notification outbox: retries, and how long an owner has to accept an emergency call.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";
    public int PollSeconds { get; set; } = 2;
    public int MaxAttempts { get; set; } = 8;
    public int FirstRetrySeconds { get; set; } = 15;
    public int MaxRetrySeconds { get; set; } = 900;
    /// <summary>No "press 1" within this time calls the backup number.</summary>
    public int AlertAckTimeoutSeconds { get; set; } = 180;
}
