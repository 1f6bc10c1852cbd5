using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Application.Bookings;
using LeadsAgent.Web.Application.Display;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Bookings;

/// <summary>What the owner did in the details dialog, for the page's snackbar.</summary>
public sealed record BookingChange(BookingDto Booking, bool Moved);

public partial class BookingDetailsDialog : ComponentBase
{
    enum Mode
    {
        View,
        Move,
        Cancel,
    }

    [CascadingParameter] IMudDialogInstance Dialog { get; set; } = default!;
    [Parameter, EditorRequired] public Guid BookingId { get; set; }

    [Inject] BookingDetailsQuery Details { get; set; } = default!;
    [Inject] MoveBooking Move { get; set; } = default!;
    [Inject] CancelBooking Cancel { get; set; } = default!;
    [Inject] BusinessClockProvider Clocks { get; set; } = default!;

    BusinessClock _clock = default!;
    DateTime _today;
    BookingDetailsDto? _details;
    Mode _mode;
    SlotPicker? _picker;
    DateTimeOffset? _newStart;
    bool _busy;
    string? _error;

    protected override async Task OnInitializedAsync()
    {
        _clock = await Clocks.GetAsync();
        _today = _clock.ToLocal(_clock.Now).Date;
        try
        {
            _details = await Details.GetAsync(BookingId);
            // The title ("Repair visit for Jane Carter") is rendered by the dialog's frame, which does not re-render with us.
            Dialog.StateHasChanged();
        }
        catch (DomainException ex) when (ex is not PlanUpgradeRequiredException)
        {
            _error = ex.Message;
        }
    }

    /// <summary>"Cancel Thursday 3 Dec at 9:00 a.m. for Jane? We'll let Jane know." The caller notice is sent by CancelBooking.</summary>
    string CancelQuestion(BookingDto b)
    {
        var first = BookingWords.FirstName(b.CallerName);
        var notice = b.CallerEmail is { Length: > 0 } || b.CallerPhone is { Length: > 0 }
            ? $"We'll let {first} know."
            : $"We have no phone or email for {first}, so please let them know yourself.";
        return $"Cancel {BookingWords.When(b.StartsAt, _today)} for {first}? The time becomes free again. {notice}";
    }

    void Switch(Mode mode)
    {
        _mode = mode;
        _error = null;
        _newStart = null;
    }

    void Back() => Switch(Mode.View);

    async Task MoveAsync()
    {
        if (_details is null || _newStart is not { } start)
        {
            return;
        }

        await RunAsync(async () =>
        {
            var moved = await Move.HandleAsync(_details.Booking.Id, new MoveBookingRequest(start));
            Dialog.Close(DialogResult.Ok(new BookingChange(moved, Moved: true)));
        });
    }

    async Task CancelAsync()
    {
        if (_details is null)
        {
            return;
        }

        await RunAsync(async () =>
        {
            var cancelled = await Cancel.HandleAsync(_details.Booking.Id);
            Dialog.Close(DialogResult.Ok(new BookingChange(cancelled, Moved: false)));
        });
    }

    async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
        }
        catch (DomainException ex) when (ex is not PlanUpgradeRequiredException)
        {
            // "That time was just taken. Please choose another time." (409) and the rule refusals, as MoveBooking says them.
            _error = ex.Message;
            if (ex is ConflictException && _picker is not null)
            {
                _newStart = null;
                await _picker.RefreshAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
