using System.Diagnostics;
using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Text;

namespace LeadsAgent.Domain.Engine;

/// <summary>What the engine reacts to besides the words: the business, its agent, the time, the caller's number.</summary>
public sealed record TurnContext(Business Business, AgentConfig Config, DateTimeOffset Now, string? CallerNumber = null, TimeSpan? ModelTimeout = null)
{
    public IReadOnlyList<LeadCaptureQuestion> Questions => [.. Config.OrderedQuestions];

    /// <summary>Shared by every run of one turn, so a re-run reuses the passages and model answer of the first.</summary>
    public TurnMemo? Memo { get; init; }

    /// <summary>Where a call's reply is said while it is written (ConversationRelay); null for a reply said whole.</summary>
    public IReplySink? ReplySink { get; init; }

    /// <summary>The visit this conversation may book now (free slots of a service), with the outcome of a choice; null when booking does not apply.</summary>
    public BookingOffer? Booking { get; init; }
}

/// <summary>What Twilio should do after the agent speaks.</summary>
public enum VoiceAction
{
    CONTINUE,
    HANGUP,
    TRANSFER,
    VOICEMAIL,
}

/// <summary>The outcome of one turn: the reply for each channel, the action, and any lead to store now.</summary>
public sealed record TurnResult(
    string Reply,
    SpokenReply Spoken,
    VoiceAction Action,
    ConversationSession Session,
    LeadDraft? Lead,
    TriageResult Triage,
    IReadOnlyList<IntentScore> Intents,
    IReadOnlyList<ExtractedEntity> Entities,
    string? UnansweredQuestion,
    string Model,
    double? ModelMs)
{
    /// <summary>
    /// With a reply sink: what is left to say after what the sink was given during the turn (the next question), or the
    /// whole reply's remainder; null when nothing was said through the sink.
    /// </summary>
    public string? Unsent { get; init; }
}

/// <summary>
/// The conversation engine shared by chat and phone: triage, extraction, intents, and the lead-capture state
/// machine over the business's questions. It does no I/O of its own; knowledge and the language model are ports.
/// </summary>
public sealed class ConversationEngine(ILanguageModel model, IKnowledgeRetriever knowledge)
{
    public const int MaxMessageLength = 2000;
    const int MaxAttempts = 2;

    /// <summary>Whether a turn with words asks a language model beyond the engine's own (a call that costs time and money).</summary>
    public bool AsksModel => model is not LocalLanguageModel;

    /// <summary>The question used when an emergency needs a call-back number and the owner asks for none.</summary>
    public static readonly LeadCaptureQuestion CallbackQuestion = new()
    {
        Id = new Guid("00000000-0000-0000-0000-00000000ca11"),
        QuestionText = AgentPhrases.Say(AgentPhrase.CallbackQuestion, "en"),
        ExpectedFormat = ExpectedFormat.PHONE,
        IsRequired = true,
        MapsToLeadField = LeadFields.ContactPhone,
        IsEssentialForEmergency = true,
        Order = int.MaxValue,
    };

    /// <summary>Opens a conversation with the configured welcome (chat) or greeting (voice).</summary>
    public TurnResult Begin(ConversationSession session, TurnContext ctx)
    {
        // The owner's greeting as written; left empty or still the default, ours in the business's language.
        var language = session.Language = ConversationLanguage.Of(session, ctx.Config);
        var text = session.Channel == Channel.VOICE
            ? AgentPhrases.OwnerOr(ctx.Config.VoiceGreetingMessage, AgentPhrase.VoiceGreeting, language)
            : AgentPhrases.OwnerOr(ctx.Config.WelcomeMessage, AgentPhrase.ChatWelcome, language);
        session.DetailedFlow.CompletedSteps.Add("greeting");
        // The prompt, not the body: a body is cut to two sentences on a call, and the greeting's last one is the question.
        return Finish(session, ctx, new ReplyParts(null, null, null, text), VoiceAction.CONTINUE, null, EmergencyTriage.Assess(""), [], [], null, model.Name, null);
    }

    public async Task<TurnResult> HandleAsync(ConversationSession session, string? message, TurnContext ctx, CancellationToken ct)
    {
        session.LastActivityAt = ctx.Now;
        if (string.IsNullOrWhiteSpace(message))
        {
            return Silence(session, ctx);
        }

        var text = message.Trim();
        if (text.Length > MaxMessageLength)
        {
            text = text[..MaxMessageLength];
        }

        session.SilenceCount = 0;
        var language = ConversationLanguage.Follow(session, text, ctx.Config);
        var capture = session.Capture;
        var current = CurrentQuestion(session, ctx);
        var extraction = new ExtractionContext(ctx.Now, ctx.Business.TimeZone, current?.MapsToLeadField == LeadFields.ContactName);
        var triage = EmergencyTriage.Assess(text, ctx.Business.BusinessType, ctx.Config.ExtraEmergencyKeywords);
        var entities = EntityExtractor.Extract(text, extraction).ToList();
        var intents = IntentClassifier.Classify(text, triage).ToList();
        var normalized = TextNormalizer.Normalize(text);
        var asksSomething = IntentClassifier.IsQuestion(text, normalized) || intents.Any(i => i.Intent is Intents.Faq or Intents.Pricing or Intents.Hours);

        var memo = ctx.Memo ?? new TurnMemo();
        // An emergency also looks for the business's own advice about the hazard, to add after the fixed script.
        // Outside lead capture a request or a description looks too: "someone come look at my sink" is answered with the
        // call-out fee when the business has one.
        var lookUp = asksSomething || triage.Hazard != Hazard.None || !capture.Active && session.Capture.PendingPhone is null;
        var passages = lookUp ? await memo.PassagesAsync(() => LookUpAsync(ctx.Business.Id, text, triage.Hazard, ct)) : [];
        // The hazard's fixed script first, in the conversation's language; a passage about the hazard may add to it.
        string? safety = null;
        var voice = session.Channel == Channel.VOICE;
        var script = triage.Hazard == Hazard.None ? null
            : SafetyScripts.For(triage.Hazard, language);
        if (script is not null && !session.SafetyScriptsGiven.Contains(script.Hazard))
        {
            safety = SafetyAdvice.Compose(script, passages, voice ? 200 : 360);
            session.SafetyScriptsGiven.Add(script.Hazard);
        }

        // A call whose reply is said as it is written: the safety script at once, then the model's words as they come.
        var sink = voice && ctx.ReplySink is { } s && model is IStreamingLanguageModel && !memo.HasModel ? s : null;
        var safetySaid = false;
        if (sink is not null && safety is not null)
        {
            await sink.SayAsync(Speak(new ReplyParts(safety, null, null, null), ctx, true, language) + " ", ct);
            safetySaid = true;
        }

        ModelTurn? modelTurn;
        double? modelMs;
        ModelStream? stream = null;
        if (sink is not null)
        {
            (stream, modelMs) = await AskModelStreamingAsync(session, ctx, text, current, passages, triage.Priority, ct);
            modelTurn = stream is null ? null : stream.Decision with { Reply = stream.Reply is null ? null : StreamedReplyMark };
        }
        else
        {
            (modelTurn, modelMs) = await memo.ModelAsync(() => AskModelAsync(session, ctx, text, current, passages, triage.Priority, ct));
        }

        // Merge: the model may add intents and entities that validate, and may raise the priority, never lower it.
        var priority = triage.Priority;
        var reasons = triage.Reasons.ToList();
        if (modelTurn is not null)
        {
            if (modelTurn.Priority is { } mp && mp > priority)
            {
                priority = mp;
                reasons.AddRange(modelTurn.Reasons.Take(3).Select(r => new EmergencyReason("model", r)));
            }

            foreach (var mi in modelTurn.Intents.Where(i => Intents.All.Contains(i.Intent) && !intents.Any(x => x.Intent == i.Intent)))
            {
                intents.Add(mi with { Confidence = Math.Clamp(mi.Confidence, 0, 1) });
            }

            entities.AddRange(ValidModelEntities(modelTurn.Entities, entities, text, extraction));
        }

        if (priority == LeadPriority.URGENT && !intents.Any(i => i.Intent == Intents.Emergency))
        {
            intents.Add(new IntentScore(Intents.Emergency, 0.8));
        }

        var turn = session.History.Count(m => m.Role == "user") + 1;
        var top = intents.OrderByDescending(i => i.Confidence).First();
        session.History.Add(new SessionMessage("user", text, ctx.Now, top.Intent, top.Confidence));
        session.IdentifiedIntents.AddRange(intents.Select(i => new IntentRecord(i.Intent, i.Confidence, ctx.Now, turn)));
        session.ExtractedEntities.AddRange(entities);
        if (priority > session.Priority)
        {
            session.Priority = priority;
        }

        foreach (var reason in reasons.Where(r => !session.EmergencyReasons.Contains(r)))
        {
            session.EmergencyReasons.Add(reason);
        }

        session.EmergencyDetected |= priority == LeadPriority.URGENT;
        var step = new Step(session, ctx, text, normalized, intents, entities, extraction, passages, modelTurn, safety);
        var (parts, action, lead, unanswered) = step.Decide();
        string? unsent = null;
        if (sink is not null && (safetySaid || stream is not null))
        {
            await using (stream)
            {
                (parts, var said, unsent) = await SayStreamedAsync(parts, stream, sink, safetySaid, ctx, session.EmergencyDetected, language, ct);
                if (modelTurn is not null)
                {
                    modelTurn = modelTurn with { Reply = said };
                }
            }

            memo.Remember(modelTurn, modelMs);
        }

        // Known as soon as it is said, so the live dashboard names the caller instead of "Website visitor".
        session.CallerName = CapturedName(session, ctx);
        return Finish(session, ctx, parts, action, lead, triage with { Priority = priority, Reasons = reasons, SafetyScript = script ?? triage.SafetyScript }, intents, entities, unanswered, modelTurn is null ? "local" : model.Name, modelMs)
            with { Unsent = unsent };
    }

    /// <summary>
    /// Stands for the model's reply in a decision taken before the reply is written; <see cref="SayStreamedAsync"/>
    /// puts the words said in its place. A private-use character: no model or person writes it.
    /// </summary>
    const string StreamedReplyMark = "\uE000";

    static string Speak(ReplyParts parts, TurnContext ctx, bool urgent, string language) =>
        ReplyShaper.ForVoice(parts, ctx.Config.TwilioVoice, urgent, language).PlainText;

    /// <summary>
    /// Says a decided reply through the sink while the model writes its part: what comes before the model's words (the
    /// acknowledgement) at once, the words as they come, and returns what is left (the next question) for the caller of
    /// the engine to say last. A decision that does not use the model's words stops the model and leaves the whole reply
    /// (less a safety script already said).
    /// </summary>
    static async Task<(ReplyParts Parts, string? Said, string Unsent)> SayStreamedAsync(ReplyParts parts, ModelStream? stream, IReplySink sink,
        bool safetySaid, TurnContext ctx, bool urgent, string language, CancellationToken ct)
    {
        string?[] slots = [safetySaid ? null : parts.Safety, parts.Acknowledgement, parts.Body, parts.Prompt];
        string Say(Func<int, bool> which)
        {
            string? At(int i) => which(i) ? slots[i] : null;
            return Speak(new ReplyParts(At(0), At(1), At(2), At(3)), ctx, urgent, language);
        }

        var at = Array.IndexOf(slots, StreamedReplyMark);
        if (stream?.Reply is not { } reply || at < 0)
        {
            return (parts, null, (safetySaid ? " " : "") + Say(_ => true));
        }

        var head = Say(i => i < at);
        if (head.Length > 0)
        {
            await sink.SayAsync((safetySaid ? " " : "") + head + " ", ct);
        }

        var said = await StreamedReply.SpeakAsync(reply, sink, language, 2, ctx.ModelTimeout ?? TimeSpan.FromSeconds(3), ct);
        var words = said.Length == 0 ? null : said;
        parts = at == 1 ? parts with { Acknowledgement = words } : parts with { Body = words };
        var rest = Say(i => i > at);
        return (parts, words, rest.Length > 0 && (words is not null || head.Length > 0 || safetySaid) ? " " + rest : rest);
    }

    /// <summary>
    /// The passages about the message; for a hazard, the business's advice about the hazard ("turn off the main water
    /// valve"), which the caller's own words ("under my kitchen sink") may not find.
    /// </summary>
    Task<IReadOnlyList<KnowledgePassage>> LookUpAsync(Guid businessId, string text, Hazard hazard, CancellationToken ct) =>
        knowledge.RetrieveAsync(businessId, SafetyQueries.For(hazard) ?? text, 3, ct);

    /// <summary>A session that ends before its flow finished still becomes a lead when we have a number to call.</summary>
    public static LeadDraft? PartialLead(ConversationSession session, TurnContext ctx)
    {
        if (session.LeadCaptured)
        {
            return null;
        }

        var draft = BuildLead(session, ctx, partial: true);
        return draft.ContactPhone is null ? null : draft;
    }

    /// <summary>The emergency audit: why a phrase is or is not an emergency for this business.</summary>
    public static TriageResult Audit(string text, Business business, AgentConfig config) =>
        EmergencyTriage.Assess(text, business.BusinessType, config.ExtraEmergencyKeywords);

    async Task<(ModelTurn? Turn, double? Ms)> AskModelAsync(ConversationSession session, TurnContext ctx, string text,
        LeadCaptureQuestion? current, IReadOnlyList<KnowledgePassage> passages, LeadPriority priority, CancellationToken ct)
    {
        if (!AsksModel)
        {
            // Its reading is the engine's own deterministic one: asking would only repeat this turn's work.
            return (null, null);
        }

        var request = Request(session, ctx, text, current, passages, priority);
        var watch = Stopwatch.StartNew();
        try
        {
            var task = model.InterpretAsync(request, ct);
            var result = ctx.ModelTimeout is { } timeout ? await task.WaitAsync(timeout, ct) : await task;
            return (result, result is null ? null : watch.Elapsed.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // The deterministic answer stands; a slow model must never keep a caller waiting.
            return (null, watch.Elapsed.TotalMilliseconds);
        }
    }

    /// <summary>The model's decision for a reply said as it is written; the words follow through the stream.</summary>
    async Task<(ModelStream? Stream, double? Ms)> AskModelStreamingAsync(ConversationSession session, TurnContext ctx, string text,
        LeadCaptureQuestion? current, IReadOnlyList<KnowledgePassage> passages, LeadPriority priority, CancellationToken ct)
    {
        var request = Request(session, ctx, text, current, passages, priority);
        var watch = Stopwatch.StartNew();
        var task = ((IStreamingLanguageModel)model).InterpretStreamingAsync(request, ct);
        try
        {
            var stream = ctx.ModelTimeout is { } timeout ? await task.WaitAsync(timeout, ct) : await task;
            return (stream, stream is null ? null : watch.Elapsed.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // The deterministic answer stands; a decision that comes later is closed unread.
            _ = task.ContinueWith(t => t.Result?.DisposeAsync(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            return (null, watch.Elapsed.TotalMilliseconds);
        }
    }

    ModelRequest Request(ConversationSession session, TurnContext ctx, string text, LeadCaptureQuestion? current,
        IReadOnlyList<KnowledgePassage> passages, LeadPriority priority) =>
        new(ctx.Business.Name, ctx.Business.BusinessType, ctx.Config.PersonaPrompt, session.Channel, text,
            [.. session.History.TakeLast(8)], session.DetailedFlow.PrimaryFlow + (session.DetailedFlow.SubFlow is { } sub ? "/" + sub : ""),
            current?.QuestionText, passages, priority) { Language = ConversationLanguage.Of(session, ctx.Config) };

    static IEnumerable<ExtractedEntity> ValidModelEntities(IReadOnlyList<ModelEntity> candidates, List<ExtractedEntity> existing, string text, ExtractionContext extraction)
    {
        foreach (var e in candidates)
        {
            string? value = e.Kind switch
            {
                EntityKind.Email => EntityExtractor.FirstEmail(e.Value),
                EntityKind.Phone => Common.PhoneNumbers.Normalize(e.Value) ?? EntityExtractor.FirstPhone(e.Value, extraction),
                EntityKind.Name => EntityExtractor.FindName(e.Value, expectingName: true)?.Value,
                _ => string.IsNullOrWhiteSpace(e.Value) || e.Value.Length > 200 ? null : e.Value.Trim(),
            };
            if (value is not null && !existing.Any(x => x.Kind == e.Kind && x.Value == value))
            {
                yield return new ExtractedEntity(e.Kind, value, e.Value, text, 0.6);
            }
        }
    }

    TurnResult Silence(ConversationSession session, TurnContext ctx)
    {
        var language = ConversationLanguage.Of(session, ctx.Config);
        if (session.Channel != Channel.VOICE)
        {
            return Finish(session, ctx, new ReplyParts(null, null, AgentPhrases.Say(AgentPhrase.ChatDidNotCatch, language), null),
                VoiceAction.CONTINUE, null, EmergencyTriage.Assess(""), [], [], null, "local", null);
        }

        session.SilenceCount++;
        if (session.SilenceCount == 1)
        {
            var prompt = session.Capture.PendingPhone is { } pending ? AgentPhrases.Say(AgentPhrase.IsPendingNumberRight, language, ("phone", pending))
                : CurrentQuestion(session, ctx) is { } current ? QuestionPhrasing.Ask(current, language) : AgentPhrases.Say(AgentPhrase.HowCanIHelpToday, language);
            return Finish(session, ctx, new ReplyParts(null, AgentPhrases.Say(AgentPhrase.StillThere, language), null, prompt), VoiceAction.CONTINUE, null,
                EmergencyTriage.Assess(""), [], [], null, "local", null);
        }

        // Second silence: say goodbye, but never leave a caller in an emergency without telling them what to do.
        var body = AgentPhrases.Say(session.EmergencyDetected ? AgentPhrase.SilenceHangUpEmergency : AgentPhrase.SilenceHangUp, language);
        var lead = PartialLead(session, ctx);
        if (lead is not null)
        {
            MarkCaptured(session);
        }

        session.Status = ConversationStatus.ABANDONED;
        return Finish(session, ctx, new ReplyParts(null, null, body, AgentPhrases.OwnerOr(ctx.Config.VoiceEndCallMessage, AgentPhrase.VoiceEndCall, language)),
            VoiceAction.HANGUP, lead, EmergencyTriage.Assess(""), [], [], null, "local", null);
    }

    TurnResult Finish(ConversationSession session, TurnContext ctx, ReplyParts parts, VoiceAction action, LeadDraft? lead, TriageResult triage,
        IReadOnlyList<IntentScore> intents, IReadOnlyList<ExtractedEntity> entities, string? unanswered, string modelName, double? modelMs)
    {
        var chat = ReplyShaper.ForChat(parts);
        var spoken = ReplyShaper.ForVoice(parts, ctx.Config.TwilioVoice, session.EmergencyDetected, ConversationLanguage.Of(session, ctx.Config));
        session.History.Add(new SessionMessage("assistant", session.Channel == Channel.VOICE ? spoken.PlainText : chat, ctx.Now));
        session.CurrentFlow = session.DetailedFlow.PrimaryFlow;
        if (action != VoiceAction.CONTINUE)
        {
            session.VoiceActions.Add(action.ToString());
        }

        return new TurnResult(chat, spoken, action, session, lead, triage, intents, entities, unanswered, modelName, modelMs);
    }

    internal static LeadCaptureQuestion? CurrentQuestion(ConversationSession session, TurnContext ctx)
    {
        var id = session.Capture.CurrentQuestionId;
        return id is null ? null : id == CallbackQuestion.Id ? CallbackQuestion : ctx.Questions.FirstOrDefault(q => q.Id == id);
    }

    static void MarkCaptured(ConversationSession session)
    {
        session.Capture.Completed = true;
        session.Capture.Active = false;
        session.Capture.CurrentQuestionId = null;
        session.LeadCaptured = true;
        session.DetailedFlow.CompletedSteps.Add("lead_captured");
    }

    /// <summary>The answer captured for a lead field (contactName, address...), or null.</summary>
    public static string? CapturedField(ConversationSession session, IEnumerable<LeadCaptureQuestion> questions, string field)
    {
        var all = questions.Append(CallbackQuestion).ToList();
        return session.Capture.Answers
            .Where(a => all.FirstOrDefault(q => q.Id.ToString() == a.Key)?.MapsToLeadField == field)
            .Select(a => a.Value.Value).FirstOrDefault();
    }

    /// <summary>The caller's name: the answer to the name question, else a name they gave on their own ("I'm Jane").</summary>
    static string? CapturedName(ConversationSession session, TurnContext ctx) =>
        CapturedField(session, ctx.Questions, LeadFields.ContactName)
        ?? session.ExtractedEntities.LastOrDefault(e => e.Kind == EntityKind.Name && e.Confidence >= 0.7)?.Value;

    internal static LeadDraft BuildLead(ConversationSession session, TurnContext ctx, bool partial)
    {
        var answers = session.Capture.Answers;
        var questions = ctx.Questions;
        string? Field(string field) => CapturedField(session, questions, field);
        string? Entity(EntityKind kind) => session.ExtractedEntities.LastOrDefault(e => e.Kind == kind && e.Confidence >= 0.7)?.Value;

        var phone = Field(LeadFields.ContactPhone) ?? Entity(EntityKind.Phone) ?? (session.Channel is Channel.VOICE or Channel.SMS ? Common.PhoneNumbers.Normalize(ctx.CallerNumber) : null);
        var notes = Field(LeadFields.Notes) ?? session.History.FirstOrDefault(m => m.Role == "user" && m.Intent is Intents.ServiceRequest or Intents.Emergency)?.Content;
        return new LeadDraft(
            new Dictionary<string, CapturedAnswer>(answers),
            Field(LeadFields.ContactName) ?? Entity(EntityKind.Name),
            phone,
            Field(LeadFields.ContactEmail) ?? Entity(EntityKind.Email),
            Field(LeadFields.Address) ?? session.ExtractedEntities.LastOrDefault(e => e.Kind == EntityKind.Location && e.Confidence >= 0.9)?.Value,
            notes,
            session.Priority < LeadPriority.NORMAL ? LeadPriority.NORMAL : session.Priority,
            [.. session.EmergencyReasons],
            session.Transcript(),
            partial,
            TransferAttempts(session));
    }

    /// <summary>
    /// The owner did not take a warm transfer (no answer, busy, declined): the caller is back with the agent, who says so
    /// and offers a voicemail or a call-back. The next turn takes the choice.
    /// </summary>
    public TurnResult TransferNotTaken(ConversationSession session, TurnContext ctx)
    {
        var language = ConversationLanguage.Of(session, ctx.Config);
        session.LastActivityAt = ctx.Now;
        session.SilenceCount = 0;
        session.DetailedFlow.PrimaryFlow = "transfer_returned";
        if (session.Transfer is { } transfer)
        {
            transfer.ChoiceOffered = true;
        }

        // The prompt, not the body: a call's body is cut to two sentences and the question is the last one.
        var parts = new ReplyParts(null, null, null, AgentPhrases.Say(AgentPhrase.TransferNotAnswered, language, ("business", ctx.Business.Name)));
        return Finish(session, ctx, parts, VoiceAction.CONTINUE, null, EmergencyTriage.Assess(""), [], [], null, "local", null);
    }

    /// <summary>The call's finished warm transfer, as the lead records it (none while the owner's phone still rings).</summary>
    public static IReadOnlyList<TransferAttempt> TransferAttempts(ConversationSession session) =>
        session.Transfer is { Outcome: { } outcome } t ? [new TransferAttempt(t.FinishedAt ?? t.RequestedAt, outcome)] : [];

    /// <summary>One turn's decision, with the turn's facts at hand.</summary>
    sealed class Step(ConversationSession session, TurnContext ctx, string text, string normalized,
        List<IntentScore> intents, List<ExtractedEntity> entities, ExtractionContext extraction, IReadOnlyList<KnowledgePassage> passages,
        ModelTurn? modelTurn, string? safety)
    {
        readonly LeadCaptureState _capture = session.Capture;
        /// <summary>The caller talked over the agent before the current question was said (read once, for this turn).</summary>
        readonly bool _unheard = session.Capture.QuestionUnheard;
        readonly bool _voice = session.Channel == Channel.VOICE;
        readonly string _language = ConversationLanguage.Of(session, ctx.Config);
        string? _ack;
        string? _body;
        string? _prompt;
        string? _unanswered;

        bool Has(string intent, double min = 0.5) => intents.Any(i => i.Intent == intent && i.Confidence >= min);

        /// <summary>Our phrase in the conversation's language.</summary>
        string Say(AgentPhrase phrase, params (string Name, string Value)[] values) => AgentPhrases.Say(phrase, _language, values);

        public (ReplyParts, VoiceAction, LeadDraft?, string?) Decide()
        {
            _capture.QuestionUnheard = false;
            var wasEmergency = _capture.EmergencyMode;
            if (_capture.PendingPhone is not null && !Has(Intents.Goodbye, 0.9) && !Has(Intents.SpeakToHuman))
            {
                return ConfirmPhone();
            }

            if (_capture.PendingPlace is not null && !Has(Intents.Goodbye, 0.9) && !Has(Intents.SpeakToHuman)
                && !(session.Priority == LeadPriority.URGENT && !wasEmergency) && CurrentQuestion(session, ctx) is { ExpectedFormat: ExpectedFormat.ADDRESS } asked)
            {
                return ConfirmPlace(asked);
            }

            // The read-back no longer applies (an emergency, a goodbye, another question): the place is not kept.
            _capture.PendingPlace = null;
            _capture.PendingPlaceUtterance = null;

            if (session.Booking is { Stage: BookingStage.Offered } booking)
            {
                if (!Has(Intents.SpeakToHuman) && !(session.Priority == LeadPriority.URGENT && !wasEmergency))
                {
                    return AnswerOffer(booking);
                }

                // A person or an emergency comes first: the offer lapses and the owner calls back.
                booking.Stage = BookingStage.Declined;
            }

            var serviceContent = Has(Intents.ServiceRequest) || Has(Intents.Emergency) || Has(Intents.Faq) || Has(Intents.Pricing);
            if (Has(Intents.Goodbye, 0.6) && !serviceContent)
            {
                return Goodbye();
            }

            // Told once already that the owner will call back, a caller answering the question being asked ("I need to talk to
            // someone about my boiler") is answering it, not asking for a transfer again.
            var answersQuestion = _voice && session.Transfer is { ToldCallBack: true } && _capture.Active && !_capture.Completed
                && CurrentQuestion(session, ctx) is { ExpectedFormat: ExpectedFormat.TEXT };
            if (Has(Intents.SpeakToHuman) && !answersQuestion)
            {
                if (_voice && session.Transfer is null && ctx.Business.NotificationPhoneNumber is null)
                {
                    // Nobody's phone to ring: say so and take a message rather than promise a transfer.
                    session.DetailedFlow.PrimaryFlow = "voicemail";
                    return Done(new ReplyParts(safety, null, Say(AgentPhrase.NoOneAvailable), null), VoiceAction.VOICEMAIL);
                }

                if (_voice && session.Transfer is null)
                {
                    // A warm transfer: the session stays active, since the owner may not take the call and the caller
                    // then comes back to the agent. The dial result ends it as TRANSFERRED once they are connected.
                    session.DetailedFlow.PrimaryFlow = "transfer";
                    session.Transfer = new WarmTransfer { RequestedAt = ctx.Now };
                    // The hold line as the prompt, not the body: a call's body is cut to two sentences, and "please hold" is the third.
                    return Done(new ReplyParts(safety, null, null, Say(AgentPhrase.Transfer, ("business", ctx.Business.Name))), VoiceAction.TRANSFER);
                }

                if (_voice)
                {
                    // One transfer per call: the owner could not take it a moment ago, so the agent takes a call-back.
                    session.Transfer!.ChoiceOffered = false;
                    session.Transfer.ToldCallBack = true;
                    _ack = Say(AgentPhrase.TransferAlreadyTried, ("business", ctx.Business.Name));
                    StartCapture(emergency: true, describesProblem: false);
                    return Advance();
                }

                _ack = Say(AgentPhrase.ChatPersonalReply, ("business", ctx.Business.Name));
                StartCapture(emergency: true, describesProblem: false);
                return Advance();
            }

            if (Has(Intents.LeaveMessage) && _voice)
            {
                if (session.Transfer is not null)
                {
                    session.Transfer.ChoiceOffered = false;
                }

                session.DetailedFlow.PrimaryFlow = "voicemail";
                return Done(new ReplyParts(safety, null, Say(AgentPhrase.Voicemail), null), VoiceAction.VOICEMAIL);
            }

            // Back from a transfer the owner did not take and offered a voicemail or a call-back: anything but a voicemail
            // (asked for above), a goodbye or a new emergency (handled below) is taken as the call-back.
            var offered = session.Transfer is { ChoiceOffered: true };
            if (session.Transfer is not null)
            {
                session.Transfer.ChoiceOffered = false;
            }

            if (_voice && offered && !(session.Priority == LeadPriority.URGENT && !wasEmergency))
            {
                _ack = Say(AgentPhrase.TransferCallbackChosen);
                if (_capture.Completed)
                {
                    return Done(new ReplyParts(safety, _ack, null, Say(AgentPhrase.NoProblemAnythingElse)), VoiceAction.CONTINUE);
                }

                StartCapture(emergency: _capture.EmergencyMode, describesProblem: false);
                return Advance();
            }

            if (session.Priority == LeadPriority.URGENT && !wasEmergency && !_capture.Completed)
            {
                _ack = _voice
                    ? AgentPhrases.OwnerOr(ctx.Config.VoiceEmergencyMessage, AgentPhrase.VoiceEmergency, _language)
                    : Say(AgentPhrase.ChatEmergency);
                StartCapture(emergency: true, describesProblem: true);
                return Advance();
            }

            if (_capture.Active && !_capture.Completed)
            {
                var current = CurrentQuestion(session, ctx);
                if (current is not null && IsSideQuestion(current))
                {
                    AnswerFromKnowledge(offer: false);
                    _prompt = QuestionPhrasing.Ask(current, _language);
                    return Done(new ReplyParts(safety, _ack, _body, QuestionPhrasing.AskAgainAfterAnswering(current, _language)), VoiceAction.CONTINUE);
                }

                if (current is not null && !TakeAnswer(current))
                {
                    return Done(new ReplyParts(safety, _ack, _body, _prompt), VoiceAction.CONTINUE);
                }

                return Advance();
            }

            var wantsService = Has(Intents.ServiceRequest) || session.Priority >= LeadPriority.HIGH && !_capture.Completed
                || (session.OfferedCallback && IntentClassifier.IsYes(text));
            var asks = Has(Intents.Faq) || Has(Intents.Pricing) || Has(Intents.Hours);
            if (asks || wantsService && !_capture.Completed && modelTurn is null)
            {
                // A request is answered when the knowledge base covers it, but only a real question gets "I don't know".
                AnswerFromKnowledge(offer: !wantsService && !_capture.Completed,
                    honest: asks && (!IntentClassifier.IsRequest(text) || IntentClassifier.AsksForInformation(text)));
            }

            if (wantsService && !_capture.Completed)
            {
                // After "I'm not sure about that", "I can help with that" would contradict it in one breath.
                if (_unanswered is null)
                {
                    _ack ??= Say(session.Priority == LeadPriority.HIGH ? AgentPhrase.SorryToHear : AgentPhrase.CanHelp);
                }

                StartCapture(emergency: false, describesProblem: !(session.OfferedCallback && IntentClassifier.IsYes(text)));
                return Advance();
            }

            if (asks)
            {
                return Done(new ReplyParts(safety, _ack, _body, _prompt), VoiceAction.CONTINUE);
            }

            if (session.OfferedCallback && IntentClassifier.IsNo(text))
            {
                session.OfferedCallback = false;
                return Done(new ReplyParts(safety, null, Say(AgentPhrase.NoProblemAnythingElse), null), VoiceAction.CONTINUE);
            }

            if (Has(Intents.Greeting) && intents.Count == 1)
            {
                return Done(new ReplyParts(safety, null, modelTurn?.Reply ?? Say(AgentPhrase.GreetingReply), null), VoiceAction.CONTINUE);
            }

            if (_capture.Completed && !Has(Intents.Greeting) && EmergencyTriage.IsNoServiceIntent(normalized))
            {
                // "Thanks!" once the request is taken: the conversation is over, so it ends now rather than idling.
                return Goodbye();
            }

            if (EmergencyTriage.IsNoServiceIntent(normalized))
            {
                return Done(new ReplyParts(safety, null, modelTurn?.Reply ?? Say(AgentPhrase.YoureWelcome), null), VoiceAction.CONTINUE);
            }

            if (_capture.Completed)
            {
                return Done(new ReplyParts(safety, null, modelTurn?.Reply ?? Say(AgentPhrase.AddedToRequest), null), VoiceAction.CONTINUE);
            }

            // A statement with no recognised keywords is still most likely someone describing what they need.
            if (normalized.Split(' ').Length >= 4)
            {
                _ack = Say(AgentPhrase.ThanksForExplaining);
                if (modelTurn is null)
                {
                    AnswerFromKnowledge(offer: false, honest: false);
                }

                StartCapture(emergency: false, describesProblem: true);
                return Advance();
            }

            return Done(new ReplyParts(safety, null, modelTurn?.Reply ?? Say(AgentPhrase.TellMeMore), null), VoiceAction.CONTINUE);
        }

        (ReplyParts, VoiceAction, LeadDraft?, string?) Done(ReplyParts parts, VoiceAction action, LeadDraft? lead = null)
        {
            // A model's wording may replace our acknowledgement, never the safety script or the next question.
            if (modelTurn?.Reply is { Length: > 0 } reply && parts.Body is null && _unanswered is null)
            {
                parts = parts with { Acknowledgement = ReplyShaper.Clean(reply) };
            }

            return (parts, action, lead, _unanswered);
        }

        (ReplyParts, VoiceAction, LeadDraft?, string?) Goodbye()
        {
            LeadDraft? lead = null;
            if (_capture.Active && !_capture.Completed)
            {
                lead = PartialLead(session, ctx);
                if (lead is not null)
                {
                    MarkCaptured(session);
                }
            }

            var body = session.EmergencyDetected && !session.LeadCaptured
                ? Say(AgentPhrase.GoodbyeEmergencyNoLead)
                : session.EmergencyDetected ? Say(AgentPhrase.GoodbyeEmergency) : null;
            var bye = _voice ? AgentPhrases.OwnerOr(ctx.Config.VoiceEndCallMessage, AgentPhrase.VoiceEndCall, _language) : Say(AgentPhrase.ChatGoodbye);
            session.DetailedFlow.PrimaryFlow = "goodbye";
            // They said goodbye: the conversation finished as they meant it to (leaving without a word is what abandons).
            session.Status = ConversationStatus.COMPLETED;
            return (new ReplyParts(safety, null, body, bye), VoiceAction.HANGUP, lead, null);
        }

        void StartCapture(bool emergency, bool describesProblem)
        {
            _capture.Active = true;
            _capture.EmergencyMode |= emergency;
            session.DetailedFlow.PrimaryFlow = _capture.EmergencyMode ? "emergency" : "lead_capture";
            if (!session.DetailedFlow.CompletedSteps.Contains("problem_identification"))
            {
                session.DetailedFlow.CompletedSteps.Add("problem_identification");
            }

            if (describesProblem)
            {
                var notes = ctx.Questions.FirstOrDefault(q => q.MapsToLeadField == LeadFields.Notes && q.ExpectedFormat == ExpectedFormat.TEXT);
                if (notes is not null && !_capture.Answers.ContainsKey(notes.Id.ToString()))
                {
                    _capture.Answers[notes.Id.ToString()] = new CapturedAnswer(notes.QuestionText, text, text);
                }
            }
        }

        /// <summary>Fills what the person already told us, then asks the next question or completes the lead.</summary>
        (ReplyParts, VoiceAction, LeadDraft?, string?) Advance()
        {
            foreach (var question in Pending())
            {
                if (Prefill(question) is { } answer)
                {
                    if (_voice && question.ExpectedFormat == ExpectedFormat.PHONE)
                    {
                        return AskToConfirm(question, answer.Value, answer.Utterance ?? text);
                    }

                    _capture.Answers[question.Id.ToString()] = answer;
                    continue;
                }

                _capture.CurrentQuestionId = question.Id;
                _capture.Attempts = 0;
                session.DetailedFlow.SubFlow = "asking:" + question.Id;
                // A text comes from a known number too: confirmed, not asked for (issue 18).
                if ((_voice || session.Channel == Channel.SMS) && question.ExpectedFormat == ExpectedFormat.PHONE && Common.PhoneNumbers.Normalize(ctx.CallerNumber) is { } caller)
                {
                    _capture.PendingPhone = caller;
                    _capture.PendingPhoneUtterance = "(caller ID)";
                    return Done(new ReplyParts(safety, _ack, _body, QuestionPhrasing.ConfirmCallerNumber(caller, _language)), VoiceAction.CONTINUE);
                }

                return Done(new ReplyParts(safety, _ack, _body, QuestionPhrasing.Ask(question, _language)), VoiceAction.CONTINUE);
            }

            return Complete();
        }

        IEnumerable<LeadCaptureQuestion> Pending()
        {
            return QuestionPhrasing.QuestionsToAsk(ctx.Questions, _capture.EmergencyMode).Where(q => !_capture.Answers.ContainsKey(q.Id.ToString()) && !_capture.Skipped.Contains(q.Id));
        }

        CapturedAnswer? Prefill(LeadCaptureQuestion q)
        {
            ExtractedEntity? Latest(EntityKind kind, double min = 0.7) => session.ExtractedEntities.LastOrDefault(e => e.Kind == kind && e.Confidence >= min);
            var entity = q.ExpectedFormat switch
            {
                ExpectedFormat.PHONE => Latest(EntityKind.Phone),
                ExpectedFormat.EMAIL => Latest(EntityKind.Email),
                ExpectedFormat.ADDRESS => Latest(EntityKind.Location, 0.9),
                ExpectedFormat.DATE => Latest(EntityKind.DateTime),
                _ when q.MapsToLeadField == LeadFields.ContactName => Latest(EntityKind.Name, 0.7),
                _ => null,
            };
            return entity is null ? null : new CapturedAnswer(q.QuestionText, entity.Value, entity.Utterance);
        }

        bool IsSideQuestion(LeadCaptureQuestion current)
        {
            if (!IntentClassifier.IsQuestion(text, normalized) || !(Has(Intents.Faq) || Has(Intents.Pricing) || Has(Intents.Hours)))
            {
                return false;
            }

            return !AnswerValidator.Check(current, text, extraction, session.Channel, _language).Valid || current.ExpectedFormat == ExpectedFormat.TEXT;
        }

        /// <summary>Takes the answer to the current question; false when it re-asks with a hint.</summary>
        bool TakeAnswer(LeadCaptureQuestion current)
        {
            var check = AnswerValidator.Check(current, text, extraction, session.Channel, _language);
            // A caller who never heard the question is not answering it where any words would do ("hang on, the line is
            // breaking up"); a number, an email or an address that fits is still taken (they may have known what was coming).
            if (check.Valid && !(_unheard && current.ExpectedFormat == ExpectedFormat.TEXT))
            {
                if (_voice && current.ExpectedFormat == ExpectedFormat.PHONE)
                {
                    _capture.PendingPhone = check.Value;
                    _capture.PendingPhoneUtterance = text;
                    _prompt = QuestionPhrasing.ReadBackPhone(check.Value!, _language);
                    return false;
                }

                _capture.Answers[current.Id.ToString()] = new CapturedAnswer(current.QuestionText, check.Value!, text);
                _capture.Attempts = 0;
                _ack = Acknowledge();
                session.DetailedFlow.CompletedSteps.Add("answered:" + current.Id);
                return true;
            }

            if (check.PlaceToConfirm is { } place)
            {
                // A place in the caller's own words is kept once they confirm it is where the work is.
                _capture.PendingPlace = place;
                _capture.PendingPlaceUtterance = text;
                _prompt = check.Hint;
                return false;
            }

            if (!current.IsRequired && IntentClassifier.IsDecline(text))
            {
                Skip(current);
                _ack = Say(AgentPhrase.SkipNoProblem);
                return true;
            }

            if (_unheard)
            {
                // They talked over the agent before the question was said: it is asked now, and no try is counted.
                _prompt = QuestionPhrasing.Ask(current, _language);
                return false;
            }

            _capture.Attempts++;
            if (_capture.Attempts <= MaxAttempts)
            {
                _prompt = check.Hint;
                return false;
            }

            // Two hints did not help: move on rather than trap the person in a loop.
            Skip(current);
            _ack = Say(AgentPhrase.MoveOn);
            return true;
        }

        void Skip(LeadCaptureQuestion question)
        {
            _capture.Skipped.Add(question.Id);
            _capture.Attempts = 0;
            session.DetailedFlow.CompletedSteps.Add("skipped:" + question.Id);
        }

        (ReplyParts, VoiceAction, LeadDraft?, string?) AskToConfirm(LeadCaptureQuestion question, string phone, string utterance)
        {
            _capture.CurrentQuestionId = question.Id;
            _capture.PendingPhone = phone;
            _capture.PendingPhoneUtterance = utterance;
            session.DetailedFlow.SubFlow = "confirming_phone";
            return Done(new ReplyParts(safety, _ack, _body, QuestionPhrasing.ReadBackPhone(phone, _language)), VoiceAction.CONTINUE);
        }

        (ReplyParts, VoiceAction, LeadDraft?, string?) ConfirmPhone()
        {
            var question = CurrentQuestion(session, ctx) ?? CallbackQuestion;
            var newNumber = entities.FirstOrDefault(e => e.Kind == EntityKind.Phone);
            if (newNumber is not null)
            {
                return AskToConfirm(question, newNumber.Value, text);
            }

            if (IntentClassifier.IsYes(text))
            {
                _capture.Answers[question.Id.ToString()] = new CapturedAnswer(question.QuestionText, _capture.PendingPhone!, _capture.PendingPhoneUtterance ?? text);
                _capture.PendingPhone = null;
                _capture.PendingPhoneUtterance = null;
                _capture.Attempts = 0;
                _ack = Say(AgentPhrase.NumberConfirmed);
                return Advance();
            }

            if (IntentClassifier.IsNo(text))
            {
                _capture.PendingPhone = null;
                _capture.PendingPhoneUtterance = null;
                return Done(new ReplyParts(safety, Say(AgentPhrase.SorryAboutThat), null, Say(AgentPhrase.AskNumberAgain)), VoiceAction.CONTINUE);
            }

            _capture.Attempts++;
            return Done(new ReplyParts(safety, null, null, QuestionPhrasing.ReadBackPhoneAgain(_capture.PendingPhone!, _language)), VoiceAction.CONTINUE);
        }

        (ReplyParts, VoiceAction, LeadDraft?, string?) ConfirmPlace(LeadCaptureQuestion question)
        {
            var place = _capture.PendingPlace!;
            var utterance = _capture.PendingPlaceUtterance ?? text;
            _capture.PendingPlace = null;
            _capture.PendingPlaceUtterance = null;
            if (AnswerValidator.IsConfirmation(text) && !EntityExtractor.LooksLikeAddress(text, extraction))
            {
                _capture.Answers[question.Id.ToString()] = new CapturedAnswer(question.QuestionText, place, utterance);
                _capture.Attempts = 0;
                _ack = Acknowledge();
                session.DetailedFlow.CompletedSteps.Add("answered:" + question.Id);
                return Advance();
            }

            // "No", or a better answer ("no, it's 42 Oak Street"): read like any answer to the question.
            if (IntentClassifier.IsNo(text))
            {
                _ack = Say(AgentPhrase.SorryAboutThat);
            }

            return TakeAnswer(question) ? Advance() : Done(new ReplyParts(safety, _ack, _body, _prompt), VoiceAction.CONTINUE);
        }

        (ReplyParts, VoiceAction, LeadDraft?, string?) Complete()
        {
            MarkCaptured(session);
            session.DetailedFlow.SubFlow = null;
            var lead = BuildLead(session, ctx, partial: false);
            if (ctx.Booking is { Slots.Count: > 0 } offer && !_capture.EmergencyMode && session.Priority < LeadPriority.URGENT && session.Booking is null)
            {
                // The request is stored now (the lead below); the caller may also pick a visit instead of waiting for a call.
                session.Booking = new BookingState { Stage = BookingStage.Offered, ServiceId = offer.ServiceId, ServiceName = offer.ServiceName };
                session.DetailedFlow.PrimaryFlow = "booking";
                var picked = FirstOffer(offer);
                session.Booking.Offered = [.. picked.Select(p => p.StartsAt)];
                var options = ("options", BookingTalk.Options(session.Booking.Offered, ctx.Now, offer.Zone, _language));
                var prompt = BookingTalk.Tidy(Say(AgentPhrase.BookingOffer, ("service", BookingTalk.ServiceWords(offer.ServiceName, _language)), options) + " " + Say(AgentPhrase.BookingPickOne));
                return Done(new ReplyParts(safety, _ack, null, prompt), VoiceAction.CONTINUE, lead);
            }

            var (body, closing) = QuestionPhrasing.Completion(ctx.Config, ctx.Business.Name, session.Channel, _capture.EmergencyMode, lead.ContactPhone, _language);
            if (_voice)
            {
                session.Status = ConversationStatus.COMPLETED;
                return Done(new ReplyParts(safety, _ack, body, closing), VoiceAction.HANGUP, lead);
            }

            return Done(new ReplyParts(safety, _ack, body, closing), VoiceAction.CONTINUE, lead);
        }

        /// <summary>
        /// The first times offered: the nearest free ones, narrowed by what the caller already said about when in answer
        /// to the owner's date question ("tomorrow morning", "Thursday after 3", "Wednesday at 10"). Words that name no
        /// usable time ("whenever"), or times that are not free, get the nearest.
        /// </summary>
        IReadOnlyList<Slot> FirstOffer(BookingOffer offer)
        {
            foreach (var question in ctx.Config.OrderedQuestions.Where(q => q.ExpectedFormat == ExpectedFormat.DATE))
            {
                if (_capture.Answers.GetValueOrDefault(question.Id.ToString()) is not { } answer)
                {
                    continue;
                }

                var wish = BookingTalk.Read(answer.Utterance ?? answer.Value, [], offer.Slots, offer.Zone, ctx.Now);
                switch (wish)
                {
                    case { Kind: BookingAnswerKind.Narrow, Slots: { Count: > 0 } slots }:
                        return slots;
                    case { Kind: BookingAnswerKind.Choose, Start: { } start } when offer.Slots.FirstOrDefault(s => s.StartsAt == start) is { } named:
                        // The time they named first, then later ones a little apart.
                        return BookingTalk.Pick([named, .. offer.Slots.Where(s => s.StartsAt > start)], offer.Zone);
                }
            }

            return BookingTalk.Pick(offer.Slots, offer.Zone);
        }

        /// <summary>The caller's answer to the times offered: booked (the service booked it before this turn), other times, or a call-back.</summary>
        (ReplyParts, VoiceAction, LeadDraft?, string?) AnswerOffer(BookingState booking)
        {
            var service = ("service", BookingTalk.ServiceWords(booking.ServiceName, _language));
            if (ctx.Booking is not { } offer)
            {
                // Booking stopped applying (the service was switched off, the plan changed): the owner calls back as usual.
                booking.Stage = BookingStage.Declined;
                return Closing(null);
            }

            if (offer.Booked is { } at)
            {
                booking.Stage = BookingStage.Booked;
                booking.BookedAt = at;
                booking.BookingId = offer.BookingId;
                session.DetailedFlow.PrimaryFlow = "booked";
                session.DetailedFlow.CompletedSteps.Add("booked");
                var booked = BookingTalk.Tidy(Say(AgentPhrase.BookingBooked, service, ("when", BookingTalk.Full(at, offer.Zone, _language))));
                if (_voice)
                {
                    session.Status = ConversationStatus.COMPLETED;
                    return Done(new ReplyParts(safety, null, null, booked + " " + AgentPhrases.OwnerOr(ctx.Config.VoiceEndCallMessage, AgentPhrase.VoiceEndCall, _language)),
                        VoiceAction.HANGUP);
                }

                return Done(new ReplyParts(safety, null, null, booked), VoiceAction.CONTINUE);
            }

            var answer = BookingTalk.Read(text, booking.Offered, offer.Slots, offer.Zone, ctx.Now);
            if (offer.Taken is { } taken || answer.Kind == BookingAnswerKind.Choose)
            {
                // Chosen but not booked: someone else took it first (or it no longer fits the rules).
                var when = ("when", BookingTalk.When(offer.Taken ?? answer.Start!.Value, ctx.Now, offer.Zone, _language));
                var others = BookingTalk.Pick(offer.Slots, offer.Zone);
                if (others.Count == 0)
                {
                    booking.Stage = BookingStage.Declined;
                    return Closing(Say(AgentPhrase.SorryAboutThat));
                }

                return Offer(booking, others, AgentPhrase.BookingTaken, when);
            }

            switch (answer.Kind)
            {
                case BookingAnswerKind.Narrow:
                    return Offer(booking, answer.Slots!, AgentPhrase.BookingNarrowed);
                case BookingAnswerKind.NoneLikeThat when answer.Slots is { Count: > 0 } nearest:
                    return Offer(booking, nearest, AgentPhrase.BookingNoneLikeThat);
                case BookingAnswerKind.NoneLikeThat:
                case BookingAnswerKind.Decline:
                    booking.Stage = BookingStage.Declined;
                    return Closing(Say(AgentPhrase.SkipNoProblem));
            }

            if (Has(Intents.Goodbye, 0.9))
            {
                booking.Stage = BookingStage.Declined;
                return Goodbye();
            }

            var options = ("options", BookingTalk.Options(booking.Offered, ctx.Now, offer.Zone, _language));
            if (IntentClassifier.IsQuestion(text, normalized) && (Has(Intents.Faq) || Has(Intents.Pricing) || Has(Intents.Hours)))
            {
                // "How much is it?" is answered, then the times are offered again.
                AnswerFromKnowledge(offer: false);
                return Done(new ReplyParts(safety, null, _body, BookingTalk.Tidy(Say(AgentPhrase.BookingWhich, options))), VoiceAction.CONTINUE);
            }

            booking.Attempts++;
            if (booking.Attempts > MaxAttempts)
            {
                // Two tries did not help: the owner calls back to find a time rather than trap the caller in a loop.
                booking.Stage = BookingStage.Declined;
                return Closing(Say(AgentPhrase.MoveOn));
            }

            return Done(new ReplyParts(safety, null, null, BookingTalk.Tidy(Say(AgentPhrase.BookingWhich, options))), VoiceAction.CONTINUE);
        }

        (ReplyParts, VoiceAction, LeadDraft?, string?) Offer(BookingState booking, IReadOnlyList<Slot> slots, AgentPhrase phrase, params (string, string)[] values)
        {
            booking.Offered = [.. slots.Select(s => s.StartsAt)];
            var options = ("options", BookingTalk.Options(booking.Offered, ctx.Now, ctx.Booking!.Zone, _language));
            var prompt = BookingTalk.Tidy(Say(phrase, [.. values, options]) + " " + Say(AgentPhrase.BookingPickOne));
            return Done(new ReplyParts(safety, null, null, prompt), VoiceAction.CONTINUE);
        }

        /// <summary>No visit booked: the usual completion (the owner calls back); a call ends.</summary>
        (ReplyParts, VoiceAction, LeadDraft?, string?) Closing(string? ack)
        {
            session.DetailedFlow.PrimaryFlow = "lead_capture";
            var phone = CapturedField(session, ctx.Questions, LeadFields.ContactPhone);
            var (body, closing) = QuestionPhrasing.Completion(ctx.Config, ctx.Business.Name, session.Channel, false, phone, _language);
            if (_voice)
            {
                session.Status = ConversationStatus.COMPLETED;
                return Done(new ReplyParts(safety, ack, body, closing), VoiceAction.HANGUP);
            }

            return Done(new ReplyParts(safety, ack, body, closing), VoiceAction.CONTINUE);
        }

        void AnswerFromKnowledge(bool offer, bool honest = true)
        {
            // A question about the hours is answered from the schedule (exact, in the business's zone) when the owner set
            // one; with no hours set, the knowledge base answers as before. A price question that names a day is a price question.
            if (Has(Intents.Hours) && !Has(Intents.Pricing) && ctx.Business.Hours is { IsSet: true } hours
                && (IntentClassifier.IsQuestion(text, normalized) || !Has(Intents.ServiceRequest))
                && HoursAnswers.Answer(hours, ctx.Business.TimeZone, ctx.Now, text, _language) is { } fromHours)
            {
                _body = fromHours;
                session.DetailedFlow.CompletedSteps.Add("answered_hours");
                return;
            }

            var best = passages.FirstOrDefault();
            if (best is not null)
            {
                _body = KnowledgeAnswers.Extract(best, text, _voice ? 220 : 480);
                if (modelTurn?.Reply is { Length: > 0 } grounded)
                {
                    _body = ReplyShaper.Clean(grounded);
                }

                session.DetailedFlow.CompletedSteps.Add("answered_question");
                if (offer && Has(Intents.Pricing))
                {
                    _prompt = Say(AgentPhrase.OfferEstimate);
                    session.OfferedCallback = true;
                }

                return;
            }

            if (!honest)
            {
                return;
            }

            // Honest "I don't know": never invent an answer, and offer a call-back instead.
            _unanswered = text;
            _body = Say(AgentPhrase.NotSure, ("business", ctx.Business.Name));
            if (offer)
            {
                _prompt = Say(AgentPhrase.OfferCallback);
                session.OfferedCallback = true;
            }
        }

        string Acknowledge() => QuestionPhrasing.Acknowledge(session.Capture.Answers.Count, _language);
    }
}
