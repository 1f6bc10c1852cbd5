using LeadsAgent.Domain.Engine;
using static LeadsAgent.Tests.Unit.Entities.EntityTestData;

namespace LeadsAgent.Tests.Unit.Entities;

/// <summary>Answers to "when would suit you?": a date, a time, a day phrase or no preference; never "yes" or the problem again.</summary>
public class TimeValidationTests
{
    // Now is Saturday 21 November 2026, 10:00 in Chicago.
    [Theory]
    [InlineData("tomorrow morning", "2026-11-22T09:00:00-06:00")]
    [InlineData("next Tuesday after 3", "2026-11-24T15:00:00-06:00")]
    [InlineData("tmrw after 3", "2026-11-22T15:00:00-06:00")]
    [InlineData("uh tomorrow works", "2026-11-22T09:00:00-06:00")]
    [InlineData("monday at 3:30", "2026-11-23T15:30:00-06:00")]
    [InlineData("next week", "2026-11-23T09:00:00-06:00")]
    [InlineData("can you come tomorrow to fix the sink", "2026-11-22T09:00:00-06:00")]
    [InlineData("tomorrow morning for the water heater", "2026-11-22T09:00:00-06:00")]
    [InlineData("asap", "2026-11-21T10:00:00-06:00")]
    [InlineData("mañana por la tarde", "2026-11-22T14:00:00-06:00")]
    [InlineData("manana en la manana", "2026-11-22T09:00:00-06:00")]
    [InlineData("el martes a las 10", "2026-11-24T10:00:00-06:00")]
    [InlineData("el próximo martes a las tres y media", "2026-11-24T15:30:00-06:00")]
    [InlineData("hoy a las 3 de la tarde", "2026-11-21T15:00:00-06:00")]
    [InlineData("el 5 de diciembre", "2026-12-05T09:00:00-06:00")]
    [InlineData("lo antes posible", "2026-11-21T10:00:00-06:00")]
    [InlineData("ahorita", "2026-11-21T10:00:00-06:00")]
    [InlineData("en dos horas", "2026-11-21T12:00:00-06:00")]
    [InlineData("demain matin", "2026-11-22T09:00:00-06:00")]
    [InlineData("Montag um 15 Uhr", "2026-11-23T15:00:00-06:00")]
    [InlineData("domani alle 9", "2026-11-22T09:00:00-06:00")]
    [InlineData("amanhã à tarde", "2026-11-22T14:00:00-06:00")]
    [InlineData("na segunda às 15h", "2026-11-23T15:00:00-06:00")]
    public void Check_TimesAndDayPhrases_AreKeptAsDates(string answer, string expected)
    {
        var check = Check(When, answer);
        Assert.True(check.Valid, answer);
        Assert.Equal(expected, check.Value);
    }

    [Theory]
    [InlineData("weekday mornings")]
    [InlineData("any time after 3")]
    [InlineData("monday or tuesday")]
    [InlineData("between 2 and 4")]
    [InlineData("end of the week")]
    [InlineData("I work till 5, so after that")]
    [InlineData("el fin de semana o el lunes")]
    public void Check_ARangeOrAHabit_IsKeptInTheCallersWords(string answer)
    {
        var check = Check(When, answer);
        Assert.True(check.Valid, answer);
        Assert.Equal(answer, check.Value);
    }

    [Theory]
    [InlineData("the sooner the better", "2026-11-21T10:00:00-06:00")]
    [InlineData("the 5th", "2026-12-05T09:00:00-06:00")]
    [InlineData("on the 28th at 2pm", "2026-11-28T14:00:00-06:00")]
    public void Check_MoreWaysToSayWhen_AreDates(string answer, string expected) => Assert.Equal(expected, Check(When, answer).Value);

    [Theory]
    [InlineData("whenever")]
    [InlineData("any time is fine")]
    [InlineData("cuando sea")]
    [InlineData("me da igual")]
    [InlineData("n'importe quand")]
    public void Check_NoPreference_IsAnyTime(string answer) => Assert.Equal("any time", Check(When, answer).Value);

    [Theory]
    [InlineData("yes")]
    [InlineData("sí")]
    [InlineData("ok")]
    [InlineData("Maria Lopez")]
    public void Check_NoTime_GetsTheTimeHint(string answer)
    {
        var check = Check(When, answer);
        Assert.False(check.Valid, answer);
        Assert.Equal(AnswerValidator.Hint(When, Domain.Leads.Channel.CHAT), check.Hint);
    }

    [Theory]
    [InlineData("my sink is leaking")]
    [InlineData("it broke yesterday")]
    [InlineData("the heater broke on Monday")]
    [InlineData("last Tuesday")]
    [InlineData("it's been leaking since this morning")]
    [InlineData("hace dos días que no hay agua caliente")]
    [InlineData("my sink is leaking this morning")]
    [InlineData("kitchen sink leaking")]
    public void Check_TheProblemOrAPastTime_IsRefusedWithAReAsk(string answer)
    {
        var check = Check(When, answer);
        Assert.False(check.Valid, answer);
        Assert.Equal(AnswerValidator.NotATimeHint, check.Hint);
    }

    [Theory]
    [InlineData("the heater broke on Monday")]
    [InlineData("there's a puddle under the water heater every morning")]
    [InlineData("hi good morning")]
    [InlineData("buenos días, tengo una fuga")]
    public void Extract_APastOrHabitualTime_IsNotAWishedForVisit(string text) =>
        Assert.DoesNotContain(EntityExtractor.Extract(text, Chicago), e => e.Kind == EntityKind.DateTime);
}
