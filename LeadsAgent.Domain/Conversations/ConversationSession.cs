using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Domain.Conversations;

/// <summary>
/// Everything the agent knows about one chat or call, as the design documents describe it: history, intents,
/// entities, flow, metadata. Plain data so it serialises to JSON for the session store.
/// </summary>
public sealed class ConversationSession
{
    public string SessionId { get; set; } = "";
    public Guid BusinessId { get; set; }
    public Channel Channel { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public ConversationStatus Status { get; set; } = ConversationStatus.ACTIVE;
    public List<SessionMessage> History { get; set; } = [];
    public List<IntentRecord> IdentifiedIntents { get; set; } = [];
    public List<ExtractedEntity> ExtractedEntities { get; set; } = [];
    /// <summary>The primary flow's name, kept for the design documents' legacy field.</summary>
    public string? CurrentFlow { get; set; }
    public DetailedFlow DetailedFlow { get; set; } = new();
    public Dictionary<string, string> Metadata { get; set; } = [];
    public LeadCaptureState Capture { get; set; } = new();
    public LeadPriority Priority { get; set; } = LeadPriority.LOW;
    public List<EmergencyReason> EmergencyReasons { get; set; } = [];
    public bool EmergencyDetected { get; set; }
    public List<Hazard> SafetyScriptsGiven { get; set; } = [];
    public bool LeadCaptured { get; set; }
    /// <summary>The caller's name once they gave it (answer or their own words), for the live dashboard.</summary>
    public string? CallerName { get; set; }
    public Guid? LeadId { get; set; }
    public int SilenceCount { get; set; }
    /// <summary>The language the agent speaks ("es"): the business's, or in chat the visitor's once they write in another.</summary>
    public string? Language { get; set; }
    public bool OfferedCallback { get; set; }
    /// <summary>The warm transfer to the owner on this call, if the caller asked for a person.</summary>
    public WarmTransfer? Transfer { get; set; }
    /// <summary>The visit the agent offered or booked once the request was taken (issue 19), if any.</summary>
    public BookingState? Booking { get; set; }
    public List<string> VoiceActions { get; set; } = [];
    public List<TurnTiming> Timings { get; set; } = [];
    /// <summary>
    /// A call simulator's session: the real pipeline runs, but no lead, notification, knowledge gap or conversation is
    /// stored, no live event is published and the session is not listed as active.
    /// </summary>
    public bool Simulated { get; set; }

    /// <summary>
    /// A lead decided but not stored yet: stored right after the session update that decided it, or, if the database
    /// was away, by the next turn, the end or the maintenance worker.
    /// </summary>
    public LeadDraft? PendingLead { get; set; }

    /// <summary>Ended, but the conversation row is not written yet.</summary>
    public bool PersistPending { get; set; }

    /// <summary>
    /// Whether the store keeps this session in its active index, which the idle sweep of every instance walks: while it
    /// is live, and after it ended until everything it owes the database is written.
    /// </summary>
    public bool IsIndexed() => !Simulated && (Status == ConversationStatus.ACTIVE || PendingLead is not null || PersistPending);

    /// <summary>Bumped on every save; the store uses it to detect concurrent writers.</summary>
    public long Version { get; set; }

    public static ConversationSession Start(string sessionId, Guid businessId, Channel channel, DateTimeOffset now) => new()
    {
        SessionId = sessionId,
        BusinessId = businessId,
        Channel = channel,
        StartedAt = now,
        LastActivityAt = now,
    };

    public string Transcript() => string.Join("\n", History.Select(m => $"{(m.Role == "user" ? (Channel == Channel.VOICE ? "Caller" : "Visitor") : "Agent")}: {m.Content}"));
}

/// <summary>One message in the history, with the intent and confidence the agent read into it.</summary>
public sealed record SessionMessage(string Role, string Content, DateTimeOffset Timestamp, string? Intent = null, double? Confidence = null);

public sealed record IntentRecord(string Intent, double Confidence, DateTimeOffset At, int Turn);

/// <summary>Where the conversation is: the primary flow (lead_capture, emergency, faq), the step within it, and what is done.</summary>
public sealed class DetailedFlow
{
    public string PrimaryFlow { get; set; } = "greeting";
    public string? SubFlow { get; set; }
    public List<string> CompletedSteps { get; set; } = [];
}

/// <summary>The lead-capture state machine, tracked by question id (never by question text).</summary>
public sealed class LeadCaptureState
{
    public bool Active { get; set; }
    public bool Completed { get; set; }
    public bool EmergencyMode { get; set; }
    public Guid? CurrentQuestionId { get; set; }
    public int Attempts { get; set; }
    public Dictionary<string, CapturedAnswer> Answers { get; set; } = [];
    public List<Guid> Skipped { get; set; } = [];
    /// <summary>In voice, a number read back and waiting for "yes".</summary>
    public string? PendingPhone { get; set; }
    public string? PendingPhoneUtterance { get; set; }
    /// <summary>A place in the caller's own words ("the old mill by the river"), read back and waiting for "yes".</summary>
    public string? PendingPlace { get; set; }
    public string? PendingPlaceUtterance { get; set; }
    /// <summary>
    /// On a streaming call, the caller talked over the agent before the question being asked was said (it ends the
    /// agent's reply): their next words are not taken as its answer unless they fit it, and no failed try is counted.
    /// </summary>
    public bool QuestionUnheard { get; set; }
}

/// <summary>How long one turn took: our processing and, when used, the language model.</summary>
public sealed record TurnTiming(int Turn, double WebhookMs, double? ModelMs);
