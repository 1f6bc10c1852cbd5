using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Domain.Engine;

/// <summary>A lead the engine has completed (or, for an abandoned session, partly captured), ready to store.</summary>
public sealed record LeadDraft(
    Dictionary<string, CapturedAnswer> CapturedData,
    string? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    string? Address,
    string? Notes,
    LeadPriority Priority,
    IReadOnlyList<EmergencyReason> Reasons,
    string Transcript,
    bool Partial,
    IReadOnlyList<Conversations.TransferAttempt>? Transfers = null)
{
    public Lead ToLead(Guid businessId, Channel channel, string sessionId, DateTimeOffset now) => new()
    {
        BusinessId = businessId,
        Channel = channel,
        SessionId = sessionId,
        CapturedData = CapturedData,
        ContactName = Cut(ContactName, 200),
        ContactPhone = ContactPhone,
        ContactEmail = Cut(ContactEmail, 254),
        Address = Cut(Address, 500),
        Notes = Cut(Partial ? "(partial: the conversation ended before every question was answered) " + Notes : Notes, 4000),
        Priority = Priority,
        EmergencyReasons = [.. Reasons],
        ConversationTranscript = Transcript,
        Transfers = [.. Transfers ?? []],
        CreatedAt = now,
        UpdatedAt = now,
    };

    static string? Cut(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];
}
