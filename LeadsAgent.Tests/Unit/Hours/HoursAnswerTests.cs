using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Plans;

namespace LeadsAgent.Tests.Unit.Hours;

/// <summary>The engine answering about the hours from the schedule, in the conversation's language and the business's zone.</summary>
public class HoursAnswerTests
{
    sealed class HoursPassage : IKnowledgeRetriever
    {
        public Task<IReadOnlyList<KnowledgePassage>> RetrieveAsync(Guid businessId, string question, int limit, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<KnowledgePassage>>([new(Guid.NewGuid(), "Opening hours", "Opening hours", "We are open Monday to Friday from 7am to 6pm.", 0.9)]);
    }

    // Wednesday 2026-12-02, 10:00 in Chicago; Saturday 2026-12-05, 14:00 in Chicago.
    static readonly DateTimeOffset s_wednesdayMorning = new(2026, 12, 2, 16, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset s_saturdayAfternoon = new(2026, 12, 5, 20, 0, 0, TimeSpan.Zero);

    static async Task<TurnResult> AskAsync(string text, DateTimeOffset now, Channel channel = Channel.CHAT, BusinessHours? hours = null, string language = "en-US", bool withHours = true)
    {
        var business = Business.Create("Acme Plumbing", BusinessType.PLUMBING, PlanTier.PRO, now);
        business.TimeZone = "America/Chicago";
        business.Hours = withHours ? hours ?? BusinessHoursTests.Acme() : null;
        var config = new AgentConfig { BusinessId = business.Id, TwilioLanguage = language };
        var engine = new ConversationEngine(new LocalLanguageModel(), new HoursPassage());
        var ctx = new TurnContext(business, config, now, "+15557654321");
        var session = ConversationSession.Start("s-" + Guid.NewGuid().ToString("N"), business.Id, channel, now);
        engine.Begin(session, ctx);
        return await engine.HandleAsync(session, text, ctx, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AreYouOpenNow_DuringHours_SaysUntilFive()
    {
        var r = await AskAsync("Are you open now?", s_wednesdayMorning);
        Assert.Contains("Yes, we're open now, until 5 p.m.", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AreYouOpen_SaturdayAfternoon_SaysClosedAndMondayAtEight()
    {
        var r = await AskAsync("are you open right now?", s_saturdayAfternoon);
        Assert.Contains("We're closed right now. We open again Monday at 8 a.m.", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatAreYourHours_ListsTheWeekAndWhereWeStand()
    {
        var r = await AskAsync("What are your hours?", s_wednesdayMorning);
        Assert.Contains("Our hours are Monday to Friday, 8 a.m. to 5 p.m.; Saturday, 9 a.m. to 1 p.m.; Sunday, closed.", r.Reply, StringComparison.Ordinal);
        Assert.Contains("until 5 p.m.", r.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("7am", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AreYouOpenSaturday_GivesThatDaysHours()
    {
        var r = await AskAsync("Are you open Saturday?", s_wednesdayMorning);
        Assert.Contains("On Saturday we're open 9 a.m. to 1 p.m.", r.Reply, StringComparison.Ordinal);
        r = await AskAsync("are you open on sunday?", s_wednesdayMorning);
        Assert.Contains("We're closed on Sunday.", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnThephone_TheHoursAreSpokenWhole()
    {
        var r = await AskAsync("What are your hours?", s_wednesdayMorning, Channel.VOICE);
        Assert.Contains("Monday to Friday, 8 a.m. to 5 p.m.; Saturday, 9 a.m. to 1 p.m.", r.Spoken.PlainText, StringComparison.Ordinal);
        Assert.Contains("until 5 p.m.", r.Spoken.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InSpanish_TheAnswerIsSpanishWithTwentyFourHourTimes()
    {
        var r = await AskAsync("¿Están abiertos ahora?", s_wednesdayMorning, language: "es-MX");
        Assert.Contains("Sí, ahora estamos abiertos, hasta las 17:00.", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutHours_TheKnowledgeBaseStillAnswers()
    {
        var r = await AskAsync("What are your hours?", s_wednesdayMorning, withHours: false);
        Assert.Contains("7am to 6pm", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnAHoliday_TheAgentSaysClosedAndTheNextOpening()
    {
        var hours = BusinessHoursTests.Acme(new HoursException(new DateOnly(2026, 12, 2), "Closed for training", []));
        var r = await AskAsync("Are you open now?", s_wednesdayMorning, hours: hours);
        Assert.Contains("We're closed right now. We open again tomorrow at 8 a.m.", r.Reply, StringComparison.Ordinal);
    }
}
