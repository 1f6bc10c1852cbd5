using LeadsAgent.Domain.Common;

namespace LeadsAgent.Domain.Plans;

/// <summary>The one place that says what each plan may do.</summary>
public static class PlanRules
{
    /// <summary>FREE businesses may have at most this many lead-capture questions.</summary>
    public const int FreeQuestionLimit = 5;

    /// <summary>FREE businesses may keep at most this many knowledge entries (basic FAQ).</summary>
    public const int FreeKnowledgeEntryLimit = 10;

    static readonly Dictionary<PlanFeature, PlanTier> s_minimumTier = new()
    {
        [PlanFeature.ChatWidget] = PlanTier.FREE,
        [PlanFeature.BasicFaq] = PlanTier.FREE,
        [PlanFeature.UnlimitedQuestions] = PlanTier.BASIC,
        [PlanFeature.KnowledgeBaseManagement] = PlanTier.BASIC,
        [PlanFeature.PriorityEmail] = PlanTier.BASIC,
        [PlanFeature.BasicAnalytics] = PlanTier.BASIC,
        [PlanFeature.FullAnalytics] = PlanTier.PRO,
        [PlanFeature.VoiceAgent] = PlanTier.PRO,
        [PlanFeature.PremiumVoices] = PlanTier.PRO,
        [PlanFeature.EmergencyVoiceCalls] = PlanTier.PRO,
        [PlanFeature.VoiceConfiguration] = PlanTier.PRO,
        [PlanFeature.HiddenBranding] = PlanTier.PRO,
        [PlanFeature.CallRouting] = PlanTier.BASIC,
        [PlanFeature.OwnerTexts] = PlanTier.BASIC,
        [PlanFeature.Webhooks] = PlanTier.BASIC,
        [PlanFeature.CallRecording] = PlanTier.PRO,
        [PlanFeature.Booking] = PlanTier.BASIC,
    };

    public static bool IsPlanSufficient(PlanTier current, PlanTier required) => current >= required;

    public static PlanTier RequiredTier(PlanFeature feature) => s_minimumTier[feature];

    public static bool Allows(PlanTier current, PlanFeature feature) => IsPlanSufficient(current, RequiredTier(feature));

    public static IReadOnlyList<PlanFeature> Features(PlanTier tier) =>
        [.. Enum.GetValues<PlanFeature>().Where(f => Allows(tier, f))];

    /// <summary>The most lead-capture questions a plan allows; null means no limit.</summary>
    public static int? QuestionLimit(PlanTier tier) => Allows(tier, PlanFeature.UnlimitedQuestions) ? null : FreeQuestionLimit;

    /// <summary>The most knowledge entries a plan allows; null means no limit.</summary>
    public static int? KnowledgeEntryLimit(PlanTier tier) =>
        Allows(tier, PlanFeature.KnowledgeBaseManagement) ? null : FreeKnowledgeEntryLimit;

    public static bool ShowBranding(PlanTier tier) => !Allows(tier, PlanFeature.HiddenBranding);

    /// <summary>Throws <see cref="PlanUpgradeRequiredException"/> when the plan lacks the feature.</summary>
    public static void Require(PlanTier current, PlanFeature feature)
    {
        if (!Allows(current, feature))
        {
            throw new PlanUpgradeRequiredException(current, RequiredTier(feature), feature);
        }
    }
}

/// <summary>The business's plan does not include what was asked for.</summary>
public sealed class PlanUpgradeRequiredException(PlanTier currentPlan, PlanTier requiredPlan, PlanFeature feature, string? detail = null)
    : DomainException(detail ?? $"This needs the {requiredPlan} plan; the business is on {currentPlan}.")
{
    public PlanTier CurrentPlan { get; } = currentPlan;
    public PlanTier RequiredPlan { get; } = requiredPlan;
    public PlanFeature Feature { get; } = feature;
}
