using System.Text.Json;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Sessions;
using Microsoft.Extensions.Options;
using static LeadsAgent.Infrastructure.Twilio.TwiML;

namespace LeadsAgent.Web.Voice;

/// <summary>
/// Twilio ConversationRelay: the WebSocket a streaming call talks over (<see cref="VoiceAgent.RelayPath"/>, its upgrade
/// signed like every webhook) and the action URL Twilio posts when the relay session ends.
/// </summary>
public static class RelayEndpoints
{
    /// <summary>Mapped inside the voice group, so both get the signature check and the caller's safety net.</summary>
    public static void MapRelay(this RouteGroupBuilder voice)
    {
        voice.MapGet("/relay", RelayAsync);
        voice.MapPost("/relay-action", RelayActionAsync);
    }

    static async Task<IResult> RelayAsync(HttpContext http, VoiceAgent agent, ISessionStore store, BusinessDirectory directory, IOptions<FeatureOptions> features,
        ILoggerFactory loggers, IHostApplicationLifetime lifetime)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem("This address takes Twilio ConversationRelay WebSocket connections only.", statusCode: StatusCodes.Status400BadRequest);
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var connection = new RelayConnection(socket, agent, store, directory, features, loggers.CreateLogger<RelayConnection>());
        await connection.RunAsync(stop.Token);
        return TypedResults.Empty;
    }

    /// <summary>
    /// The relay session ended. With handoffData from our end message: say its words, then transfer, take a voicemail
    /// or hang up (the TwiML a Gather turn would have answered). A caller who hung up gets nothing more; a session that
    /// ended any other way (Twilio's error, a socket that never came back) carries on with Gather, so the call survives.
    /// </summary>
    static async Task<IResult> RelayActionAsync(HttpRequest request, ISessionStore store, BusinessDirectory directory, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var callSid = form["CallSid"].ToString();
        var session = callSid.Length is > 0 and <= 64 ? await store.GetAsync(callSid, ct) : null;
        var profile = session is null ? null : await directory.GetAsync(session.BusinessId, ct);
        if (profile is null || form["CallStatus"].ToString() == "completed")
        {
            return Xml(Response(Hangup()));
        }

        var (voice, language) = (profile.Config.TwilioVoice, profile.Config.TwilioLanguage);
        var handoff = Parse(form["HandoffData"].ToString());
        if (handoff is not null && RelayCalls.ActionFor(handoff.ReasonCode) is { } action)
        {
            var words = handoff.Say is { Length: > 0 and <= 2000 } say ? say : AgentPhrases.Say(AgentPhrase.CallApology, language);
            return Xml(VoiceAgent.Handoff(action, Say(words, voice, language), profile, callSid));
        }

        // Back to Gather: the caller is asked again and the call goes on through the webhooks.
        var again = ReplyShaper.ForVoice(new ReplyParts(null, AgentPhrases.Say(AgentPhrase.LostTrack, language), null, AgentPhrases.Say(AgentPhrase.HowCanIHelp, language)),
            voice, false, language);
        return Xml(VoiceAgent.Listen(again, profile));
    }

    static RelayHandoff? Parse(string data)
    {
        if (data.Length is 0 or > 4000)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RelayHandoff>(data);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static IResult Xml(Twilio.TwiML.VoiceResponse response) => TypedResults.Text(Render(response), "text/xml", System.Text.Encoding.UTF8);
}
