using System.Text.Json.Nodes;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Domain.Texts;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Infrastructure.Twilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LeadsAgent.Infrastructure.Texts;

/// <summary>
/// Sends the outbox's text messages through Twilio's Messages API. At send time, not when the row was written: an
/// opted-out number is never texted, a switch the owner turned off or a plan without the feature cancels the text, and
/// a non-urgent text to a caller inside the business's quiet hours waits for their end (postponed, never dropped).
/// Twilio's 21610 (the recipient texted STOP to this number) stores the opt-out and is never retried. A summary text is
/// worded by the model here when one is configured (the deterministic wording written with the row is the fallback).
/// </summary>
public sealed partial class TextMessageHandler(
    IServiceScopeFactory scopes,
    TwilioMessagesClient messages,
    Blocking.CallerBlockList blockList,
    Summaries.ISummaryWriter summaryWriter,
    IOptions<ServerOptions> server,
    IOptions<TwilioOptions> twilio,
    IOptions<FeatureOptions> features,
    NpgsqlDataSource dataSource,
    TimeProvider clock,
    ILogger<TextMessageHandler> logger) : IOutboxHandler
{
    public NotificationKind Kind => NotificationKind.SMS;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken ct)
    {
        var payload = JsonNode.Parse(item.Payload)?.AsObject() ?? throw new OutboxRetryException("The text's payload is not JSON.", retry: false);
        var to = PhoneNumbers.Normalize(payload["to"]?.GetValue<string>()) ?? throw new OutboxRetryException("The text has no valid number to send to.", retry: false);
        var body = payload["body"]?.GetValue<string>() is { Length: > 0 } b ? b : throw new OutboxRetryException("The text has no body.", retry: false);
        var purpose = payload["purpose"]?.GetValue<string>();
        var urgent = payload["urgent"]?.GetValue<bool>() == true;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(item.BusinessId);
        var business = await db.Businesses.AsNoTracking().SingleOrDefaultAsync(x => x.Id == item.BusinessId, ct)
            ?? throw new OutboxRetryException("The business no longer exists.", retry: false);
        var settings = await db.TextSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? TextSettings.Default(business.Id);

        if (await db.SmsOptOuts.AnyAsync(o => o.PhoneNumber == to, ct))
        {
            return await SkipAsync(item, "the number opted out (STOP)", ct);
        }

        var plan = features.Value.EnablePlanTiers ? business.PlanTier : PlanTier.PRO;
        var reason = purpose switch
        {
            TextPurpose.OwnerLead when !settings.OwnerTexts => "owner texts are turned off",
            TextPurpose.OwnerLead when !PlanRules.Allows(plan, PlanFeature.OwnerTexts) => "the plan has no new-lead texts",
            TextPurpose.OwnerEmergency when !settings.OwnerTexts => "owner texts are turned off",
            TextPurpose.OwnerBooking when !settings.OwnerTexts => "owner texts are turned off",
            TextPurpose.OwnerBooking when !PlanRules.Allows(plan, PlanFeature.OwnerTexts) => "the plan has no owner texts",
            TextPurpose.CallerConfirmation when !settings.CallerConfirmation => "caller confirmations are turned off",
            TextPurpose.MissedCall when !settings.MissedCallTextBack => "missed-call texts are turned off",
            TextPurpose.CallerConfirmation or TextPurpose.MissedCall when business.IsSuspended => "the business is suspended",
            _ => null,
        };
        // A caller blocked after the text was written (a robocaller found out from the lead) is not texted.
        if (reason is null && TextPurpose.IsToCaller(purpose) && await blockList.CheckAsync(business.Id, to, ct, count: false) is not null)
        {
            reason = "the number is blocked";
        }

        if (reason is null && purpose == TextPurpose.MissedCall && payload["callSid"]?.GetValue<string>() is { } callSid
            && await db.Leads.AnyAsync(l => l.SessionId == callSid && (l.RecordingUrl != null || l.Notes == null || !l.Notes.StartsWith(LeadDraft.PartialNote)), ct))
        {
            reason = "the caller left a message or a request after all";
        }

        // A booking's text to its caller is about one version of it: a later move or cancellation replaced it.
        if (reason is null && purpose is TextPurpose.CallerBooking or TextPurpose.BookingReminder
            && Guid.TryParse(payload["booking"]?.GetValue<string>(), out var bookingId))
        {
            reason = await Bookings.BookingNotices.OutdatedAsync(db, bookingId, payload["sequence"]?.GetValue<int>() ?? 0, ct);
        }

        if (reason is not null)
        {
            return await SkipAsync(item, reason, ct);
        }

        var now = clock.GetUtcNow();
        if (!urgent && TextPurpose.IsToCaller(purpose))
        {
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(business.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
            var allowed = settings.AllowedFrom(now, zone);
            if (allowed > now)
            {
                await PostponeAsync(item.Id, allowed, ct);
                LogPostponed(logger, item.Id, allowed);
                return OutboxOutcome.Postponed;
            }
        }

        if (purpose == TextPurpose.Summary && summaryWriter is not Summaries.NoSummaryWriter && payload["written"] is null
            && Guid.TryParse(payload["summaryOf"]?.GetValue<string>(), out var conversationId)
            && await WrittenSummaryAsync(db, business.Id, conversationId, payload, ct) is { } written)
        {
            body = written;
            payload["body"] = body;
            payload["written"] = true;
        }

        var from = payload["from"]?.GetValue<string>() ?? business.TwilioPhoneNumber ?? twilio.Value.PhoneNumber
            ?? throw new OutboxRetryException("No Twilio number to text from (set the business's Twilio number or TWILIO_PHONE_NUMBER).");
        var baseUrl = twilio.Value.WebhookBaseUrl?.TrimEnd('/');
        TwilioMessagesClient.SentMessage sent;
        try
        {
            sent = await messages.SendAsync(to, from, body, baseUrl is null ? null : $"{baseUrl}/api/sms/status?n={item.Id}", ct);
        }
        catch (TwilioApiException ex) when (ex.Code == TwilioMessagesClient.UnsubscribedRecipient)
        {
            await SmsOptOuts.OptOutAsync(db, business.Id, to, "TWILIO_21610", now, ct);
            throw new OutboxRetryException($"Twilio refused: {Pii.MaskPhone(to)} has texted STOP to this number (21610); stored as opted out.", retry: false);
        }
        catch (TwilioApiException ex)
        {
            throw new OutboxRetryException(ex.Message, ex.Retryable);
        }

        payload["sid"] = sent.Sid;
        payload["segments"] = sent.Segments > 0 ? sent.Segments : SmsText.Measure(body).Segments;
        payload["sentFrom"] = from;
        await SetPayloadAsync(item.Id, payload.ToJsonString(), ct);
        return OutboxOutcome.Sent;
    }

    /// <summary>The summary text with the model's words, or null to send the deterministic one.</summary>
    async Task<string?> WrittenSummaryAsync(LeadsDbContext db, Guid businessId, Guid conversationId, JsonObject payload, CancellationToken ct)
    {
        var loaded = await Summaries.SummaryFactsReader.LoadAsync(db, businessId, conversationId, payload["language"]?.GetValue<string>(),
            payload["answeredByOwner"]?.GetValue<bool>() == true, server.Value, ct);
        if (loaded is null)
        {
            return null;
        }

        var room = ConversationSummary.WrittenRoom(loaded.Facts);
        var words = room < 40 ? null : await summaryWriter.WriteAsync(loaded.Facts, Summaries.SummaryFactsReader.Transcript(loaded.Conversation), ct, room);
        return words is null ? null : ConversationSummary.Short(loaded.Facts, words);
    }

    async Task<OutboxOutcome> SkipAsync(OutboxItem item, string reason, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("UPDATE notifications SET last_error = $2 WHERE id = $1");
        command.Parameters.AddWithValue(item.Id);
        command.Parameters.AddWithValue("Not sent: " + reason + ".");
        await command.ExecuteNonQueryAsync(ct);
        return OutboxOutcome.Cancelled;
    }

    async Task PostponeAsync(Guid id, DateTimeOffset at, CancellationToken ct)
    {
        // Not an attempt: the claim's count is given back, and the row waits, PENDING, for the end of the quiet hours.
        await using var command = dataSource.CreateCommand("""
            UPDATE notifications SET next_attempt_at = $2, attempts = greatest(attempts - 1, 0), updated_at = now(),
                   last_error = 'Waiting for the end of quiet hours.'
            WHERE id = $1
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(at.ToUniversalTime());
        await command.ExecuteNonQueryAsync(ct);
    }

    async Task SetPayloadAsync(Guid id, string payload, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("UPDATE notifications SET payload = $2::jsonb WHERE id = $1");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(payload);
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Text {Id} postponed to {At} (quiet hours)")]
    private static partial void LogPostponed(ILogger logger, Guid id, DateTimeOffset at);
}

/// <summary>The numbers that texted STOP to a business: stored once, removed by START.</summary>
public static class SmsOptOuts
{
    public static async Task OptOutAsync(LeadsDbContext db, Guid businessId, string number, string source, DateTimeOffset at, CancellationToken ct)
    {
        if (!await db.SmsOptOuts.AnyAsync(o => o.BusinessId == businessId && o.PhoneNumber == number, ct))
        {
            db.SmsOptOuts.Add(new SmsOptOut { BusinessId = businessId, PhoneNumber = number, OptedOutAt = at, Source = source });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // The same STOP twice at once: stored by the other.
                db.ChangeTracker.Clear();
            }
        }
    }

    public static async Task<bool> OptInAsync(LeadsDbContext db, Guid businessId, string number, CancellationToken ct) =>
        await db.SmsOptOuts.Where(o => o.BusinessId == businessId && o.PhoneNumber == number).ExecuteDeleteAsync(ct) > 0;

    public static Task<bool> IsOptedOutAsync(LeadsDbContext db, Guid businessId, string number, CancellationToken ct) =>
        db.SmsOptOuts.AnyAsync(o => o.BusinessId == businessId && o.PhoneNumber == number, ct);
}
