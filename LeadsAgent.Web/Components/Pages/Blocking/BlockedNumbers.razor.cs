using LeadsAgent.Domain.Common;
using LeadsAgent.Web.Application.Blocking;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Components.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Blocking;

/// <summary>
/// The owner's block list (add with a reason, remove with Undo, how many calls each stopped) and the two call
/// screening switches, saved at once. Available on every plan.
/// </summary>
public partial class BlockedNumbers
{
    [CascadingParameter] Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] BlockListQueries Queries { get; set; } = default!;
    [Inject] BlockNumber Block { get; set; } = default!;
    [Inject] UnblockNumber Unblock { get; set; } = default!;
    [Inject] UpdateCallScreening Screening { get; set; } = default!;
    [Inject] CurrentBusiness Current { get; set; } = default!;
    [Inject] BusinessClockProvider Clocks { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;

    List<BlockedNumberDto> _items = [];
    CallScreeningDto _screening = new(false, false);
    BusinessClock? _clock;
    string _businessName = "your business";
    string? _announcement;

    protected override async Task OnInitializedAsync()
    {
        _businessName = (await Current.GetAsync()).Name;
        _screening = await Queries.ScreeningAsync();
        _items = await Queries.ListAsync();
        _clock = await Clocks.GetAsync();
    }

    async Task<string?> BlockAsync(BlockNumberRequest request)
    {
        try
        {
            var entry = await Block.HandleAsync(request, (await AuthState).User.Identity?.Name ?? "you");
            _items = await Queries.ListAsync();
            Announce($"{entry.Display} is blocked.");
            // The form called a plain delegate, not an EventCallback: this page draws its new list itself.
            StateHasChanged();
            Snackbar.Add($"{entry.Display} is blocked. Its calls will hear a goodbye and end.", Severity.Success);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
    }

    async Task UnblockAsync(BlockedNumberDto item)
    {
        try
        {
            var removed = await Unblock.HandleAsync(item.Id);
            _items = await Queries.ListAsync();
            Announce($"{removed.Display} is unblocked.");
            Snackbar.AddWithUndo($"{removed.Display} is unblocked: its calls reach your agent again.", async () =>
            {
                await InvokeAsync(async () =>
                {
                    try
                    {
                        await Block.RestoreAsync(removed);
                        Announce($"{removed.Display} is blocked again.");
                    }
                    catch (DomainException e)
                    {
                        Snackbar.Add(e.Message, Severity.Warning);
                    }

                    _items = await Queries.ListAsync();
                    StateHasChanged();
                });
            });
        }
        catch (NotFoundException)
        {
            _items = await Queries.ListAsync();
            Snackbar.Add("That number was already unblocked.", Severity.Info);
        }
    }

    async Task SaveScreeningAsync(bool? noCallerId = null, bool? failedStir = null)
    {
        _screening = await Screening.HandleAsync(new CallScreeningRequest(noCallerId, failedStir));
        var what = noCallerId is not null
            ? _screening.ScreenNoCallerId ? "Calls with no caller ID now go to voicemail." : "Calls with no caller ID reach your agent again."
            : _screening.ScreenFailedStir ? "Calls with a faked number now go to voicemail." : "Calls with a faked number reach your agent again.";
        Snackbar.Add(what, Severity.Success);
    }

    void Announce(string message) => _announcement = message;
}
