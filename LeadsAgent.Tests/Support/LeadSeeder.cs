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
