using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadsAgent.Tests.Support;

namespace LeadsAgent.Tests.Integration;

/// <summary>
/// Lead capture through <c>/api/chat</c> with answers as people give them: a number said in Spanish words, an email
/// said in Spanish, a job description where the address should be. Asserts what the owner gets (the stored lead), not
/// the agent's wording.
/// </summary>
public class SpokenEntitiesChatTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    static async Task<JsonNode> ChatAsync(HttpClient http, Guid businessId, string? sessionId, string message) =>
        await (await http.PostAsJsonAsync("/api/chat", new { businessId, sessionId, message }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);

    [Fact]
    public async Task A_Spanish_lead_capture_stores_the_number_said_in_words_and_refuses_a_job_as_the_address()
    {
        var (businessId, _, _) = await fx.CreateBusinessAsync("BASIC");
        var http = fx.Anonymous();
        var first = await ChatAsync(http, businessId, null, "Hola, se tapó el fregadero de la cocina y necesito un plomero");
        var session = first["sessionId"]!.GetValue<string>();

        await ChatAsync(http, businessId, session, "me llamo Dana García");
        await ChatAsync(http, businessId, session, "cinco cinco cinco, dos cuatro dos, trece trece");
        var job = await ChatAsync(http, businessId, session, "cambiar el fregadero viejo");
        Assert.False(job["leadCaptured"]!.GetValue<bool>());
        await ChatAsync(http, businessId, session, "Calle Mayor 12, Springfield");
        var done = await ChatAsync(http, businessId, session, "dana punto garcia arroba gmail punto com");

        Assert.True(done["leadCaptured"]!.GetValue<bool>());
        Assert.Equal("Dana García|+15552421313|dana.garcia@gmail.com|Calle Mayor 12, Springfield", await fx.Database.ScalarAsync<string>(
            $"SELECT contact_name || '|' || contact_phone || '|' || contact_email || '|' || address FROM leads WHERE id = '{done["leadId"]}'"));
    }
}
