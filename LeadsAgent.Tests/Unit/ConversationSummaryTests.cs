using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;

namespace LeadsAgent.Tests.Unit;

/// <summary>The deterministic summary of a finished call or chat, as the owner reads it, and the digest's timing.</summary>
public class ConversationSummaryTests
{
    static SummaryFacts Facts(Channel channel = Channel.VOICE, ConversationStatus status = ConversationStatus.COMPLETED) => new()
    {
        BusinessName = "Acme Plumbing",
        Channel = channel,
        Status = status,
        CallerNumber = "+15557654321",
        Length = TimeSpan.FromSeconds(245),
        StartedAt = new DateTimeOffset(2026, 12, 1, 14, 5, 0, TimeSpan.Zero),
        TimeZone = "America/New_York",
        ConversationLink = "https://dash.example/conversations/CA1",
    };

    [Fact]
    public void A_taken_lead_says_who_what_priority_the_answers_the_outcome_the_length_and_the_links()
    {
        var facts = Facts() with
        {
            CallerName = "Jane Doe",
            Priority = LeadPriority.URGENT,
            HasLead = true,
            CallerMessages = ["hi", "my basement is flooding, water everywhere", "jane doe"],
            Captured = [new CapturedAnswer("What's the address?", "12 Oak Street", "12 oak street")],
            EmergencyReasons = ["flooding: \"basement is flooding\""],
            LeadLink = "https://dash.example/leads/1",
            RecordingLink = "https://dash.example/conversations/CA1#recording",
        };

        var s = ConversationSummary.Build(facts);

        Assert.Equal("[URGENT] Call summary for Acme Plumbing: Jane Doe (lead taken)", s.Subject);
        Assert.Equal("Call with Jane Doe, Tue Dec 1, 9:05 AM", s.Headline);
        Assert.Contains("Who: Jane Doe, +15557654321", s.Text, StringComparison.Ordinal);
        Assert.Contains("What: \"my basement is flooding, water everywhere\"", s.Text, StringComparison.Ordinal);
        Assert.Contains("Priority: URGENT", s.Text, StringComparison.Ordinal);
        Assert.Contains("Why urgent: flooding", s.Text, StringComparison.Ordinal);
        Assert.Contains("What's the address?: 12 Oak Street", s.Text, StringComparison.Ordinal);
        Assert.Contains("Outcome: Lead taken", s.Text, StringComparison.Ordinal);
        Assert.Contains("Call length: 4 min 05 s", s.Text, StringComparison.Ordinal);
        Assert.Contains("Transcript: https://dash.example/conversations/CA1", s.Text, StringComparison.Ordinal);
        Assert.Contains("Lead: https://dash.example/leads/1", s.Text, StringComparison.Ordinal);
        Assert.Contains("Recording: https://dash.example/conversations/CA1#recording", s.Text, StringComparison.Ordinal);
        Assert.StartsWith("Acme Plumbing URGENT call: Jane Doe +15557654321, 4 min 05 s. lead taken. \"my basement", s.Short, StringComparison.Ordinal);
        Assert.EndsWith(" https://dash.example/conversations/CA1", s.Short, StringComparison.Ordinal);
    }

    [Fact]
    public void The_models_words_in_a_text_keep_the_facts_first_the_link_last_and_the_two_segment_length()
    {
        var facts = Facts() with { CallerName = "Jane Doe", HasLead = true, CallerMessages = ["my sink drips"] };

        var written = ConversationSummary.Short(facts, "Jane's kitchen sink drips.\nCall her back\tthis afternoon.");
        Assert.Equal("Acme Plumbing call: Jane Doe +15557654321, 4 min 05 s. lead taken. Jane's kitchen sink drips. Call her back this afternoon."
            + " https://dash.example/conversations/CA1", written);

        var rambling = ConversationSummary.Short(facts, string.Join(' ', Enumerable.Repeat("The caller talked at length.", 40)));
        Assert.Equal(ConversationSummary.MaxShortLength, rambling.Length);
        Assert.Contains("… https://dash.example/conversations/CA1", rambling, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Channel.VOICE, ConversationStatus.ABANDONED, false, false, false, false, 0, SummaryOutcome.HungUpDuringGreeting, "Hung up during the greeting")]
    [InlineData(Channel.VOICE, ConversationStatus.ABANDONED, false, false, false, false, 2, SummaryOutcome.HungUp, "Hung up before leaving details")]
    [InlineData(Channel.VOICE, ConversationStatus.COMPLETED, true, false, true, false, 0, SummaryOutcome.Voicemail, "Voicemail")]
    [InlineData(Channel.VOICE, ConversationStatus.TRANSFERRED, false, false, false, false, 2, SummaryOutcome.Transferred, "Transferred")]
    [InlineData(Channel.VOICE, ConversationStatus.ABANDONED, true, true, false, false, 2, SummaryOutcome.PartialLead, "Partial lead: the caller hung up")]
    [InlineData(Channel.VOICE, ConversationStatus.COMPLETED, false, false, false, true, 0, SummaryOutcome.AnsweredByOwner, "Answered by you")]
    [InlineData(Channel.CHAT, ConversationStatus.COMPLETED, false, false, false, false, 2, SummaryOutcome.QuestionsAnswered, "Questions answered: the visitor")]
    [InlineData(Channel.CHAT, ConversationStatus.ABANDONED, false, false, false, false, 1, SummaryOutcome.ChatLeft, "Left the chat")]
    public void Each_outcome_is_told_in_the_owners_words(Channel channel, ConversationStatus status, bool lead, bool partial, bool voicemail, bool owner,
        int said, SummaryOutcome expected, string words)
    {
        var facts = Facts(channel, status) with
        {
            HasLead = lead,
            PartialLead = partial,
            Voicemail = voicemail,
            AnsweredByOwner = owner,
            CallerMessages = [.. Enumerable.Repeat("do you fix water heaters", said)],
        };

        Assert.Equal(expected, ConversationSummary.OutcomeOf(facts));
        Assert.Contains("Outcome: " + words, ConversationSummary.Build(facts).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_caller_in_Spanish_is_quoted_in_their_words_and_the_summary_stays_in_English()
    {
        var facts = Facts() with { Language = "es", CallerMessages = ["Hola, tengo una fuga de agua en la cocina"], HasLead = true };

        var s = ConversationSummary.Build(facts);

        Assert.Contains("What: \"Hola, tengo una fuga de agua en la cocina\" (in Spanish)", s.Text, StringComparison.Ordinal);
        Assert.Contains("Outcome: Lead taken", s.Text, StringComparison.Ordinal);
        Assert.StartsWith("Call summary for Acme Plumbing: +15557654321", s.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("(in English)", ConversationSummary.Build(facts with { Language = "en" }).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void What_a_caller_typed_cannot_break_lines_and_a_long_problem_is_cut_for_a_text()
    {
        var facts = Facts(Channel.CHAT) with
        {
            CallerName = "Eve\r\nBcc: x@y.z",
            CallerMessages = [new string('a', 10) + " " + string.Join(' ', Enumerable.Repeat("leaking pipe", 80))],
        };

        var s = ConversationSummary.Build(facts);

        Assert.DoesNotContain('\n', s.Subject);
        Assert.Contains("Eve Bcc: x@y.z", s.Subject, StringComparison.Ordinal);
        Assert.True(s.Short.Length <= ConversationSummary.MaxShortLength, s.Short);
        Assert.Contains("…", s.Short, StringComparison.Ordinal);
        Assert.True(ConversationSummary.Problem(facts.CallerMessages)!.Length <= ConversationSummary.MaxProblemLength);
    }

    [Fact]
    public void A_chat_visitor_without_a_name_or_number_is_a_website_visitor()
    {
        var s = ConversationSummary.Build(Facts(Channel.CHAT, ConversationStatus.ABANDONED) with { CallerNumber = null, CallerMessages = ["how much is a new faucet"] });
        Assert.Equal("Chat summary for Acme Plumbing: Website visitor (left, no lead)", s.Subject);
        Assert.Contains("Chat length: 4 min 05 s", s.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-02T11:59:00Z", "America/New_York", null)]
    [InlineData("2026-12-02T12:00:00Z", "America/New_York", "2026-12-01")]
    [InlineData("2026-12-03T04:59:00Z", "America/New_York", "2026-12-01")]
    [InlineData("2026-12-01T22:00:00Z", "Asia/Tokyo", "2026-12-01")]
    [InlineData("2026-12-01T21:59:00Z", "Asia/Tokyo", null)]
    public void The_digest_is_due_from_7_am_local_for_the_day_before(string now, string zone, string? day)
    {
        var due = DailyDigest.DueFor(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone));
        Assert.Equal(day, due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_local_day_spans_23_hours_on_the_day_clocks_go_forward()
    {
        var (start, end) = DailyDigest.Bounds(new DateOnly(2030, 3, 10), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        Assert.Equal(TimeSpan.FromHours(23), end - start);
        Assert.Equal(new DateTimeOffset(2030, 3, 10, 5, 0, 0, TimeSpan.Zero), start.ToUniversalTime());
    }
}
