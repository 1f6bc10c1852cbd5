using System.Globalization;
using LeadsAgent.Infrastructure.Summaries;

namespace LeadsAgent.Web.Voice;

public static partial class VoiceEndpoints
{
    /// <summary>
    /// Twilio's signed callback for a finished whole-call recording (&lt;Start&gt;&lt;Recording&gt;): its URL, id and length go
    /// on the call's conversation. Anything malformed or not "completed" is acknowledged and ignored.
    /// </summary>
    static async Task<IResult> CallRecordingAsync(HttpRequest request, CallRecordings recordings, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var callSid = form["CallSid"].ToString();
        var sid = form["RecordingSid"].ToString();
        var url = form["RecordingUrl"].ToString();
        var status = form["RecordingStatus"].ToString();
        if (callSid.Length is 0 or > 64 || !CallRecordings.SidPattern().IsMatch(sid) || status is { Length: > 0 } and not "completed"
            || url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "https" && uri.Scheme != "http")
        {
            return TypedResults.NoContent();
        }

        int? seconds = int.TryParse(form["RecordingDuration"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d < 86_400 ? d : null;
        await recordings.AttachAsync(callSid, sid, url, seconds, ct);
        return TypedResults.NoContent();
    }
}
