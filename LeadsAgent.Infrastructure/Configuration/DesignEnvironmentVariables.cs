using Microsoft.Extensions.Configuration;

namespace LeadsAgent.Infrastructure.Configuration;

/// <summary>
/// Maps the design documents' variable names (DATABASE_URL, REDIS_URL, TWILIO_AUTH_TOKEN, ...) onto the
/// configuration sections, so both those names and the usual Section__Key form work.
/// </summary>
public static class DesignEnvironmentVariables
{
    public static IReadOnlyDictionary<string, string> Map { get; } = new Dictionary<string, string>
    {
        ["DATABASE_URL"] = "Database:Url",
        ["REDIS_URL"] = "Redis:Url",
        ["REDIS_PASSWORD"] = "Redis:Password",
        ["REDIS_DB"] = "Redis:Database",
        ["REDIS_TTL"] = "Redis:TtlSeconds",
        ["OPENAI_API_KEY"] = "OpenAI:ApiKey",
        ["OPENAI_MODEL"] = "OpenAI:Model",
        ["OPENAI_EMBEDDING_MODEL"] = "OpenAI:EmbeddingModel",
        ["OPENAI_BASE_URL"] = "OpenAI:BaseUrl",
        ["TWILIO_ACCOUNT_SID"] = "Twilio:AccountSid",
        ["TWILIO_AUTH_TOKEN"] = "Twilio:AuthToken",
        ["TWILIO_WEBHOOK_BASE_URL"] = "Twilio:WebhookBaseUrl",
        ["TWILIO_PHONE_NUMBER"] = "Twilio:PhoneNumber",
        ["TWILIO_API_BASE_URL"] = "Twilio:ApiBaseUrl",
        ["SMTP_HOST"] = "Smtp:Host",
        ["SMTP_PORT"] = "Smtp:Port",
        ["SMTP_USER"] = "Smtp:User",
        ["SMTP_PASS"] = "Smtp:Pass",
        ["SMTP_FROM"] = "Smtp:From",
        ["PORT"] = "Server:Port",
        ["ADMIN_EMAIL"] = "Admin:Email",
        ["ADMIN_PASSWORD"] = "Admin:Password",
        ["ENABLE_VOICE_FEATURES"] = "Features:EnableVoiceFeatures",
        ["ENABLE_PLAN_TIERS"] = "Features:EnablePlanTiers",
        ["ENABLE_EMERGENCY_VOICE_CALLS"] = "Features:EnableEmergencyVoiceCalls",
    };

    /// <summary>The configuration key's design-document name, for error messages ("DATABASE_URL (Database:Url)").</summary>
    public static string Describe(string configKey)
    {
        var name = Map.FirstOrDefault(kv => string.Equals(kv.Value, configKey, StringComparison.OrdinalIgnoreCase)).Key;
        return name is null ? configKey : $"{name} ({configKey})";
    }

    /// <summary>Adds the variables that are set; empty ones count as unset.</summary>
    public static IConfigurationBuilder AddDesignEnvironmentVariables(this IConfigurationBuilder builder,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (variable, key) in Map)
        {
            var value = environment is null ? Environment.GetEnvironmentVariable(variable) : environment.GetValueOrDefault(variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }

        return builder.AddInMemoryCollection(values);
    }
}
