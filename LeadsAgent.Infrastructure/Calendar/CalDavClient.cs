using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Ical.Net.DataTypes;
using LeadsAgent.Infrastructure.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace LeadsAgent.Infrastructure.Calendar;

/// <summary>
/// A calendar collection on the owner's CalDAV server (its address ends in '/') and the credentials for it. The
/// password is never part of <see cref="ToString"/>, so logging an account cannot leak it.
/// </summary>
public sealed class CalDavAccount
{
    public CalDavAccount(string calendarUrl, string userName, string password)
    {
        CalendarUrl = calendarUrl.Trim().EndsWith('/') ? calendarUrl.Trim() : calendarUrl.Trim() + "/";
        UserName = userName;
        Password = password;
    }

    public string CalendarUrl { get; }
    public string UserName { get; }
    internal string Password { get; }

    public override string ToString() => $"{CalendarUrl} (user {UserName})";
}

/// <summary>Why a CalDAV request did not do what was asked.</summary>
public enum CalDavFailure
{
    /// <summary>The address is malformed, not https, or on a private network.</summary>
    BadAddress,
    /// <summary>The server refused the user name or password (401/403).</summary>
    Unauthorized,
    /// <summary>The calendar (or the event) is not at that address.</summary>
    NotFound,
    /// <summary>Something is at that address, but it is not a calendar (a principal, an address book, a web page).</summary>
    NotACalendar,
    /// <summary>The event changed on the server since its ETag was read (412).</summary>
    Changed,
    /// <summary>Nothing answered, or no answer in time.</summary>
    Unreachable,
    /// <summary>The server answered with an error or something that is not CalDAV.</summary>
    ServerError,
}

/// <summary>A CalDAV request failed; <see cref="Exception.Message"/> is worded for the owner and holds no secret.</summary>
public sealed class CalDavException(CalDavFailure failure, string message, int? statusCode = null) : Exception(message)
{
    public CalDavFailure Failure { get; } = failure;
    public int? StatusCode { get; } = statusCode;
}

/// <summary>
/// A small CalDAV client (RFC 4791) for the owner's calendar: writes bookings as events (PUT by UID, ETag aware),
/// removes them (DELETE), and reads busy times with a calendar-query REPORT. Every request resolves and checks the
/// server's host with <see cref="OutboundTargetGuard"/> (private networks refused; loopback only with
/// Calendar:AllowLoopbackTargets) and connects to exactly the checked addresses. Basic authentication; the password
/// is sent only in the Authorization header and never logged. Redirects are not followed.
/// </summary>
public sealed class CalDavClient(IHttpClientFactory http, OutboundTargetGuard guard, IOptions<CalendarOptions> options, ILogger<CalDavClient> log)
{
    public const string HttpClientName = "caldav";

    static readonly XNamespace s_dav = "DAV:";
    static readonly XNamespace s_cal = "urn:ietf:params:xml:ns:caldav";

    /// <summary>The address of the event resource with <paramref name="uid"/> in the account's calendar.</summary>
    public static string EventUrl(CalDavAccount account, string uid) => account.CalendarUrl + Uri.EscapeDataString(uid) + ".ics";

    /// <summary>
    /// Creates or replaces the event (by its UID). With <paramref name="expectedETag"/> the write only happens when the
    /// server still holds that version (If-Match), otherwise <see cref="CalDavFailure.Changed"/>. Returns the new ETag
    /// when the server gives one.
    /// </summary>
    public async Task<string?> PutEventAsync(CalDavAccount account, CalendarEventData e, DateTimeOffset stamp, string? expectedETag, CancellationToken ct)
    {
        var body = ICalendarWriter.Write(e, stamp);
        using var response = await SendAsync(account, HttpMethod.Put, EventUrl(account, e.Uid), request =>
        {
            request.Content = new StringContent(body, new UTF8Encoding(false), "text/calendar");
            if (expectedETag is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", expectedETag);
            }
        }, ct);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Created or HttpStatusCode.NoContent or HttpStatusCode.OK:
                return ETagOf(response);
            case HttpStatusCode.PreconditionFailed:
                throw new CalDavException(CalDavFailure.Changed, "The appointment was changed in your calendar since we last wrote it.", 412);
            case HttpStatusCode.NotFound or HttpStatusCode.Conflict:
                throw new CalDavException(CalDavFailure.NotFound, "There is no calendar at that address; check the calendar address.", (int)response.StatusCode);
            default:
                throw Unexpected(response);
        }
    }

    /// <summary>Removes the event; an event already gone counts as removed. <paramref name="expectedETag"/> as for PUT.</summary>
    public async Task DeleteEventAsync(CalDavAccount account, string uid, string? expectedETag, CancellationToken ct)
    {
        using var response = await SendAsync(account, HttpMethod.Delete, EventUrl(account, uid), request =>
        {
            if (expectedETag is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", expectedETag);
            }
        }, ct);
        switch (response.StatusCode)
        {
            case HttpStatusCode.NoContent or HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Gone:
                return;
            case HttpStatusCode.PreconditionFailed:
                throw new CalDavException(CalDavFailure.Changed, "The appointment was changed in your calendar since we last wrote it.", 412);
            default:
                throw Unexpected(response);
        }
    }

    /// <summary>Creates the calendar collection (MKCALENDAR); one that already exists is left as it is.</summary>
    public async Task CreateCalendarAsync(CalDavAccount account, string displayName, CancellationToken ct)
    {
        var body = new XDocument(new XElement(s_cal + "mkcalendar", new XAttribute(XNamespace.Xmlns + "D", s_dav), new XAttribute(XNamespace.Xmlns + "C", s_cal),
            new XElement(s_dav + "set", new XElement(s_dav + "prop", new XElement(s_dav + "displayname", displayName),
                new XElement(s_cal + "supported-calendar-component-set", new XElement(s_cal + "comp", new XAttribute("name", "VEVENT"))))))).ToString();
        using var response = await SendAsync(account, new HttpMethod("MKCALENDAR"), account.CalendarUrl,
            request => request.Content = new StringContent(body, new UTF8Encoding(false), "application/xml"), ct);
        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.MethodNotAllowed)
        {
            return;
        }

        throw Unexpected(response);
    }

    /// <summary>
    /// Checks that the account's address is a calendar collection the credentials may read (PROPFIND, Depth: 0);
    /// returns its display name when it has one. Connecting an account calls this before anything is saved.
    /// </summary>
    public async Task<string?> CheckCalendarAsync(CalDavAccount account, CancellationToken ct)
    {
        var body = new XDocument(new XElement(s_dav + "propfind", new XAttribute(XNamespace.Xmlns + "D", s_dav), new XAttribute(XNamespace.Xmlns + "C", s_cal),
            new XElement(s_dav + "prop", new XElement(s_dav + "resourcetype"), new XElement(s_dav + "displayname")))).ToString();
        using var response = await SendAsync(account, new HttpMethod("PROPFIND"), account.CalendarUrl, request =>
        {
            request.Content = new StringContent(body, new UTF8Encoding(false), "application/xml");
            request.Headers.TryAddWithoutValidation("Depth", "0");
        }, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            throw new CalDavException(CalDavFailure.NotFound, "There is no calendar at that address; check the calendar address.", (int)response.StatusCode);
        }

        if (response.StatusCode != HttpStatusCode.MultiStatus)
        {
            throw response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented or HttpStatusCode.OK
                ? new CalDavException(CalDavFailure.NotACalendar, NotACalendarMessage, (int)response.StatusCode)
                : Unexpected(response);
        }

        var doc = ParseXml(await ReadBodyAsync(response, ct));
        var prop = doc.Descendants(s_dav + "prop").FirstOrDefault(p => p.Element(s_dav + "resourcetype") is not null);
        if (prop?.Element(s_dav + "resourcetype")?.Element(s_cal + "calendar") is null)
        {
            throw new CalDavException(CalDavFailure.NotACalendar, NotACalendarMessage);
        }

        var name = prop.Element(s_dav + "displayname")?.Value.Trim();
        return string.IsNullOrEmpty(name) ? null : name;
    }

    const string NotACalendarMessage = "That address is not a calendar. Use the address of one calendar (it usually ends with the calendar's name and a /), not the account's or server's address.";

    static XDocument ParseXml(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            throw new CalDavException(CalDavFailure.ServerError, "The calendar server's answer could not be read (it is not CalDAV).");
        }
    }

    /// <summary>
    /// The owner's busy times overlapping [<paramref name="from"/>, <paramref name="to"/>), sorted by start. Recurring
    /// events are expanded; events marked free (TRANSP:TRANSPARENT) or cancelled are not busy; all-day events and
    /// floating times are read in <paramref name="localZone"/> (the business's zone); TZID'd times use their time zone
    /// (IANA or Windows name, as Google, Apple and Outlook write them).
    /// </summary>
    public async Task<IReadOnlyList<BusyInterval>> GetBusyAsync(CalDavAccount account, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo localZone,
        CancellationToken ct)
    {
        if (to <= from)
        {
            return [];
        }

        var query = new XDocument(new XElement(s_cal + "calendar-query", new XAttribute(XNamespace.Xmlns + "D", s_dav), new XAttribute(XNamespace.Xmlns + "C", s_cal),
            new XElement(s_dav + "prop", new XElement(s_dav + "getetag"), new XElement(s_cal + "calendar-data")),
            new XElement(s_cal + "filter", new XElement(s_cal + "comp-filter", new XAttribute("name", "VCALENDAR"),
                new XElement(s_cal + "comp-filter", new XAttribute("name", "VEVENT"),
                    new XElement(s_cal + "time-range", new XAttribute("start", IcalUtc(from)), new XAttribute("end", IcalUtc(to)))))))).ToString();
        using var response = await SendAsync(account, new HttpMethod("REPORT"), account.CalendarUrl, request =>
        {
            request.Content = new StringContent(query, new UTF8Encoding(false), "application/xml");
            request.Headers.TryAddWithoutValidation("Depth", "1");
        }, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new CalDavException(CalDavFailure.NotFound, "There is no calendar at that address; check the calendar address.", 404);
        }

        if (response.StatusCode != HttpStatusCode.MultiStatus)
        {
            throw Unexpected(response);
        }

        var doc = ParseXml(await ReadBodyAsync(response, ct));

        var busy = new List<BusyInterval>();
        foreach (var data in doc.Descendants(s_cal + "calendar-data"))
        {
            try
            {
                busy.AddRange(BusyIn(data.Value, from, to, localZone));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One unreadable event must not hide the others; the owner's calendar text is not logged.
                log.LogWarning("CalDAV: skipped an event of {Calendar} that could not be read ({Error})", account.CalendarUrl, ex.GetType().Name);
            }
        }

        return [.. busy.OrderBy(b => b.Start).ThenBy(b => b.End)];
    }

    /// <summary>The busy intervals one calendar resource (an event and its overridden occurrences) holds in the range.</summary>
    public static IEnumerable<BusyInterval> BusyIn(string icalendar, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo localZone)
    {
        var calendar = IcalCalendar.Load(icalendar) ?? throw new FormatException("Not iCalendar.");
        ReadCustomZones(calendar);
        var result = new List<BusyInterval>();
        // Occurrences come in start order (floating ones by local time), so reading stops a little after the range;
        // the cap bounds a rule that never ends.
        var stopAfter = to.AddDays(2);
        // Evaluation starts early enough to catch the longest event that began before the range and still runs into
        // it (two days more for floating times in any zone), so a series that began decades ago is not walked from its start.
        var longest = calendar.Events.Select(e => e.EffectiveDuration.ToTimeSpanUnspecified()).Append(TimeSpan.Zero).Max();
        var evaluateFrom = new CalDateTime((from - longest - TimeSpan.FromDays(2)).UtcDateTime, CalDateTime.UtcTzId);
        var seen = 0;
        foreach (var occurrence in calendar.GetOccurrences<IcalEvent>(evaluateFrom))
        {
            if (++seen > 20_000)
            {
                break;
            }

            var e = (IcalEvent)occurrence.Source;
            var start = ToInstant(occurrence.Period.StartTime, localZone);
            if (start >= stopAfter)
            {
                break;
            }

            if (string.Equals(e.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase)
                || string.Equals(e.Transparency, "TRANSPARENT", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var endTime = occurrence.Period.EffectiveEndTime ?? occurrence.Period.StartTime.Add(e.EffectiveDuration);
            var end = ToInstant(endTime, localZone);
            // A zero-length event (a date-time start and no end) marks a moment, not busy time.
            if (end <= start || end <= from || start >= to)
            {
                continue;
            }

            result.Add(new BusyInterval(start, end, e.Uid));
        }

        return result;
    }

    /// <summary>
    /// A TZID that is not exactly an IANA or Windows zone name (Exchange writes "(UTC-05:00) Eastern Time (US &amp;
    /// Canada)", Thunderbird once wrote "/mozilla.org/.../America/New_York") is read with the calendar's own VTIMEZONE,
    /// which RFC 5545 requires for every TZID used: the event's start and end become UTC instants. Ical.Net's own lookup
    /// would match such names loosely (the first one contains "UTC") and be hours off. A recurring event in such a zone
    /// then repeats at the same UTC time, so a DST change inside its series is not followed.
    /// </summary>
    static void ReadCustomZones(IcalCalendar calendar)
    {
        foreach (var e in calendar.Events)
        {
            // Assigned only when changed: setting DTEND (even to null) makes Ical.Net drop a DURATION.
            if (Pin(e.DtStart) is { } start && !ReferenceEquals(start, e.DtStart))
            {
                e.DtStart = start;
            }

            if (Pin(e.DtEnd) is { } end && !ReferenceEquals(end, e.DtEnd))
            {
                e.DtEnd = end;
            }
        }

        CalDateTime? Pin(CalDateTime? t)
        {
            if (t is null || !t.HasTime || t.TzId is null || t.IsUtc || TimeZoneInfo.TryFindSystemTimeZoneById(t.TzId, out _))
            {
                return t;
            }

            var zone = calendar.TimeZones.FirstOrDefault(z => string.Equals(z.TzId, t.TzId, StringComparison.Ordinal));
            if (zone is null || OffsetAt(zone, t.Value) is not { } offset)
            {
                return t;
            }

            return new CalDateTime(DateTime.SpecifyKind(t.Value - offset, DateTimeKind.Utc), CalDateTime.UtcTzId);
        }
    }

    /// <summary>The UTC offset a VTIMEZONE gives a wall-clock time: that of the observance with the latest onset at or before it.</summary>
    static TimeSpan? OffsetAt(Ical.Net.CalendarComponents.VTimeZone zone, DateTime local)
    {
        DateTime? latestOnset = null;
        TimeSpan? offset = null;
        foreach (var observance in zone.TimeZoneInfos)
        {
            if (observance.OffsetTo is null || observance.DtStart is null)
            {
                continue;
            }

            DateTime? onset = null;
            var count = 0;
            foreach (var o in observance.GetOccurrences())
            {
                if (o.Period.StartTime.Value > local || ++count > 2_000)
                {
                    break;
                }

                onset = o.Period.StartTime.Value;
            }

            if (onset is not null && (latestOnset is null || onset > latestOnset))
            {
                latestOnset = onset;
                offset = observance.OffsetTo.Offset;
            }
        }

        return offset;
    }

    /// <summary>UTC and TZID'd times are instants already; floating times and dates are wall-clock times in <paramref name="localZone"/>.</summary>
    static DateTimeOffset ToInstant(CalDateTime t, TimeZoneInfo localZone)
    {
        if (t.IsUtc)
        {
            return new DateTimeOffset(DateTime.SpecifyKind(t.Value, DateTimeKind.Utc));
        }

        if (t.TzId is not null && t.HasTime)
        {
            return new DateTimeOffset(t.AsUtc, TimeSpan.Zero);
        }

        var local = DateTime.SpecifyKind(t.HasTime ? t.Value : t.Date.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified);
        // A wall-clock time skipped by a DST change is read as the time an hour later; an ambiguous one as its first instance.
        while (localZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        var offset = localZone.IsAmbiguousTime(local) ? localZone.GetAmbiguousTimeOffsets(local).Max() : localZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    static string IcalUtc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    static string? ETagOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("ETag", out var values) ? values.FirstOrDefault() : null;

    async Task<HttpResponseMessage> SendAsync(CalDavAccount account, HttpMethod method, string url, Action<HttpRequestMessage> prepare, CancellationToken ct)
    {
        var o = options.Value;
        if (CalDavUrl.Problem(url, o.AllowLoopbackTargets) is { } problem)
        {
            throw new CalDavException(CalDavFailure.BadAddress, problem);
        }

        var uri = new Uri(url);
        IPAddress[] addresses;
        try
        {
            addresses = await guard.CheckAsync(uri, o.AllowLoopbackTargets, ct);
        }
        catch (OutboundTargetRefusedException ex)
        {
            throw new CalDavException(CalDavFailure.BadAddress, ex.Reason == OutboundRefusal.HostNotFound ? CalDavUrl.HostNotFound : CalDavUrl.PrivateNetwork);
        }

        HttpResponseMessage response;
        for (var attempt = 1; ; attempt++)
        {
            HttpRequestException failure;
            bool hadBody;
            using (var request = NewRequest(account, method, uri, addresses))
            {
                prepare(request);
                hadBody = request.Content is not null;
                try
                {
                    response = await SendOnceAsync(request, ct);
                    break;
                }
                catch (HttpRequestException ex)
                {
                    failure = ex;
                }
            }

            log.LogWarning("CalDAV {Method} to {Calendar} failed (attempt {Attempt}): {Error}", method.Method, account.CalendarUrl, attempt, failure.HttpRequestError);
            var brokeOff = failure.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError);
            // A server that refuses the credentials may answer 401 before it reads the request's body and close the
            // connection; the client then sees the connection reset, not the 401. A request without a body asks again.
            if (brokeOff && hadBody && await ProbeRefusesCredentialsAsync(account, uri, addresses, ct) is { } refused)
            {
                throw Refused(account, method, refused);
            }

            // A connection reset once is retried for requests that do the same when repeated (RFC 9110 9.2.2).
            if (brokeOff && attempt == 1 && IsIdempotent(method))
            {
                continue;
            }

            throw new CalDavException(CalDavFailure.Unreachable, failure.HttpRequestError switch
            {
                HttpRequestError.SecureConnectionError => "The secure connection to the calendar server failed (check its HTTPS certificate).",
                HttpRequestError.NameResolutionError => CalDavUrl.HostNotFound,
                HttpRequestError.ConnectionError => "Could not connect to the calendar server (nothing answered at that address).",
                _ => "The connection to the calendar server broke off before it answered.",
            });
        }

        var code = (int)response.StatusCode;
        if (code is 401 or 403)
        {
            response.Dispose();
            throw Refused(account, method, code);
        }

        if (code is >= 300 and < 400)
        {
            response.Dispose();
            throw new CalDavException(CalDavFailure.ServerError, $"The calendar server answered {code} (a redirect); enter the calendar's final address.", code);
        }

        return response;
    }

    /// <summary>PUT (plain or conditional), DELETE, REPORT and PROPFIND change nothing more when sent twice; MKCALENDAR is left alone.</summary>
    static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Put || method == HttpMethod.Delete || method.Method is "REPORT" or "PROPFIND";

    CalDavException Refused(CalDavAccount account, HttpMethod method, int code)
    {
        log.LogWarning("CalDAV {Method} to {Calendar}: credentials refused ({Status})", method.Method, account.CalendarUrl, code);
        return new CalDavException(CalDavFailure.Unauthorized, "The calendar server refused the user name or password. Check them (some providers need an app password).", code);
    }

    /// <summary>A request that may only connect to the checked addresses, with the account's credentials.</summary>
    static HttpRequestMessage NewRequest(CalDavAccount account, HttpMethod method, Uri uri, IPAddress[] addresses)
    {
        var request = CheckedAddressHandler.Create(method, uri, addresses);
        // One connection per request: CalDAV servers (Radicale among them) may close a kept-alive connection right after
        // answering, and a request written onto it meanwhile breaks off. A calendar sees a few requests a minute at most.
        request.Headers.ConnectionClose = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{account.UserName}:{account.Password}")));
        return request;
    }

    /// <summary>Sends within Calendar:TimeoutSeconds.</summary>
    async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var seconds = options.Value.TimeoutSeconds;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            return await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new CalDavException(CalDavFailure.Unreachable, $"The calendar server did not answer within {seconds} seconds.");
        }
    }

    /// <summary>The status (401 or 403) of a body-less PROPFIND (Depth: 0) when the server refuses the credentials; null otherwise.</summary>
    async Task<int?> ProbeRefusesCredentialsAsync(CalDavAccount account, Uri uri, IPAddress[] addresses, CancellationToken ct)
    {
        using var probe = NewRequest(account, new HttpMethod("PROPFIND"), uri, addresses);
        probe.Headers.TryAddWithoutValidation("Depth", "0");
        try
        {
            using var response = await SendOnceAsync(probe, ct);
            return (int)response.StatusCode is 401 or 403 ? (int)response.StatusCode : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or CalDavException)
        {
            return null;
        }
    }

    async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var max = options.Value.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > max)
        {
            throw new CalDavException(CalDavFailure.ServerError, "The calendar server's answer is too large; ask for a shorter range.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new CalDavException(CalDavFailure.ServerError, "The calendar server's answer is too large; ask for a shorter range.");
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    static CalDavException Unexpected(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        return new CalDavException(code >= 500 ? CalDavFailure.Unreachable : CalDavFailure.ServerError,
            $"The calendar server answered {code} ({(string.IsNullOrWhiteSpace(response.ReasonPhrase) ? "an error" : new string([.. response.ReasonPhrase.Where(c => !char.IsControl(c)).Take(60)]))}).", code);
    }
}
