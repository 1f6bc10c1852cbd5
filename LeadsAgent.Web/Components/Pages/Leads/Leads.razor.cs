using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Application.Leads;
using LeadsAgent.Web.Live;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Leads;

/// <summary>
/// The owner's leads: a server-paged, sorted and filtered grid whose filters live in the address (a reload keeps
/// them) and feed the CSV export; new leads and status changes elsewhere show up live.
/// </summary>
public partial class Leads
{
    [Inject] LeadQueries Queries { get; set; } = default!;
    [Inject] BusinessClockProvider Clocks { get; set; } = default!;
    [Inject] NavigationManager Navigation { get; set; } = default!;
    [Inject] DashboardFeed Feed { get; set; } = default!;

    [SupplyParameterFromQuery] string? Status { get; set; }
    [SupplyParameterFromQuery] string? Priority { get; set; }
    [SupplyParameterFromQuery] string? Channel { get; set; }
    [SupplyParameterFromQuery] string? From { get; set; }
    [SupplyParameterFromQuery] string? To { get; set; }
    [SupplyParameterFromQuery] string? Search { get; set; }
    [SupplyParameterFromQuery] string? Sort { get; set; }

    MudDataGrid<LeadRow>? _grid;
    LeadFilter _filter = LeadFilter.None;
    BusinessClock? _clock;
    IDisposable? _subscription;
    int? _total;

    string CountText => _total switch
    {
        null => "",
        1 => "1 lead",
        var n => $"{n:N0} leads",
    };

    protected override async Task OnInitializedAsync()
    {
        _clock = await Clocks.GetAsync();
        if (RendererInfo.IsInteractive)
        {
            _subscription = await Feed.SubscribeAsync(OnEventAsync);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        var filter = new LeadFilter(Status, Priority, Channel, From, To, Sort, Search);
        filter = filter with { Sort = filter.SortOrder == LeadSort.Newest ? null : LeadFilter.SortName(filter.SortOrder) };
        if (filter != _filter)
        {
            _filter = filter;
            if (_grid is not null)
            {
                await _grid.ReloadServerData();
            }
        }
    }

    Task FilterChangedAsync(LeadFilter filter)
    {
        Navigation.NavigateTo("/leads" + filter.QueryString(), replace: true);
        return Task.CompletedTask;
    }

    async Task<GridData<LeadRow>> LoadAsync(GridState<LeadRow> state, CancellationToken ct)
    {
        var sort = SortFrom(state.SortDefinitions.FirstOrDefault());
        var sortName = sort == LeadSort.Newest ? null : LeadFilter.SortName(sort);
        if (sortName != _filter.Sort)
        {
            // The grid's header was clicked: keep the order in the address too (no second load: the filter already matches).
            _filter = _filter with { Sort = sortName };
            Navigation.NavigateTo("/leads" + _filter.QueryString(), replace: true);
        }

        var page = await Queries.PageAsync(_filter, state.Page, state.PageSize, ct);
        _total = page.Total;
        return new GridData<LeadRow> { Items = page.Rows, TotalItems = page.Total };
    }

    static LeadSort SortFrom(SortDefinition<LeadRow>? sort) => (sort?.SortBy, sort?.Descending) switch
    {
        (nameof(LeadRow.CreatedAt), false) => LeadSort.Oldest,
        (nameof(LeadRow.Name), false) => LeadSort.Name,
        (nameof(LeadRow.Name), true) => LeadSort.NameDescending,
        (nameof(LeadRow.Priority), false) => LeadSort.LeastUrgent,
        (nameof(LeadRow.Priority), true) => LeadSort.MostUrgent,
        (nameof(LeadRow.Status), false) => LeadSort.Status,
        (nameof(LeadRow.Status), true) => LeadSort.StatusDescending,
        _ => LeadSort.Newest,
    };

    /// <summary>The column's first direction when the address asks for its order: the header shows what the rows are sorted by.</summary>
    SortDirection Initial(LeadSort descending, LeadSort ascending) =>
        _filter.SortOrder == descending ? SortDirection.Descending : _filter.SortOrder == ascending ? SortDirection.Ascending : SortDirection.None;

    async Task OnEventAsync(LiveEvent e)
    {
        if (e.Type is LiveEvent.LeadCaptured or LiveEvent.AlertStatus && _grid is not null)
        {
            await InvokeAsync(async () =>
            {
                await _grid.ReloadServerData();
                StateHasChanged();
            });
        }
    }

    public ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        return ValueTask.CompletedTask;
    }
}
