using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Application.Questions;

namespace LeadsAgent.Tests.Unit;

/// <summary>The dashboard's preview of the questions is what the engine says when a customer gives the same answers.</summary>
public class QuestionPreviewTests
{
    static readonly DateTimeOffset s_now = new(2026, 11, 21, 16, 0, 0, TimeSpan.Zero);

    static (Business, AgentConfig) Plumber()
    {
        var business = Business.Create("Oak Plumbing", BusinessType.PLUMBING, PlanTier.PRO, s_now);
        var config = new AgentConfig { BusinessId = business.Id, TwilioVoice = "Polly.Joanna" };
        config.AddQuestions(PlanTier.PRO,
        [
            new("Who am I speaking with?", ExpectedFormat.TEXT, true, LeadFields.ContactName, true),
            new("Which number should we call you back on?", ExpectedFormat.PHONE, true, LeadFields.ContactPhone, true),
            new("Where is the job?", ExpectedFormat.ADDRESS, true, LeadFields.Address, true),
            new("When would suit you?", ExpectedFormat.DATE, true, null, false),
            new("Your email, for the confirmation?", ExpectedFormat.EMAIL, false, LeadFields.ContactEmail, false),
        ], s_now);
        return (business, config);
    }

    [Theory]
    [InlineData(Channel.CHAT, false, "Hi, I'd like a quote to replace my old water heater")]
    [InlineData(Channel.VOICE, false, "Hi, I'd like a quote to replace my old water heater")]
    [InlineData(Channel.CHAT, true, "Help! A pipe burst and my basement is flooding")]
    [InlineData(Channel.VOICE, true, "Help! A pipe burst and my basement is flooding")]
    public async Task Script_SaysWhatTheEngineSays(Channel channel, bool emergency, string opener)
    {
        var (business, config) = Plumber();
        var script = QuestionPreview.Script(business, config, config.OrderedQuestions, channel, emergency, s_now);
        var engine = new ConversationEngine(new LocalLanguageModel(), new NoKnowledge());
        var ctx = new TurnContext(business, config, s_now); // no caller ID: the agent asks for the number
        var session = ConversationSession.Start("preview", business.Id, channel, s_now);
        var ct = TestContext.Current.CancellationToken;

        async Task<string> Say(string text)
        {
            var r = await engine.HandleAsync(session, text, ctx, ct);
            return channel == Channel.VOICE ? r.Spoken.PlainText : r.Reply;
        }

        // The opener gets an acknowledgement first ("I can help with that."), then the first question.
        Assert.EndsWith(script[0].Text, await Say(opener), StringComparison.Ordinal);
        for (var i = 1; i + 1 < script.Count; i += 2)
        {
            Assert.False(script[i].ByAgent);
            Assert.True(script[i + 1].ByAgent);
            Assert.Equal(script[i + 1].Text, await Say(script[i].Text));
        }

        Assert.True(session.LeadCaptured);
        Assert.Equal(emergency ? 3 : 5, session.Capture.Answers.Count);
        if (channel == Channel.VOICE)
        {
            Assert.Contains(script, l => l.Text == "I have 5 5 5, 1 2 3, 4 5 6 7 as your number. Is that right?");
        }
    }

    [Fact]
    public void Script_InAnEmergency_AsksOnlyTheEssentialQuestionsAndAlwaysForANumber()
    {
        var (business, config) = Plumber();
        foreach (var q in config.Questions)
        {
            q.IsEssentialForEmergency = q.MapsToLeadField == LeadFields.ContactName;
        }

        var script = QuestionPreview.Script(business, config, config.OrderedQuestions, Channel.CHAT, emergency: true, s_now);

        var asked = script.Where(l => l.ByAgent).Select(l => l.Text).ToList();
        Assert.Equal(3, asked.Count);
        Assert.Equal("Which number should we call you back on?", asked[0]);
        Assert.EndsWith("Who am I speaking with?", asked[1], StringComparison.Ordinal);
        Assert.Contains("Someone will call you at +15551234567 as soon as possible.", asked[2], StringComparison.Ordinal);
    }

    sealed class NoKnowledge : IKnowledgeRetriever
    {
        public Task<IReadOnlyList<KnowledgePassage>> RetrieveAsync(Guid businessId, string question, int limit, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<KnowledgePassage>>([]);
    }
}
