using FluentValidation;
using LeadsAgent.Domain.Booking;
using LeadsAgent.Infrastructure.Calendar;
using LeadsAgent.Web.Validation;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Application.Calendar;

/// <summary>The owner's CalDAV calendar (<c>PUT /api/admin/calendar</c>): its address, user name and password (or app password).</summary>
public sealed record ConnectCalendarRequest(string? CalendarUrl, string? UserName, string? Password);

/// <summary>The same checks for the API and the page's form: the address's form (its host is checked when connecting).</summary>
public sealed class ConnectCalendarRequestValidator : AbstractValidator<ConnectCalendarRequest>
{
    public ConnectCalendarRequestValidator(IOptions<CalendarOptions> options)
    {
        RuleFor(x => x.CalendarUrl).Custom((url, context) =>
        {
            if (CalDavUrl.Problem(url, options.Value.AllowLoopbackTargets) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
        RuleFor(x => x.UserName).NotEmpty().WithMessage("Enter the user name of your calendar account (often your email address).")
            .MaximumLength(CalendarConnection.MaxUserName).StorableText();
        RuleFor(x => x.Password).NotEmpty().WithMessage("Enter the password (or app password) of your calendar account.")
            .MaximumLength(CalendarConnection.MaxPassword);
    }
}

/// <summary>
/// The calendar settings as the API and the page show them: the private feed's address, and the CalDAV calendar with
/// how its last sync went. The password is never part of it.
/// </summary>
public sealed record CalendarSettingsDto(string FeedUrl, bool Connected, string? CalendarUrl, string? UserName, string? CalendarName,
    DateTimeOffset? ConnectedAt, DateTimeOffset? LastSyncAt, string? LastError, DateTimeOffset? LastErrorAt)
{
    public static CalendarSettingsDto From(CalendarConnection c, string feedUrl) =>
        new(feedUrl, c.IsCalDavConnected, c.CalDavUrl, c.CalDavUserName, c.CalendarName, c.ConnectedAt, c.LastSyncAt, c.LastError, c.LastErrorAt);
}
