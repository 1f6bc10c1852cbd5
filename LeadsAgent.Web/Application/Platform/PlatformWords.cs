using System.Globalization;
using LeadsAgent.Domain.Businesses;

namespace LeadsAgent.Web.Application.Platform;

/// <summary>The platform pages' words: how long ago, and what an admin did.</summary>
public static class PlatformWords
{
    static readonly CultureInfo s_culture = CultureInfo.GetCultureInfo("en-US");

    /// <summary>"just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date.</summary>
    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var ago = now - at;
        return ago switch
        {
            _ when ago < TimeSpan.FromMinutes(1) => "just now",
            _ when ago < TimeSpan.FromHours(1) => $"{(int)ago.TotalMinutes} min ago",
            _ when ago < TimeSpan.FromDays(1) => $"{(int)ago.TotalHours} h ago",
            _ when ago < TimeSpan.FromDays(2) => "yesterday",
            _ when ago < TimeSpan.FromDays(30) => $"{(int)ago.TotalDays} days ago",
            _ => $"on {at.UtcDateTime.ToString(at.Year == now.Year ? "d MMM" : "d MMM yyyy", s_culture)}",
        };
    }

    /// <summary>The exact time for a tooltip, in UTC (the platform spans time zones).</summary>
    public static string Exact(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", s_culture);

    public static string Action(AdminActionKind kind) => kind switch
    {
        AdminActionKind.CREATED => "Added the business",
        AdminActionKind.OPENED => "Opened the business (read-only)",
        AdminActionKind.PLAN_CHANGED => "Changed the plan",
        AdminActionKind.NUMBER_CHANGED => "Changed the Twilio number",
        AdminActionKind.SUSPENDED => "Suspended the business",
        AdminActionKind.RESUMED => "Resumed the business",
        AdminActionKind.PASSWORD_RESET_SENT => "Emailed the owner a password reset link",
        _ => kind.ToString(),
    };
}
