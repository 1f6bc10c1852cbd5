namespace LeadsAgent.Domain.Booking;

/// <summary>
/// What the agent may offer a caller this turn: a service and its nearest free slots (already in the business's zone),
/// and, when the caller's choice was booked or refused before the turn ran, that outcome.
/// </summary>
/// <param name="Slots">The free slots, nearest first; the agent offers two or three of them and filters them by the caller's wishes.</param>
public sealed record BookingOffer(Guid ServiceId, string ServiceName, TimeZoneInfo Zone, IReadOnlyList<Slot> Slots)
{
    /// <summary>The start just booked for this conversation (the agent confirms it).</summary>
    public DateTimeOffset? Booked { get; init; }

    public Guid? BookingId { get; init; }

    /// <summary>The start the caller chose that someone else took first (the agent says so and offers others).</summary>
    public DateTimeOffset? Taken { get; init; }
}

/// <summary>Where booking stands in one conversation; plain data, stored with the session.</summary>
public sealed class BookingState
{
    public BookingStage Stage { get; set; }
    public Guid ServiceId { get; set; }
    public string ServiceName { get; set; } = "";
    /// <summary>The starts offered last, in the order they were said ("the first one" is [0]).</summary>
    public List<DateTimeOffset> Offered { get; set; } = [];
    public int Attempts { get; set; }
    public DateTimeOffset? BookedAt { get; set; }
    public Guid? BookingId { get; set; }
}

/// <summary>Offered: waiting for the caller's choice. Booked and Declined are final.</summary>
public enum BookingStage
{
    Offered,
    Booked,
    Declined,
}
