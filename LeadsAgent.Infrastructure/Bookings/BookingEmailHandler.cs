using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Calendar;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Email;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Infrastructure.Summaries;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;

namespace LeadsAgent.Infrastructure.Bookings;

/// <summary>Everything one booking email says, read from the row's snapshot (times, sequence) and the database (names).</summary>
public sealed record BookingEmailFacts
{
    public required string What { get; init; }
    public required string Recipient { get; init; }
    public required BookingActor By { get; init; }
    public required Guid BookingId { get; init; }
    public required int Sequence { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public DateTimeOffset? PreviousStartsAt { get; init; }
    public required TimeZoneInfo Zone { get; init; }
    public required string BusinessName { get; init; }
    public string? BusinessPhone { get; init; }
    /// <summary>The ORGANIZER of the .ics: the business's notification email, else the app's sender address.</summary>
    public required string OrganizerEmail { get; init; }
    public required string ServiceName { get; init; }
    public required string CallerName { get; init; }
    public string? CallerPhone { get; init; }
    public string? CallerEmail { get; init; }
    /// <summary>The lead's address, when the booking came from a lead that gave one.</summary>
    public string? Location { get; init; }
    public required string ManageLink { get; init; }
    public required string DashboardLink { get; init; }
}

/// <summary>
/// Sends <see cref="NotificationKind.BOOKING_EMAIL"/> rows: the caller's confirmation, move, cancellation (each with an
/// .ics: METHOD:REQUEST, or METHOD:CANCEL with the same UID and a higher SEQUENCE) and reminder, and the owner's notice.
/// A caller's email about a version of the booking that a later change replaced is not sent (the newer one is).
/// </summary>
public sealed class BookingEmailHandler(IServiceScopeFactory scopes, IEmailSender email, IOptions<ServerOptions> server, IOptions<SmtpOptions> smtp,
    NpgsqlDataSource dataSource, TimeProvider clock) : IOutboxHandler
{
    public const string BookingsPath = "/bookings";

    public NotificationKind Kind => NotificationKind.BOOKING_EMAIL;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken ct)
    {
        var payload = JsonNode.Parse(item.Payload) ?? throw new OutboxRetryException("The row is not JSON.", retry: false);
        if (!Guid.TryParse(payload["booking"]?.GetValue<string>(), out var bookingId))
        {
            throw new OutboxRetryException("The row names no booking.", retry: false);
        }

        var what = payload["purpose"]?.GetValue<string>() ?? BookingNoticeKinds.Confirmed;
        var recipient = payload["recipient"]?.GetValue<string>() ?? BookingNoticeKinds.ToCaller;
        var sequence = payload["sequence"]?.GetValue<int>() ?? 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(item.BusinessId);
        if (recipient == BookingNoticeKinds.ToCaller && await BookingNotices.OutdatedAsync(db, bookingId, sequence, ct) is { } outdated)
        {
            return await SkipAsync(item.Id, outdated, ct);
        }

        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null)
        {
            return await SkipAsync(item.Id, "the booking no longer exists", ct);
        }

        var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == item.BusinessId, ct);
        var service = await db.BookableServices.AsNoTracking().Where(s => s.Id == booking.ServiceId).Select(s => s.Name).SingleAsync(ct);
        var location = booking.LeadId is { } leadId ? await db.Leads.AsNoTracking().Where(l => l.Id == leadId).Select(l => l.Address).SingleOrDefaultAsync(ct) : null;
        var to = recipient == BookingNoticeKinds.ToCaller
            ? booking.CallerEmail ?? throw new OutboxRetryException("The booking has no email.", retry: false)
            : business.NotificationEmail
              ?? await db.Users.Where(u => u.BusinessId == item.BusinessId && u.Email != null).OrderBy(u => u.Email).Select(u => u.Email).FirstOrDefaultAsync(ct)
              ?? throw new OutboxRetryException("The business has no email to tell.", retry: false);
        var facts = new BookingEmailFacts
        {
            What = what,
            Recipient = recipient,
            By = Enum.TryParse<BookingActor>(payload["by"]?.GetValue<string>(), out var by) ? by : BookingActor.Owner,
            BookingId = booking.Id,
            Sequence = sequence,
            StartsAt = payload["startsAt"]?.GetValue<DateTimeOffset>() ?? booking.StartsAt,
            EndsAt = payload["endsAt"]?.GetValue<DateTimeOffset>() ?? booking.EndsAt,
            PreviousStartsAt = payload["previousStartsAt"]?.GetValue<DateTimeOffset>(),
            Zone = TimeZones.FindOrUtc(business.TimeZone),
            BusinessName = business.Name,
            BusinessPhone = BookingNotices.BusinessPhone(business),
            OrganizerEmail = business.NotificationEmail ?? MailboxAddress.Parse(smtp.Value.From).Address,
            ServiceName = service,
            CallerName = booking.CallerName,
            CallerPhone = booking.CallerPhone,
            CallerEmail = booking.CallerEmail,
            Location = location,
            ManageLink = BookingNotices.ManageLink(server.Value, booking.CancelToken),
            DashboardLink = SummaryLinks.Base(server.Value) + BookingsPath,
        };
        await email.SendAsync(Compose(to, facts, clock.GetUtcNow()), ct);
        return OutboxOutcome.Sent;
    }

    async Task<OutboxOutcome> SkipAsync(Guid id, string reason, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("UPDATE notifications SET last_error = $2 WHERE id = $1");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue("Not sent: " + reason + ".");
        await command.ExecuteNonQueryAsync(ct);
        return OutboxOutcome.Cancelled;
    }

    public static EmailMessage Compose(string to, BookingEmailFacts f, DateTimeOffset now) =>
        f.Recipient == BookingNoticeKinds.ToOwner ? ComposeForOwner(to, f) : ComposeForCaller(to, f, now);

    /// <summary>The .ics of a caller email: REQUEST for a booked or moved visit, CANCEL for a cancelled one; null for a reminder.</summary>
    public static string? Calendar(BookingEmailFacts f, DateTimeOffset now)
    {
        if (f.What == BookingNoticeKinds.Reminder)
        {
            return null;
        }

        var cancelled = f.What == BookingNoticeKinds.Cancelled;
        var description = new StringBuilder($"To cancel or move it: {f.ManageLink}");
        if (f.BusinessPhone is { } phone)
        {
            description.Append($"\nPhone: {BookingNotices.PhoneText(phone)}");
        }

        var e = new CalendarEventData(
            Uid: BookingNotices.Uid(f.BookingId),
            Start: f.StartsAt,
            End: f.EndsAt,
            Summary: Flatten($"{f.ServiceName} with {f.BusinessName}"),
            Description: description.ToString(),
            Location: f.Location is { Length: > 0 } l ? Flatten(l) : null,
            Status: cancelled ? CalendarEventStatus.Cancelled : CalendarEventStatus.Confirmed,
            Sequence: f.Sequence,
            Organizer: new CalendarPerson(f.OrganizerEmail, f.BusinessName),
            Attendee: f.CallerEmail is { Length: > 0 } email ? new CalendarPerson(email, f.CallerName) : null);
        return ICalendarWriter.Write(e, now, cancelled ? ICalendarWriter.MethodCancel : ICalendarWriter.MethodRequest);
    }

    static EmailMessage ComposeForCaller(string to, BookingEmailFacts f, DateTimeOffset now)
    {
        var when = BookingWords.Long(f.StartsAt, f.Zone);
        var until = BookingWords.Time(TimeZoneInfo.ConvertTime(f.EndsAt, f.Zone));
        var visit = $"{f.ServiceName} with {f.BusinessName}";
        var first = f.CallerName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var call = f.BusinessPhone is { } p ? $"call {f.BusinessName} at {BookingNotices.PhoneText(p)}" : $"contact {f.BusinessName}";
        var (subject, headline, lead) = f.What switch
        {
            BookingNoticeKinds.Moved => ($"Moved: {visit}, now {when}", "Your visit has a new time",
                $"Your {f.ServiceName} with {f.BusinessName} is moved to {when} (until {until})."
                + (f.PreviousStartsAt is { } before ? $" It was {BookingWords.Long(before, f.Zone)}." : "")),
            BookingNoticeKinds.Cancelled => ($"Cancelled: {visit}, {when}", "Your visit is cancelled",
                $"Your {f.ServiceName} with {f.BusinessName} on {when} is cancelled"
                + (f.By == BookingActor.Owner ? $". Sorry for the change: to book another time, {call}." : $", as you asked. To book another time, {call}.")),
            BookingNoticeKinds.Reminder => ($"Reminder: {visit}, {when}", "A reminder of your visit",
                $"This is a reminder of your {f.ServiceName} with {f.BusinessName} on {when} (until {until})."),
            _ => ($"Booked: {visit}, {when}", "Your visit is booked",
                $"Your {f.ServiceName} with {f.BusinessName} is booked for {when} (until {until})."),
        };
        var cancelled = f.What == BookingNoticeKinds.Cancelled;
        var ics = Calendar(f, now);
        var text = new StringBuilder().AppendLine($"Hello {first},".Replace(" ,", ",", StringComparison.Ordinal)).AppendLine().AppendLine(lead);
        if (!cancelled && f.Location is { Length: > 0 } where)
        {
            text.AppendLine($"Where: {where}");
        }

        if (ics is not null)
        {
            text.AppendLine().AppendLine(cancelled ? "The attached calendar file removes it from your calendar." : "The attached calendar file adds it to your calendar.");
        }

        if (!cancelled)
        {
            text.AppendLine().AppendLine($"Need to cancel or change the time? Use this link: {f.ManageLink}").AppendLine($"Or {call}.");
        }

        text.AppendLine().AppendLine($"{f.BusinessName}");

        var html = new StringBuilder()
            .Append("<!doctype html><html><body style=\"font-family:Arial,sans-serif;color:#1f2937;max-width:560px\">")
            .Append($"<h1 style=\"font-size:20px\">{E(headline)}</h1>")
            .Append($"<p>{E($"Hello {first},".Replace(" ,", ",", StringComparison.Ordinal))}</p><p>{E(lead)}</p>");
        if (!cancelled && f.Location is { Length: > 0 } place)
        {
            html.Append($"<p><strong>Where:</strong> {E(place)}</p>");
        }

        if (ics is not null)
        {
            html.Append($"<p>{(cancelled ? "The attached calendar file removes it from your calendar." : "The attached calendar file adds it to your calendar.")}</p>");
        }

        if (!cancelled)
        {
            html.Append($"<p><a href=\"{E(f.ManageLink)}\" style=\"display:inline-block;background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none\">Cancel or change the time</a></p>")
                .Append($"<p>Or {E(call)}.</p>");
        }

        html.Append($"<p>{E(f.BusinessName)}</p></body></html>");
        IReadOnlyList<EmailAttachment>? files = ics is null ? null
            : [new EmailAttachment(cancelled ? "cancelled.ics" : "invite.ics", $"text/calendar; method={(cancelled ? ICalendarWriter.MethodCancel : ICalendarWriter.MethodRequest)}; charset=utf-8",
                Encoding.UTF8.GetBytes(ics))];
        return new EmailMessage(to, Flatten(subject), Tidy(text.ToString()), Tidy(html.ToString()), Important: false, files);
    }

    static EmailMessage ComposeForOwner(string to, BookingEmailFacts f)
    {
        var when = BookingWords.Long(f.StartsAt, f.Zone);
        var who = f.CallerName;
        var how = f.By switch
        {
            BookingActor.Owner => " (from your dashboard)",
            BookingActor.CallerByText => " by text message",
            _ => "",
        };
        var (subject, lead) = f.What switch
        {
            BookingNoticeKinds.Moved => ($"Booking moved: {who}, {f.ServiceName}, now {when}",
                (f.By == BookingActor.Owner ? $"The {f.ServiceName} for {who} was moved{how} to {when}." : $"{who} moved their {f.ServiceName}{how} to {when}.")
                + (f.PreviousStartsAt is { } before ? $" It was {BookingWords.Long(before, f.Zone)}, which is free again." : "")),
            BookingNoticeKinds.Cancelled => ($"Booking cancelled: {who}, {f.ServiceName}, {when}",
                (f.By == BookingActor.Owner ? $"The {f.ServiceName} for {who} on {when} was cancelled{how}." : $"{who} cancelled their {f.ServiceName} on {when}{how}.")
                + " The time is free again."),
            _ => ($"New booking: {who}, {f.ServiceName}, {when}",
                f.By == BookingActor.Owner ? $"The {f.ServiceName} for {who} on {when} is booked{how}." : $"{who} booked a {f.ServiceName} for {when}{how}."),
        };
        var fields = new List<(string Label, string? Value)>
        {
            ("Who", who),
            ("Phone", f.CallerPhone is { } phone ? BookingNotices.PhoneText(phone) : null),
            ("Email", f.CallerEmail),
            ("Where", f.Location),
            ("What", f.ServiceName),
            ("When", when),
        };
        var text = new StringBuilder().AppendLine(lead).AppendLine();
        foreach (var (label, value) in fields.Where(x => x.Value is { Length: > 0 }))
        {
            text.AppendLine($"{label}: {value}");
        }

        text.AppendLine().AppendLine($"Your bookings: {f.DashboardLink}");
        var html = new StringBuilder()
            .Append("<!doctype html><html><body style=\"font-family:Arial,sans-serif;color:#1f2937;max-width:560px\">")
            .Append($"<h1 style=\"font-size:20px\">{E(Flatten(subject))}</h1><p>{E(lead)}</p><table cellpadding=\"4\">");
        foreach (var (label, value) in fields.Where(x => x.Value is { Length: > 0 }))
        {
            html.Append($"<tr><th align=\"left\">{E(label)}</th><td>{E(value)}</td></tr>");
        }

        html.Append($"</table><p><a href=\"{E(f.DashboardLink)}\">Open your bookings</a></p></body></html>");
        return new EmailMessage(to, Flatten(subject), Tidy(text.ToString()), Tidy(html.ToString()), Important: false);
    }

    static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    /// <summary>A sentence ending in a time ends with its "p.m.": no second full stop.</summary>
    public static string Tidy(string s) => s.Replace("a.m..", "a.m.", StringComparison.Ordinal).Replace("p.m..", "p.m.", StringComparison.Ordinal);

    // A subject or a calendar summary is one line: newlines a caller typed must not become extra headers.
    static string Flatten(string s) => string.Join(' ', s.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
