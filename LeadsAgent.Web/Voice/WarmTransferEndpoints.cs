using static LeadsAgent.Infrastructure.Twilio.TwiML;

namespace LeadsAgent.Web.Voice;

/// <summary>
/// The warm transfer's Twilio webhooks, signed and answered with TwiML like the rest of the voice group: the whisper and
/// the owner's key on the owner's leg, the dial result on the caller's leg.
/// </summary>
public static class WarmTransferEndpoints
{
    public static void MapWarmTransfer(this RouteGroupBuilder voice)
    {
        voice.MapPost("/whisper", WhisperAsync);
        voice.MapPost("/whisper-answer", WhisperAnswerAsync);
        voice.MapPost("/transfer-result", ResultAsync);
    }

    static IResult Xml(Twilio.TwiML.VoiceResponse response) => TypedResults.Text(Render(response), "text/xml", System.Text.Encoding.UTF8);

    /// <summary>The caller's call the owner's leg belongs to: named in the whisper URL, and never another than Twilio's parent call.</summary>
    static string? CallerCall(HttpRequest request, IFormCollection form)
    {
        var call = request.Query["call"].ToString();
        var parent = form["ParentCallSid"].ToString();
        return call.Length is 0 or > 64 || parent.Length > 0 && parent != call ? null : call;
    }

    static async Task<IResult> WhisperAsync(HttpRequest request, WarmTransferCalls transfers, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var call = CallerCall(request, form);
        return call is null ? Xml(Response(Hangup())) : Xml(await transfers.WhisperAsync(call, ct));
    }

    static async Task<IResult> WhisperAnswerAsync(HttpRequest request, WarmTransferCalls transfers, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var call = CallerCall(request, form);
        return call is null ? Xml(Response(Hangup())) : Xml(await transfers.WhisperAnswerAsync(call, form["Digits"].ToString(), ct));
    }

    static async Task<IResult> ResultAsync(HttpRequest request, WarmTransferCalls transfers, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var callSid = form["CallSid"].ToString();
        var reply = callSid.Length is 0 or > 64 ? null : await transfers.ResultAsync(callSid, form["DialCallStatus"].ToString(), ct);
        // No session to come back to: the caller still hears the apology with the safe next step, never silence.
        return Xml(reply ?? VoiceAgent.Apology());
    }
}
