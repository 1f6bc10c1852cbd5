using System.Globalization;
using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Web.Components.Pages.Bookings;

/// <summary>
/// How the bookings pages say days and times: "Thu 3 Dec", "9:00 a.m.", "30 Nov – 6 Dec". Every value passed in is
/// already in the business's zone (BookingDto and SlotDto carry its offset), so nothing here converts. A time reads
/// as in the caller's confirmations (<see cref="Domain.Booking.BookingWords"/>).
/// </summary>
public static class BookingWords
{
    static readonly CultureInfo s_culture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"9:00 a.m.", "12:30 p.m.": minutes always shown, so a column of times lines up.</summary>
    public static string Time(DateTimeOffset local) => Domain.Booking.BookingWords.Time(local);

    public static string Time(int hour, int minute) => $"{(hour % 12 == 0 ? 12 : hour % 12)}:{minute:00} {(hour < 12 ? "a.m." : "p.m.")}";

    /// <summary>"9:00 – 10:30 a.m." within a morning or afternoon, "11:30 a.m. – 1:00 p.m." across noon.</summary>
    public static string TimeRange(DateTimeOffset start, DateTimeOffset end)
    {
        var (a, b) = (Time(start), Time(end));
        return (start.Hour < 12) == (end.Hour < 12) && end.Date == start.Date ? $"{a[..^5]} – {b}" : $"{a} – {b}";
    }

    /// <summary>"Thu 3 Dec" (with the year when it is not this one).</summary>
    public static string Day(DateTime date, DateTime today) => date.ToString(date.Year == today.Year ? "ddd d MMM" : "ddd d MMM yyyy", s_culture);

    /// <summary>"Thursday 3 Dec".</summary>
    public static string LongDay(DateTime date, DateTime today) => date.ToString(date.Year == today.Year ? "dddd d MMM" : "dddd d MMM yyyy", s_culture);

    /// <summary>"Today", "Tomorrow", or "Thursday 3 Dec".</summary>
    public static string DayHeading(DateTime date, DateTime today) =>
        date == today ? "Today" : date == today.AddDays(1) ? "Tomorrow" : LongDay(date, today);

    /// <summary>"today at 9:00 a.m.", "Thursday 3 Dec at 9:00 a.m.".</summary>
    public static string When(DateTimeOffset local, DateTime today)
    {
        var day = local.Date == today ? "today" : local.Date == today.AddDays(1) ? "tomorrow" : LongDay(local.Date, today);
        return $"{day} at {Time(local)}";
    }

    /// <summary>"30 Nov – 6 Dec"; one day is just "Thursday 3 Dec".</summary>
    public static string Range(DateTime first, DateTime last, DateTime today)
    {
        if (first == last)
        {
            return LongDay(first, today);
        }

        var format = first.Year == today.Year && last.Year == today.Year ? "d MMM" : "d MMM yyyy";
        return $"{first.ToString(format, s_culture)} – {last.ToString(format, s_culture)}";
    }

    public static string Duration(int minutes) => minutes < 60 ? $"{minutes} min"
        : minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min";

    public static string Status(BookingStatus status) => status == BookingStatus.BOOKED ? "Booked" : "Cancelled";

    /// <summary>Who made the booking: the agent (with the lead's channel) or the owner.</summary>
    public static string MadeBy(Channel? leadChannel) => leadChannel switch
    {
        Channel.VOICE => "Your agent, on a phone call",
        Channel.SMS => "Your agent, by text message",
        Channel.CHAT => "Your agent, in a website chat",
        _ => "You (entered in the dashboard)",
    };

    /// <summary>The first name, for "We'll let Jane know".</summary>
    public static string FirstName(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? trimmed[..space] : trimmed;
    }
}
