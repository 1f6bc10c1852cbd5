using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Application.Calendar;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Components.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Settings;

/// <summary>
/// Calendar sync (BASIC and up): the private feed's address with a copy button and how to subscribe to it, and the
/// CalDAV connection with its last sync or its error in plain words. FREE sees what it gives and how to get it.
/// </summary>
public partial class CalendarSettings : IAsyncDisposable
{
    [Inject] CurrentBusiness Current { get; set; } = default!;
    [Inject] CalendarSettingsQueries Queries { get; set; } = default!;
    [Inject] ResetCalendarFeed ResetFeed { get; set; } = default!;
    [Inject] DisconnectCalendar Disconnect { get; set; } = default!;
    [Inject] BusinessClockProvider Clocks { get; set; } = default!;
    [Inject] IDialogService DialogService { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;
    [Inject] IJSRuntime JS { get; set; } = default!;

    CalendarSettingsDto? _settings;
    PlanTier _plan;
    BusinessClock _clock = default!;
    bool _busy;
    IJSObjectReference? _clipboard;

    protected override async Task OnInitializedAsync()
    {
        _plan = await Current.EffectivePlanAsync();
        _clock = await Clocks.GetAsync();
        if (PlanRules.Allows(_plan, PlanFeature.Booking))
        {
            _settings = await Queries.GetAsync();
        }
    }

    async Task CopyAsync()
    {
        _clipboard ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/clipboard.js");
        Snackbar.Add(await _clipboard.InvokeAsync<bool>("copy", _settings!.FeedUrl)
            ? "Copied. Paste it into your calendar app." : "Your browser didn't allow copying: select the address and copy it yourself.", Severity.Normal);
    }

    async Task ResetFeedAsync()
    {
        if (!await DialogService.ConfirmAsync("Make a new address?",
            "Calendars subscribed to the current address stop getting your bookings; you'll need to subscribe again with the new one.", "Make new address"))
        {
            return;
        }

        _busy = true;
        try
        {
            _settings = await ResetFeed.HandleAsync();
            Snackbar.Add("New address made. The old one no longer works.", Severity.Normal);
        }
        finally
        {
            _busy = false;
        }
    }

    async Task DisconnectAsync()
    {
        if (!await DialogService.ConfirmAsync("Disconnect your calendar?",
            "New bookings are no longer written to it and its busy times are no longer checked. Events already there stay.", "Disconnect"))
        {
            return;
        }

        _busy = true;
        try
        {
            _settings = await Disconnect.HandleAsync();
            Snackbar.Add("Calendar disconnected.", Severity.Normal);
        }
        finally
        {
            _busy = false;
        }
    }

    void OnConnected(CalendarSettingsDto settings)
    {
        _settings = settings;
        Snackbar.Add("Calendar connected.", Severity.Success);
    }

    public async ValueTask DisposeAsync()
    {
        if (_clipboard is not null)
        {
            try
            {
                await _clipboard.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit ended with the page.
            }
        }
    }
}
