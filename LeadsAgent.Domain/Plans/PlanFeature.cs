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
}
