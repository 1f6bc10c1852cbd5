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
        Notes = Cut(Partial ? PartialNote + Notes : Notes, 4000),
        Priority = Priority,
        EmergencyReasons = [.. Reasons],
        ConversationTranscript = Transcript,
        Transfers = [.. Transfers ?? []],
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>How a partial lead's notes begin (the owner reads it; the code finds partial leads by it).</summary>
    public const string PartialNote = "(partial: the conversation ended before every question was answered) ";

    public static bool IsPartial(Lead lead) => lead.Notes?.StartsWith(PartialNote, StringComparison.Ordinal) == true;

    /// <summary>
    /// Completes a partial lead with this complete one (the caller hung up, then finished by text): the same lead, now
    /// with everything the later conversation captured, moved to that conversation. Its channel, status, creation time
    /// and acknowledgement stay; a priority never goes down.
    /// </summary>
    public void Complete(Lead partial, string sessionId, DateTimeOffset now)
    {
        partial.SessionId = sessionId;
        foreach (var (key, answer) in CapturedData)
        {
            partial.CapturedData[key] = answer;
        }

        partial.ContactName = Cut(ContactName, 200) ?? partial.ContactName;
        partial.ContactPhone = ContactPhone ?? partial.ContactPhone;
        partial.ContactEmail = Cut(ContactEmail, 254) ?? partial.ContactEmail;
        partial.Address = Cut(Address, 500) ?? partial.Address;
        partial.Notes = Cut(Partial ? PartialNote + Notes : Notes, 4000);
        partial.Priority = Priority > partial.Priority ? Priority : partial.Priority;
        partial.EmergencyReasons = [.. partial.EmergencyReasons.Concat(Reasons).Distinct()];
        partial.ConversationTranscript = Transcript;
        partial.Transfers = [.. partial.Transfers.Concat(Transfers ?? [])];
        partial.UpdatedAt = now;
    }

    static string? Cut(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];
}
