using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Web.Application.Leads;

namespace LeadsAgent.Tests.Unit.Texts;

/// <summary>A lead's timeline tells the owner about its texts in their words (issue 18).</summary>
public class TextTimelineTests
{
    static Notification Text(string to, string purpose, NotificationStatus status, string? error = null, int attempts = 1) => new()
    {
        Kind = NotificationKind.SMS,
        Payload = $$"""{"to":"{{to}}","body":"hi","purpose":"{{purpose}}","urgent":false}""",
        Status = status,
        LastError = error,
        Attempts = attempts,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Build_Texts_SayWhoTheyWentToAndWhatBecameOfThem()
    {
        var entries = LeadTimeline.Build(new Lead(), [
            Text("+15550001111", "OWNER_LEAD", NotificationStatus.SENT),
            Text("+15557654321", "CALLER_CONFIRMATION", NotificationStatus.CANCELLED, "Not sent: the number opted out (STOP)."),
            Text("+15557654322", "MISSED_CALL", NotificationStatus.PENDING, "Waiting for the end of quiet hours.", attempts: 0),
        ]);

        Assert.Equal(["Text to you (555) 000-1111|Sent", "Text to the caller (555) 765-4321|Not sent: the number opted out (STOP)",
            "Text to the caller (555) 765-4322|Waiting for the end of quiet hours"], entries.Select(e => e.What + "|" + e.State));
    }
}
