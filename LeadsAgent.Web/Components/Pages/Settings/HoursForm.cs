using System.Text.Json;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Web.Endpoints;

namespace LeadsAgent.Web.Components.Pages.Settings;

/// <summary>One opening range being edited; times as the browser's time input gives them ("08:00").</summary>
public sealed class RangeForm
{
    public string From { get; set; } = "08:00";
    public string To { get; set; } = "17:00";

    public RangeForm Copy() => new() { From = From, To = To };

    /// <summary>A time input's value as "HH:mm": some browsers add seconds ("08:00:00").</summary>
    public static string Clock(string? value) =>
        value is { Length: 8 } v && v[2] == ':' && v[5] == ':' ? v[..5] : value?.Trim() ?? "";

    // A time input cannot say 24:00: "until 00:00" means until midnight at the end of the day.
    public HoursRangeDto ToDto() => new(From, To == "00:00" ? "24:00" : To);

    public static RangeForm From_(HoursRangeDto r) => new() { From = r.From, To = r.To == "24:00" ? "00:00" : r.To };
}

public sealed class DayForm
{
    public DayOfWeek Day { get; init; }
    public List<RangeForm> Ranges { get; set; } = [];
    public bool Open => Ranges.Count > 0;
}

public sealed class HolidayForm
{
    public string Date { get; set; } = "";
    public string? Label { get; set; }
    public bool Closed { get; set; } = true;
    public List<RangeForm> Ranges { get; set; } = [];
}

/// <summary>The hours page's form: the week, the holidays and the routing, sent as the API's <see cref="HoursRequest"/>.</summary>
public sealed class HoursForm
{
    public List<DayForm> Days { get; set; } = [];
    public List<HolidayForm> Holidays { get; set; } = [];
    public CallRouting CallRouting { get; set; }
    public int RingOwnerSeconds { get; set; } = CallRoutingRules.DefaultRingSeconds;

    static readonly DayOfWeek[] s_weekdays = [DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static HoursForm From(HoursDto dto) => new()
    {
        Days = [.. dto.Week.Select(d => new DayForm { Day = d.Day, Ranges = [.. d.Ranges.Select(RangeForm.From_)] })],
        Holidays = [.. dto.Exceptions.Select(e => new HolidayForm
        {
            Date = e.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Label = e.Label, Closed = e.Closed,
            Ranges = [.. (e.Ranges ?? []).Select(RangeForm.From_)],
        })],
        CallRouting = dto.CallRouting,
        RingOwnerSeconds = dto.RingOwnerSeconds,
    };

    public HoursForm Copy() => new()
    {
        Days = [.. Days.Select(d => new DayForm { Day = d.Day, Ranges = [.. d.Ranges.Select(r => r.Copy())] })],
        Holidays = [.. Holidays.Select(h => new HolidayForm { Date = h.Date, Label = h.Label, Closed = h.Closed, Ranges = [.. h.Ranges.Select(r => r.Copy())] })],
        CallRouting = CallRouting,
        RingOwnerSeconds = RingOwnerSeconds,
    };

    /// <summary>Monday's ranges on Tuesday to Friday.</summary>
    public void CopyMondayToWeekdays()
    {
        var monday = Days.Single(d => d.Day == DayOfWeek.Monday);
        foreach (var day in Days.Where(d => s_weekdays.Contains(d.Day)))
        {
            day.Ranges = [.. monday.Ranges.Select(r => r.Copy())];
        }
    }

    public HoursRequest ToRequest() => new(
        [.. Days.Select(d => new HoursDayDto(d.Day, [.. d.Ranges.Select(r => r.ToDto())]))],
        [.. Holidays.Select(h => new HoursExceptionDto(DateOnly.TryParse(h.Date, System.Globalization.CultureInfo.InvariantCulture, out var date) ? date : default,
            string.IsNullOrWhiteSpace(h.Label) ? null : h.Label.Trim(), h.Closed, h.Closed ? [] : [.. h.Ranges.Select(r => r.ToDto())]))],
        CallRouting, RingOwnerSeconds);

    /// <summary>Whether two forms would save the same thing.</summary>
    public bool SameAs(HoursForm other) => JsonSerializer.Serialize(ToRequest()) == JsonSerializer.Serialize(other.ToRequest());
}
