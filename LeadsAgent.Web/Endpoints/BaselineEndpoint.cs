using LeadsAgent.Infrastructure.Twilio;
using static LeadsAgent.Infrastructure.Twilio.TwiML;

namespace LeadsAgent.Web.Endpoints;

/// <summary>
/// The load harness's ceiling: a POST that reads its form and answers a fixed TwiML document, with no signature check,
/// session, engine or database. Its throughput is what Kestrel and our middleware can do on the machine, so the voice
/// webhooks' figures can be read as a share of it. Mapped only when Diagnostics:BaselineEndpoint is true (scripts/load
/// sets it); a production deployment never turns it on.
/// </summary>
public static class BaselineEndpoint
{
    public const string Path = "/api/bench/baseline";

    static readonly string s_document = Render(Response(
        TwiML.Gather(new GatherOptions(Input: "speech", Action: "/api/voice/gather", Method: "POST", SpeechTimeout: "2", Language: "en-US",
            ActionOnEmptyResult: true, SpeechModel: "phone_call", Enhanced: true), Say("Thanks for calling. How can I help you today?", "Polly.Joanna", "en-US")),
        Redirect("/api/voice/gather", "POST")));

    public static void MapBaseline(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>("Diagnostics:BaselineEndpoint"))
        {
            return;
        }

        app.MapPost(Path, async (HttpRequest request, CancellationToken ct) =>
        {
            await request.ReadFormAsync(ct);
            return TypedResults.Text(s_document, "text/xml", System.Text.Encoding.UTF8);
        }).AllowAnonymous().DisableAntiforgery();
    }
}
