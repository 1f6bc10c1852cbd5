namespace LeadsAgent.Domain.Conversations;

/// <summary>How a warm transfer to the owner ended (stored as text on the session and the lead).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<TransferOutcome>))]
public enum TransferOutcome
{
    /// <summary>The owner heard the whisper, pressed 1 and was connected to the caller.</summary>
    CONNECTED,

    /// <summary>The owner's phone rang out (or was cancelled) without being answered.</summary>
    NO_ANSWER,

    /// <summary>The owner's line was busy.</summary>
    BUSY,

    /// <summary>The owner answered but declined: hung up on the whisper or did not press 1.</summary>
    DECLINED,

    /// <summary>The phone company could not place the call to the owner.</summary>
    FAILED,

    /// <summary>The caller hung up while the owner's phone rang (or before the owner pressed 1).</summary>
    CALLER_HUNG_UP,
}

/// <summary>
/// A warm transfer on a call: the owner's phone rings with a whisper about the caller before they are put through.
/// Kept on the session so Twilio's callbacks for the owner's leg and the caller's leg find it, and so a repeated
/// callback changes nothing; one transfer per call (a caller who asks again after a failed one leaves a call-back).
/// </summary>
public sealed class WarmTransfer
{
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The owner's phone picked up and heard the whisper.</summary>
    public bool OwnerAnswered { get; set; }

    /// <summary>The owner pressed 1 on the whisper.</summary>
    public bool Accepted { get; set; }

    /// <summary>Null while the owner's phone rings; set once by the dial result.</summary>
    public TransferOutcome? Outcome { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The caller is back with the agent and has been offered a voicemail or a call-back, not yet answered.</summary>
    public bool ChoiceOffered { get; set; }

    /// <summary>The caller asked for a person again after the transfer and was told the owner will call back.</summary>
    public bool ToldCallBack { get; set; }

    public bool InProgress => Outcome is null;
}

/// <summary>One transfer attempt as the lead remembers it: when it ended and how.</summary>
public sealed record TransferAttempt(DateTimeOffset At, TransferOutcome Outcome);
