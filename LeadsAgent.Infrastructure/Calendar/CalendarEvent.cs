namespace LeadsAgent.Infrastructure.Calendar;

/// <summary>The status of an event (RFC 5545 3.8.1.11): a booking is CONFIRMED until it is cancelled.</summary>
public enum CalendarEventStatus
{
    Tentative,
    Confirmed,
    Cancelled,
}

/// <summary>
/// One appointment as it is written to a calendar (a CalDAV server or an .ics attachment). Times are instants, written
/// in UTC. <see cref="Sequence"/> grows by one each time the event is moved or cancelled, so calendar apps replace their
/// copy instead of keeping both (RFC 5546 2.1.4).
/// </summary>
public sealed record CalendarEventData(
    string Uid,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Summary,
    string? Description = null,
    string? Location = null,
    CalendarEventStatus Status = CalendarEventStatus.Confirmed,
    int Sequence = 0,
    CalendarPerson? Organizer = null,
    CalendarPerson? Attendee = null);

/// <summary>
/// Who organises or attends an event (ORGANIZER, ATTENDEE). An e-mailed REQUEST or CANCEL names both (RFC 5546 3.2.2,
/// 3.2.5): the business organises, the caller attends, already accepted and asked for no reply.
/// </summary>
public sealed record CalendarPerson(string Email, string? Name);

/// <summary>A time the owner is busy, read from their calendar: [Start, End) in UTC.</summary>
public sealed record BusyInterval(DateTimeOffset Start, DateTimeOffset End, string? Uid);
