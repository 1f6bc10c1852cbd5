using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Persistence;

namespace LeadsAgent.Tests.Unit.Booking;

/// <summary>How the agent offers times aloud and reads the caller's answer, in English and Spanish, on a fixed clock.</summary>
public class BookingTalkTests
{
    static readonly TimeZoneInfo s_zone = BusinessHours.Zone("America/Chicago");
    /// <summary>Monday 30 November 2026, 7:00 a.m. in Chicago.</summary>
    static readonly DateTimeOffset s_now = new(2026, 11, 30, 13, 0, 0, TimeSpan.Zero);

    static DateTimeOffset Local(int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, day > 30 ? 12 : 11, day > 30 ? day - 30 : day, hour, minute, 0, TimeSpan.FromHours(-6));

    /// <summary>Every half hour from 8 to 16:30 on weekdays for two weeks, from 9 a.m. today (two hours' notice).</summary>
    static List<Slot> Free()
    {
        var slots = new List<Slot>();
        for (var d = 30; d < 44; d++)
        {
            var date = Local(d, 0);
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            for (var m = 8 * 60; m < 17 * 60; m += 30)
            {
                var start = Local(d, m / 60, m % 60);
                if (start >= s_now.AddHours(2))
                {
                    slots.Add(new Slot(start, start.AddMinutes(60)));
                }
            }
        }

        return slots;
    }

    static IReadOnlyList<DateTimeOffset> Offered() => [.. BookingTalk.Pick(Free(), s_zone).Select(s => s.StartsAt)];

    [Fact]
    public void Pick_NearestOfEachDay_ReadsWellInEnglishAndSpanish()
    {
        var offered = Offered();
        Assert.Equal([Local(30, 9), Local(31, 8), Local(32, 8)], offered);
        Assert.Equal("today at 9 a.m., tomorrow at 8 a.m. or Wednesday at 8 a.m.", BookingTalk.Options(offered, s_now, s_zone, "en"));
        Assert.Equal("hoy a las 9:00, mañana a las 8:00 o el miércoles a las 8:00", BookingTalk.Options(offered, s_now, s_zone, "es"));
    }

    [Fact]
    public void When_BeyondTheWeek_SaysTheDate()
    {
        Assert.Equal("Thursday at 1 p.m.", BookingTalk.When(Local(33, 13), s_now, s_zone, "en"));
        Assert.Equal("Thursday 10 December at 1 p.m.", BookingTalk.When(Local(40, 13), s_now, s_zone, "en"));
        Assert.Equal("Thursday 3 December at 1 p.m.", BookingTalk.Full(Local(33, 13), s_zone, "en"));
        Assert.Equal("el jueves, 3 de diciembre a las 13:00", BookingTalk.Full(Local(33, 13), s_zone, "es"));
    }

    [Theory]
    [InlineData("the first one", 30, 9)]
    [InlineData("The second one please", 31, 8)]
    [InlineData("last one", 32, 8)]
    [InlineData("Wednesday works", 32, 8)]
    [InlineData("tomorrow", 31, 8)]
    [InlineData("9 is good", 30, 9)]
    [InlineData("Thursday at 1 pm", 33, 13)]
    [InlineData("la segunda", 31, 8)]
    [InlineData("el jueves a las 13:00", 33, 13)]
    [InlineData("mañana", 31, 8)]
    public void Read_AChoice_NamesTheStart(string said, int day, int hour)
    {
        var answer = BookingTalk.Read(said, Offered(), Free(), s_zone, s_now);
        Assert.Equal(BookingAnswerKind.Choose, answer.Kind);
        Assert.Equal(Local(day, hour), answer.Start);
    }

    [Theory]
    [InlineData("anything after 3", 15, 24)]
    [InlineData("después de las 3", 15, 24)]
    [InlineData("do you have something in the afternoon", 12, 24)]
    [InlineData("mornings are better", 0, 12)]
    [InlineData("1 pm", 13, 14)]
    public void Read_AWish_OffersMatchingTimesOnDifferentDays(string said, int fromHour, int toHour)
    {
        var answer = BookingTalk.Read(said, Offered(), Free(), s_zone, s_now);
        Assert.Equal(BookingAnswerKind.Narrow, answer.Kind);
        Assert.Equal(3, answer.Slots!.Count);
        Assert.All(answer.Slots, s => Assert.InRange(TimeZoneInfo.ConvertTime(s.StartsAt, s_zone).Hour, fromHour, toHour - 1));
        Assert.Equal(3, answer.Slots.Select(s => TimeZoneInfo.ConvertTime(s.StartsAt, s_zone).Date).Distinct().Count());
    }

    [Fact]
    public void Read_ADayWithNothingFree_OffersTheNearest()
    {
        var answer = BookingTalk.Read("Saturday", Offered(), Free(), s_zone, s_now);
        Assert.Equal(BookingAnswerKind.NoneLikeThat, answer.Kind);
        Assert.Equal(Offered(), answer.Slots!.Select(s => s.StartsAt));
    }

    [Theory]
    [InlineData("no thanks, just call me", BookingAnswerKind.Decline)]
    [InlineData("no gracias", BookingAnswerKind.Decline)]
    [InlineData("non merci", BookingAnswerKind.Decline)]
    [InlineData("hmm let me think", BookingAnswerKind.Unclear)]
    [InlineData("something later", BookingAnswerKind.Narrow)]
    public void Read_OtherAnswers(string said, BookingAnswerKind kind) =>
        Assert.Equal(kind, BookingTalk.Read(said, Offered(), Free(), s_zone, s_now).Kind);

    [Fact]
    public void EveryBookingPhrase_HasEveryLanguage()
    {
        foreach (var phrase in new[] { AgentPhrase.SpokenOr, AgentPhrase.BookingOffer, AgentPhrase.BookingPickOne, AgentPhrase.BookingNarrowed,
            AgentPhrase.BookingNoneLikeThat, AgentPhrase.BookingTaken, AgentPhrase.BookingWhich, AgentPhrase.BookingBooked })
        {
            var english = AgentPhrases.Placeholders(AgentPhrases.Template(phrase, "en")!);
            foreach (var language in AgentPhrases.Languages)
            {
                Assert.Equal(english, AgentPhrases.Placeholders(AgentPhrases.Template(phrase, language)!));
            }
        }
    }

    static (ConversationEngine Engine, TurnContext Ctx) Acme(int questions = 4)
    {
        var business = Business.Create("Acme Plumbing & Heating", BusinessType.PLUMBING, PlanTier.PRO, s_now);
        business.TimeZone = "America/Chicago";
        var config = new AgentConfig { BusinessId = business.Id };
        config.AddQuestions(PlanTier.PRO, DemoData.AcmeQuestions.Take(questions), s_now);
        var offer = new BookingOffer(Guid.NewGuid(), "Repair visit", s_zone, Free());
        return (new ConversationEngine(new LocalLanguageModel(), new NoKnowledge()), new TurnContext(business, config, s_now, "+15557654321") { Booking = offer });
    }

    sealed class NoKnowledge : IKnowledgeRetriever
    {
        public Task<IReadOnlyList<KnowledgePassage>> RetrieveAsync(Guid businessId, string question, int limit, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<KnowledgePassage>>([]);
    }

    static async Task<TurnResult> CaptureAsync(ConversationEngine engine, ConversationSession session, TurnContext ctx, string problem)
    {
        engine.Begin(session, ctx);
        await engine.HandleAsync(session, problem, ctx, TestContext.Current.CancellationToken);
        await engine.HandleAsync(session, "Jane Doe", ctx, TestContext.Current.CancellationToken);
        await engine.HandleAsync(session, "(555) 123-4567", ctx, TestContext.Current.CancellationToken);
        return await engine.HandleAsync(session, "42 Oak Street, Springfield", ctx, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Engine_AfterTheQuestions_OffersTimesThenConfirmsTheBookedOne()
    {
        var (engine, ctx) = Acme();
        var session = ConversationSession.Start("chat-book", ctx.Business.Id, Channel.CHAT, s_now);
        var offered = await CaptureAsync(engine, session, ctx, "My kitchen sink is clogged");

        Assert.NotNull(offered.Lead);
        Assert.Equal("Thanks. I can book your repair visit right now: I have today at 9 a.m., tomorrow at 8 a.m. or Wednesday at 8 a.m. Which suits you best?",
            offered.Reply);

        var narrowed = await engine.HandleAsync(session, "anything after 3?", ctx, TestContext.Current.CancellationToken);
        Assert.Equal("I can do today at 3 p.m., tomorrow at 3 p.m. or Wednesday at 3 p.m. Which suits you best?", narrowed.Reply);

        // The service books "the second one" before the turn; the engine words the outcome.
        var booked = await engine.HandleAsync(session, "the second one", ctx with { Booking = ctx.Booking! with { Booked = Local(31, 15) } },
            TestContext.Current.CancellationToken);
        Assert.Equal("Booked: your repair visit on Tuesday 1 December at 3 p.m. You'll get a confirmation.", booked.Reply);
        Assert.Equal(BookingStage.Booked, session.Booking!.Stage);
        Assert.Null(booked.Lead);
    }

    [Theory]
    [InlineData("Wednesday afternoon would be best", "Wednesday at noon, Wednesday at 2 p.m. or Wednesday at 4 p.m.")]
    [InlineData("thursday at 10", "Thursday at 10 a.m., Friday at 8 a.m. or Monday 7 December at 8 a.m.")]
    [InlineData("anything after 3", "today at 3 p.m., tomorrow at 3 p.m. or Wednesday at 3 p.m.")]
    [InlineData("whenever", "today at 9 a.m., tomorrow at 8 a.m. or Wednesday at 8 a.m.")]
    // Closed on Sundays: the nearest instead.
    [InlineData("Sunday morning", "today at 9 a.m., tomorrow at 8 a.m. or Wednesday at 8 a.m.")]
    public async Task Engine_WhenTheCallerAlreadySaidWhen_TheFirstOfferFollowsIt(string when, string offeredTimes)
    {
        var (engine, ctx) = Acme(questions: 5);
        var session = ConversationSession.Start("chat-when", ctx.Business.Id, Channel.CHAT, s_now);
        var asked = await CaptureAsync(engine, session, ctx, "My kitchen sink is clogged");
        Assert.Contains("When would be a good time", asked.Reply, StringComparison.Ordinal);

        var offered = await engine.HandleAsync(session, when, ctx, TestContext.Current.CancellationToken);

        Assert.NotNull(offered.Lead);
        Assert.Contains($"I have {offeredTimes}", offered.Reply, StringComparison.Ordinal);
        Assert.EndsWith(" Which suits you best?", offered.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Engine_ATakenChoice_SaysSoAndOffersOthers_OnACall()
    {
        var (engine, ctx) = Acme();
        var session = ConversationSession.Start("call-book", ctx.Business.Id, Channel.VOICE, s_now);
        engine.Begin(session, ctx);
        await engine.HandleAsync(session, "I need someone to fix a dripping tap", ctx, TestContext.Current.CancellationToken);
        await engine.HandleAsync(session, "Jane Doe", ctx, TestContext.Current.CancellationToken);
        // On a call the caller ID is read back instead of asking for a number.
        await engine.HandleAsync(session, "yes", ctx, TestContext.Current.CancellationToken);
        var offered = await engine.HandleAsync(session, "42 Oak Street, Springfield", ctx, TestContext.Current.CancellationToken);

        Assert.Equal(VoiceAction.CONTINUE, offered.Action);
        Assert.Contains("today at 9 a.m., tomorrow at 8 a.m. or Wednesday at 8 a.m.", offered.Spoken.PlainText, StringComparison.Ordinal);

        var rest = Free().Where(s => s.StartsAt != Local(30, 9)).ToList();
        var taken = await engine.HandleAsync(session, "the first one", ctx with { Booking = ctx.Booking! with { Slots = rest, Taken = Local(30, 9) } },
            TestContext.Current.CancellationToken);
        Assert.Equal("Sorry, today at 9 a.m. was just taken. I can do today at 9:30 a.m., tomorrow at 8 a.m. or Wednesday at 8 a.m. instead. Which suits you best?",
            taken.Spoken.PlainText);
        Assert.Equal(VoiceAction.CONTINUE, taken.Action);

        var declined = await engine.HandleAsync(session, "no thanks, just call me", ctx, TestContext.Current.CancellationToken);
        Assert.Equal(VoiceAction.HANGUP, declined.Action);
        Assert.Equal(BookingStage.Declined, session.Booking!.Stage);
    }

    [Fact]
    public async Task Engine_AnEmergency_IsNeverOfferedATime()
    {
        var (engine, ctx) = Acme();
        var session = ConversationSession.Start("chat-flood", ctx.Business.Id, Channel.CHAT, s_now);
        engine.Begin(session, ctx);
        TurnResult r = await engine.HandleAsync(session, "A pipe burst and water is flooding my basement!", ctx, TestContext.Current.CancellationToken);
        for (var i = 0; i < 4 && !session.LeadCaptured; i++)
        {
            r = await engine.HandleAsync(session, i switch { 0 => "Jane Doe", 1 => "(555) 123-4567", _ => "42 Oak Street, Springfield" }, ctx,
                TestContext.Current.CancellationToken);
        }

        Assert.True(session.LeadCaptured);
        Assert.Equal(LeadPriority.URGENT, r.Lead!.Priority);
        Assert.Null(session.Booking);
        Assert.DoesNotContain("book", r.Reply, StringComparison.OrdinalIgnoreCase);
    }
}
