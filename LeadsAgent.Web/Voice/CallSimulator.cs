using System.Text.Json;
using Twilio.TwiML;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Conversations;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static LeadsAgent.Infrastructure.Twilio.TwiML;

namespace LeadsAgent.Web.Voice;

/// <summary>A scripted caller: the first thing they say, what they answer to each kind of question, and their follow-ups.</summary>
/// <param name="DuringHours">The call is routed as if it came in during opening hours (the owner's phone rings first where the routing says so).</param>
public sealed record SimulatorScenario(string Key, string Title, string CallerNumber, string Opening, string Name, string Email, string Address,
    string Details, string When, IReadOnlyList<string> FollowUps, bool DuringHours = false);

/// <summary>
/// One exchange of a simulated call: what the caller said (null for the answer), what they heard, and the TwiML.
/// <paramref name="Party"/> marks a warm transfer's steps: "owner" (what the owner's phone hears) and "back" (the caller
/// returned to the agent).
/// </summary>
public sealed record SimulatedTurn(string? CallerSaid, string AgentSaid, string Twiml, string Action, string? Party = null, bool Streamed = false);

/// <summary>A field the agent captured, next to the words it came from.</summary>
public sealed record SimulatedField(string Question, string Value, string? Utterance);

/// <summary>A simulated call as the owner sees it: the turns, what was captured, and what would have been sent.</summary>
public sealed record SimulatedCall(string CallId, IReadOnlyList<SimulatedTurn> Turns, IReadOnlyList<SimulatedField> Fields, LeadPriority Priority,
    IReadOnlyList<EmergencyReason> Reasons, IReadOnlyList<string> Alerts, bool LeadComplete, bool Ended);

/// <summary>
/// The owner's call simulator: the real phone pipeline (<see cref="VoiceAgent"/>, the conversation engine, the session
/// store) on a session marked simulated, so no lead, notification, call, email, gap or history is stored. What would
/// have been sent is worked out by the same rules that write the outbox and shown instead.
/// </summary>
public sealed class CallSimulator(VoiceAgent agent, ISessionStore store, BusinessDirectory directory, LeadRecorder leads,
    ConversationService conversations, WarmTransferCalls transfers, TimeProvider clock, IServiceScopeFactory scopes, IOptions<FeatureOptions> features)
{
    public const int MaxScenarioTurns = 12;
    const string TurnsKey = "simulator.turns";
    const string AlertsKey = "simulator.alerts";
    const string TypedCallerNumber = "+15550100199";

    public static IReadOnlyList<SimulatorScenario> Scenarios { get; } =
    [
        new("burst-pipe", "Burst pipe at 2 a.m.", "+15550100123",
            "Hi, sorry to call so late, it's 2 in the morning and a pipe just burst in my basement, there's water everywhere",
            "Sarah Miller", "sarah.miller@example.com", "42 Oak Street, Springfield", "The pipe by the water heater burst and the basement is flooding",
            "as soon as possible tonight", ["How soon can someone get here?", "No, that's everything. Thank you, bye."]),
        new("gas-smell", "Gas smell", "+15550100124",
            "I can smell gas in my kitchen, it's really strong",
            "Tom Becker", "tom.becker@example.com", "9 Elm Road, Springfield", "Strong gas smell near the stove",
            "right away", ["Okay, we're outside now.", "No, that's all. Bye."]),
        new("price-shopper", "Price shopper", "+15550100125",
            "Hi, how much do you charge to replace a water heater?",
            "Linda Park", "linda.park@example.com", "310 Pine Avenue, Springfield", "Getting quotes to replace a 12 year old water heater",
            "next week", ["Do you do free estimates?", "Okay, can someone call me back with a quote?", "No, that's all, thanks. Bye."]),
        new("human", "\"Let me talk to a person\" (you don't pick up)", "+15550100126",
            "Can I just talk to a real person please?",
            "Mark Evans", "mark.evans@example.com", "5 Birch Lane, Springfield", "I need a quote to redo the plumbing in my upstairs bathroom",
            "today", ["Okay, please have them call me back.", "No, that's all. Bye."]),
        // Calls from a number on the business's block list (the demo's blocked robocaller when the list is empty of others).
        new(BlockedScenarioKey, "Blocked number", DemoBlockedNumber,
            "Hello, we've been trying to reach you about your car's extended warranty", "Dan Carter", "offers@warranty.example", "1 Main Street, Springfield",
            "Extended car warranty offer", "today", ["Press 1 to speak to a warranty specialist.", "Goodbye."]),
        new("owner-misses", "During hours, owner doesn't answer", "+15550100127",
            "Hi, our kitchen faucet has been dripping for a week, can someone come and fix it?",
            "Rosa Diaz", "rosa.diaz@example.com", "18 Maple Court, Springfield", "Kitchen faucet dripping for a week",
            "tomorrow afternoon", ["No, that's everything. Thanks, bye."], DuringHours: true),
    ];

    /// <summary>The scenario whose caller uses a number from the business's block list.</summary>
    public const string BlockedScenarioKey = "blocked-number";
    const string DemoBlockedNumber = "+15550100666";

    public static SimulatorScenario? Scenario(string? key) => Scenarios.FirstOrDefault(s => s.Key == key);

    /// <summary>Rings the business's phone agent as a new simulated caller: the greeting, as Twilio would get it.</summary>
    /// <remarks>
    /// When the routing rings the owner's phone first, the simulator plays that leg as unanswered (the owner is the one
    /// testing, so their phone is not really rung) and then the agent taking the call, as a caller would hear it.
    /// </remarks>
    public async Task<string?> StartAsync(Guid businessId, string? callerNumber, CancellationToken ct, bool duringHours = false)
    {
        if (await directory.GetAsync(businessId, ct) is not { } profile)
        {
            return null;
        }

        var callId = "SIM" + Guid.NewGuid().ToString("N");
        var from = callerNumber ?? TypedCallerNumber;
        var now = clock.GetUtcNow();
        // "During hours": now when open, else the next opening, so the scenario plays the same any time of day.
        var routeAt = duringHours && profile.Business.Hours is { IsSet: true } hours
            ? hours.StatusAt(now, BusinessHours.Zone(profile.Business.TimeZone)) is { Open: false, NextOpening: { } next } ? next : now
            : (DateTimeOffset?)null;
        var twiml = await agent.AnswerAsync(profile, callId, from, profile.Business.TwilioPhoneNumber ?? "", ct, simulated: true, routeAt: routeAt);
        if (await store.GetAsync(callId, ct) is null)
        {
            // A blocked caller: the agent started nothing. A simulated session (never persisted) shows the owner what
            // the caller heard, and ends at once, as the real call does.
            await conversations.StartAsync(profile, Channel.VOICE, callId, new Dictionary<string, string> { ["callSid"] = callId, ["from"] = from, ["blocked"] = "true" },
                from, ct, simulated: true);
            await RecordAsync(callId, new SimulatedTurn(null, Heard(twiml), Render(twiml), ActionOf(twiml)), [], ct);
            await conversations.EndAsync(callId, ConversationStatus.ABANDONED, ct);
            return callId;
        }

        if (ActionOf(twiml) == RingOwnerAction)
        {
            var seconds = Math.Clamp(profile.Config.RingOwnerSeconds, CallRoutingRules.MinRingSeconds, CallRoutingRules.MaxRingSeconds);
            await RecordAsync(callId, new SimulatedTurn(null,
                $"(Your phone, {Application.Display.PhoneDisplay.Format(profile.Business.NotificationPhoneNumber)}, rings for {seconds} seconds with your business number as caller ID. Nobody answers.)",
                Render(twiml), RingOwnerAction), [], ct);
            twiml = await agent.OwnerDialAsync(callId, "no-answer", "in-progress", ct) ?? VoiceAgent.Apology();
        }

        await RecordAsync(callId, new SimulatedTurn(null, Heard(twiml), Render(twiml), ActionOf(twiml)), [], ct);
        return callId;
    }

    /// <summary>
    /// Whether this business's calls stream (ConversationRelay): its owner switched them to it and its plan has it. The
    /// simulator then plays each turn as the relay sends it, piece by piece, and the owner can talk over the agent.
    /// </summary>
    public async Task<bool> StreamsAsync(Guid businessId, CancellationToken ct) =>
        await directory.GetAsync(businessId, ct) is { Config.VoiceMode: VoiceMode.RELAY } profile
        && PlanRules.Allows(features.Value.EnablePlanTiers ? profile.Business.PlanTier : PlanTier.PRO, PlanFeature.VoiceConfiguration);

    /// <summary>
    /// The caller says something (empty: stays silent). False when the call is not this business's or has ended. With
    /// <paramref name="streamed"/>, the turn goes as on a streaming call: each text token the relay would send to Twilio
    /// is given to it as it leaves, and <paramref name="interrupt"/> is the caller talking over the agent (what was not
    /// yet sent is not said, and the transcript keeps what was).
    /// </summary>
    public async Task<bool> SayAsync(Guid businessId, string callId, string speech, CancellationToken ct,
        Func<string, Task>? streamed = null, CancellationToken interrupt = default)
    {
        if (await store.GetAsync(callId, ct) is not { Simulated: true, Status: ConversationStatus.ACTIVE } session || session.BusinessId != businessId
            || await directory.GetAsync(businessId, ct) is not { } profile)
        {
            return false;
        }

        var tokens = new List<string>();
        var relay = streamed is null ? null : new RelaySink(async (token, last, _) =>
        {
            tokens.Add(JsonSerializer.Serialize(new { type = "text", token, last }));
            await streamed(token);
        }, interrupt);
        var reply = await agent.HearAsync(callId, speech, session.Metadata.GetValueOrDefault("from") ?? TypedCallerNumber, "", 0, ct, relay);
        if (reply is null)
        {
            return false;
        }

        var alerts = new List<string>();
        if (reply.Turn?.Result.Lead is { } draft)
        {
            alerts.AddRange(Describe(profile.Business, draft, callId));
        }
        else if (reply.Turn?.Session is { Status: not ConversationStatus.ACTIVE, LeadCaptured: false } ended
            && ConversationEngine.PartialLead(ended, new TurnContext(profile.Business, profile.Config, clock.GetUtcNow(), ended.Metadata.GetValueOrDefault("from"))) is { } partial)
        {
            alerts.AddRange(Describe(profile.Business, partial, callId));
        }

        var action = ActionOf(reply.Twiml);
        var turn = new SimulatedTurn(speech, Heard(reply.Twiml), Render(reply.Twiml), action);
        if (relay is not null && reply.Turn is { } streamedTurn)
        {
            turn = await StreamedAsync(callId, turn, relay, tokens, streamedTurn.Result, ct);
        }

        await RecordAsync(callId, turn, alerts, ct);
        if (action == "transfer")
        {
            // Twilio would now ring the owner's phone with the whisper. Nobody presses 1 on a simulated call, so it shows
            // the owner's side and then what the caller gets when the owner does not take it: back to the agent.
            var whisper = await transfers.WhisperAsync(callId, ct);
            await RecordAsync(callId, new SimulatedTurn(null, Heard(whisper), Render(whisper), "whisper", "owner"), [], ct);
            await transfers.WhisperAnswerAsync(callId, "", ct);
            if (await transfers.ResultAsync(callId, "completed", ct) is { } back)
            {
                await RecordAsync(callId, new SimulatedTurn(null, Heard(back), Render(back), ActionOf(back), "back"), [], ct);
            }
        }

        return true;
    }

    /// <summary>
    /// A turn on a streaming call: the rest of the reply after what the engine streamed, what the caller heard (all of it,
    /// or up to where they talked over the agent, as the relay's interrupt trims the transcript), and the text tokens sent
    /// (then, when the session ends for a transfer, voicemail or goodbye, the TwiML the action URL answers with).
    /// </summary>
    async Task<SimulatedTurn> StreamedAsync(string callId, SimulatedTurn turn, RelaySink relay, List<string> tokens, TurnResult result, CancellationToken ct)
    {
        if (turn.Action == "listen")
        {
            await relay.FinishAsync(result.Unsent ?? result.Spoken.PlainText);
        }

        var sent = string.Join("\n", tokens);
        if (relay.Stopped.IsCancellationRequested)
        {
            var heard = relay.Said.Trim();
            await RelayCalls.KeepWhatWasHeardAsync(store, callId, heard, ct);
            return turn with { AgentSaid = heard.Length == 0 ? "…" : heard + " …", Twiml = sent, Action = InterruptedAction, Streamed = true };
        }

        return turn.Action == "listen"
            ? turn with { AgentSaid = relay.Said.Trim(), Twiml = sent, Streamed = true }
            : turn with { Twiml = sent.Length == 0 ? turn.Twiml : sent + "\n" + turn.Twiml, Streamed = true };
    }

    /// <summary>The action of a streamed turn the caller talked over.</summary>
    public const string InterruptedAction = "interrupted";

    /// <summary>Plays a scripted caller through a whole call: the opening line, then an answer to each question asked.</summary>
    public async Task<string?> RunAsync(Guid businessId, SimulatorScenario scenario, CancellationToken ct)
    {
        var callId = await StartAsync(businessId, await CallerNumberAsync(businessId, scenario, ct), ct, scenario.DuringHours);
        if (callId is null)
        {
            return null;
        }

        var followUps = new Queue<string>(scenario.FollowUps);
        var next = scenario.Opening;
        for (var turn = 0; turn < MaxScenarioTurns && next is not null; turn++)
        {
            if (!await SayAsync(businessId, callId, next, ct))
            {
                break;
            }

            next = await NextLineAsync(businessId, callId, scenario, followUps, ct);
        }

        if (await store.GetAsync(callId, ct) is { Status: ConversationStatus.ACTIVE })
        {
            await HangUpAsync(businessId, callId, ct);
        }

        return callId;
    }

    /// <summary>
    /// The number the scripted caller calls from: the scenario's, except for the blocked-number scenario, whose caller
    /// uses a number from the business's own block list (the most recently added), or the demo's robocaller.
    /// </summary>
    public async Task<string> CallerNumberAsync(Guid businessId, SimulatorScenario scenario, CancellationToken ct)
    {
        if (scenario.Key != BlockedScenarioKey)
        {
            return scenario.CallerNumber;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(businessId);
        return await db.BlockedNumbers.AsNoTracking().Where(b => b.BusinessId == businessId).OrderByDescending(b => b.CreatedAt)
            .Select(b => b.Number).FirstOrDefaultAsync(ct) ?? scenario.CallerNumber;
    }

    /// <summary>
    /// What the scripted caller says next on this call: the answer to the question being asked, else their next
    /// follow-up (taken from <paramref name="followUps"/>); null once the call has ended or they have nothing more to say.
    /// </summary>
    public async Task<string?> NextLineAsync(Guid businessId, string callId, SimulatorScenario scenario, Queue<string> followUps, CancellationToken ct)
    {
        if (await store.GetAsync(callId, ct) is not { Simulated: true, Status: ConversationStatus.ACTIVE } session || session.BusinessId != businessId)
        {
            return null;
        }

        var profile = await directory.GetAsync(businessId, ct);
        return Answer(scenario, session, profile?.Config, followUps);
    }

    /// <summary>The caller hangs up: the session ends as a real call's would, without storing anything.</summary>
    public async Task<bool> HangUpAsync(Guid businessId, string callId, CancellationToken ct)
    {
        if (await store.GetAsync(callId, ct) is not { Simulated: true } session || session.BusinessId != businessId)
        {
            return false;
        }

        if (session.Status == ConversationStatus.ACTIVE && !session.LeadCaptured && await directory.GetAsync(businessId, ct) is { } profile
            && ConversationEngine.PartialLead(session, new TurnContext(profile.Business, profile.Config, clock.GetUtcNow(), session.Metadata.GetValueOrDefault("from"))) is { } partial)
        {
            await RecordAsync(callId, null, Describe(profile.Business, partial, callId), ct);
        }

        await conversations.EndAsync(callId, session.LeadCaptured ? ConversationStatus.COMPLETED : ConversationStatus.ABANDONED, ct);
        return true;
    }

    /// <summary>A simulated call of this business, or null (another business's, a real call's, or expired).</summary>
    public async Task<SimulatedCall?> GetAsync(Guid businessId, string callId, CancellationToken ct)
    {
        if (await store.GetAsync(callId, ct) is not { Simulated: true } session || session.BusinessId != businessId)
        {
            return null;
        }

        var turns = session.Metadata.TryGetValue(TurnsKey, out var json) ? JsonSerializer.Deserialize<List<SimulatedTurn>>(json) ?? [] : [];
        var alerts = session.Metadata.TryGetValue(AlertsKey, out var a) ? JsonSerializer.Deserialize<List<string>>(a) ?? [] : [];
        var fields = session.Capture.Answers.Values.Select(v => new SimulatedField(v.Question, v.Value, v.Utterance)).ToList();
        return new SimulatedCall(callId, turns, fields, session.Priority, session.EmergencyReasons, alerts, session.Capture.Completed,
            session.Status != ConversationStatus.ACTIVE);
    }

    /// <summary>What the scripted caller says next: an answer to the question being asked, else the next follow-up.</summary>
    static string? Answer(SimulatorScenario scenario, ConversationSession session, AgentConfig? config, Queue<string> followUps)
    {
        if (session.Capture.PendingPhone is not null)
        {
            return "Yes, that's the right number.";
        }

        var question = config?.Questions.FirstOrDefault(q => q.Id == session.Capture.CurrentQuestionId);
        if (question is not null && session.Capture.Active)
        {
            return question.MapsToLeadField switch
            {
                LeadFields.ContactName => $"It's {scenario.Name}.",
                LeadFields.ContactPhone => scenario.CallerNumber,
                LeadFields.ContactEmail => scenario.Email,
                LeadFields.Address => scenario.Address,
                _ => question.ExpectedFormat switch
                {
                    ExpectedFormat.EMAIL => scenario.Email,
                    ExpectedFormat.PHONE => scenario.CallerNumber,
                    ExpectedFormat.ADDRESS => scenario.Address,
                    ExpectedFormat.DATE => scenario.When,
                    _ => scenario.Details,
                },
            };
        }

        return followUps.TryDequeue(out var next) ? next : null;
    }

    List<string> Describe(Business business, LeadDraft draft, string callId) =>
        leads.Notifications(business, draft.ToLead(business.Id, Channel.VOICE, callId, clock.GetUtcNow()), clock.GetUtcNow(), partial: draft.Partial).Select(n =>
        {
            using var payload = JsonDocument.Parse(n.Payload);
            var to = payload.RootElement.TryGetProperty("to", out var t) ? t.GetString() : null;
            return n.Kind switch
            {
                NotificationKind.OWNER_EMAIL => $"Email to {to}: a new lead, marked {Application.Display.Words.Priority(draft.Priority)}{(draft.Partial ? " (partial: the caller's number only)" : "")}",
                // Texts (issue 18), as the default text settings would send them.
                NotificationKind.SMS => $"Text to {to}: {(payload.RootElement.TryGetProperty("body", out var body) ? body.GetString() : "")}",
                _ => $"Emergency alert call to {to} (press 1 to accept); if nobody accepts, "
                    + (payload.RootElement.TryGetProperty("backup", out var b) && b.GetString() is { } backup && backup != to ? $"the backup number {backup} is called" : "it calls again"),
            };
        }).ToList();

    async Task RecordAsync(string callId, SimulatedTurn? turn, IReadOnlyCollection<string> alerts, CancellationToken ct) =>
        await store.UpdateAsync(callId, s =>
        {
            if (turn is not null)
            {
                var turns = s.Metadata.TryGetValue(TurnsKey, out var json) ? JsonSerializer.Deserialize<List<SimulatedTurn>>(json) ?? [] : [];
                turns.Add(turn);
                s.Metadata[TurnsKey] = JsonSerializer.Serialize(turns);
            }

            if (alerts.Count > 0)
            {
                var all = s.Metadata.TryGetValue(AlertsKey, out var a) ? JsonSerializer.Deserialize<List<string>>(a) ?? [] : [];
                all.AddRange(alerts);
                s.Metadata[AlertsKey] = JsonSerializer.Serialize(all);
            }

            return Task.FromResult(true);
        }, ct);

    /// <summary>What the caller hears: every Say in order, as plain text (SSML tags dropped).</summary>
    static string Heard(VoiceResponse twiml) => string.Join(" ", ToXml(twiml).Descendants("Say").Select(s => s.Value.Trim()).Where(s => s.Length > 0));

    /// <summary>The action of the ring-owner leg of a routed call.</summary>
    public const string RingOwnerAction = "ring owner";

    static string ActionOf(VoiceResponse response)
    {
        var twiml = ToXml(response);
        return twiml.Element("Dial")?.Attribute("action")?.Value == VoiceAgent.OwnerDialPath ? RingOwnerAction
            : twiml.Element("Dial") is not null ? "transfer"
            : twiml.Element("Record") is not null ? "voicemail"
            : twiml.Element("Gather") is not null ? "listen"
            : twiml.Element("Hangup") is not null ? "hang up" : "listen";
    }
}
