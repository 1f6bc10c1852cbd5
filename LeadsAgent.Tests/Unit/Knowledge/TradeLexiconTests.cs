using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Knowledge;

namespace LeadsAgent.Tests.Unit.Knowledge;

public class TradeLexiconTests
{
    static IEnumerable<string> Concepts(string question) => KnowledgeQuestion.Parse(question).Concepts.Select(c => c.Name);

    [Theory]
    [InlineData("can I pay over time?", "financing")]
    [InlineData("do you have payment plans", "financing")]
    [InlineData("could I do monthly payments on a new furnace", "financing")]
    [InlineData("how long is your guarantee on a new install", "warranty")]
    [InlineData("what if the leak comes back next month", "warranty")]
    [InlineData("what are your hours?", "opening hours")]
    [InlineData("are you open on Christmas", "opening hours")]
    [InlineData("someone come look at my sink", "service call")]
    [InlineData("how much just to show up", "service call")]
    [InlineData("do you charge a trip fee", "service call")]
    [InlineData("do you come out to Riverton", "service area")]
    [InlineData("which towns do you cover", "service area")]
    [InlineData("whats your hourly rate", "labour rate")]
    [InlineData("how much is your commission to sell my house", "commission")]
    [InlineData("what's my house worth", "home value")]
    [InlineData("my ac is blowing warm air", "cooling trouble")]
    [InlineData("can we meet over zoom", "remote meetings")]
    public void Parse_HowCallersSayIt_NamesTheConcept(string question, string concept) =>
        Assert.Contains(concept, Concepts(question));

    [Theory]
    [InlineData("whats the after hours emergency fee", "opening hours")]
    [InlineData("do you come out to Riverton", "service call")]
    [InlineData("do you sell christmas trees", "opening hours")]
    [InlineData("what does a mini split cost", "financing")]
    [InlineData("do you take venmo", "financing")]
    public void Parse_WordsClaimedByAMoreSpecificConcept_DoNotNameAnother(string question, string concept) =>
        Assert.DoesNotContain(concept, Concepts(question));

    [Fact]
    public void Score_FeePassageThatSaysAfterHours_IsNotAnOpeningHoursPassage()
    {
        var hours = KnowledgeQuestion.Parse("what are your hours?");
        var fee = KnowledgeRelevance.Score(hours, "Diagnostic and call-out fee",
            "A standard service call during business hours costs $89. After hours the emergency call-out fee applies instead.");
        var opening = KnowledgeRelevance.Score(hours, "When to reach us", "We work Monday to Friday, 7:30am to 4:30pm.");

        Assert.False(fee.Answers);
        Assert.True(opening.Answers);
    }

    [Fact]
    public void Score_FinancingQuestion_IsAnsweredByFinancing_NotByPaymentMethods()
    {
        var question = KnowledgeQuestion.Parse("can i pay over time");
        Assert.True(KnowledgeRelevance.Score(question, "Financing", "Financing is available for projects over $1,000 with approved credit, including 12 months same as cash.").Answers);
        Assert.False(KnowledgeRelevance.Score(question, "Payment methods", "We accept cash, checks, all major credit cards, Apple Pay and Google Pay. Payment is due when the work is complete.").Answers);
    }

    [Fact]
    public void Score_AWordTheBusinessNeverUses_KeepsAnOffTopicQuestionFromAnAnswer()
    {
        var question = KnowledgeQuestion.Parse("do you do pool pump repair");
        var sump = ("Sump pumps", "A new sump pump installed costs $650 to $1,100, with battery backup from $450 more.");
        // 26 passages; "pump" is in one of them, "pool" in none.
        var statistics = new WordStatistics(26, new Dictionary<string, int> { ["pool"] = 0, ["pump"] = 1 });

        Assert.False(KnowledgeRelevance.Score(question, sump.Item1, sump.Item2, statistics).Answers);
        Assert.True(KnowledgeRelevance.Score(KnowledgeQuestion.Parse("do you install sump pumps"), sump.Item1, sump.Item2, statistics).Answers);
    }

    [Fact]
    public void Score_QuestionOfOnlyStopOrTradeWords_FindsNothing()
    {
        Assert.True(KnowledgeQuestion.Parse("?!").IsEmpty);
        Assert.False(KnowledgeRelevance.Score(KnowledgeQuestion.Parse("?!"), "Opening hours", "Open 9 to 5.").Answers);
        Assert.False(KnowledgeRelevance.Score(KnowledgeQuestion.Parse("can you help me?"), "How we help", "We help with everything around the house.").Answers);
    }

    [Theory]
    [InlineData("watr", "water", 0.8)]
    [InlineData("heatr", "heater", 0.8)]
    [InlineData("cleening", "cleaning", 0.8)]
    [InlineData("drian", "drain", 0.8)]
    [InlineData("electric", "electrician", 0.9)]
    [InlineData("patent", "parent", 0)]
    [InlineData("pool", "poll", 0)]
    [InlineData("pool", "tool", 0)]
    public void WordMatch_TyposAndEndings_ButNotOtherWords(string question, string passage, double expected) =>
        Assert.Equal(expected, KnowledgeText.WordMatch(question, passage));

    [Fact]
    public void Extract_CombinedPaymentPassage_QuotesTheFinancingSentence()
    {
        var passage = new KnowledgePassage(Guid.NewGuid(), "Payment and financing", "Payment and financing",
            "We accept cards and checks. For larger jobs such as panel upgrades or generators, financing with monthly payments is available through our lending partner.", 1);

        var answer = KnowledgeAnswers.Extract(passage, "can I pay it off over time?", 120);

        Assert.StartsWith("For larger jobs", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_HoursQuestion_QuotesDaysAndTimes_AsOneSentence()
    {
        var passage = new KnowledgePassage(Guid.NewGuid(), "Office", "Office",
            "We are at 210 Court Street, across from the courthouse. Our office is open Monday through Friday, 9 a.m. to 5:30 p.m. Free parking on Elm Street.", 1);

        var answer = KnowledgeAnswers.Extract(passage, "what are your hours", 70);

        Assert.Equal("Our office is open Monday through Friday, 9 a.m. to 5:30 p.m.", answer);
    }

    [Theory]
    [InlineData("hi, I need a quote for a new water heater", true)]
    [InlineData("can you come look at my sink?", true)]
    [InlineData("please send someone out today", true)]
    [InlineData("we'd like an estimate for a new roof", true)]
    [InlineData("do you install tankless water heaters?", false)]
    [InlineData("how much is a service call?", false)]
    [InlineData("what are your hours", false)]
    public void IsRequest_AskingForServiceOrAQuote_IsARequest(string text, bool request) =>
        Assert.Equal(request, IntentClassifier.IsRequest(text));

    [Fact]
    public void Classify_AQuestionAboutAService_IsAQuestion_NotARequestToCapture()
    {
        var question = IntentClassifier.Classify("do you install tankless water heaters?", EmergencyTriage.Assess("do you install tankless water heaters?"));
        var request = IntentClassifier.Classify("can you install a tankless water heater for me?", EmergencyTriage.Assess("can you install a tankless water heater for me?"));

        Assert.Contains(question, i => i.Intent == Intents.Faq && i.Confidence >= 0.5);
        Assert.DoesNotContain(question, i => i.Intent == Intents.ServiceRequest && i.Confidence >= 0.5);
        Assert.Contains(request, i => i.Intent == Intents.ServiceRequest && i.Confidence >= 0.5);
    }

    [Theory]
    [InlineData("whats the warranty on a new system")]
    [InlineData("do yall finance")]
    [InlineData("i was rear ended do you handle car accidents")]
    [InlineData("hi | how much is a tune up")]
    public void IsQuestion_TypedWithoutAQuestionMark_IsStillAQuestion(string text) =>
        Assert.True(IntentClassifier.IsQuestion(text, Domain.Text.TextNormalizer.Normalize(text)));
}
