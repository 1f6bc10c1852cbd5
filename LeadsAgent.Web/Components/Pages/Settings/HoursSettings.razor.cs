using FluentValidation;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Application.Settings;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Endpoints;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Settings;

/// <summary>
/// Hours and calls: the weekly hours with several times a day, holidays, and who answers the phone (the routing,
/// BASIC and up). Checked while the owner edits by the API's own validator, with the business's plan and owner phone.
/// </summary>
public partial class HoursSettings : ComponentBase
{
    [Inject] HoursQueries Queries { get; set; } = default!;
    [Inject] UpdateHours Update { get; set; } = default!;
    [Inject] IValidator<HoursRequest> Validator { get; set; } = default!;
    [Inject] CurrentBusiness Current { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;

    HoursDto? _hours;
    HoursForm? _form;
    HoursForm? _saved;
    PlanTier _plan;
    bool _saving;
    List<(string Field, string Message)> _errors = [];

    bool Dirty => _form is not null && _saved is not null && !_form.SameAs(_saved);

    string? RoutingError => _errors.Where(e => e.Field is "callRouting" or "ringOwnerSeconds").Select(e => e.Message).FirstOrDefault();

    /// <summary>Errors not shown next to a day: holidays and the like.</summary>
    List<string> OtherErrors => [.. _errors.Where(e => e.Field is not ("callRouting" or "ringOwnerSeconds") && !e.Field.StartsWith("week", StringComparison.Ordinal))
        .Select(e => e.Message).Distinct()];

    protected override async Task OnInitializedAsync()
    {
        _plan = await Current.EffectivePlanAsync();
        await LoadAsync();
    }

    async Task LoadAsync()
    {
        _hours = await Queries.LoadAsync();
        _saved = HoursForm.From(_hours);
        _form = _saved.Copy();
        _errors = [];
    }

    string? DayError(DayOfWeek day) => _errors.Where(e => e.Field.StartsWith("week", StringComparison.Ordinal) && e.Message.StartsWith(day + ":", StringComparison.Ordinal))
        .Select(e => e.Message).FirstOrDefault();

    async Task RecheckAsync()
    {
        if (_form is null || _hours is null)
        {
            return;
        }

        var context = HoursRequestValidator.ContextFor(_form.ToRequest(), _plan, _hours.HasOwnerPhone, _hours.HoursSet);
        var result = await Validator.ValidateAsync(context);
        _errors = [.. result.Errors.Select(e => (e.PropertyName, e.ErrorMessage))];
    }

    async Task ChangeAsync(Action change)
    {
        change();
        await RecheckAsync();
    }

    static void SetClosed(HolidayForm holiday, bool closed)
    {
        holiday.Closed = closed;
        if (!closed && holiday.Ranges.Count == 0)
        {
            holiday.Ranges.Add(new RangeForm { From = "09:00", To = "13:00" });
        }
    }

    Task CopyMondayAsync() => ChangeAsync(() => _form!.CopyMondayToWeekdays());

    Task AddHolidayAsync() => ChangeAsync(() => _form!.Holidays.Add(new HolidayForm
    {
        // The next day without an entry, so adding two in a row does not start with a duplicate.
        Date = Enumerable.Range(1, 400).Select(d => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .First(d => _form!.Holidays.All(h => h.Date != d)),
    }));

    async Task SaveAsync()
    {
        await RecheckAsync();
        if (_errors.Count > 0 || _form is null)
        {
            return;
        }

        _saving = true;
        try
        {
            await Update.HandleAsync(_form.ToRequest());
            await LoadAsync();
            Snackbar.Add("Saved. The next call and chat use these hours.", MudBlazor.Severity.Success);
        }
        catch (ValidationException ex)
        {
            _errors = [.. ex.Errors.Select(e => (e.PropertyName, e.ErrorMessage))];
            Snackbar.Add(ex.Errors.FirstOrDefault()?.ErrorMessage ?? "That could not be saved.", MudBlazor.Severity.Error);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, MudBlazor.Severity.Error);
        }
        finally
        {
            _saving = false;
        }
    }

    async Task ResetAsync()
    {
        _form = _saved!.Copy();
        await RecheckAsync();
    }
}
