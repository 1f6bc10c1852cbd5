using LeadsAgent.Domain.Plans;

namespace LeadsAgent.Web.Plans;

/// <summary>How the dashboard names each plan feature and says what it gives an owner.</summary>
public static class PlanFeatureText
{
    public static IReadOnlyList<(PlanFeature Feature, string Label, string Benefit)> All { get; } =
    [
        (PlanFeature.ChatWidget, "Website chat widget", "Answers visitors on your website, day and night."),
        (PlanFeature.BasicFaq, "Answers from your FAQ", "Your agent answers from the questions and answers you give it."),
        (PlanFeature.UnlimitedQuestions, "Unlimited lead-capture questions", "Ask callers and visitors everything you need before you call back."),
        (PlanFeature.KnowledgeBaseManagement, "Full knowledge base", "Unlimited entries and imports from your web pages and files."),
        (PlanFeature.PriorityEmail, "Priority emails", "Urgent leads stand out in your inbox."),
        (PlanFeature.BasicAnalytics, "Basic analytics", "Conversations, leads and conversion by channel."),
        (PlanFeature.FullAnalytics, "Full analytics", "Trends per day, what people want, emergencies and how fast they were handled."),
        (PlanFeature.VoiceAgent, "Phone agent", "Your agent answers your Twilio number, takes leads by phone and hands callers to you, and you can try it in the call simulator."),
        (PlanFeature.PremiumVoices, "Premium voices", "Natural-sounding voices for your phone agent."),
        (PlanFeature.EmergencyVoiceCalls, "Emergency calls to you", "An emergency rings your phone at once, then your backup number."),
        (PlanFeature.VoiceConfiguration, "Voice configuration", "Choose the voice, language and what your phone agent says."),
        (PlanFeature.HiddenBranding, "No LeadsAgent branding", "The chat widget shows only your business."),
        (PlanFeature.CallRouting, "Ring me first", "Your phone rings first during business hours; the agent takes the calls you miss and the nights."),
        (PlanFeature.OwnerTexts, "Texts for every lead", "A text for every new lead and a short summary of each call, not just emergencies."),
        (PlanFeature.Webhooks, "Webhooks", "New leads, calls and emergencies sent to the tools you already use."),
        (PlanFeature.CallRecording, "Call recording", "Listen to any call from the lead page, with a spoken notice to callers."),
        // The agent does not offer times yet (issue 19's next step): the words say what exists today.
        (PlanFeature.Booking, "Bookings", "Your services, booking rules and bookings, never double-booked, through the API; the agent still takes a message."),
    ];

    public static string Label(PlanFeature feature) => All.First(f => f.Feature == feature).Label;

    public static string Benefit(PlanFeature feature) => All.First(f => f.Feature == feature).Benefit;

    /// <summary>The feature a plan-gated dashboard page is about, for the "not on your plan" page.</summary>
    public static PlanFeature? ForPage(string? path) => path?.Split('?')[0].TrimEnd('/') switch
    {
        "/settings/voice" => PlanFeature.VoiceConfiguration,
        "/simulator" => PlanFeature.VoiceAgent,
        "/settings/webhooks" => PlanFeature.Webhooks,
        "/bookings" => PlanFeature.Booking,
        _ => null,
    };
}
