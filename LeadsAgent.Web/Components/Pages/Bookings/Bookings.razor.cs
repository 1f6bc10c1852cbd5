using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Application.Bookings;
using LeadsAgent.Web.Components.Forms;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Bookings;

/// <summary>The bookings page: the calendar, new bookings and the booking dialogs, the services and the booking rules.</summary>
public partial class Bookings : ComponentBase
{
    /// <summary>The add-a-service fields, named as the request so the API's errors land on them.</summary>
    public sealed class ServiceForm
    {
        public string? Name { get; set; }
        public int? DurationMinutes { get; set; } = 60;
        public int? BufferMinutes { get; set; } = 0;
        public ServiceRequest ToRequest() => new(Name?.Trim(), DurationMinutes, BufferMinutes, true);
    }

    /// <summary>The booking rules fields.</summary>
    public sealed class RulesForm
    {
        public int? MinimumNoticeHours { get; set; }
        public int? HorizonDays { get; set; }
        public int? MaxPerDay { get; set; }
        public AvailabilityRequest ToRequest() => new(MinimumNoticeHours, HorizonDays, MaxPerDay);
    }

    PlanTier _plan;
    bool _loading = true;
    bool _busy;
    BookingsCalendar? _calendar;
    List<ServiceDto> _services = [];
    AvailabilityDto? _rulesDto;

    MudForm _serviceForm = default!;
    readonly ServiceForm _newService = new();
    FormRules<ServiceForm, ServiceRequest> _serviceRules = default!;
    bool _serviceValid;
    int _serviceFormKey;
    string? _serviceRefusal;

    MudForm _rulesForm = default!;
    readonly RulesForm _rules = new();
    FormRules<RulesForm, AvailabilityRequest> _rulesRules = default!;
    bool _rulesValid;
    string? _rulesRefusal;

    bool RulesChanged => _rulesDto is { } saved &&
        (saved.MinimumNoticeHours != _rules.MinimumNoticeHours || saved.HorizonDays != _rules.HorizonDays || saved.MaxPerDay != _rules.MaxPerDay);

    protected override async Task OnInitializedAsync()
    {
        _serviceRules = new FormRules<ServiceForm, ServiceRequest>(ServiceValidator, f => f.ToRequest())
            .Label(nameof(ServiceForm.DurationMinutes), "Minutes").Label(nameof(ServiceForm.BufferMinutes), "Free after");
        _rulesRules = new FormRules<RulesForm, AvailabilityRequest>(RulesValidator, f => f.ToRequest())
            .Label(nameof(RulesForm.MinimumNoticeHours), "Notice").Label(nameof(RulesForm.HorizonDays), "How far ahead").Label(nameof(RulesForm.MaxPerDay), "Most visits a day");
        _plan = await Current.EffectivePlanAsync();
        if (PlanRules.Allows(_plan, PlanFeature.Booking))
        {
            _services = await ServiceList.ListAsync();
            ShowRules(await Availability.GetAsync());
            _serviceValid = (await _serviceRules.ValidateAsync(_newService)).Count == 0;
        }

        _loading = false;
    }

    void ShowRules(AvailabilityDto dto)
    {
        _rulesDto = dto;
        _rules.MinimumNoticeHours = dto.MinimumNoticeHours;
        _rules.HorizonDays = dto.HorizonDays;
        _rules.MaxPerDay = dto.MaxPerDay;
        _rulesValid = true;
    }

    List<ServiceDto> ActiveServices => [.. _services.Where(s => s.Active)];

    async Task NewBookingAsync()
    {
        if (ActiveServices.Count == 0)
        {
            Snackbar.Add("Add a service first (below): a booking is for a service, such as \"Repair visit\".", Severity.Info);
            return;
        }

        var dialog = await DialogService.ShowAsync<NewBookingDialog>("New booking",
            new DialogParameters<NewBookingDialog> { { d => d.Services, ActiveServices } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: BookingDto booking })
        {
            Snackbar.Add($"Booked: {booking.ServiceName} for {booking.CallerName}, {BookingWords.Day(booking.StartsAt.Date, booking.StartsAt.Date)} at {BookingWords.Time(booking.StartsAt)}", Severity.Success);
            await ShowOnCalendarAsync(booking);
        }
    }

    async Task OpenAsync(BookingDto booking)
    {
        var dialog = await DialogService.ShowAsync<BookingDetailsDialog>(null,
            new DialogParameters<BookingDetailsDialog> { { d => d.BookingId, booking.Id } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, CloseButton = true });
        if (await dialog.Result is { Canceled: false, Data: BookingChange change })
        {
            var b = change.Booking;
            var notice = b.CallerPhone is { Length: > 0 } || b.CallerEmail is { Length: > 0 } ? $" We'll let {BookingWords.FirstName(b.CallerName)} know." : "";
            Snackbar.Add(change.Moved
                ? $"Moved to {BookingWords.Day(b.StartsAt.Date, b.StartsAt.Date)} at {BookingWords.Time(b.StartsAt)}{notice}"
                : $"{b.CallerName}'s visit is cancelled.{notice}", Severity.Success);
            await ShowOnCalendarAsync(b);
        }
    }

    Task ShowOnCalendarAsync(BookingDto booking) => _calendar?.ShowAsync(booking.StartsAt.Date) ?? Task.CompletedTask;

    async Task ServiceChangedAsync(MudBlazor.Utilities.FormFieldChangedEventArgs _)
    {
        _serviceRefusal = null;
        _serviceValid = (await _serviceRules.ValidateAsync(_newService)).Count == 0;
    }

    async Task AddServiceAsync()
    {
        await _serviceForm.ValidateAsync();
        _serviceValid = (await _serviceRules.ValidateAsync(_newService)).Count == 0;
        if (!_serviceValid)
        {
            return;
        }

        await RunAsync(async () =>
        {
            var added = await Save.HandleAsync(null, _newService.ToRequest());
            _services = await ServiceList.ListAsync();
            _newService.Name = null;
            _newService.DurationMinutes = 60;
            _newService.BufferMinutes = 0;
            _serviceValid = false;
            _serviceFormKey++; // a fresh form: empty fields, not marked wrong before the owner types
            Snackbar.Add($"\"{added.Name}\" can now be booked.", Severity.Success);
        }, error => _serviceRefusal = error);
    }

    async Task SwitchAsync(ServiceDto service, bool on)
    {
        await RunAsync(async () =>
        {
            await Save.HandleAsync(service.Id, new ServiceRequest(service.Name, service.DurationMinutes, service.BufferMinutes, on));
            _services = await ServiceList.ListAsync();
        }, error => Snackbar.Add(error, Severity.Warning));
    }

    async Task DeleteAsync(ServiceDto service)
    {
        if (!await DialogService.ConfirmAsync($"Delete \"{service.Name}\"?",
                "Customers will no longer be able to book it. Visits already booked stay in your bookings. To stop bookings for a while, switch it off instead.",
                "Delete", "Keep it"))
        {
            return;
        }

        await RunAsync(async () =>
        {
            await Delete.HandleAsync(service.Id);
            _services = await ServiceList.ListAsync();
            Snackbar.Add($"\"{service.Name}\" is deleted.", Severity.Normal);
        }, error => Snackbar.Add(error.Replace(" (\"active\": false)", "", StringComparison.Ordinal), Severity.Warning));
    }

    async Task RulesChangedAsync(MudBlazor.Utilities.FormFieldChangedEventArgs _)
    {
        _rulesRefusal = null;
        _rulesValid = (await _rulesRules.ValidateAsync(_rules)).Count == 0;
    }

    async Task SaveRulesAsync()
    {
        await _rulesForm.ValidateAsync();
        _rulesValid = (await _rulesRules.ValidateAsync(_rules)).Count == 0;
        if (!_rulesValid)
        {
            return;
        }

        await RunAsync(async () =>
        {
            ShowRules(await UpdateRules.HandleAsync(_rules.ToRequest()));
            Snackbar.Add("Booking rules saved.", Severity.Success);
        }, error => _rulesRefusal = error);
    }

    async Task RunAsync(Func<Task> action, Action<string> refused)
    {
        _busy = true;
        try
        {
            await action();
        }
        catch (Domain.Common.DomainException ex) when (ex is not PlanUpgradeRequiredException)
        {
            refused(ex.Message);
        }
        finally
        {
            _busy = false;
        }
    }
}
