using System.Globalization;
using LeadsAgent.Web.Endpoints;

namespace LeadsAgent.Web.Components.Pages.Texts;

/// <summary>The Texts page's form: the switches and quiet hours, sent as the API's <see cref="TextSettingsRequest"/>.</summary>
public sealed record TextsForm
{
    public bool OwnerTexts { get; set; }
    public bool CallerConfirmation { get; set; }
    public bool MissedCallTextBack { get; set; }
    public bool QuietHoursEnabled { get; set; }
    public string QuietStart { get; set; } = "21:00";
    public string QuietEnd { get; set; } = "08:00";

    public static TextsForm From(TextSettingsDto s) => new()
    {
        OwnerTexts = s.OwnerTexts,
        CallerConfirmation = s.CallerConfirmation,
        MissedCallTextBack = s.MissedCallTextBack,
        QuietHoursEnabled = s.QuietHoursEnabled,
        QuietStart = s.QuietStart,
        QuietEnd = s.QuietEnd,
    };

    public TextsForm Copy() => this with { };

    public TextSettingsRequest ToRequest() => new(OwnerTexts, CallerConfirmation, MissedCallTextBack, QuietHoursEnabled, QuietStart, QuietEnd);

    /// <summary>Every half hour of the day, as the selects offer them ("21:00" shown as "9:00 pm").</summary>
    public static IReadOnlyList<string> Times { get; } = [.. Enumerable.Range(0, 48).Select(i => new TimeOnly(i / 2, i % 2 * 30).ToString("HH:mm", CultureInfo.InvariantCulture))];

    public static string Show(string? time) =>
        time is not null && TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t.ToString("h:mm tt", CultureInfo.InvariantCulture).ToLowerInvariant()
            : time ?? "";
}
