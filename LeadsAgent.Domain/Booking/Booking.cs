using System.Security.Cryptography;
using LeadsAgent.Domain.Common;

namespace LeadsAgent.Domain.Booking;

/// <summary>Where a booking is in its life; a cancelled booking frees its time.</summary>
public enum BookingStatus
{
    BOOKED,
    CANCELLED,
}

/// <summary>Something a caller can book: a repair visit, a free estimate. The buffer after it keeps travel or clean-up time free.</summary>
public sealed class BookableService
{
    public const int MaxName = 80;
    public const int MinDuration = 10;
    public const int MaxDuration = 8 * 60;
    public const int MaxBuffer = 4 * 60;
    /// <summary>Enough for any small business's menu; stops a runaway script filling the table.</summary>
    public const int MaxPerBusiness = 30;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; init; }
    public string Name { get; private set; } = "";
    public int DurationMinutes { get; private set; }
    public int BufferMinutes { get; private set; }
    public bool Active { get; private set; } = true;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static BookableService Create(Guid businessId, string name, int durationMinutes, int bufferMinutes, bool active, DateTimeOffset now)
    {
        var service = new BookableService { BusinessId = businessId, CreatedAt = now };
        service.Change(name, durationMinutes, bufferMinutes, active, now);
        return service;
    }

    public void Change(string name, int durationMinutes, int bufferMinutes, bool active, DateTimeOffset now)
    {
        if (Problem(name, durationMinutes, bufferMinutes) is { } problem)
        {
            throw new DomainException(problem.Message, problem.Field);
        }

        Name = name.Trim();
        DurationMinutes = durationMinutes;
        BufferMinutes = bufferMinutes;
        Active = active;
        UpdatedAt = now;
    }

    /// <summary>What is wrong with a service's fields, in an owner's words; the API validator says the same.</summary>
    public static (string Field, string Message)? Problem(string? name, int durationMinutes, int bufferMinutes)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return ("name", "Enter a name for the service, such as \"Repair visit\".");
        }

        if (name.Trim().Length > MaxName)
        {
            return ("name", $"Keep the name to {MaxName} characters.");
        }

        if (durationMinutes is < MinDuration or > MaxDuration || durationMinutes % 5 != 0)
        {
            return ("durationMinutes", $"The length must be between {MinDuration} minutes and {MaxDuration / 60} hours, in steps of 5 minutes.");
        }

        if (bufferMinutes is < 0 or > MaxBuffer || bufferMinutes % 5 != 0)
        {
            return ("bufferMinutes", $"The time kept free after a visit must be between 0 and {MaxBuffer / 60} hours, in steps of 5 minutes.");
        }

        return null;
    }
}

/// <summary>
/// A business's booking rules. When it is open comes from its <see cref="Businesses.BusinessHours"/>: bookings are
/// offered inside the opening hours, never a second schedule.
/// </summary>
public sealed class BookingRules
{
    public const int DefaultNoticeHours = 2;
    public const int DefaultHorizonDays = 14;
    public const int MaxNoticeHours = 30 * 24;
    public const int MaxHorizonDays = 365;
    public const int MaxPerDayLimit = 100;

    public Guid BusinessId { get; init; }
    /// <summary>How long before a visit it may be booked at the latest.</summary>
    public int MinimumNoticeHours { get; set; } = DefaultNoticeHours;
    /// <summary>How far ahead a visit may be booked.</summary>
    public int HorizonDays { get; set; } = DefaultHorizonDays;
    /// <summary>The most visits on one day (in the business's zone); null means no limit.</summary>
    public int? MaxPerDay { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The rules of a business that never saved any.</summary>
    public static BookingRules Default(Guid businessId) => new() { BusinessId = businessId };

    public static (string Field, string Message)? Problem(int noticeHours, int horizonDays, int? maxPerDay)
    {
        if (noticeHours is < 0 or > MaxNoticeHours)
        {
            return ("minimumNoticeHours", $"The notice must be between 0 and {MaxNoticeHours} hours.");
        }

        if (horizonDays is < 1 or > MaxHorizonDays)
        {
            return ("horizonDays", $"How far ahead must be between 1 and {MaxHorizonDays} days.");
        }

        if (maxPerDay is < 1 or > MaxPerDayLimit)
        {
            return ("maxPerDay", $"The most bookings a day must be between 1 and {MaxPerDayLimit}, or empty for no limit.");
        }

        return null;
    }
}

/// <summary>A time that is not free, such as an event in the owner's calendar.</summary>
public sealed record BusyInterval(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;
}

/// <summary>A visit booked for a service at a time; two booked visits of a business never overlap (a database constraint).</summary>
public sealed class Booking
{
    public const int MaxName = 100;
    public const int MaxEmail = 254;
    /// <summary>Said when the time was taken by someone else, whether the check or the database noticed.</summary>
    public const string TakenMessage = "That time was just taken. Please choose another time.";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; init; }
    public Guid ServiceId { get; init; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    /// <summary>The end of the service's buffer: the time no other visit may take (what the database constraint covers).</summary>
    public DateTimeOffset BusyUntil { get; private set; }
    public BookingStatus Status { get; private set; } = BookingStatus.BOOKED;
    public string CallerName { get; private set; } = "";
    public string? CallerPhone { get; private set; }
    public string? CallerEmail { get; private set; }
    public Guid? LeadId { get; init; }
    /// <summary>
    /// The caller's key to their booking: 192 random bits in the manage link of the confirmation (<c>/b/{token}</c>), so
    /// the link itself is the proof (a capability URL); unguessable and unique (an index).
    /// </summary>
    public string CancelToken { get; init; } = NewToken();
    /// <summary>Grows by one at every move and cancellation: the iCalendar SEQUENCE, so calendar apps keep the newest copy (RFC 5546 2.1.4).</summary>
    public int Sequence { get; private set; }
    /// <summary>When the caller texted "cancel booking" and was asked to reply YES; a YES soon after cancels.</summary>
    public DateTimeOffset? CancelAskedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    public bool IsBooked => Status == BookingStatus.BOOKED;

    public BusyInterval Busy => new(StartsAt, BusyUntil);

    public static Booking Create(Guid businessId, BookableService service, DateTimeOffset startsAt, string callerName, string? callerPhone,
        string? callerEmail, Guid? leadId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(callerName))
        {
            throw new DomainException("Enter the name of the person the visit is for.", "callerName");
        }

        var booking = new Booking
        {
            BusinessId = businessId, ServiceId = service.Id, LeadId = leadId, CreatedAt = now,
            CallerName = callerName.Trim(), CallerPhone = callerPhone, CallerEmail = callerEmail,
        };
        booking.Place(service, startsAt, now);
        return booking;
    }

    /// <summary>Moves the visit to a new start; the caller of this checks the new time is free and open.</summary>
    public void Move(BookableService service, DateTimeOffset startsAt, DateTimeOffset now)
    {
        if (!IsBooked)
        {
            throw new DomainException("This booking was cancelled; book a new time instead.");
        }

        Place(service, startsAt, now);
        Sequence++;
        CancelAskedAt = null;
    }

    /// <summary>The caller asked by text to cancel; <see cref="CancelConfirmable"/> says whether a YES now confirms it.</summary>
    public void AskToCancel(DateTimeOffset now) => CancelAskedAt = now;

    public void ForgetCancelQuestion() => CancelAskedAt = null;

    public bool CancelConfirmable(DateTimeOffset now, TimeSpan window) =>
        IsBooked && CancelAskedAt is { } asked && now - asked <= window && now < StartsAt;

    public void Cancel(DateTimeOffset now)
    {
        if (!IsBooked)
        {
            throw new ConflictException("This booking is already cancelled.");
        }

        Status = BookingStatus.CANCELLED;
        CancelledAt = now;
        UpdatedAt = now;
        Sequence++;
        CancelAskedAt = null;
    }

    void Place(BookableService service, DateTimeOffset startsAt, DateTimeOffset now)
    {
        StartsAt = startsAt.ToUniversalTime();
        EndsAt = StartsAt.AddMinutes(service.DurationMinutes);
        BusyUntil = EndsAt.AddMinutes(service.BufferMinutes);
        UpdatedAt = now;
    }

    static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
