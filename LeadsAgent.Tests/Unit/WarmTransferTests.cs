using System.Xml.Linq;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Twilio;
using LeadsAgent.Web.Voice;

namespace LeadsAgent.Tests.Unit;

public class WarmTransferTests
{
    static readonly DateTimeOffset s_now = new(2026, 11, 21, 16, 4, 0, TimeSpan.Zero);

    sealed class NoKnowledge : IKnowledgeRetriever
    {
        public Task<IReadOnlyList<KnowledgePassage>> RetrieveAsync(Guid businessId, string question, int limit, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<KnowledgePassage>>([]);
    }

    static (ConversationEngine Engine, TurnContext Ctx, ConversationSession Session) Call(string? ownerPhone = "+15550001111", string language = "en-US")
    {
        var business = Business.Create("Acme Plumbing", BusinessType.PLUMBING, PlanTier.PRO, s_now);
        business.NotificationPhoneNumber = ownerPhone;
        business.TwilioPhoneNumber = "+15550009999";
        var config = new AgentConfig { BusinessId = business.Id, TwilioLanguage = language };
        config.AddQuestions(PlanTier.PRO, DemoData.AcmeQuestions.Take(6), s_now);
        var session = ConversationSession.Start("CA" + Guid.NewGuid().ToString("N"), business.Id, Channel.VOICE, s_now);
        session.Metadata["from"] = "+15557654321";
        var engine = new ConversationEngine(new LocalLanguageModel(), new NoKnowledge());
        var ctx = new TurnContext(business, config, s_now, "+15557654321");
        engine.Begin(session, ctx);
        return (engine, ctx, session);
    }

    static Task<TurnResult> Say(ConversationEngine engine, ConversationSession session, TurnContext ctx, string text) =>
        engine.HandleAsync(session, text, ctx, TestContext.Current.CancellationToken);

    static BusinessProfile Profile(TurnContext ctx) => new(ctx.Business, ctx.Config);

    [Fact]
    public async Task Transfer_NotTaken_OffersVoicemailOrCallback_AndACallbackStartsTheQuestions()
    {
        var (engine, ctx, session) = Call();
        var r = await Say(engine, session, ctx, "can I talk to a real person please");
        Assert.Equal(VoiceAction.TRANSFER, r.Action);
        Assert.Contains("Please hold", r.Spoken.PlainText, StringComparison.Ordinal);

        session.Transfer!.Outcome = TransferOutcome.NO_ANSWER;
        var offer = engine.TransferNotTaken(session, ctx);
        Assert.Equal(VoiceAction.CONTINUE, offer.Action);
        Assert.Contains("I can take a voicemail for them, or take your details so they can call you back.", offer.Spoken.PlainText, StringComparison.Ordinal);

        r = await Say(engine, session, ctx, "yeah have them call me back");
        Assert.Equal(VoiceAction.CONTINUE, r.Action);
        Assert.StartsWith("Of course, I'll make sure they call you back.", r.Spoken.PlainText, StringComparison.Ordinal);
        Assert.EndsWith("Tell me a little about the problem.", r.Spoken.PlainText, StringComparison.Ordinal);

        // Asking again does not ring the owner twice.
        r = await Say(engine, session, ctx, "actually let me talk to a person");
        Assert.Equal(VoiceAction.CONTINUE, r.Action);
        Assert.Contains("can come to the phone right now", r.Spoken.PlainText, StringComparison.Ordinal);

        // Told once, a caller describing the job in words that sound like asking for someone is answering the question.
        r = await Say(engine, session, ctx, "I need to speak to someone about my water heater leaking");
        Assert.EndsWith("May I have your name, please?", r.Spoken.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_NotTaken_ThenAskingForAMessage_RecordsAVoicemail()
    {
        var (engine, ctx, session) = Call();
        await Say(engine, session, ctx, "put me through to the owner");
        session.Transfer!.Outcome = TransferOutcome.DECLINED;
        engine.TransferNotTaken(session, ctx);
        var r = await Say(engine, session, ctx, "I'll leave a voicemail");
        Assert.Equal(VoiceAction.VOICEMAIL, r.Action);
        Assert.False(session.Transfer.ChoiceOffered);
    }

    [Fact]
    public async Task Transfer_WithoutAnAlertPhone_TakesAMessageInstead()
    {
        var (engine, ctx, session) = Call(ownerPhone: null);
        var r = await Say(engine, session, ctx, "can I talk to a real person please");
        Assert.Equal(VoiceAction.VOICEMAIL, r.Action);
        Assert.Contains("no one can take the call right now", r.Spoken.PlainText, StringComparison.Ordinal);
        Assert.Null(session.Transfer);
    }

    [Fact]
    public async Task Whisper_SaysNameProblemAndAddress_ShortEnoughToHear()
    {
        var (engine, ctx, session) = Call();
        await Say(engine, session, ctx, "hi my kitchen sink is clogged and I need someone to come fix it this week please");
        await Say(engine, session, ctx, "Maria Lopez");
        await Say(engine, session, ctx, "yes");
        await Say(engine, session, ctx, "12 Oak Street Springfield");
        await Say(engine, session, ctx, "can I talk to the owner");

        var whisper = WarmTransferCalls.Whisper(session, Profile(ctx));
        Assert.StartsWith("Call from Acme Plumbing's receptionist: Maria Lopez, my kitchen sink is clogged and I need someone to come fix", whisper, StringComparison.Ordinal);
        Assert.Contains(" at 12 Oak Street Springfield.", whisper, StringComparison.Ordinal);
        Assert.EndsWith("Press 1 to accept, or hang up to send them back.", whisper, StringComparison.Ordinal);
        // About 150 words a minute: 50 words is 20 seconds.
        Assert.True(whisper.Split(' ').Length <= 50, whisper);
    }

    [Fact]
    public void Whisper_IsInTheBusinessesLanguage_AndReadsTheNumberWhenThereIsNoName()
    {
        var (_, ctx, session) = Call(language: "es-MX");
        var whisper = WarmTransferCalls.Whisper(session, Profile(ctx));
        Assert.Equal("Llamada de la recepción de Acme Plumbing: un cliente del número 5 5 5, 7 6 5, 4 3 2 1. Pulse 1 para aceptar, o cuelgue para devolver la llamada a la recepción.", whisper);
    }

    [Theory]
    [InlineData("completed", true, false, TransferOutcome.CONNECTED)]
    [InlineData("answered", true, true, TransferOutcome.CONNECTED)]
    [InlineData("completed", false, true, TransferOutcome.DECLINED)]
    [InlineData("no-answer", false, true, TransferOutcome.DECLINED)]
    [InlineData("no-answer", false, false, TransferOutcome.NO_ANSWER)]
    [InlineData("canceled", false, false, TransferOutcome.NO_ANSWER)]
    [InlineData("busy", false, false, TransferOutcome.BUSY)]
    [InlineData("failed", false, false, TransferOutcome.FAILED)]
    public void OutcomeOf_OnlyAOnePressedIsConnected(string status, bool accepted, bool answered, TransferOutcome expected) =>
        Assert.Equal(expected, WarmTransferCalls.OutcomeOf(status, new WarmTransfer { Accepted = accepted, OwnerAnswered = answered }));

    [Fact]
    public void DialOwner_RendersTheDialAndNumberAttributesTwilioExpects()
    {
        var business = Business.Create("Acme Plumbing", BusinessType.PLUMBING, PlanTier.PRO, s_now);
        business.TwilioPhoneNumber = "+15550009999";
        var twiml = TwiML.ToXml(WarmTransferCalls.DialOwner("CA123", business, TwiML.Say("Please hold."), "+15550001111"));

        // Golden shape, attribute names as the Twilio SDK writes them.
        var expected = XElement.Parse("""
            <Response>
              <Say>Please hold.</Say>
              <Dial action="/api/voice/transfer-result" method="POST" timeout="20" callerId="+15550009999">
                <Number url="/api/voice/whisper?call=CA123" method="POST">+15550001111</Number>
              </Dial>
            </Response>
            """);
        Assert.True(XNode.DeepEquals(Normalise(expected), Normalise(twiml)), twiml.ToString());
    }

    /// <summary>Attributes sorted, so the comparison is about names and values, not the SDK's order.</summary>
    static XElement Normalise(XElement e) => new(e.Name, e.Attributes().OrderBy(a => a.Name.LocalName),
        e.Elements().Any() ? e.Elements().Select(Normalise) : e.Value);

    [Fact]
    public void LeadTimeline_ATransferTheCallerLeft_SaysSoAndWhatToDo()
    {
        var lead = new Lead { Transfers = [new(DateTimeOffset.UnixEpoch, TransferOutcome.CALLER_HUNG_UP)] };
        var entry = Assert.Single(LeadsAgent.Web.Application.Leads.LeadTimeline.Build(lead, []));
        Assert.Equal("Call put through to your phone|The caller hung up while your phone rang|Call them back on the number above.",
            $"{entry.What}|{entry.State}|{entry.WhatToDo}");
    }
}
