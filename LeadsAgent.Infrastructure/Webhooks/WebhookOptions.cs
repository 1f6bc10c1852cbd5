using LeadsAgent.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Webhooks;

/// <summary>Outbound webhooks: timeouts, retries and when a failing endpoint is switched off.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";
    /// <summary>Lets endpoints on this machine (http://127.0.0.1) receive events: tests and local development only.</summary>
    public bool AllowLoopbackTargets { get; set; }
    public int TimeoutSeconds { get; set; } = 10;
    /// <summary>Attempts per delivery: 30 s doubling to 4 h makes 12 attempts span about 12 hours.</summary>
    public int MaxAttempts { get; set; } = 12;
    public int FirstRetrySeconds { get; set; } = 30;
    public int MaxRetrySeconds { get; set; } = 4 * 3600;
    /// <summary>An endpoint is switched off after this many failed attempts in a row...</summary>
    public int DisableAfterFailures { get; set; } = 20;
    /// <summary>...that span at least this many hours, so a short outage never switches off a working endpoint.</summary>
    public double DisableAfterHours { get; set; } = 24;
}

sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions o)
    {
        var failures = new List<string>();
        if (o.TimeoutSeconds is < 1 or > 60)
        {
            failures.Add($"{DesignEnvironmentVariables.Describe("Webhooks:TimeoutSeconds")} must be between 1 and 60 seconds.");
        }

        if (o.MaxAttempts is < 1 or > 50)
        {
            failures.Add($"{DesignEnvironmentVariables.Describe("Webhooks:MaxAttempts")} must be between 1 and 50.");
        }

        if (o.FirstRetrySeconds < 1 || o.MaxRetrySeconds < o.FirstRetrySeconds)
        {
            failures.Add($"{DesignEnvironmentVariables.Describe("Webhooks:FirstRetrySeconds")} must be at least 1 and at most {DesignEnvironmentVariables.Describe("Webhooks:MaxRetrySeconds")}.");
        }

        if (o.DisableAfterFailures < 1)
        {
            failures.Add($"{DesignEnvironmentVariables.Describe("Webhooks:DisableAfterFailures")} must be at least 1.");
        }

        if (o.DisableAfterHours is < 0 or > 24 * 30)
        {
            failures.Add($"{DesignEnvironmentVariables.Describe("Webhooks:DisableAfterHours")} must be between 0 and 720 hours.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
