namespace LeadsAgent.Domain.Texts;

/// <summary>Who a text is for and why: the owner's alerts, the caller's confirmation, the missed-call invitation, replies.</summary>
public static class TextPurpose
{
    public const string OwnerLead = "OWNER_LEAD";
    public const string OwnerEmergency = "OWNER_EMERGENCY";
    public const string CallerConfirmation = "CALLER_CONFIRMATION";
    public const string MissedCall = "MISSED_CALL";
    public const string Summary = "SUMMARY";
    public const string Webhook = "WEBHOOK";
    /// <summary>A booking confirmed, moved or cancelled, to the caller it is for.</summary>
    public const string CallerBooking = "CALLER_BOOKING";
    /// <summary>The caller's reminder the day before a visit.</summary>
    public const string BookingReminder = "BOOKING_REMINDER";
    /// <summary>A booking a caller made, moved or cancelled, to the owner (owner texts switch, BASIC and up).</summary>
    public const string OwnerBooking = "OWNER_BOOKING";

    /// <summary>Texts to the people who contacted the business (quiet hours apply to them), as opposed to the owner.</summary>
    public static bool IsToCaller(string? purpose) => purpose is CallerConfirmation or MissedCall or CallerBooking or BookingReminder;
}

/// <summary>A business's choices about text messages: what is sent, and the quiet hours for texts to callers.</summary>
public sealed class TextSettings
{
    public static readonly TimeOnly DefaultQuietStart = new(21, 0);
    public static readonly TimeOnly DefaultQuietEnd = new(8, 0);

    public Guid BusinessId { get; init; }
    /// <summary>Texts to the owner's notification phone: every emergency (all plans) and every new lead (BASIC and up).</summary>
    public bool OwnerTexts { get; set; } = true;
    /// <summary>"Thanks Maria, Acme Plumbing has your request..." to a caller or texter after their lead.</summary>
    public bool CallerConfirmation { get; set; }
    /// <summary>One text inviting a caller who hung up without leaving a request to reply by text.</summary>
    public bool MissedCallTextBack { get; set; }
    public bool QuietHoursEnabled { get; set; } = true;
    public TimeOnly QuietStart { get; set; } = DefaultQuietStart;
    public TimeOnly QuietEnd { get; set; } = DefaultQuietEnd;
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The settings of a business that never saved any.</summary>
    public static TextSettings Default(Guid businessId) => new() { BusinessId = businessId };

    /// <summary>
    /// When a non-urgent text to a caller may go: <paramref name="now"/> outside quiet hours, else the end of the quiet
    /// hours in the business's zone (a window may run over midnight, 21:00-08:00). A text is postponed, never dropped.
    /// </summary>
    public DateTimeOffset AllowedFrom(DateTimeOffset now, TimeZoneInfo zone)
    {
        if (!QuietHoursEnabled || QuietStart == QuietEnd)
        {
            return now;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var overnight = QuietStart > QuietEnd;
        var quiet = overnight ? time >= QuietStart || time < QuietEnd : time >= QuietStart && time < QuietEnd;
        if (!quiet)
        {
            return now;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        if (overnight && time >= QuietStart)
        {
            day = day.AddDays(1);
        }

        var endLocal = day.ToDateTime(QuietEnd);
        // A time that does not exist on a spring-forward night moves on by the gap.
        while (zone.IsInvalidTime(endLocal))
        {
            endLocal = endLocal.AddMinutes(30);
        }

        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal));
    }
}

/// <summary>A number that asked a business to stop texting it (STOP), kept until it texts START.</summary>
public sealed class SmsOptOut
{
    public Guid BusinessId { get; init; }
    public string PhoneNumber { get; init; } = "";
    public DateTimeOffset OptedOutAt { get; set; }
    /// <summary>What put it here: the keyword the person texted, or Twilio's error 21610 on a send.</summary>
    public string Source { get; set; } = "";
}

/// <summary>The compliance keywords of an inbound text (the whole message, any case, as carriers and Twilio read them).</summary>
public enum SmsKeyword
{
    None,
    Stop,
    Start,
    Help,
}

public static class SmsKeywords
{
    static readonly string[] s_stop = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"];
    static readonly string[] s_start = ["START", "UNSTOP", "YES"];
    static readonly string[] s_help = ["HELP", "INFO"];

    /// <summary>The keyword a whole message is ("Stop", " STOP! " count; "stop calling me" does not).</summary>
    public static SmsKeyword Of(string? body)
    {
        var word = (body ?? "").Trim().TrimEnd('.', '!').Trim().ToUpperInvariant();
        return s_stop.Contains(word) ? SmsKeyword.Stop
            : s_start.Contains(word) ? SmsKeyword.Start
            : s_help.Contains(word) ? SmsKeyword.Help
            : SmsKeyword.None;
    }
}
