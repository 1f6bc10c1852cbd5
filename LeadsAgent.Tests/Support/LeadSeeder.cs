namespace LeadsAgent.Tests.Support;

/// <summary>Writes a lead straight into the database, for tests about reading and isolating leads.</summary>
public static class LeadSeeder
{
    public static async Task<Guid> InsertAsync(TestDatabase db, Guid businessId, string priority = "NORMAL", string channel = "CHAT")
    {
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync($"""
            INSERT INTO leads (id, business_id, conversation_transcript, priority, channel, contact_name, contact_phone)
            VALUES ('{id}', '{businessId}', 'visitor: my basement is flooding', '{priority}', '{channel}', 'Jane Doe', '+15551234567')
            """);
        return id;
    }
}

/// <summary>A lead with every field a test about the leads pages may need, written straight into the database.</summary>
public sealed record SeedLead(string Name = "Jane Doe", string? Phone = "+15551234567", string Priority = "NORMAL", string Channel = "CHAT",
    string Status = "NEW", DateTimeOffset? CreatedAt = null, string? Email = null, string? Address = null,
    string Transcript = "Visitor: my basement is flooding\nAgent: I'm sorry to hear that. What's your name?", string CapturedData = "{}",
    string EmergencyReasons = "[]", string? RecordingUrl = null)
{
    public async Task<Guid> InsertAsync(TestDatabase db, Guid businessId)
    {
        var id = Guid.CreateVersion7();
        static string Q(string? s) => s is null ? "NULL" : "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
        var at = (CreatedAt ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);
        await db.ExecuteAsync($"""
            INSERT INTO leads (id, business_id, conversation_transcript, priority, channel, status, contact_name, contact_phone, contact_email, address,
                captured_data, emergency_reasons, recording_url, created_at, updated_at)
            VALUES ('{id}', '{businessId}', {Q(Transcript)}, '{Priority}', '{Channel}', '{Status}', {Q(Name)}, {Q(Phone)}, {Q(Email)}, {Q(Address)},
                {Q(CapturedData)}::jsonb, {Q(EmergencyReasons)}::jsonb, {Q(RecordingUrl)}, '{at}+00', '{at}+00')
            """);
        return id;
    }

    /// <summary>An alert call still waiting in the outbox (due in an hour, so the worker leaves it alone during the test).</summary>
    public static async Task<Guid> PendingAlertCallAsync(TestDatabase db, Guid businessId, Guid leadId, bool escalation = false)
    {
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync($"""
            INSERT INTO notifications (id, business_id, lead_id, kind, payload, status, next_attempt_at)
            VALUES ('{id}', '{businessId}', '{leadId}', 'OWNER_ALERT_CALL', '{(escalation ? "{\"to\":\"+15559998888\",\"escalation\":true}" : "{\"to\":\"+15559998888\"}")}'::jsonb,
                'PENDING', now() + interval '1 hour')
            """);
        return id;
    }
}
