using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Web.Application.Conversations;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Live;
using Microsoft.AspNetCore.Components;

namespace LeadsAgent.Web.Components.Pages.Conversations;

/// <summary>
/// One call or chat. While it goes on, the live watch view: the transcript grows and the captured details fill in as
/// events arrive (no polling), and the length ticks each second. When it ends, the finished view with its outcome.
/// </summary>
public partial class ConversationDetail
{
    [Parameter] public string SessionId { get; set; } = "";

    [Inject] ConversationQueries Queries { get; set; } = default!;
    [Inject] DashboardFeed Feed { get; set; } = default!;
    [Inject] BusinessClockProvider Clocks { get; set; } = default!;
    [Inject] NavigationManager Navigation { get; set; } = default!;

    ConversationView? _view;
    BusinessClock? _clock;
    IDisposable? _subscription;
    PeriodicTimer? _ticker;

    protected override async Task OnInitializedAsync()
    {
        _clock = await Clocks.GetAsync();
        _view = await Queries.ViewAsync(SessionId);
        if (_view is null)
        {
            Navigation.NotFound();
            return;
        }

        if (RendererInfo.IsInteractive)
        {
            _subscription = await Feed.SubscribeAsync(OnEventAsync);
            StartTicking();
        }
    }

    async Task OnEventAsync(LiveEvent e)
    {
        if (e.SessionId != SessionId || e.Type is not (LiveEvent.SessionUpdated or LiveEvent.SessionEnded or LiveEvent.LeadCaptured))
        {
            return;
        }

        var fresh = await Queries.ViewAsync(SessionId);
        await InvokeAsync(() =>
        {
            _view = fresh ?? _view;
            if (_view?.Active != true)
            {
                StopTicking();
            }

            StateHasChanged();
        });
    }

    /// <summary>A one-second tick only while the conversation is live, so its length counts up.</summary>
    void StartTicking()
    {
        if (_view?.Active != true || _ticker is not null)
        {
            return;
        }

        _ticker = new PeriodicTimer(TimeSpan.FromSeconds(1));
        _ = TickAsync(_ticker);
    }

    async Task TickAsync(PeriodicTimer ticker)
    {
        try
        {
            while (await ticker.WaitForNextTickAsync())
            {
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (ObjectDisposedException)
        {
            // The page closed.
        }
    }

    void StopTicking()
    {
        _ticker?.Dispose();
        _ticker = null;
    }

    string Length(ConversationView v) => v.Active && _clock is not null
        ? BusinessClock.Duration(_clock.Now - v.Summary.StartedAt)
        : v.Summary.LengthSeconds is { } s ? BusinessClock.Duration(TimeSpan.FromSeconds(s)) : "";

    public ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        StopTicking();
        return ValueTask.CompletedTask;
    }
}
