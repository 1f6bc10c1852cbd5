using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Web.Application.Conversations;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Live;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Conversations;

/// <summary>Finished and active calls and chats, filtered and paged on the server; new and ended ones appear without a reload.</summary>
public partial class Conversations
{
    [Inject] ConversationQueries Queries { get; set; } = default!;
    [Inject] DashboardFeed Feed { get; set; } = default!;
    [Inject] BusinessClockProvider Clocks { get; set; } = default!;

    MudDataGrid<ConversationRow>? _grid;
    ConversationFilter _filter = new();
    BusinessClock? _clock;
    IDisposable? _subscription;

    protected override async Task OnInitializedAsync()
    {
        _clock = await Clocks.GetAsync();
        if (RendererInfo.IsInteractive)
        {
            _subscription = await Feed.SubscribeAsync(OnEventAsync);
        }
    }

    async Task<GridData<ConversationRow>> LoadAsync(GridState<ConversationRow> state, CancellationToken ct)
    {
        var page = await Queries.PageAsync(_filter, state.Page * state.PageSize, state.PageSize, ct);
        return new GridData<ConversationRow> { Items = page.Rows, TotalItems = page.Total };
    }

    async Task OnFilterChangedAsync(ConversationFilter filter)
    {
        _filter = filter;
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    /// <summary>A call or chat started or ended, or a caller gave their name: the list shows it at once.</summary>
    Task OnEventAsync(LiveEvent e) =>
        e.Type is LiveEvent.SessionStarted or LiveEvent.SessionEnded or LiveEvent.SessionUpdated or LiveEvent.LeadCaptured && _grid is not null
            ? InvokeAsync(() => _grid!.ReloadServerData())
            : Task.CompletedTask;

    internal static string ChannelIcon(Channel channel) => Words.ChannelIcon(channel);

    public ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        return ValueTask.CompletedTask;
    }
}
