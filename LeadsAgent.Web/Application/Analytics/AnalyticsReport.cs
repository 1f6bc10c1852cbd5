using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Web.Application.Analytics;

/// <summary>Conversations and leads of one channel in the period.</summary>
public sealed record ChannelFigures(Channel Channel, int Conversations, int Leads)
{
    public double? ConversionPercent => AnalyticsReport.Percent(Leads, Conversations);
}

/// <summary>One local day of the business: conversations that started that day, and how many of them produced a lead.</summary>
public sealed record DayFigures(DateOnly Day, int Conversations, int Leads);

/// <summary>What people wanted, in the owner's words, and in how many conversations it came up.</summary>
public sealed record IntentFigure(string Label, int Conversations);

/// <summary>A question the agent could not answer, with how often it has been asked in all.</summary>
public sealed record UnansweredQuestion(string Question, int TimesAsked);

/// <summary>
/// The analytics page's numbers for one business and period. Every figure is drawn from the same set of
/// conversations: chats and calls that ended and started inside the period (local days of the business). A lead is
/// counted with its conversation, so leads never outnumber conversations and the per-channel and per-day rows add up
/// to the totals.
/// </summary>
public sealed record AnalyticsReport(
    int PeriodDays,
    DateOnly FirstDay,
    DateOnly LastDay,
    IReadOnlyList<ChannelFigures> ByChannel,
    IReadOnlyList<DayFigures> PerDay,
    int LeadsStillInConversation,
    IReadOnlyList<IntentFigure> Intents,
    int Emergencies,
    int EmergenciesAcknowledged,
    double? MedianMinutesToAcknowledge,
    int Calls,
    double? AverageCallSeconds,
    double? AverageReplyMs,
    IReadOnlyList<UnansweredQuestion> TopUnanswered)
{
    public int Conversations => ByChannel.Sum(c => c.Conversations);

    public int Leads => ByChannel.Sum(c => c.Leads);

    /// <summary>Conversations that produced a lead ÷ conversations, as a percentage; null with no conversations.</summary>
    public double? ConversionPercent => Percent(Leads, Conversations);

    public int EmergenciesUnacknowledged => Emergencies - EmergenciesAcknowledged;

    public bool IsEmpty => Conversations == 0;

    public static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 0);
}
