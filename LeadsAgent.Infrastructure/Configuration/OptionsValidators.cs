using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Configuration;

// Each validator names the setting by its design-document variable so the operator knows what to fix.
// Values are never echoed: they may hold passwords.

sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var setting = DesignEnvironmentVariables.Describe("Database:Url");
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            return ValidateOptionsResult.Fail($"{setting} is required: set it to postgresql://user:password@host:port/database.");
        }

        try
        {
            _ = options.ConnectionString;
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            return ValidateOptionsResult.Fail($"{setting} is invalid: {ex.Message}.");
        }
    }
}

sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        var failures = new List<string>();
        if (options.IsConfigured)
        {
            try
            {
                _ = RedisConfiguration.Parse(options.Url!, options.Password, options.Database);
            }
            catch (FormatException ex)
            {
                failures.Add($"{DesignEnvironmentVariables.Describe("Redis:Url")} is invalid: {ex.Message}.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.TlsCaFile))
        {
            // Checked here because the library reads it only when it first connects, where a bad file would fail every call.
            try
            {
                using var _ = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(options.TlsCaFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                failures.Add($"{DesignEnvironmentVariables.Describe("Redis:TlsCaFile")} is not a readable PEM or DER certificate file.");
            }
        }

        if (options.ConnectTimeoutMs is < 50 or > 60_000 || options.CommandTimeoutMs is < 50 or > 60_000)
        {
            failures.Add($"{DesignEnvironmentVariables.Describe("Redis:ConnectTimeoutMs")} and {DesignEnvironmentVariables.Describe("Redis:CommandTimeoutMs")} must be between 50 and 60000 ms.");
        }

        if (options.TtlSeconds is < 60 or > 7 * 24 * 3600)
        {
            failures.Add($"{DesignEnvironmentVariables.Describe("Redis:TtlSeconds")} must be between 60 and 604800 seconds.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

sealed class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.AccountSid) && !options.AccountSid.StartsWith("AC", StringComparison.Ordinal))
        {
            failures.Add($"{DesignEnvironmentVariables.Describe("Twilio:AccountSid")} must start with AC.");
        }

        CheckUrl(options.WebhookBaseUrl, "Twilio:WebhookBaseUrl", failures);
        CheckUrl(options.ApiBaseUrl, "Twilio:ApiBaseUrl", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static void CheckUrl(string? value, string key, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(value) &&
            (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https")))
        {
            failures.Add($"{DesignEnvironmentVariables.Describe(key)} must be an absolute http(s) URL.");
        }
    }
}

sealed class OpenAIOptionsValidator : IValidateOptions<OpenAIOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenAIOptions options)
    {
        var failures = new List<string>();
        TwilioOptionsValidator.CheckUrl(options.BaseUrl, "OpenAI:BaseUrl", failures);
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{DesignEnvironmentVariables.Describe("OpenAI:Model")} must not be empty.");
        }

        if (options.ChatTimeoutMs <= 0 || options.VoiceTimeoutMs <= 0)
        {
            failures.Add("OpenAI:ChatTimeoutMs and OpenAI:VoiceTimeoutMs must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (options.Port is <= 0 or > 65535)
        {
            return ValidateOptionsResult.Fail($"{DesignEnvironmentVariables.Describe("Smtp:Port")} must be a port number (1-65535).");
        }

        // Parsed as the sender parses it; a bare "user" without a domain stays refused, as it was before.
        if (!MimeKit.MailboxAddress.TryParse(options.From, out var from) || string.IsNullOrEmpty(from.Domain))
        {
            return ValidateOptionsResult.Fail($"{DesignEnvironmentVariables.Describe("Smtp:From")} must be an email address.");
        }

        return ValidateOptionsResult.Success;
    }
}

sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"{DesignEnvironmentVariables.Describe("Server:Port")} must be a port number (0-65535).");
        }

        TwilioOptionsValidator.CheckUrl(options.PublicBaseUrl, "Server:PublicBaseUrl", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options) =>
        string.IsNullOrWhiteSpace(options.Email) != string.IsNullOrWhiteSpace(options.Password)
            ? ValidateOptionsResult.Fail("ADMIN_EMAIL (Admin:Email) and ADMIN_PASSWORD (Admin:Password) must be set together.")
            : ValidateOptionsResult.Success;
}
