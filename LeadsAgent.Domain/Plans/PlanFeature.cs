namespace LeadsAgent.Domain.Plans;

/// <summary>Features that plans switch on, as the design documents' feature matrix lists them.</summary>
public enum PlanFeature
{
    ChatWidget,
    BasicFaq,
    UnlimitedQuestions,
    KnowledgeBaseManagement,
    PriorityEmail,
    BasicAnalytics,
    FullAnalytics,
    VoiceAgent,
    PremiumVoices,
    EmergencyVoiceCalls,
    VoiceConfiguration,
    HiddenBranding,
    /// <summary>Ring the owner first, or only outside business hours hand calls to the agent.</summary>
    CallRouting,
    /// <summary>A text to the owner for every new lead and call summaries by text (emergency texts are for all plans).</summary>
    OwnerTexts,
    /// <summary>Signed HTTPS webhooks for leads, calls and emergencies.</summary>
    Webhooks,
    /// <summary>Call recording with a spoken notice, linked from the lead and the summary.</summary>
    CallRecording,
    /// <summary>Bookable services and online booking of visits inside the business hours.</summary>
    Booking,
}
