namespace LeadsAgent.Domain.Blocking;

/// <summary>Why a call was screened to voicemail instead of reaching the agent.</summary>
public enum ScreenReason
{
    NO_CALLER_ID,
    FAILED_STIR,
}

/// <summary>
/// Reads what Twilio tells about the caller's identity: a withheld number (From is "anonymous", "restricted" and the
/// like, or their keypad spellings) and the STIR/SHAKEN verdict (<c>StirVerstat</c>) on the number.
/// </summary>
public static class CallerScreening
{
    // Twilio passes a withheld caller ID as the word the carrier sent, or (older calls, some carriers) as its keypad
    // digits: +266696687 ANONYMOUS, +86282452253 UNAVAILABLE, +7378742833 RESTRICTED, +2562533 BLOCKED, +8656696 UNKNOWN.
    static readonly HashSet<string> s_withheld = new(StringComparer.OrdinalIgnoreCase)
    {
        "anonymous", "restricted", "unknown", "unavailable", "blocked", "private", "withheld",
        "+266696687", "+86282452253", "+7378742833", "+2562533", "+8656696",
        "266696687", "86282452253", "7378742833", "2562533", "8656696",
    };

    /// <summary>True when the caller's number is hidden or missing (nothing to call back).</summary>
    public static bool IsWithheld(string? from)
    {
        var value = from?.Trim();
        return string.IsNullOrEmpty(value) || s_withheld.Contains(value) || value.Trim('+').Length == 0;
    }

    /// <summary>
    /// True when Twilio's STIR/SHAKEN check says the caller ID failed verification ("TN-Validation-Failed-A", -B, -C).
    /// A missing verdict, "No-TN-Validation" or a passed one are not failures: most honest calls carry no attestation.
    /// </summary>
    public static bool StirFailed(string? stirVerstat) =>
        stirVerstat is not null && stirVerstat.Trim().StartsWith("TN-Validation-Failed", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the business's screening settings send this call to voicemail, and why; null lets it through.</summary>
    public static ScreenReason? Screen(string? from, string? stirVerstat, bool screenNoCallerId, bool screenFailedStir) =>
        screenNoCallerId && IsWithheld(from) ? ScreenReason.NO_CALLER_ID
        : screenFailedStir && StirFailed(stirVerstat) ? ScreenReason.FAILED_STIR
        : null;
}
