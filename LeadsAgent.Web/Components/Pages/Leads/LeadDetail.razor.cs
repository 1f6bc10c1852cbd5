using System.Text.Json;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Application.Emergencies;
using LeadsAgent.Web.Application.Leads;
using LeadsAgent.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Leads;

/// <summary>
/// One lead: who to call back, what they told the agent and why it was urgent, what we did about it (the email and
/// alert calls, told truthfully) with Acknowledge while an emergency waits, the voicemail and the conversation, and
/// the owner's status and notes. Everything updates live while the page is open.
/// </summary>
public partial class LeadDetail
{
    [Parameter] public Guid Id { get; set; }
    [CascadingParameter] Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject] LeadQueries Queries { get; set; } = default!;
    [Inject] AcknowledgeEmergency Acknowledge { get; set; } = default!;
    [Inject] BusinessClockProvider Clocks { get; set; } = default!;
    [Inject] DashboardFeed Feed { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;

    Lead? _lead;
    IReadOnlyList<TimelineEntry> _timeline = [];
    BusinessClock? _clock;
    IDisposable? _subscription;
    bool _loaded;
    bool _acknowledging;

    protected override async Task OnInitializedAsync()
    {
        _clock = await Clocks.GetAsync();
        if (RendererInfo.IsInteractive)
        {
            _subscription = await Feed.SubscribeAsync(OnEventAsync);
        }
    }

    protected override Task OnParametersSetAsync() => ReloadAsync();

    async Task ReloadAsync()
    {
        var found = await Queries.FindAsync(Id);
        _lead = found?.Lead;
        _timeline = found is null ? [] : LeadTimeline.Build(found.Lead, found.Notifications);
        _loaded = true;
    }

    async Task OnEventAsync(LiveEvent e)
    {
        if (e.Type is not (LiveEvent.AlertStatus or LiveEvent.LeadCaptured or LiveEvent.EmergencyDetected) || !IsAbout(e))
        {
            return;
        }

        await InvokeAsync(async () =>
        {
            await ReloadAsync();
            StateHasChanged();
        });
    }

    bool IsAbout(LiveEvent e) =>
        e.Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("leadId", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString() is { } s && Guid.TryParse(s, out var g) && g == Id
            : e.SessionId is not null && e.SessionId == _lead?.SessionId;

    async Task AcknowledgeAsync()
    {
        _acknowledging = true;
        try
        {
            var by = (await AuthState).User.Identity?.Name ?? "you";
            var taken = await Acknowledge.HandleAsync(Id, by, default);
            Snackbar.Add(taken ? "Acknowledged. Escalation calls are stopped." : "Someone already took this emergency.", taken ? Severity.Success : Severity.Info);
            await ReloadAsync();
        }
        finally
        {
            _acknowledging = false;
        }
    }

    public ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        return ValueTask.CompletedTask;
    }
}
