using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;

namespace LeadsAgent.Domain.Businesses;

/// <summary>How a business's agent presents itself and which questions it asks, in chat and on the phone.</summary>
public sealed class AgentConfig
{
    public const string DefaultAgentName = "AI Assistant";
    public const string DefaultPersona = "You are a helpful and friendly assistant.";
    public const string DefaultWelcome = "Hello! How can I help you today?";
    public const string DefaultCompletion = "Thank you! I have everything I need. Someone from our team will be in touch shortly.";
    public const string DefaultVoiceGreeting = "Hello! Thank you for calling. How can I help you today?";
    public const string DefaultVoiceCompletion = "Thank you. I have all your details and someone will call you back shortly.";
    public const string DefaultVoiceEmergency = "I understand this is an emergency. I'm alerting our on-call team right now.";
    public const string DefaultVoiceEndCall = "Thank you for calling. Goodbye!";
    public const string DefaultVoice = "alice";
    public const string DefaultLanguage = "en-US";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public string AgentName { get; set; } = DefaultAgentName;
    public string PersonaPrompt { get; set; } = DefaultPersona;
    public string WelcomeMessage { get; set; } = DefaultWelcome;
    public ColorTheme ColorTheme { get; set; } = ColorTheme.Default;
    public string? LeadCaptureCompletionMessage { get; set; } = DefaultCompletion;
    public string? VoiceGreetingMessage { get; set; } = DefaultVoiceGreeting;
    public string? VoiceCompletionMessage { get; set; } = DefaultVoiceCompletion;
    public string? VoiceEmergencyMessage { get; set; } = DefaultVoiceEmergency;
    public string? VoiceEndCallMessage { get; set; } = DefaultVoiceEndCall;
    public string TwilioVoice { get; set; } = DefaultVoice;
    public string TwilioLanguage { get; set; } = DefaultLanguage;
    public List<string> AllowedWidgetOrigins { get; set; } = [];
    public List<string> ExtraEmergencyKeywords { get; set; } = [];

    /// <summary>Calls with a hidden number go to voicemail instead of the agent (call screening).</summary>
    public bool ScreenNoCallerId { get; set; }

    /// <summary>Calls whose caller ID failed Twilio's STIR/SHAKEN check go to voicemail instead of the agent.</summary>
    public bool ScreenFailedStir { get; set; }
    /// <summary>Who takes a new call first (the agent, or the owner's phone); see <see cref="CallRoutingRules"/>.</summary>
    public CallRouting CallRouting { get; set; } = CallRouting.AI_ALWAYS;
    /// <summary>How long the owner's phone rings before the agent takes the call.</summary>
    public int RingOwnerSeconds { get; set; } = CallRoutingRules.DefaultRingSeconds;
    /// <summary>Whether calls use Twilio's Gather or streaming ConversationRelay (PRO); Gather is the fallback.</summary>
    public VoiceMode VoiceMode { get; set; } = VoiceMode.GATHER;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<LeadCaptureQuestion> Questions { get; init; } = [];

    public IEnumerable<LeadCaptureQuestion> OrderedQuestions => Questions.OrderBy(q => q.Order);

    /// <summary>Adds a question at the end, or at <paramref name="position"/> (1 is first), within the plan's question limit.</summary>
    public LeadCaptureQuestion AddQuestion(PlanTier plan, LeadCaptureQuestion question, DateTimeOffset now, int? position = null)
    {
        if (PlanRules.QuestionLimit(plan) is int limit && Questions.Count >= limit)
        {
            throw new PlanUpgradeRequiredException(plan, PlanRules.RequiredTier(PlanFeature.UnlimitedQuestions),
                PlanFeature.UnlimitedQuestions, $"The {plan} plan allows at most {limit} lead-capture questions.");
        }

        question.AgentConfigId = Id;
        question.BusinessId = BusinessId;
        question.Order = Questions.Count == 0 ? 1 : Questions.Max(q => q.Order) + 1;
        question.UpdatedAt = now;
        Questions.Add(question);
        UpdatedAt = now;
        if (position is int at)
        {
            var others = OrderedQuestions.Where(q => q != question).ToList();
            others.Insert(Math.Clamp(at - 1, 0, others.Count), question);
            Renumber(others, now);
        }

        return question;
    }

    /// <summary>Appends questions made from templates (a new business's defaults, the demo data).</summary>
    public void AddQuestions(PlanTier plan, IEnumerable<DefaultQuestions.Template> templates, DateTimeOffset now)
    {
        foreach (var t in templates)
        {
            AddQuestion(plan, new LeadCaptureQuestion
            {
                QuestionText = t.Text,
                ExpectedFormat = t.Format,
                IsRequired = t.Required,
                MapsToLeadField = t.MapsTo,
                IsEssentialForEmergency = t.Essential,
                CreatedAt = now,
            }, now);
        }
    }

    /// <summary>Removes a question and closes the gap it leaves in the order.</summary>
    public void RemoveQuestion(Guid questionId, DateTimeOffset now)
    {
        var question = Questions.SingleOrDefault(q => q.Id == questionId) ?? throw new NotFoundException("Question");
        Questions.Remove(question);
        Renumber(OrderedQuestions.ToList(), now);
    }

    /// <summary>Puts the questions in the given order; the list must name every question exactly once.</summary>
    public void Reorder(IReadOnlyList<Guid> questionIds, DateTimeOffset now)
    {
        var known = Questions.Select(q => q.Id).ToHashSet();
        if (questionIds.Count != known.Count || questionIds.Distinct().Count() != questionIds.Count || !questionIds.All(known.Contains))
        {
            throw new DomainException("The new order must list every question of this agent exactly once.", "questionIds");
        }

        Renumber([.. questionIds.Select(id => Questions.Single(q => q.Id == id))], now);
    }

    void Renumber(List<LeadCaptureQuestion> ordered, DateTimeOffset now)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Order != i + 1)
            {
                ordered[i].Order = i + 1;
                ordered[i].UpdatedAt = now;
            }
        }

        UpdatedAt = now;
    }
}
