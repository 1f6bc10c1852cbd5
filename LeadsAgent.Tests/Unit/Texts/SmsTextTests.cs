using LeadsAgent.Domain.Texts;

namespace LeadsAgent.Tests.Unit.Texts;

/// <summary>
/// Segment counting against the published rules (3GPP TS 23.038; Twilio's "How long can a message be?" and "What is
/// UCS-2 character encoding?"): GSM-7 160 single / 153 per segment, extension characters two units; UCS-2 70 / 67.
/// </summary>
public class SmsTextTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Measure_PlainGsm7_Uses160Then153(int length, int segments)
    {
        var m = SmsText.Measure(new string('a', length));
        Assert.Equal(SmsEncoding.GSM7, m.Encoding);
        Assert.Equal(length, m.Units);
        Assert.Equal(segments, m.Segments);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Measure_OneNonGsmCharacter_MakesTheWholeBodyUcs2(int length, int segments)
    {
        // "ç" is not in the GSM-7 alphabet (only "Ç" is), so the body is UCS-2: 70 single, 67 per segment.
        var m = SmsText.Measure(new string('a', length - 1) + "ç");
        Assert.Equal(SmsEncoding.UCS2, m.Encoding);
        Assert.Equal(segments, m.Segments);
    }

    [Fact]
    public void Measure_ExtensionCharacters_TakeTwoUnits()
    {
        // 80 euro signs are 160 septets: one message; 81 are 162: two.
        Assert.Equal(new SmsLength(SmsEncoding.GSM7, 160, 1), SmsText.Measure(new string('€', 80)));
        Assert.Equal(2, SmsText.Measure(new string('€', 81)).Segments);
        Assert.Equal(SmsEncoding.GSM7, SmsText.EncodingOf("Price: 12€ [approx] {ok} ~ ^ | \\"));
    }

    [Fact]
    public void Measure_AnEscapePairIsNeverCutBetweenSegments()
    {
        // 152 letters then "€": 154 units, over 153, so "€" opens the second segment rather than straddling.
        var m = SmsText.Measure(new string('a', 152) + "€" + new string('a', 10));
        Assert.Equal(164, m.Units);
        Assert.Equal(2, m.Segments);
    }

    [Fact]
    public void Measure_AnEmojiIsTwoUcs2Units_AndTheAccentedLettersOfGsm7StayGsm7()
    {
        Assert.Equal(new SmsLength(SmsEncoding.UCS2, 8, 1), SmsText.Measure("Hello 😊"));
        Assert.Equal(SmsEncoding.GSM7, SmsText.EncodingOf("¿Qué tal? Ñoño, Müller, è à ù"));
        // "á" and "ê" are not GSM-7: Spanish and Portuguese replies with them are UCS-2.
        Assert.Equal(SmsEncoding.UCS2, SmsText.EncodingOf("Está bem, você"));
    }

    [Fact]
    public void Split_ALongReply_IsCutAtSentencesIntoMessagesOfAtMost1600()
    {
        var sentence = "The technician will check the water heater, the valves and the pipes under the sink. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 45)).Trim();
        var parts = SmsText.Split(text);
        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, SmsText.MaxBody));
        Assert.All(parts, p => Assert.EndsWith("sink.", p, StringComparison.Ordinal));
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), string.Concat(parts).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_WithoutSentenceEnds_CutsAtWords_AndNeverInsideASurrogatePair()
    {
        var words = string.Join(' ', Enumerable.Repeat("plumbing", 400));
        var byWord = SmsText.Split(words, 100);
        Assert.All(byWord, p => Assert.InRange(p.Length, 1, 100));
        Assert.Equal(words, string.Join(' ', byWord));
        var emoji = string.Concat(Enumerable.Repeat("😊", 30));
        var parts = SmsText.Split(emoji, 11);
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(emoji, string.Concat(parts));
    }

    [Fact]
    public void Split_ShortText_IsOneMessage_AndEmptyIsNone()
    {
        Assert.Equal(["Hi there."], SmsText.Split("  Hi there.  "));
        Assert.Empty(SmsText.Split("   "));
    }

    [Theory]
    [InlineData("STOP", SmsKeyword.Stop)]
    [InlineData(" stop ", SmsKeyword.Stop)]
    [InlineData("Unsubscribe", SmsKeyword.Stop)]
    [InlineData("StopAll", SmsKeyword.Stop)]
    [InlineData("cancel", SmsKeyword.Stop)]
    [InlineData("END", SmsKeyword.Stop)]
    [InlineData("quit!", SmsKeyword.Stop)]
    [InlineData("start", SmsKeyword.Start)]
    [InlineData("UNSTOP", SmsKeyword.Start)]
    [InlineData("yes", SmsKeyword.Start)]
    [InlineData("Help", SmsKeyword.Help)]
    [InlineData("info", SmsKeyword.Help)]
    [InlineData("please stop calling me", SmsKeyword.None)]
    [InlineData("I need help with a leak", SmsKeyword.None)]
    public void Keywords_AreTheWholeMessage_InAnyCase(string body, SmsKeyword expected) => Assert.Equal(expected, SmsKeywords.Of(body));

    [Fact]
    public void QuietHours_PostponeToTheirEndInTheBusinessZone_AndLetDaytimeThrough()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var settings = TextSettings.Default(Guid.NewGuid());
        // 23:30 in New York (EST, UTC-5) on 10 Jan: quiet until 08:00 the next morning.
        var late = new DateTimeOffset(2026, 1, 11, 4, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 1, 11, 8, 0, 0, TimeSpan.FromHours(-5)), settings.AllowedFrom(late, zone));
        // 06:00 the same morning: still quiet, until 08:00 that day.
        var early = new DateTimeOffset(2026, 1, 11, 11, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 1, 11, 8, 0, 0, TimeSpan.FromHours(-5)), settings.AllowedFrom(early, zone));
        // 14:00: sent now.
        var afternoon = new DateTimeOffset(2026, 1, 11, 19, 0, 0, TimeSpan.Zero);
        Assert.Equal(afternoon, settings.AllowedFrom(afternoon, zone));
        settings.QuietHoursEnabled = false;
        Assert.Equal(late, settings.AllowedFrom(late, zone));
    }

    [Fact]
    public void QuietHours_WithinOneDay_AreHonouredToo()
    {
        var settings = new TextSettings { QuietStart = new TimeOnly(12, 0), QuietEnd = new TimeOnly(13, 30) };
        var lunch = new DateTimeOffset(2026, 6, 1, 12, 15, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 13, 30, 0, TimeSpan.Zero), settings.AllowedFrom(lunch, TimeZoneInfo.Utc));
        Assert.Equal(lunch.AddHours(2), settings.AllowedFrom(lunch.AddHours(2), TimeZoneInfo.Utc));
    }
}
