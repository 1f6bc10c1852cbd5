using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Application.Simulator;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Simulator;

public partial class CallSimulatorPage
{
    /// <summary>The pause between a scripted caller's turns, so the owner can follow the call as it unfolds.</summary>
    public static readonly TimeSpan TurnPause = TimeSpan.FromMilliseconds(350);

    readonly CancellationTokenSource _closed = new();
    CancellationTokenSource? _play;
    PlanTier? _plan;
    string? _speech;
    string? _speechError;
    string? _scriptError;
    bool _busy;
    bool _playing;

    protected override async Task OnInitializedAsync()
    {
        Run.Spoke += ShowSpeakingAsync;
        _plan = await Current.EffectivePlanAsync();
    }

    /// <summary>A streamed turn's next piece: shown as it goes out, as the caller would hear it.</summary>
    Task ShowSpeakingAsync() => InvokeAsync(StateHasChanged);

    void Choose(string? key)
    {
        Run.Choose(key);
        _scriptError = null;
    }

    /// <summary>Plays the scripted caller to the end of the call, a turn at a time, each turn shown as it happens.</summary>
    async Task PlayAsync()
    {
        if (!await ReadyToScriptAsync())
        {
            return;
        }

        _play = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token);
        _playing = true;
        try
        {
            while (Run.ScriptCanContinue && !_play.IsCancellationRequested)
            {
                StateHasChanged();
                await Task.Delay(TurnPause, _play.Token);
                if (!Show(await Run.NextScriptedTurnAsync(_closed.Token)))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Paused, or the page was closed.
        }
        finally
        {
            _playing = false;
            _play.Dispose();
            _play = null;
        }
    }

    void Pause() => _play?.Cancel();

    /// <summary>One scripted line: starts the call first when there is none.</summary>
    async Task StepAsync()
    {
        if (!await ReadyToScriptAsync())
        {
            return;
        }

        await BusyAsync(async () => Show(await Run.NextScriptedTurnAsync(_closed.Token)));
    }

    /// <summary>A scripted caller is chosen and a call of theirs is ringing (a new one when the last has ended).</summary>
    async Task<bool> ReadyToScriptAsync()
    {
        if (Run.Script is null)
        {
            _scriptError = "Choose a scripted caller first.";
            return false;
        }

        if (Run.ScriptCanContinue)
        {
            return true;
        }

        var started = false;
        await BusyAsync(async () => started = Show(await Run.StartAsync(_closed.Token)));
        return started;
    }

    async Task StartTypedAsync() => await BusyAsync(async () => Show(await Run.StartAsync(_closed.Token)));

    async Task SayAsync()
    {
        var speech = _speech?.Trim() ?? "";
        if (speech.Length == 0)
        {
            _speechError = "Type what the caller says, or choose Stay silent.";
            return;
        }

        if (speech.Length > SimulatorRun.MaxSpeech)
        {
            _speechError = $"Keep it under {SimulatorRun.MaxSpeech} characters, as a caller would.";
            return;
        }

        await BusyAsync(async () =>
        {
            if (Show(await Run.SayAsync(speech, _closed.Token)))
            {
                _speech = null;
            }
        });
    }

    async Task SilentAsync() => await BusyAsync(async () => Show(await Run.SayAsync("", _closed.Token)));

    async Task HangUpAsync() => await BusyAsync(async () => Show(await Run.HangUpAsync(_closed.Token)));

    /// <summary>Ends the call and clears the panels; the scripted caller stays chosen for the next call.</summary>
    async Task StartOverAsync()
    {
        _play?.Cancel();
        await BusyAsync(async () => await Run.StartOverAsync(_closed.Token));
        (_speech, _speechError) = (null, null);
    }

    async Task BusyAsync(Func<Task> work)
    {
        _busy = true;
        try
        {
            await work();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Says what went wrong, in words; true when it went through.</summary>
    bool Show(SimulatorOutcome outcome)
    {
        switch (outcome)
        {
            case SimulatorOutcome.CallEnded:
                Snackbar.Add("That simulated call has ended or expired. Start a new one.", Severity.Info);
                return false;
            case SimulatorOutcome.NotStarted:
                Snackbar.Add("The call could not be started. Try again in a moment.", Severity.Warning);
                return false;
            default:
                return true;
        }
    }

    public void Dispose()
    {
        Run.Spoke -= ShowSpeakingAsync;
        _closed.Cancel();
        _closed.Dispose();
    }
}
