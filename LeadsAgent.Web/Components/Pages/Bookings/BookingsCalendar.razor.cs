using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Common;
using LeadsAgent.Web.Application.Bookings;
using LeadsAgent.Web.Application.Display;
using Microsoft.AspNetCore.Components;

namespace LeadsAgent.Web.Components.Pages.Bookings;

public enum CalendarView
{
    Day,
    Week,
    Agenda,
}

/// <summary>Loads the bookings of the day, week or agenda shown; the page calls <see cref="ReloadAsync"/> after a change.</summary>
public partial class BookingsCalendar : ComponentBase
{
    public const int AgendaDays = 14;

    [Inject] BookingQueries Queries { get; set; } = default!;
    [Inject] BusinessClockProvider Clocks { get; set; } = default!;

    /// <summary>Opens a booking's details.</summary>
    [Parameter] public EventCallback<BookingDto> OnOpen { get; set; }

    /// <summary>The view shown first; the owner switches it with Day / Week / List.</summary>
    [Parameter] public CalendarView InitialView { get; set; } = CalendarView.Week;

    BusinessClock _clock = default!;
    CalendarView _view;
    DateTime _today;
    DateTime _anchor;
    bool _showCancelled;
    bool _loading = true;
    string? _error;
    List<BookingDto> _bookings = [];

    DateTime First => _view switch
    {
        CalendarView.Week => _anchor.AddDays(-(((int)_anchor.DayOfWeek + 6) % 7)),
        _ => _anchor,
    };

    int Length => _view switch
    {
        CalendarView.Day => 1,
        CalendarView.Week => 7,
        _ => AgendaDays,
    };

    DateTime Last => First.AddDays(Length - 1);

    IEnumerable<DateTime> Days => Enumerable.Range(0, Length).Select(i => First.AddDays(i));

    List<BookingDto> Shown => [.. _bookings.Where(b => _showCancelled || b.Status == BookingStatus.BOOKED)];

    bool ShowsToday => _view == CalendarView.Agenda ? _anchor == _today : _today >= First && _today <= Last;

    string Unit => _view switch
    {
        CalendarView.Day => "day",
        CalendarView.Week => "week",
        _ => AgendaDays + " days",
    };

    string RangeWords => _view switch
    {
        CalendarView.Agenda => $"{AgendaDays} days from {BookingWords.Day(First, _today)}",
        CalendarView.Day when First == _today => "Today, " + BookingWords.LongDay(First, _today),
        CalendarView.Day when First == _today.AddDays(1) => "Tomorrow, " + BookingWords.LongDay(First, _today),
        _ => BookingWords.Range(First, Last, _today),
    };

    string EmptyTitle => _view switch
    {
        CalendarView.Day => First == _today ? "No bookings today." : $"No bookings on {BookingWords.LongDay(First, _today)}.",
        CalendarView.Week => ShowsToday ? "No bookings this week." : "No bookings that week.",
        _ => $"No bookings in these {AgendaDays} days.",
    };

    string DayTitle(DateTime day) => _view == CalendarView.Week
        ? day == _today ? "Today, " + BookingWords.Day(day, _today) : BookingWords.Day(day, _today)
        : BookingWords.DayHeading(day, _today) + (day == _today || day == _today.AddDays(1) ? ", " + BookingWords.Day(day, _today) : "");

    protected override async Task OnInitializedAsync()
    {
        _clock = await Clocks.GetAsync();
        _today = _clock.ToLocal(_clock.Now).Date;
        _anchor = _today;
        _view = InitialView;
        await ReloadAsync();
    }

    /// <summary>Reads the shown range again (after a booking was made, moved or cancelled).</summary>
    public async Task ReloadAsync()
    {
        _loading = true;
        _error = null;
        try
        {
            _bookings = await Queries.ListAsync(_clock.StartOfDay(First), _clock.StartOfDay(Last.AddDays(1)));
        }
        catch (DomainException ex) when (ex is not Domain.Plans.PlanUpgradeRequiredException)
        {
            _error = ex.Message;
        }
        finally
        {
            _loading = false;
        }

        StateHasChanged();
    }

    /// <summary>Shows the day or week holding <paramref name="date"/> (after a booking was made or moved there).</summary>
    public async Task ShowAsync(DateTime date)
    {
        _anchor = _view == CalendarView.Agenda && date >= _today ? _today : date.Date;
        await ReloadAsync();
    }

    async Task SwitchAsync(CalendarView view)
    {
        // The new view opens on today when the old one showed it, else on the first day the old one showed.
        _anchor = ShowsToday ? _today : First;
        _view = view;
        await ReloadAsync();
    }

    Task StepAsync(int direction)
    {
        _anchor = First.AddDays(direction * Length);
        return ReloadAsync();
    }

    Task TodayAsync()
    {
        _anchor = _today;
        return ReloadAsync();
    }

    void ShowCancelled(bool on) => _showCancelled = on;
}
