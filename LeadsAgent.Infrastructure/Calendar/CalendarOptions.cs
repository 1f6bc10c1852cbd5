using LeadsAgent.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Calendar;

/// <summary>Calendar sync with the owner's CalDAV server.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";
    /// <summary>Lets CalDAV servers on this machine (http://127.0.0.1) be used: tests and local development only.</summary>
    public bool AllowLoopbackTargets { get; set; }
    public int TimeoutSeconds { get; set; } = 15;
    /// <summary>The largest CalDAV answer read (a busy-time query over many events).</summary>
    public int MaxResponseBytes { get; set; } = 4 * 1024 * 1024;
}

sealed class CalendarOptionsValidator : IValidateOptions<CalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, CalendarOptions o)
    {
        var failures = new List<string>();
        if (o.TimeoutSeconds is < 1 or > 120)
        {
            failures.Add($"{DesignEnvironmentVariables.Describe("Calendar:TimeoutSeconds")} must be between 1 and 120 seconds.");
        }

        if (o.MaxResponseBytes is < 64 * 1024 or > 64 * 1024 * 1024)
        {
            failures.Add($"{DesignEnvironmentVariables.Describe("Calendar:MaxResponseBytes")} must be between 65536 and 67108864 bytes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
