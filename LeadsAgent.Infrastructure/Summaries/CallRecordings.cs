using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Infrastructure.Twilio;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LeadsAgent.Infrastructure.Summaries;

/// <summary>
/// Whole-call recordings (PRO): Twilio's finished recording is put on its conversation (URL, id and length), and the
/// dashboard's player streams the audio from Twilio's API with the account's credentials. The audio is always fetched
/// from the configured Twilio API host by the recording's id, never from a stored or owner-given URL.
/// </summary>
public sealed partial class CallRecordings(NpgsqlDataSource dataSource, ISessionStore store, IHttpClientFactory httpClients,
    IOptions<TwilioOptions> twilio, ILogger<CallRecordings> logger)
{
    public const string UrlKey = "recordingUrl";
    public const string SidKey = "recordingSid";
    public const string SecondsKey = "recordingSeconds";

    [GeneratedRegex("^RE[0-9a-fA-F]{32}$")]
    public static partial Regex SidPattern();

    /// <summary>A recording Twilio reported (signed callback). Returns false when the call is unknown.</summary>
    public async Task<bool> AttachAsync(string callSid, string recordingSid, string url, int? seconds, CancellationToken ct)
    {
        if (await UpdateAsync(callSid, recordingSid, url, seconds, ct) > 0)
        {
            return true;
        }

        // The conversation is not written yet (the call's end is still being settled): kept on the session, and put on
        // the conversation once it is written (ApplyPendingAsync, from where conversations end).
        var session = await store.UpdateAsync(callSid, s =>
        {
            s.Metadata[UrlKey] = url;
            s.Metadata[SidKey] = recordingSid;
            s.Metadata[SecondsKey] = seconds?.ToString(CultureInfo.InvariantCulture) ?? "";
            return Task.FromResult(true);
        }, ct);
        if (session is null)
        {
            LogUnknownCall(logger, recordingSid);
            return false;
        }

        // The end may have been written meanwhile.
        await UpdateAsync(callSid, recordingSid, url, seconds, ct);
        return true;
    }

    /// <summary>Puts a recording that arrived before the conversation was written on it.</summary>
    public async Task ApplyPendingAsync(ConversationSession session, CancellationToken ct)
    {
        if (session.Metadata.TryGetValue(SidKey, out var sid) && session.Metadata.TryGetValue(UrlKey, out var url)
            && session.Metadata.GetValueOrDefault("callSid") is { Length: > 0 } callSid)
        {
            var seconds = int.TryParse(session.Metadata.GetValueOrDefault(SecondsKey), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : (int?)null;
            await UpdateAsync(callSid, sid, url, seconds, ct);
        }
    }

    async Task<int> UpdateAsync(string callSid, string recordingSid, string url, int? seconds, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE conversations SET recording_url = $2, recording_sid = $3, recording_seconds = $4 WHERE call_sid = $1 AND channel = 'VOICE'");
        command.Parameters.AddWithValue(callSid);
        command.Parameters.AddWithValue(url);
        command.Parameters.AddWithValue(recordingSid);
        command.Parameters.AddWithValue((object?)seconds ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Opens the recording's audio (MP3) from Twilio's API. The SDK's named client sends it to the configured Twilio
    /// API host (<see cref="TwilioApiBaseHandler"/>); the caller streams the answer on and disposes it.
    /// </summary>
    public async Task<HttpResponseMessage> OpenAudioAsync(string recordingSid, CancellationToken ct)
    {
        var o = twilio.Value;
        if (!SidPattern().IsMatch(recordingSid) || !o.IsConfigured)
        {
            throw new TwilioApiException("The recording cannot be fetched: Twilio is not configured.", null, retryable: false);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"https://api.twilio.com/2010-04-01/Accounts/{Uri.EscapeDataString(o.AccountSid!)}/Recordings/{recordingSid}.mp3");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.AccountSid}:{o.AuthToken}")));
        var http = httpClients.CreateClient(TwilioCallsClient.HttpClientName);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException)
        {
            throw new TwilioApiException("Twilio could not be reached.", null, retryable: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording {RecordingSid} reported for a call we do not know")]
    private static partial void LogUnknownCall(ILogger logger, string recordingSid);
}
