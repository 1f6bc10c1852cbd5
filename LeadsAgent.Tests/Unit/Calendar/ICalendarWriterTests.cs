using System.Text;
using LeadsAgent.Infrastructure.Calendar;
using IcalCalendar = Ical.Net.Calendar;

namespace LeadsAgent.Tests.Unit.Calendar;

/// <summary>The iCalendar text bookings are written as, checked against RFC 5545's rules and parsed back with Ical.Net.</summary>
public class ICalendarWriterTests
{
    static readonly DateTimeOffset s_stamp = new(2026, 12, 2, 15, 4, 5, TimeSpan.Zero);

    static CalendarEventData Booking(string? description = null, string summary = "Leak repair: Jane Doe", int sequence = 0,
        CalendarEventStatus status = CalendarEventStatus.Confirmed) =>
        new("booking-42@leadsagent", new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(-5)), new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.FromHours(-5)),
            summary, description, "12 Elm St, Springfield", status, sequence);

    static string[] Lines(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Event_HasTheRequiredFieldsInUtc()
    {
        var ics = ICalendarWriter.Write(Booking("Kitchen sink leaks"), s_stamp, ICalendarWriter.MethodRequest);
        var lines = Lines(ics);

        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains($"PRODID:{ICalendarWriter.ProductId}", lines);
        Assert.Contains("METHOD:REQUEST", lines);
        Assert.Contains("BEGIN:VEVENT", lines);
        Assert.Contains("UID:booking-42@leadsagent", lines);
        Assert.Contains("DTSTAMP:20261202T150405Z", lines);
        // 9:00 at UTC-5 is 14:00 UTC.
        Assert.Contains("DTSTART:20261203T140000Z", lines);
        Assert.Contains("DTEND:20261203T153000Z", lines);
        Assert.Contains("SUMMARY:Leak repair: Jane Doe", lines);
        Assert.Contains("DESCRIPTION:Kitchen sink leaks", lines);
        Assert.Contains("LOCATION:12 Elm St\\, Springfield", lines);
        Assert.Contains("STATUS:CONFIRMED", lines);
        Assert.Contains("SEQUENCE:0", lines);
    }

    [Fact]
    public void CalDavResource_HasNoMethod()
    {
        // RFC 4791 4.1: calendar object resources on a CalDAV server must not carry METHOD.
        Assert.DoesNotContain("METHOD", ICalendarWriter.Write(Booking(), s_stamp), StringComparison.Ordinal);
    }

    [Fact]
    public void MovedAndCancelled_CarryTheirSequenceAndStatus()
    {
        var lines = Lines(ICalendarWriter.Write(Booking(sequence: 2, status: CalendarEventStatus.Cancelled), s_stamp, ICalendarWriter.MethodCancel));
        Assert.Contains("SEQUENCE:2", lines);
        Assert.Contains("STATUS:CANCELLED", lines);
        Assert.Contains("METHOD:CANCEL", lines);
    }

    [Fact]
    public void Text_IsEscaped()
    {
        var lines = Lines(ICalendarWriter.Write(Booking(description: "Back door; gate code 1,2,3\nbring a C:\\ ladder", summary: "Roof, gutters; more"), s_stamp));
        // RFC 5545 3.3.11: backslash, semicolon and comma are escaped with a backslash, a newline is written \n.
        Assert.Contains("DESCRIPTION:Back door\\; gate code 1\\,2\\,3\\nbring a C:\\\\ ladder", lines);
        Assert.Contains("SUMMARY:Roof\\, gutters\\; more", lines);
    }

    [Fact]
    public void Lines_EndInCrLf_AndAreFoldedAt75Octets_WithoutCuttingACharacter()
    {
        var longText = string.Concat(Enumerable.Repeat("Ünïcödé pipes 🚰 and a water heater ", 12));
        var ics = ICalendarWriter.Write(Booking(description: longText), s_stamp);

        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var physical = ics.Split("\r\n")[..^1];
        Assert.Contains(physical, l => l.StartsWith(' '));
        foreach (var line in physical)
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}");
            // A cut surrogate pair would be an invalid character on either side of the fold.
            Assert.False(char.IsHighSurrogate(line[^1]), "a line ends in half a character");
            Assert.False(char.IsLowSurrogate(line.TrimStart(' ').FirstOrDefault()), "a line starts with half a character");
        }

        // Unfolding (RFC 5545 3.1: remove CRLF followed by one space) gives the description back whole.
        Assert.Contains("DESCRIPTION:" + longText.TrimEnd(), Lines(ics)[Array.FindIndex(Lines(ics), l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal))]);
    }

    [Fact]
    public void ParsesBack_WithIcalNet()
    {
        var ics = ICalendarWriter.Write(Booking("Line one\nLine two; with, punctuation 🚰"), s_stamp, ICalendarWriter.MethodRequest);
        var calendar = IcalCalendar.Load(ics)!;
        var e = Assert.Single(calendar.Events);

        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("booking-42@leadsagent", e.Uid);
        Assert.Equal(new DateTime(2026, 12, 3, 14, 0, 0, DateTimeKind.Utc), e.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 12, 3, 15, 30, 0, DateTimeKind.Utc), e.DtEnd!.AsUtc);
        Assert.Equal("Line one\nLine two; with, punctuation 🚰", e.Description);
        Assert.Equal("12 Elm St, Springfield", e.Location);
        Assert.Equal("CONFIRMED", e.Status);
    }

    [Fact]
    public void EventEndingBeforeItStarts_IsRefused()
    {
        var bad = Booking() with { End = Booking().Start };
        Assert.Throws<ArgumentException>(() => ICalendarWriter.Write(bad, s_stamp));
    }
}
