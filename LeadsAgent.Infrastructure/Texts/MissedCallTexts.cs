using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Texts;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Texts;

/// <summary>Settings of the texts that are not per business.</summary>
public sealed class TextOptions
{
    public const string Section = "Texts";

    /// <summary>How long after a call ends its missed-call text waits, so a voicemail that arrives late cancels it.</summary>
    public int MissedCallDelaySeconds { get; set; } = 120;
}

/// <summary>
/// Missed-call text-back: a call that ends without a request (hang-up during the greeting, voicemail with no message,
/// abandoned half way) queues one text inviting the caller to reply by text. At most one per number per business in 24
/// hours; never to an opted-out number, a transferred call, or a suspended business. Called once where a conversation
/// is ended; a failure here never stops the conversation from being recorded.
/// </summary>
public sealed partial class MissedCallTexts(IServiceScopeFactory scopes, BusinessDirectory directory, IOptions<TwilioOptions> twilio,
    IOptions<TextOptions> options, TimeProvider clock, ILogger<MissedCallTexts> logger)
{
    public async Task QueueAsync(ConversationSession session, CancellationToken ct)
    {
        if (session.Channel != Channel.VOICE || session.Simulated || session.Status == ConversationStatus.TRANSFERRED
            || session.Metadata.ContainsKey("suspended") || !twilio.Value.IsConfigured
            || PhoneNumbers.Normalize(session.Metadata.GetValueOrDefault("from")) is not { } caller)
        {
            return;
        }

        try
        {
            var profile = await directory.GetAsync(session.BusinessId, ct);
            if (profile is null || caller == PhoneNumbers.Normalize(profile.Business.NotificationPhoneNumber))
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.DbForBusiness(session.BusinessId);
            var settings = await db.TextSettings.AsNoTracking().SingleOrDefaultAsync(ct);
            if (settings is not { MissedCallTextBack: true })
            {
                return;
            }

            // A complete lead, or a voicemail on the call's lead, is not a missed call.
            if (await db.Leads.AnyAsync(l => l.SessionId == session.SessionId && (l.RecordingUrl != null || l.Notes == null || !l.Notes.StartsWith(LeadDraft.PartialNote)), ct)
                || await SmsOptOuts.IsOptedOutAsync(db, session.BusinessId, caller, ct))
            {
                return;
            }

            var now = clock.GetUtcNow();
            var since = now.AddHours(-24);
            var recent = await db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM notifications
                WHERE business_id = {session.BusinessId} AND kind = 'SMS' AND payload->>'purpose' = 'MISSED_CALL'
                  AND payload->>'to' = {caller} AND created_at > {since}
                """).SingleAsync(ct);
            if (recent > 0)
            {
                return;
            }

            db.Notifications.Add(TextOutbox.MissedCall(session.BusinessId, caller, session.SessionId, session.Language, profile.Business.Name, now,
                TimeSpan.FromSeconds(options.Value.MissedCallDelaySeconds)));
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotQueued(logger, Pii.MaskPhone(caller), ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Missed-call text to {Number} not queued ({Reason})")]
    private static partial void LogNotQueued(ILogger logger, string number, string reason);
}
