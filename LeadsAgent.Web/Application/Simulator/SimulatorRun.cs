using LeadsAgent.Domain.Engine;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Voice;

namespace LeadsAgent.Web.Application.Simulator;

/// <summary>What became of something the owner did on the simulator.</summary>
public enum SimulatorOutcome
{
    Done,
    /// <summary>The call had ended or expired (the session store forgets a quiet call).</summary>
    CallEnded,
    /// <summary>The phone agent could not be reached (no business profile): try again.</summary>
    NotStarted,
}

/// <summary>
/// One owner's call simulator page: the simulated call on screen, the scripted caller chosen (kept when the owner
/// starts over) and what that caller says next, played a turn at a time on <see cref="CallSimulator"/>'s real phone
/// pipeline. The owner may type a turn in between; the scripted caller then answers whatever is asked next.
/// </summary>
public sealed class SimulatorRun(CallSimulator simulator, CurrentBusiness current)
{
    Queue<string> _followUps = new();
    int _scriptedTurns;
    CancellationTokenSource? _speaking;

    /// <summary>Whether the business's calls stream (ConversationRelay): turns are then played as the relay sends them.</summary>
    public bool Streams { get; private set; }

    /// <summary>On a streaming call, what the agent has said so far of the turn being played; null between turns.</summary>
    public string? Speaking { get; private set; }

    /// <summary>Raised as each piece of a streamed turn goes out, so the page can show it.</summary>
    public event Func<Task>? Spoke;

    /// <summary>Whether the agent is speaking a streamed turn the caller can still talk over.</summary>
    public bool CanInterrupt => _speaking is { IsCancellationRequested: false };

    /// <summary>The caller talks over the agent: the rest of the turn is not said, and the transcript keeps what was.</summary>
    public void Interrupt() => _speaking?.Cancel();

    /// <summary>The scripted caller chosen, or null when the owner types every turn.</summary>
    public SimulatorScenario? Script { get; private set; }

    /// <summary>The call on screen: its turns, what was captured, its priority and the alerts that would go out.</summary>
    public SimulatedCall? Call { get; private set; }

    /// <summary>What the scripted caller says next (shown before it is said), or null when they are done.</summary>
    public string? NextLine { get; private set; }

    public bool InCall => Call is { Ended: false };

    public bool ScriptCanContinue => Script is not null && InCall && NextLine is not null && _scriptedTurns < CallSimulator.MaxScenarioTurns;

    /// <summary>Chooses the scripted caller for the next call (the call on screen, if any, is left as it is).</summary>
    public void Choose(string? scenarioKey) => Script = CallSimulator.Scenario(scenarioKey);

    /// <summary>Rings the phone agent: as the scripted caller when one is chosen (their number, their first words next).</summary>
    public async Task<SimulatorOutcome> StartAsync(CancellationToken ct = default)
    {
        await EndCurrentAsync(ct);
        var businessId = await BusinessIdAsync(ct);
        var callId = await simulator.StartAsync(businessId, Script is null ? null : await simulator.CallerNumberAsync(businessId, Script, ct), ct, Script?.DuringHours ?? false);
        if (callId is null)
        {
            return SimulatorOutcome.NotStarted;
        }

        Streams = await simulator.StreamsAsync(businessId, ct);
        _followUps = new Queue<string>(Script?.FollowUps ?? []);
        _scriptedTurns = 0;
        NextLine = Script?.Opening;
        Call = await simulator.GetAsync(businessId, callId, ct);
        return SimulatorOutcome.Done;
    }

    /// <summary>The scripted caller says their next line; when they have nothing more to say, they hang up.</summary>
    public async Task<SimulatorOutcome> NextScriptedTurnAsync(CancellationToken ct = default)
    {
        if (Script is null || Call is null || NextLine is null)
        {
            return SimulatorOutcome.CallEnded;
        }

        _scriptedTurns++;
        var outcome = await SayAsync(NextLine, ct);
        if (outcome == SimulatorOutcome.Done && InCall && (NextLine is null || _scriptedTurns >= CallSimulator.MaxScenarioTurns))
        {
            return await HangUpAsync(ct);
        }

        return outcome;
    }

    /// <summary>The caller says <paramref name="speech"/> ("" stays silent); then the scripted caller's next line is worked out.</summary>
    public async Task<SimulatorOutcome> SayAsync(string speech, CancellationToken ct = default)
    {
        if (Call is not { Ended: false } call)
        {
            return SimulatorOutcome.CallEnded;
        }

        var businessId = await BusinessIdAsync(ct);
        if (!await SayOnCallAsync(businessId, call.CallId, speech, ct))
        {
            return await ForgetAsync(businessId, call.CallId, ct);
        }

        NextLine = Script is null ? null : await simulator.NextLineAsync(businessId, call.CallId, Script, _followUps, ct);
        Call = await simulator.GetAsync(businessId, call.CallId, ct);
        return SimulatorOutcome.Done;
    }

    async Task<bool> SayOnCallAsync(Guid businessId, string callId, string speech, CancellationToken ct)
    {
        if (!Streams)
        {
            return await simulator.SayAsync(businessId, callId, speech, ct);
        }

        using var speaking = new CancellationTokenSource();
        (_speaking, Speaking) = (speaking, "");
        try
        {
            return await simulator.SayAsync(businessId, callId, speech, ct, async token =>
            {
                Speaking += token;
                if (Spoke is { } spoke)
                {
                    await spoke();
                }
            }, speaking.Token);
        }
        finally
        {
            (_speaking, Speaking) = (null, null);
        }
    }

    /// <summary>The caller hangs up: what a partial call would have sent shows under the alerts.</summary>
    public async Task<SimulatorOutcome> HangUpAsync(CancellationToken ct = default)
    {
        if (Call is not { Ended: false } call)
        {
            return SimulatorOutcome.CallEnded;
        }

        var businessId = await BusinessIdAsync(ct);
        if (!await simulator.HangUpAsync(businessId, call.CallId, ct))
        {
            return await ForgetAsync(businessId, call.CallId, ct);
        }

        NextLine = null;
        Call = await simulator.GetAsync(businessId, call.CallId, ct);
        return SimulatorOutcome.Done;
    }

    /// <summary>Ends the call on screen and clears the panels; the chosen scripted caller stays chosen.</summary>
    public async Task StartOverAsync(CancellationToken ct = default)
    {
        await EndCurrentAsync(ct);
        Call = null;
        NextLine = null;
        _scriptedTurns = 0;
    }

    async Task EndCurrentAsync(CancellationToken ct)
    {
        if (InCall)
        {
            await simulator.HangUpAsync(await BusinessIdAsync(ct), Call!.CallId, ct);
        }
    }

    async Task<SimulatorOutcome> ForgetAsync(Guid businessId, string callId, CancellationToken ct)
    {
        // Ended elsewhere (expired in the session store): keep showing what was seen, as ended.
        Call = await simulator.GetAsync(businessId, callId, ct) ?? (Call is null ? null : Call with { Ended = true });
        NextLine = null;
        return SimulatorOutcome.CallEnded;
    }

    async Task<Guid> BusinessIdAsync(CancellationToken ct) => (await current.GetAsync(ct)).Id;

    /// <summary>The longest thing a caller may say in one turn, as the engine takes it.</summary>
    public static int MaxSpeech => ConversationEngine.MaxMessageLength;
}
