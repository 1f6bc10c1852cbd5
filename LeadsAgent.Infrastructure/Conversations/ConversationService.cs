using System.Diagnostics;
using System.Diagnostics.Metrics;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Text;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LeadsAgent.Infrastructure.Conversations;

/// <summary>What one turn produced, with the lead stored for it (if any; a simulated session stores none).</summary>
public sealed record TurnOutcome(TurnResult Result, Guid? LeadId, bool LeadCreated, ConversationSession Session);

/// <summary>
/// Runs conversations for chat and voice alike: sessions in the store, the engine for each turn, leads and their
/// outbox rows stored as soon as they exist, knowledge gaps counted, live events published, and the finished
/// conversation written to PostgreSQL exactly once.
/// </summary>
public sealed partial class ConversationService(
    ISessionStore store,
    ConversationEngine engine,
    BusinessDirectory directory,
    LeadRecorder leads,
    KnowledgeGapRecorder gaps,
    ILiveEvents events,
    NpgsqlDataSource dataSource,
    TimeProvider clock,
    ILogger<ConversationService> logger,
    WebhookCallEvents webhookCalls, Summaries.SummaryEnqueuer summaries, Texts.MissedCallTexts missedCalls, Bookings.AgentBookings bookings)
{
    static readonly Meter s_meter = new("LeadsAgent.Conversations");
    static readonly Histogram<double> s_turnMs = s_meter.CreateHistogram<double>("turn_ms", "ms", "Our processing time per conversation turn");
    static readonly Histogram<double> s_modelMs = s_meter.CreateHistogram<double>("model_ms", "ms", "Language model time per turn");
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _pending = new();

    /// <summary>Session metadata naming who answered a routed call; "owner" means the owner took it, so it leaves no lead.</summary>
    public const string AnsweredByKey = "answeredBy";

    /// <summary>Session metadata naming the call a text conversation carries on; its partial lead is completed, not doubled.</summary>
    public const string ContinuesKey = "continues";

    /// <summary>
    /// Opens a session (or returns the one a retried webhook already opened) with the greeting. With
    /// <paramref name="greet"/> false the session opens silent (the owner's phone rings first); a later start greets.
    /// </summary>
    public async Task<(ConversationSession Session, TurnResult? Greeting)> StartAsync(BusinessProfile profile, Channel channel, string sessionId,
        IReadOnlyDictionary<string, string> metadata, string? callerNumber, CancellationToken ct, bool simulated = false, bool greet = true)
    {
        var now = clock.GetUtcNow();
        var fresh = ConversationSession.Start(sessionId, profile.Business.Id, channel, now);
        fresh.Simulated = simulated;
        foreach (var (key, value) in metadata)
        {
            fresh.Metadata[key] = StorableText.Clean(value);
        }

        callerNumber = StorableText.CleanOrNull(callerNumber);

        TurnResult? greeting = null;
        var stored = await store.CreateAsync(fresh, ct);
        if (stored.History.Count == 0 && greet)
        {
            stored = await store.UpdateAsync(sessionId, s =>
            {
                greeting = engine.Begin(s, Context(profile, s, callerNumber, now));
                return Task.FromResult(true);
            }, ct) ?? stored;
            if (!stored.Simulated)
            {
                await PublishAsync(LiveEvent.SessionStarted, stored, ct);
            }
        }

        return (stored, greeting);
    }

    /// <summary>
    /// One turn: the person's words (null or empty for silence) in, the agent's reply and action out.
    /// <paramref name="decided"/> runs once the new state is saved and before the lead, gaps and events, so a streaming
    /// channel can start speaking while they are written.
    /// </summary>
    public async Task<TurnOutcome?> TurnAsync(string sessionId, string? message, string? callerNumber, CancellationToken ct, double? webhookStartedMs = null,
        Func<TurnResult, CancellationToken, Task>? decided = null, IReplySink? sink = null)
    {
        // What people say ends up in leads and transcripts: nothing in it may make those writes fail.
        (message, callerNumber) = (StorableText.CleanOrNull(message), StorableText.CleanOrNull(callerNumber));
        var watch = Stopwatch.StartNew();
        TurnResult? result = null;
        BusinessProfile? profile = null;
        var wasEmergency = false;
        // The callback below runs again if another instance saves the session first: it only decides the new state.
        // The model and the knowledge base are asked once (the memo), the lead is stored once the state is saved.
        var memo = new TurnMemo();
        var session = await store.UpdateAsync(sessionId, async s =>
        {
            if (s.Status != ConversationStatus.ACTIVE)
            {
                return false;
            }

            profile = await directory.GetAsync(s.BusinessId, ct);
            if (profile is null)
            {
                return false;
            }

            wasEmergency = s.EmergencyDetected;
            var now = clock.GetUtcNow();
            var ctx = Context(profile, s, callerNumber, now) with { Memo = memo, ReplySink = sink };
            ctx = ctx with { Booking = await BookingOfferAsync(profile, s, message, ctx, ct) };
            result = await engine.HandleAsync(s, message, ctx, ct);
            if (result.Lead is { } draft && !s.Simulated)
            {
                s.PendingLead = draft;
            }

            if (s.Status != ConversationStatus.ACTIVE && s.EndedAt is null)
            {
                // Ended by this turn: saved as owing its conversation row, so it stays indexed and any instance's sweep
                // writes it should this process stop before EndAsync below does.
                s.EndedAt = now;
                s.PersistPending = !s.Simulated;
            }

            var turn = s.History.Count(m => m.Role == "user");
            s.Timings.Add(new TurnTiming(turn, Math.Round(watch.Elapsed.TotalMilliseconds + (webhookStartedMs ?? 0), 2), result.ModelMs is { } m ? Math.Round(m, 1) : null));
            return true;
        }, ct, fresh: engine.AsksModel);

        if (session is null || result is null || profile is null)
        {
            return null;
        }

        if (decided is not null)
        {
            await decided(result with { Session = session }, ct);
        }

        s_turnMs.Record(watch.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("channel", session.Channel.ToString()));
        if (result.ModelMs is { } modelMs)
        {
            s_modelMs.Record(modelMs);
        }

        if (session.Simulated)
        {
            if (session.Status != ConversationStatus.ACTIVE)
            {
                await store.RetireAsync(session, ct);
            }

            return new TurnOutcome(result, null, false, session);
        }

        // Stored now, not at the end of the call: the owner's alert must not wait for a hang-up.
        (var stored, session) = await StorePendingLeadAsync(profile, session, ct);
        if (result.UnansweredQuestion is { } question)
        {
            try
            {
                await gaps.RecordAsync(session.BusinessId, question, sessionId, ct);
            }
            catch (Exception ex) when (DatabaseOutage.Is(ex))
            {
                LogGapLost(logger, sessionId, ex.GetType().Name);
            }
        }

        await PublishAsync(LiveEvent.SessionUpdated, session, ct);
        if (session.EmergencyDetected && !wasEmergency)
        {
            await PublishAsync(LiveEvent.EmergencyDetected, session, ct);
        }

        await PublishLeadCapturedAsync(stored, session, ct);

        if (session.Status != ConversationStatus.ACTIVE)
        {
            await EndAsync(sessionId, session.Status, ct, settled: NothingToSettle(session, profile) ? session : null);
        }

        return new TurnOutcome(result with { Session = session }, stored?.LeadId ?? session.LeadId, stored?.Created ?? false, session);
    }

    /// <summary>
    /// The visit this turn may offer, and when the caller's words choose one of the offered times, that time booked
    /// (or found taken) before the engine words the reply, so "Booked" or "just taken" is said in this same turn. A
    /// re-run of the turn finds the booking it made.
    /// </summary>
    async Task<Domain.Booking.BookingOffer?> BookingOfferAsync(BusinessProfile profile, ConversationSession s, string? message, TurnContext ctx, CancellationToken ct)
    {
        var offer = await bookings.OfferAsync(profile.Business, s, ctx.Now, ct);
        if (offer is null || s.Booking is not { Stage: Domain.Booking.BookingStage.Offered } state || string.IsNullOrWhiteSpace(message)
            || ConversationEngine.Audit(message, profile.Business, profile.Config).Priority == LeadPriority.URGENT)
        {
            return offer;
        }

        return BookingTalk.Read(message, state.Offered, offer.Slots, offer.Zone, ctx.Now) is { Kind: BookingAnswerKind.Choose, Start: { } start }
            ? await bookings.BookAsync(profile.Business, s, ctx, offer, start, ct)
            : offer;
    }

    /// <summary>
    /// Ends a session: a partial lead if a number was captured, the conversation and its analytics written once to
    /// PostgreSQL and linked to its lead, the session taken out of the active lists. Safe to call more than once. While
    /// the database is away the session keeps what it owes (lead, conversation) and stays indexed; a later call, the
    /// maintenance worker or any instance's sweep finishes the job.
    /// </summary>
    public async Task<bool> EndAsync(string sessionId, ConversationStatus status, CancellationToken ct, IReadOnlyDictionary<string, string>? metadata = null,
        ConversationSession? settled = null, DateTimeOffset? endedAt = null)
    {
        BusinessProfile? profile = null;
        // A session the turn that ended it just saved, with nothing left to settle, needs no second write here.
        var session = settled ?? await store.UpdateAsync(sessionId, async s =>
        {
            var changed = false;
            if (s.Status == ConversationStatus.ACTIVE)
            {
                s.Status = status;
                changed = true;
            }

            if (s.EndedAt is null)
            {
                s.EndedAt = endedAt ?? clock.GetUtcNow();
                s.PersistPending = !s.Simulated;
                changed = true;
            }

            foreach (var (key, raw) in metadata ?? new Dictionary<string, string>())
            {
                var value = StorableText.Clean(raw);
                changed |= !s.Metadata.TryGetValue(key, out var old) || old != value;
                s.Metadata[key] = value;
            }

            profile = s.Simulated ? null : await directory.GetAsync(s.BusinessId, ct);
            if (profile is not null && s.PendingLead is null && !s.LeadCaptured && PartialLeadOf(s, profile) is { } partial)
            {
                // Stored below, once this state is saved.
                s.LeadCaptured = true;
                s.PendingLead = partial;
                changed = true;
            }

            return changed;
        }, ct);

        if (session is null)
        {
            return false;
        }

        if (session.Simulated)
        {
            await store.RetireAsync(session, ct);
            return false;
        }

        if (profile is not null)
        {
            (var stored, session) = await StorePendingLeadAsync(profile, session, ct);
            await PublishLeadCapturedAsync(stored, session, ct);
        }

        if (session.PendingLead is not null)
        {
            return false;
        }

        bool inserted;
        try
        {
            inserted = await PersistAsync(session, ct);
        }
        catch (Exception ex) when (DatabaseOutage.Is(ex))
        {
            _pending[sessionId] = 0;
            LogPersistWaiting(logger, sessionId, ex.GetType().Name);
            return false;
        }

        await summaries.EndedAsync(session, inserted, ct);

        // Marking it written also retires it (out of the indexes, short TTL) in the same Redis call.
        var retired = false;
        if (session.PersistPending)
        {
            await store.UpdateAsync(sessionId, s =>
            {
                retired = s.PersistPending;
                s.PersistPending = false;
                return Task.FromResult(retired);
            }, ct);
        }

        if (!retired)
        {
            await store.RetireAsync(session, ct);
        }

        _pending.TryRemove(sessionId, out _);
        if (inserted)
        {
            await PublishAsync(LiveEvent.SessionEnded, session, ct);
            await webhookCalls.ConversationEndedAsync(session, ct);
            LogEnded(logger, sessionId, session.Status, session.History.Count);
            await missedCalls.QueueAsync(session, ct);
        }

        return inserted;
    }

    /// <summary>
    /// Whether a session ended by a turn is already as EndAsync's first write would leave it: ended, its lead stored
    /// (or no partial lead to make of it), nothing waiting for the database.
    /// </summary>
    bool NothingToSettle(ConversationSession s, BusinessProfile profile) =>
        s.EndedAt is not null && !s.Simulated && s.PendingLead is null
        && (s.LeadCaptured || PartialLeadOf(s, profile) is null);

    /// <summary>The lead an ended session leaves if a call-back number was captured, else null.</summary>
    LeadDraft? PartialLeadOf(ConversationSession s, BusinessProfile profile) => s.Metadata.GetValueOrDefault(AnsweredByKey) == "owner" ? null :
        ConversationEngine.PartialLead(s, Context(profile, s, s.Metadata.GetValueOrDefault("from"), clock.GetUtcNow()));

    /// <summary>Whether this instance holds sessions whose lead or conversation waits for the database.</summary>
    public bool HasPendingWrites => !_pending.IsEmpty;

    /// <summary>Retries what waited for the database: leads of live sessions, and ended sessions' leads and conversations.</summary>
    public async Task RetryPendingAsync(CancellationToken ct)
    {
        foreach (var id in _pending.Keys)
        {
            var session = await store.GetAsync(id, ct);
            if (session is null)
            {
                _pending.TryRemove(id, out _);
            }
            else if (session.Status != ConversationStatus.ACTIVE)
            {
                await EndAsync(id, session.Status, ct);
            }
            else if (session.PendingLead is not null && await directory.GetAsync(session.BusinessId, ct) is { } profile)
            {
                var (stored, updated) = await StorePendingLeadAsync(profile, session, ct);
                if (updated.PendingLead is null)
                {
                    _pending.TryRemove(id, out _);
                }

                await PublishLeadCapturedAsync(stored, updated, ct);
            }
            else
            {
                _pending.TryRemove(id, out _);
            }
        }
    }

    /// <summary>
    /// Stores the lead a saved session holds as pending, with its outbox rows, then records its id on the session.
    /// Called after the session update that decided the lead, never inside it (that callback may run again). Storing
    /// is idempotent, one lead per session: a second caller (a retry, another instance, the sweep) gets the same lead
    /// with Created false, and recording it is a plain state change, safe to repeat. While the database is away the lead
    /// waits on the session (<see cref="ConversationSession.PendingLead"/>) for a later turn, the end or the maintenance
    /// worker: never lost and never stored twice.
    /// </summary>
    async Task<(LeadRecorder.Stored? Stored, ConversationSession Session)> StorePendingLeadAsync(BusinessProfile profile, ConversationSession session,
        CancellationToken ct)
    {
        if (session.PendingLead is not { } draft || session.Simulated)
        {
            return (null, session);
        }

        LeadRecorder.Stored stored;
        try
        {
            stored = await leads.StoreAsync(profile.Business, draft, session.Channel, session.SessionId, ct, session.Language, session.Metadata.GetValueOrDefault("from"),
                session.Metadata.GetValueOrDefault(ContinuesKey));
        }
        catch (Exception ex) when (DatabaseOutage.Is(ex))
        {
            _pending[session.SessionId] = 0;
            LogLeadWaiting(logger, session.SessionId, ex.GetType().Name);
            return (null, session);
        }

        bool Record(ConversationSession s)
        {
            var changed = s.LeadId != stored.LeadId || s.PendingLead is not null;
            s.LeadId = stored.LeadId;
            s.PendingLead = null;
            return changed;
        }

        var recorded = await store.UpdateAsync(session.SessionId, s => Task.FromResult(Record(s)), ct);
        if (recorded is null)
        {
            // Gone from the store meanwhile (expired): the lead is stored all the same.
            Record(session);
        }

        return (stored, recorded ?? session);
    }

    /// <summary>Writes the finished conversation once (the session id is unique); later calls change nothing.</summary>
    async Task<bool> PersistAsync(ConversationSession session, CancellationToken ct)
    {
        var analytics = SessionAnalytics.From(session, clock.GetUtcNow());
        await using var command = dataSource.CreateCommand("""
            INSERT INTO conversations (id, business_id, session_id, channel, messages, analytics, status, started_at, ended_at, lead_id, call_sid, from_number, to_number)
            VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, (SELECT id FROM leads WHERE id = $10), $11, $12, $13)
            ON CONFLICT (session_id) DO NOTHING
            """);
        var messages = session.History.Select(m => new ConversationMessage(m.Role, m.Content, m.Timestamp, m.Intent, m.Confidence)).ToList();
        command.Parameters.AddWithValue(Guid.CreateVersion7());
        command.Parameters.AddWithValue(session.BusinessId);
        command.Parameters.AddWithValue(session.SessionId);
        command.Parameters.AddWithValue(session.Channel.ToString());
        command.Parameters.AddWithValue(System.Text.Json.JsonSerializer.Serialize(messages, RedisSessionStore.Json));
        command.Parameters.AddWithValue(System.Text.Json.JsonSerializer.Serialize(analytics, RedisSessionStore.Json));
        command.Parameters.AddWithValue(session.Status.ToString());
        command.Parameters.AddWithValue(session.StartedAt);
        command.Parameters.AddWithValue(session.EndedAt ?? clock.GetUtcNow());
        command.Parameters.AddWithValue((object?)session.LeadId ?? DBNull.Value);
        command.Parameters.AddWithValue((object?)Cut(session.Metadata.GetValueOrDefault("callSid"), 64) ?? DBNull.Value);
        command.Parameters.AddWithValue((object?)Cut(session.Metadata.GetValueOrDefault("from"), 20) ?? DBNull.Value);
        command.Parameters.AddWithValue((object?)Cut(session.Metadata.GetValueOrDefault("to"), 20) ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Tells the dashboards about a lead this call just created (not one a retry found already stored).</summary>
    Task PublishLeadCapturedAsync(LeadRecorder.Stored? stored, ConversationSession s, CancellationToken ct) =>
        stored is { Created: true }
            ? events.PublishAsync(LiveEvent.Create(LiveEvent.LeadCaptured, s.BusinessId, s.SessionId,
                new { leadId = stored.LeadId, priority = s.Priority.ToString(), channel = s.Channel.ToString() }, clock.GetUtcNow()), ct)
            : Task.CompletedTask;

    static string? Cut(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];

    Task PublishAsync(string type, ConversationSession s, CancellationToken ct)
    {
        var last = s.History.LastOrDefault();
        return events.PublishAsync(LiveEvent.Create(type, s.BusinessId, s.SessionId, new
        {
            channel = s.Channel.ToString(),
            status = s.Status.ToString(),
            priority = s.Priority.ToString(),
            step = s.DetailedFlow.SubFlow ?? s.DetailedFlow.PrimaryFlow,
            messages = s.History.Count,
            lastMessage = last is null ? null : new { last.Role, last.Content },
            startedAt = s.StartedAt,
            emergency = s.EmergencyDetected,
            leadId = s.LeadId,
            callerName = s.CallerName,
        }, clock.GetUtcNow()), ct);
    }

    static TurnContext Context(BusinessProfile profile, ConversationSession s, string? callerNumber, DateTimeOffset now) =>
        new(profile.Business, profile.Config, now, callerNumber ?? s.Metadata.GetValueOrDefault("from"),
            s.Channel == Channel.VOICE ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(10));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lead of {SessionId} kept on the session until the database is back ({Reason})")]
    private static partial void LogLeadWaiting(ILogger logger, string sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {SessionId} kept until the database is back ({Reason})")]
    private static partial void LogPersistWaiting(ILogger logger, string sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge gap of {SessionId} not counted: the database is unavailable ({Reason})")]
    private static partial void LogGapLost(ILogger logger, string sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {SessionId} ended {Status} after {Messages} messages")]
    private static partial void LogEnded(ILogger logger, string sessionId, ConversationStatus status, int messages);
}
