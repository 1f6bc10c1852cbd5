using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Persistence;

namespace LeadsAgent.Tests.Unit;

public class ConversationEngineTests
{
    /// <summary>A knowledge base of two passages, matched by shared words: enough to drive FAQ turns without a database.</summary>
    sealed class TwoPassageKnowledge : IKnowledgeRetriever
    {
        static readonly KnowledgePassage[] s_passages =
        [
            new(Guid.NewGuid(), "Opening hours", "Opening hours", "We are open Monday to Friday from 7am to 6pm. Emergency call-outs are answered 24/7.", 0),
            new(Guid.NewGuid(), "Water heaters", "Prices > Water heaters", "A standard 40 gallon water heater replacement costs $1,450 installed. Tankless units start at $2,900.", 0),
        ];

        public Task<IReadOnlyList<KnowledgePassage>> RetrieveAsync(Guid businessId, string question, int limit, CancellationToken ct)
        {
            var q = question.ToLowerInvariant();
            IReadOnlyList<KnowledgePassage> hits = [.. s_passages.Where(p => p.Content.ToLowerInvariant().Split(' ', '.', ',').Any(w => w.Length > 4 && q.Contains(w)))];
            return Task.FromResult(hits);
        }
    }

    static readonly DateTimeOffset s_now = new(2026, 11, 21, 16, 0, 0, TimeSpan.Zero);

    static (ConversationEngine Engine, TurnContext Ctx) Acme(string voice = "alice")
    {
        var business = Business.Create("Acme Plumbing & Heating", BusinessType.PLUMBING, PlanTier.PRO, s_now);
        business.TimeZone = "America/Chicago";
        var config = new AgentConfig { BusinessId = business.Id, TwilioVoice = voice };
        // The demo plumber's questions without the last, optional "how did you hear about us".
        config.AddQuestions(PlanTier.PRO, DemoData.AcmeQuestions.Take(6), s_now);

        return (new ConversationEngine(new LocalLanguageModel(), new TwoPassageKnowledge()), new TurnContext(business, config, s_now, "+15557654321"));
    }

    static Task<TurnResult> Say(ConversationEngine engine, ConversationSession session, TurnContext ctx, string text) =>
        engine.HandleAsync(session, text, ctx, TestContext.Current.CancellationToken);

    [Fact]
    public async Task QuoteRequest_CapturesEveryQuestionInOrder()
    {
        var (engine, ctx) = Acme();
        var session = ConversationSession.Start("chat-1", ctx.Business.Id, Channel.CHAT, s_now);
        engine.Begin(session, ctx);

        var r = await Say(engine, session, ctx, "Hi, I'd like a quote to replace my old water heater");
        Assert.EndsWith("May I have your name, please?", r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "Jane Doe");
        Assert.EndsWith("What's the best number to reach you on?", r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "(555) 123-4567");
        Assert.EndsWith("What's the address of the property?", r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "42 Oak Street, Springfield IL 62704");
        Assert.EndsWith("When would be a good time for us to come out?", r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "next Tuesday at 3");
        Assert.EndsWith("What's your email address, for the confirmation?", r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "jane@example.com");

        var lead = r.Lead;
        Assert.NotNull(lead);
        Assert.Contains(AgentConfig.DefaultCompletion, r.Reply, StringComparison.Ordinal);
        Assert.Equal(6, lead.CapturedData.Count);
        Assert.Equal(("Jane Doe", "+15555123456".Length, "jane@example.com", "42 Oak Street, Springfield IL 62704"),
            (lead.ContactName, lead.ContactPhone!.Length, lead.ContactEmail, lead.Address));
        Assert.Equal("+15551234567", lead.ContactPhone);
        Assert.Equal(LeadPriority.NORMAL, lead.Priority);
        Assert.Contains("2026-11-24T15:00:00-06:00", lead.CapturedData.Values.Select(a => a.Value));
        Assert.Equal("Hi, I'd like a quote to replace my old water heater", lead.Notes);
        Assert.False(lead.Partial);
        Assert.DoesNotContain("<", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emergency_AsksOnlyEssentialQuestions_AndProducesAnUrgentLeadWithReasons()
    {
        var (engine, ctx) = Acme();
        var session = ConversationSession.Start("chat-2", ctx.Business.Id, Channel.CHAT, s_now);

        var r = await Say(engine, session, ctx, "Help! A pipe burst and my basement is flooding");
        Assert.Equal(LeadPriority.URGENT, r.Triage.Priority);
        Assert.Contains("emergency", r.Reply, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("May I have your name, please?", r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "Tom Baker");
        r = await Say(engine, session, ctx, "555 222 3333");
        r = await Say(engine, session, ctx, "17 Elm Road, Springfield");

        var lead = r.Lead;
        Assert.NotNull(lead);
        Assert.Equal(LeadPriority.URGENT, lead.Priority);
        Assert.Contains(lead.Reasons, x => x.Rule is "burst_pipe" or "active_flooding");
        Assert.Equal(4, lead.CapturedData.Count);
        Assert.Contains("+15552223333", r.Reply, StringComparison.Ordinal);
        Assert.Equal("emergency", session.DetailedFlow.PrimaryFlow);
    }

    [Fact]
    public async Task Emergency_WithNoEssentialPhoneQuestion_StillGetsACallbackNumber()
    {
        var (engine, ctx) = Acme();
        foreach (var q in ctx.Config.Questions)
        {
            q.IsEssentialForEmergency = q.MapsToLeadField == LeadFields.ContactName;
        }

        var session = ConversationSession.Start("chat-3", ctx.Business.Id, Channel.CHAT, s_now);
        var r = await Say(engine, session, ctx, "there is water pouring through the ceiling");
        Assert.EndsWith("What's the best number to reach you on?", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GasSmell_GetsTheSafetyScriptBeforeAnyQuestion()
    {
        var (engine, ctx) = Acme();
        var session = ConversationSession.Start("chat-4", ctx.Business.Id, Channel.CHAT, s_now);
        var r = await Say(engine, session, ctx, "I smell gas in the kitchen");
        Assert.StartsWith("If you smell gas, leave the building now.", r.Reply, StringComparison.Ordinal);
        var again = await Say(engine, session, ctx, "Ann Lee");
        Assert.DoesNotContain("leave the building", again.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongEmail_IsReAskedWithAHint_ThenAccepted()
    {
        var (engine, ctx) = Acme();
        var session = ConversationSession.Start("chat-5", ctx.Business.Id, Channel.CHAT, s_now);
        await Say(engine, session, ctx, "I need a new kitchen faucet installed");
        await Say(engine, session, ctx, "Jane Doe");
        await Say(engine, session, ctx, "5551234567");
        await Say(engine, session, ctx, "42 Oak Street");
        var r = await Say(engine, session, ctx, "any time");
        Assert.EndsWith("What's your email address, for the confirmation?", r.Reply, StringComparison.Ordinal);

        r = await Say(engine, session, ctx, "jane at example");
        Assert.Contains("name@example.com", r.Reply, StringComparison.Ordinal);
        Assert.Null(r.Lead);
        r = await Say(engine, session, ctx, "jane@example.com");
        Assert.Equal("jane@example.com", r.Lead!.ContactEmail);
    }

    [Fact]
    public async Task AnOptionalQuestionFailedThreeTimes_IsSkipped_NotLoopedForever()
    {
        var (engine, ctx) = Acme();
        var session = ConversationSession.Start("chat-6", ctx.Business.Id, Channel.CHAT, s_now);
        await Say(engine, session, ctx, "I need a new kitchen faucet installed");
        await Say(engine, session, ctx, "Jane Doe");
        await Say(engine, session, ctx, "5551234567");
        await Say(engine, session, ctx, "42 Oak Street");
        await Say(engine, session, ctx, "whenever");
        await Say(engine, session, ctx, "nope");
        await Say(engine, session, ctx, "still nope");
        var r = await Say(engine, session, ctx, "not telling");
        Assert.NotNull(r.Lead);
        Assert.Null(r.Lead.ContactEmail);
        Assert.Contains(session.DetailedFlow.CompletedSteps, s => s.StartsWith("skipped:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AQuestionAskedMidFlow_IsAnsweredFromKnowledge_AndTheFlowResumes()
    {
        var (engine, ctx) = Acme();
        var session = ConversationSession.Start("chat-7", ctx.Business.Id, Channel.CHAT, s_now);
        await Say(engine, session, ctx, "I need my water heater replaced");
        var r = await Say(engine, session, ctx, "Before that, how much does a water heater replacement cost?");
        Assert.Contains("$1,450", r.Reply, StringComparison.Ordinal);
        Assert.EndsWith("may I have your name, please?", r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "Jane Doe");
        Assert.EndsWith("What's the best number to reach you on?", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuestionWithoutKnowledge_GetsAnHonestIDontKnow_AndIsReportedAsUnanswered()
    {
        var (engine, ctx) = Acme();
        var session = ConversationSession.Start("chat-8", ctx.Business.Id, Channel.CHAT, s_now);
        var r = await Say(engine, session, ctx, "Do you sell garden gnomes?");
        Assert.Contains("I'm not sure", r.Reply, StringComparison.Ordinal);
        Assert.Equal("Do you sell garden gnomes?", r.UnansweredQuestion);
        r = await Say(engine, session, ctx, "yes please");
        Assert.EndsWith("What's going on? Tell me a little about the problem.", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Voice_Goodbye_EndsTheCall()
    {
        var (engine, ctx) = Acme();
        var session = ConversationSession.Start("CA1", ctx.Business.Id, Channel.VOICE, s_now);
        engine.Begin(session, ctx);
        var r = await Say(engine, session, ctx, "no thanks that's all bye");
        Assert.Equal(VoiceAction.HANGUP, r.Action);
        Assert.Contains("Goodbye", r.Spoken.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Voice_ReadsTheCallBackNumberBack_AndOffersTheCallerId()
    {
        var (engine, ctx) = Acme();
        var session = ConversationSession.Start("CA2", ctx.Business.Id, Channel.VOICE, s_now);
        await Say(engine, session, ctx, "my kitchen sink is clogged");
        var r = await Say(engine, session, ctx, "my name is ben");
        Assert.Contains("Is 5 5 5, 7 6 5, 4 3 2 1 the best number to reach you?", r.Spoken.PlainText, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "no");
        Assert.Contains("with the area code", r.Spoken.PlainText, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "five five five one two three four five six seven");
        Assert.Contains("I have 5 5 5, 1 2 3, 4 5 6 7 as your number. Is that right?", r.Spoken.PlainText, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "yes");
        Assert.EndsWith("What's the address of the property?", r.Spoken.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Voice_SilenceTwice_SaysGoodbye_AndAnEmergencyCallerIsToldWhatToDo()
    {
        var (engine, ctx) = Acme();
        var session = ConversationSession.Start("CA3", ctx.Business.Id, Channel.VOICE, s_now);
        await Say(engine, session, ctx, "theres water everywhere the pipe burst");
        var first = await Say(engine, session, ctx, "");
        Assert.Equal(VoiceAction.CONTINUE, first.Action);
        Assert.StartsWith("Are you still there?", first.Spoken.PlainText, StringComparison.Ordinal);
        var second = await Say(engine, session, ctx, "  ");
        Assert.Equal(VoiceAction.HANGUP, second.Action);
        Assert.Contains("call 911", second.Spoken.PlainText, StringComparison.Ordinal);
        Assert.NotNull(second.Lead);
        Assert.Equal("+15557654321", second.Lead.ContactPhone);
        Assert.True(second.Lead.Partial);
    }

    [Fact]
    public async Task Voice_AskingForAPerson_Transfers()
    {
        var (engine, ctx) = Acme();
        ctx.Business.NotificationPhoneNumber = "+15550001111";
        var session = ConversationSession.Start("CA4", ctx.Business.Id, Channel.VOICE, s_now);
        var r = await Say(engine, session, ctx, "can I talk to a real person please");
        Assert.Equal(VoiceAction.TRANSFER, r.Action);
        // A warm transfer: the call stays with the agent until the owner takes it.
        Assert.Equal(ConversationStatus.ACTIVE, session.Status);
        Assert.True(session.Transfer is { InProgress: true });
    }

    [Fact]
    public async Task Shaping_UsesSsmlOnlyForPollyAndGoogle_AndNeverInChat()
    {
        var (engine, ctx) = Acme("Polly.Joanna");
        var session = ConversationSession.Start("CA5", ctx.Business.Id, Channel.VOICE, s_now);
        var r = await Say(engine, session, ctx, "I smell gas");
        Assert.True(r.Spoken.UsesSsml);
        Assert.Contains(r.Spoken.Parts, p => p is SpeechBreak);
        Assert.Contains(r.Spoken.Parts, p => p is SpeechEmphasis);
        Assert.DoesNotContain("<", r.Reply, StringComparison.Ordinal);

        var (plainEngine, plainCtx) = Acme("alice");
        var plain = await Say(plainEngine, ConversationSession.Start("CA6", plainCtx.Business.Id, Channel.VOICE, s_now), plainCtx, "I smell gas");
        Assert.False(plain.Spoken.UsesSsml);
        Assert.Single(plain.Spoken.Parts);
    }

    [Fact]
    public void Analytics_SummariseTheSession()
    {
        var session = ConversationSession.Start("s", Guid.NewGuid(), Channel.CHAT, s_now);
        session.History.Add(new SessionMessage("user", "hi", s_now, Intents.Greeting, 0.9));
        session.IdentifiedIntents.Add(new IntentRecord(Intents.Greeting, 0.9, s_now, 1));
        session.IdentifiedIntents.Add(new IntentRecord(Intents.Pricing, 0.95, s_now, 2));
        var analytics = SessionAnalytics.From(session, s_now.AddMinutes(2));
        Assert.Equal(120, analytics.DurationSeconds);
        Assert.Equal(Intents.Pricing, analytics.MostConfidentIntent!.Intent);
        Assert.Equal(ConversationStatus.ABANDONED, analytics.CompletionStatus);

        session.Metadata["callDuration"] = "64";
        Assert.Equal(64, SessionAnalytics.From(session, s_now.AddMinutes(2)).DurationSeconds);
    }

    [Theory]
    [InlineData("bye")]
    [InlineData("thanks, that's all")]
    [InlineData("ok, no thanks")]
    public async Task Chat_Goodbye_EndsTheChatAsCompleted(string goodbye)
    {
        var (engine, ctx) = Acme();
        var session = ConversationSession.Start("chat-bye", ctx.Business.Id, Channel.CHAT, s_now);
        engine.Begin(session, ctx);
        await Say(engine, session, ctx, "what are your opening hours?");
        var r = await Say(engine, session, ctx, goodbye);
        Assert.Equal(ConversationStatus.COMPLETED, session.Status);
        Assert.Contains("Have a great day", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_CallerName_IsKnownAsSoonAsGiven()
    {
        var (engine, ctx) = Acme();
        var session = ConversationSession.Start("chat-name", ctx.Business.Id, Channel.CHAT, s_now);
        await Say(engine, session, ctx, "Hi, I'd like a quote to replace my old water heater");
        Assert.Null(session.CallerName);
        await Say(engine, session, ctx, "Jane Doe");
        Assert.Equal("Jane Doe", session.CallerName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_caller_who_talked_over_the_question_is_asked_it_again_not_taken_at_their_word(bool talkedOver)
    {
        var business = Business.Create("Acme Plumbing", BusinessType.PLUMBING, PlanTier.PRO, s_now);
        var config = new AgentConfig { BusinessId = business.Id };
        config.AddQuestions(PlanTier.PRO,
        [
            DemoData.AcmeQuestions[0],
            new("Is there anything we should know before we come, like a pet or a gate code?", ExpectedFormat.TEXT, true, null, false),
        ], s_now);
        var ctx = new TurnContext(business, config, s_now, "+15557654321");
        var engine = new ConversationEngine(new LocalLanguageModel(), new TwoPassageKnowledge());
        var session = ConversationSession.Start("CA-talked-over", business.Id, Channel.VOICE, s_now);
        engine.Begin(session, ctx);
        var r = await Say(engine, session, ctx, "Hi, I'd like a quote to replace my old water heater");
        Assert.Contains("gate code", r.Spoken.PlainText, StringComparison.Ordinal);

        // On a streaming call the relay marks the question unheard when the caller cut the agent off before it.
        session.Capture.QuestionUnheard = talkedOver;
        r = await Say(engine, session, ctx, "hang on the line is breaking up");

        var taken = session.Capture.Answers.Values.Any(a => a.Value.Contains("breaking up", StringComparison.Ordinal));
        Assert.Equal(!talkedOver, taken);
        if (talkedOver)
        {
            Assert.EndsWith("like a pet or a gate code?", r.Spoken.PlainText, StringComparison.Ordinal);
            Assert.Equal(0, session.Capture.Attempts);
            Assert.False(session.Capture.QuestionUnheard);
            // Heard this time, the answer is taken.
            await Say(engine, session, ctx, "there's a friendly dog in the yard");
            Assert.Contains(session.Capture.Answers.Values, a => a.Value.Contains("friendly dog", StringComparison.Ordinal));
        }
    }
}
