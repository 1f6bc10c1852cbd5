using System.Globalization;

namespace LeadsAgent.Domain.Booking;

/// <summary>A booking's time as a caller reads it, in the business's zone: "Thursday 3 December at 1:00 p.m.", "Thu 3 Dec at 9:00 a.m.".</summary>
public static class BookingWords
{
    static readonly CultureInfo s_culture = CultureInfo.GetCultureInfo("en-US");

    /// <summary>"Thursday 3 December at 1:00 p.m." (emails and the booking page).</summary>
    public static string Long(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return $"{local.ToString("dddd d MMMM", s_culture)} at {Time(local)}";
    }

    /// <summary>"Thu 3 Dec at 9:00 a.m." (texts, where every character counts).</summary>
    public static string Short(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return $"{local.ToString("ddd d MMM", s_culture)} at {Time(local)}";
    }

    /// <summary>"9:00 a.m.", "1:30 p.m.".</summary>
    public static string Time(DateTimeOffset local) =>
        local.ToString("h:mm", s_culture) + (local.Hour < 12 ? " a.m." : " p.m.");
}
