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
    /// <summary>How long a slot query waits for the owner's busy times before offering slots from our own bookings alone.</summary>
    public int BusyReadTimeoutSeconds { get; set; } = 5;
    /// <summary>How long busy times read from the owner's calendar are reused (in Redis), so a chat turn rarely waits on CalDAV.</summary>
    public int BusyCacheSeconds { get; set; } = 90;
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

        if (o.BusyReadTimeoutSeconds is < 1 or > 60)
        {
            failures.Add($"{DesignEnvironmentVariables.Describe("Calendar:BusyReadTimeoutSeconds")} must be between 1 and 60 seconds.");
        }

        if (o.BusyCacheSeconds is < 0 or > 3600)
        {
            failures.Add($"{DesignEnvironmentVariables.Describe("Calendar:BusyCacheSeconds")} must be between 0 and 3600 seconds.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
