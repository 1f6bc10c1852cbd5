using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Summaries;
using LeadsAgent.Infrastructure.Twilio;
using LeadsAgent.Web.Application.Summaries;
using LeadsAgent.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Endpoints;

/// <summary>
/// The owner's summary, digest and recording settings (<c>/api/admin/summaries</c>) and a recorded call's audio,
/// streamed from Twilio for the signed-in owner of that call only.
/// </summary>
public static class SummaryEndpoints
{
    public static void MapSummaries(this RouteGroupBuilder admin)
    {
        admin.MapGet("/summaries", async (SummarySettings settings, CancellationToken ct) => TypedResults.Ok(await settings.GetAsync(ct)));
        admin.MapPut("/summaries", async (SummarySettingsRequest request, SummarySettings settings, CancellationToken ct) =>
            TypedResults.Ok(await settings.UpdateAsync(request, ct))).Validate<SummarySettingsRequest>();
        admin.MapGet("/conversations/{sessionId}/recording", RecordingAsync);
    }

    /// <summary>
    /// The call's recording as MP3, fetched by its recording id from the configured Twilio API host with the account's
    /// credentials (never from a stored URL). 404 when this business has no such recorded call.
    /// </summary>
    static async Task RecordingAsync(string sessionId, LeadsDbContext db, CallRecordings recordings, HttpContext http, CancellationToken ct)
    {
        var sid = sessionId.Length > 100 ? null
            : await db.Conversations.AsNoTracking().Where(c => c.SessionId == sessionId).Select(c => c.RecordingSid).SingleOrDefaultAsync(ct);
        if (sid is null || !CallRecordings.SidPattern().IsMatch(sid))
        {
            await TypedResults.Problem("This conversation has no recording.", statusCode: StatusCodes.Status404NotFound, title: "Not found").ExecuteAsync(http);
            return;
        }

        HttpResponseMessage answer;
        try
        {
            answer = await recordings.OpenAudioAsync(sid, ct);
        }
        catch (TwilioApiException ex)
        {
            await TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status502BadGateway, title: "Recording unavailable").ExecuteAsync(http);
            return;
        }

        using (answer)
        {
            if (!answer.IsSuccessStatusCode)
            {
                await TypedResults.Problem($"Twilio did not return the recording (HTTP {(int)answer.StatusCode}). It may have been deleted from your Twilio account.",
                    statusCode: StatusCodes.Status502BadGateway, title: "Recording unavailable").ExecuteAsync(http);
                return;
            }

            http.Response.ContentType = "audio/mpeg";
            http.Response.Headers.CacheControl = "private, no-store";
            if (answer.Content.Headers.ContentLength is { } length)
            {
                http.Response.ContentLength = length;
            }

            await using var audio = await answer.Content.ReadAsStreamAsync(ct);
            await audio.CopyToAsync(http.Response.Body, ct);
        }
    }
}
