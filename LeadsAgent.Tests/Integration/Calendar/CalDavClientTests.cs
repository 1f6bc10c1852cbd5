using System.Collections.Concurrent;
using LeadsAgent.Infrastructure;
using LeadsAgent.Infrastructure.Calendar;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadsAgent.Tests.Integration.Calendar;

/// <summary>The CalDAV client against the real Radicale server scripts/services runs on loopback.</summary>
public sealed class CalDavClientTests : IDisposable
{
    static readonly TimeZoneInfo s_newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    static readonly DateTimeOffset s_stamp = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    readonly ServiceProvider _services;
    readonly LogSink _logs = new();

    public CalDavClientTests() => _services = Services(allowLoopback: true);

    ServiceProvider Services(bool allowLoopback)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Calendar:AllowLoopbackTargets"] = allowLoopback ? "true" : "false" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddCalendarSync(config);
        return services.BuildServiceProvider(validateScopes: true);
    }

    CalDavClient Client => _services.GetRequiredService<CalDavClient>();

    static async Task<CalDavAccount> NewCalendarAsync(CalDavClient client)
    {
        var account = new CalDavAccount(CalDavServer.NewCalendarUrl(), CalDavServer.User, CalDavServer.Password);
        await client.CreateCalendarAsync(account, "LeadsAgent test", TestContext.Current.CancellationToken);
        return account;
    }

    static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task Booking_IsWrittenReadBackAsBusy_Moved_AndDeleted()
    {
        var ct = TestContext.Current.CancellationToken;
        var account = await NewCalendarAsync(Client);
        var booking = new CalendarEventData("booking-1@leadsagent.test", Utc(3, 14), Utc(3, 15, 30), "Leak repair: Jane", "Kitchen sink; bring parts, please", "12 Elm St");

        var etag = await Client.PutEventAsync(account, booking, s_stamp, expectedETag: null, ct);
        Assert.False(string.IsNullOrEmpty(etag));

        // What Radicale stores is our event, as any calendar app will read it.
        var stored = await CalDavServer.GetRawAsync(CalDavClient.EventUrl(account, booking.Uid));
        Assert.NotNull(stored);
        Assert.Contains("UID:booking-1@leadsagent.test", stored, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261203T140000Z", stored, StringComparison.Ordinal);

        var busy = await Client.GetBusyAsync(account, Utc(3, 0), Utc(4, 0), s_newYork, ct);
        Assert.Equal([new BusyInterval(Utc(3, 14), Utc(3, 15, 30), booking.Uid)], busy);

        // Moved to the next day: one event, at the new time, with a higher SEQUENCE.
        var moved = booking with { Start = Utc(4, 16), End = Utc(4, 17), Sequence = 1 };
        var movedETag = await Client.PutEventAsync(account, moved, s_stamp.AddHours(1), etag, ct);
        Assert.NotEqual(etag, movedETag);
        Assert.Empty(await Client.GetBusyAsync(account, Utc(3, 0), Utc(4, 0), s_newYork, ct));
        Assert.Equal([new BusyInterval(Utc(4, 16), Utc(4, 17), booking.Uid)], await Client.GetBusyAsync(account, Utc(3, 0), Utc(5, 0), s_newYork, ct));
        Assert.Contains("SEQUENCE:1", await CalDavServer.GetRawAsync(CalDavClient.EventUrl(account, booking.Uid)), StringComparison.Ordinal);

        // A write with the old ETag (someone changed the event meanwhile) is refused, not silently overwritten.
        var stale = await Assert.ThrowsAsync<CalDavException>(() => Client.PutEventAsync(account, booking with { Sequence = 2 }, s_stamp, etag, ct));
        Assert.Equal(CalDavFailure.Changed, stale.Failure);

        await Client.DeleteEventAsync(account, booking.Uid, movedETag, ct);
        Assert.Empty(await Client.GetBusyAsync(account, Utc(1, 0), Utc(10, 0), s_newYork, ct));
        Assert.Null(await CalDavServer.GetRawAsync(CalDavClient.EventUrl(account, booking.Uid)));
        // Deleting what is already gone is not an error (a retry after a lost answer).
        await Client.DeleteEventAsync(account, booking.Uid, null, ct);
    }

    [Fact]
    public async Task EventsMadeByAPhone_AreBusy_ExceptFreeAndCancelledOnes()
    {
        var ct = TestContext.Current.CancellationToken;
        var account = await NewCalendarAsync(Client);

        // As Apple Calendar writes it: a TZID with its VTIMEZONE. 9:00-10:00 New York (EST, UTC-5) is 14:00-15:00 UTC.
        await CalDavServer.PutRawAsync(account.CalendarUrl, "dentist.ics", Ics("""
            BEGIN:VTIMEZONE
            TZID:America/New_York
            BEGIN:DAYLIGHT
            TZOFFSETFROM:-0500
            TZOFFSETTO:-0400
            DTSTART:20070311T020000
            RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
            TZNAME:EDT
            END:DAYLIGHT
            BEGIN:STANDARD
            TZOFFSETFROM:-0400
            TZOFFSETTO:-0500
            DTSTART:20071104T020000
            RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
            TZNAME:EST
            END:STANDARD
            END:VTIMEZONE
            BEGIN:VEVENT
            UID:dentist@phone
            DTSTAMP:20261201T100000Z
            DTSTART;TZID=America/New_York:20261203T090000
            DTEND;TZID=America/New_York:20261203T100000
            SUMMARY:Dentist
            END:VEVENT
            """));
        // As Outlook writes it: a Windows zone name, and a DURATION instead of DTEND.
        await CalDavServer.PutRawAsync(account.CalendarUrl, "supplier.ics", Ics("""
            BEGIN:VEVENT
            UID:supplier@outlook
            DTSTAMP:20261201T100000Z
            DTSTART;TZID=Eastern Standard Time:20261204T130000
            DURATION:PT45M
            SUMMARY:Supplier call
            END:VEVENT
            """));
        // A day off: an all-day event is the whole day in the business's zone.
        await CalDavServer.PutRawAsync(account.CalendarUrl, "dayoff.ics", Ics("""
            BEGIN:VEVENT
            UID:dayoff@phone
            DTSTAMP:20261201T100000Z
            DTSTART;VALUE=DATE:20261207
            DTEND;VALUE=DATE:20261208
            SUMMARY:Day off
            END:VEVENT
            """));
        // Marked free, and cancelled: neither blocks time.
        await CalDavServer.PutRawAsync(account.CalendarUrl, "free.ics", Ics("""
            BEGIN:VEVENT
            UID:free@phone
            DTSTAMP:20261201T100000Z
            DTSTART:20261203T180000Z
            DTEND:20261203T190000Z
            TRANSP:TRANSPARENT
            SUMMARY:Reminder to call mum
            END:VEVENT
            """));
        await CalDavServer.PutRawAsync(account.CalendarUrl, "cancelled.ics", Ics("""
            BEGIN:VEVENT
            UID:cancelled@phone
            DTSTAMP:20261201T100000Z
            DTSTART:20261203T200000Z
            DTEND:20261203T210000Z
            STATUS:CANCELLED
            SUMMARY:Cancelled meeting
            END:VEVENT
            """));
        // A weekly standing job on Mondays 8-9 UTC since November, and one outside the range.
        await CalDavServer.PutRawAsync(account.CalendarUrl, "weekly.ics", Ics("""
            BEGIN:VEVENT
            UID:weekly@phone
            DTSTAMP:20261101T100000Z
            DTSTART:20261102T080000Z
            DTEND:20261102T090000Z
            RRULE:FREQ=WEEKLY;BYDAY=MO
            SUMMARY:Standing job
            END:VEVENT
            """));
        await CalDavServer.PutRawAsync(account.CalendarUrl, "later.ics", Ics("""
            BEGIN:VEVENT
            UID:later@phone
            DTSTAMP:20261201T100000Z
            DTSTART:20261220T080000Z
            DTEND:20261220T090000Z
            SUMMARY:Later
            END:VEVENT
            """));

        var busy = await Client.GetBusyAsync(account, Utc(3, 0), Utc(9, 0), s_newYork, ct);

        Assert.Equal(
        [
            new BusyInterval(Utc(3, 14), Utc(3, 15), "dentist@phone"),
            new BusyInterval(Utc(4, 18), Utc(4, 18, 45), "supplier@outlook"),
            // Midnight to midnight in New York on 7 December (EST): 05:00 UTC to 05:00 UTC.
            new BusyInterval(Utc(7, 5), Utc(8, 5), "dayoff@phone"),
            new BusyInterval(Utc(7, 8), Utc(7, 9), "weekly@phone"),
        ], busy);
    }

    [Fact]
    public async Task ALongSeries_AndALongEventStartedBeforeTheRange_AreBusy()
    {
        var ct = TestContext.Current.CancellationToken;
        var account = await NewCalendarAsync(Client);
        // A daily 06:00 UTC school run since 1970: more than 20,000 occurrences before the range.
        await CalDavServer.PutRawAsync(account.CalendarUrl, "daily.ics", Ics("""
            BEGIN:VEVENT
            UID:daily@phone
            DTSTAMP:20261201T100000Z
            DTSTART:19700101T060000Z
            DTEND:19700101T070000Z
            RRULE:FREQ=DAILY
            SUMMARY:School run
            END:VEVENT
            """));
        // Three weeks of holiday that began a fortnight before the range.
        await CalDavServer.PutRawAsync(account.CalendarUrl, "holiday.ics", Ics("""
            BEGIN:VEVENT
            UID:holiday@phone
            DTSTAMP:20261101T100000Z
            DTSTART;VALUE=DATE:20261120
            DTEND;VALUE=DATE:20261211
            SUMMARY:Holiday
            END:VEVENT
            """));

        var busy = await Client.GetBusyAsync(account, Utc(3, 0), Utc(4, 0), s_newYork, ct);

        Assert.Equal(
        [
            new BusyInterval(new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero), Utc(11, 5), "holiday@phone"),
            new BusyInterval(Utc(3, 6), Utc(3, 7), "daily@phone"),
        ], busy);
    }

    [Fact]
    public async Task ATimeZoneKnownOnlyByItsVTimezone_IsReadWithIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var account = await NewCalendarAsync(Client);
        // As Exchange writes it: a descriptive TZID that is no IANA or Windows name, defined by the VTIMEZONE alone.
        const string zone = """
            BEGIN:VTIMEZONE
            TZID:(UTC-05:00) Eastern Time (US & Canada)
            BEGIN:STANDARD
            DTSTART:16010101T020000
            TZOFFSETFROM:-0400
            TZOFFSETTO:-0500
            RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11
            END:STANDARD
            BEGIN:DAYLIGHT
            DTSTART:16010101T020000
            TZOFFSETFROM:-0500
            TZOFFSETTO:-0400
            RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3
            END:DAYLIGHT
            END:VTIMEZONE
            """;
        await CalDavServer.PutRawAsync(account.CalendarUrl, "winter.ics", Ics(zone + """

            BEGIN:VEVENT
            UID:winter@exchange
            DTSTAMP:20261201T100000Z
            DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20261205T100000
            DTEND;TZID="(UTC-05:00) Eastern Time (US & Canada)":20261205T110000
            SUMMARY:Winter job
            END:VEVENT
            """));
        await CalDavServer.PutRawAsync(account.CalendarUrl, "summer.ics", Ics(zone + """

            BEGIN:VEVENT
            UID:summer@exchange
            DTSTAMP:20261201T100000Z
            DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20270701T100000
            DTEND;TZID="(UTC-05:00) Eastern Time (US & Canada)":20270701T110000
            SUMMARY:Summer job
            END:VEVENT
            """));

        // 10:00 EST is 15:00 UTC; 10:00 EDT is 14:00 UTC.
        Assert.Equal([new BusyInterval(Utc(5, 15), Utc(5, 16), "winter@exchange")], await Client.GetBusyAsync(account, Utc(5, 0), Utc(6, 0), s_newYork, ct));
        var july = new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal([new BusyInterval(july.AddHours(14), july.AddHours(15), "summer@exchange")], await Client.GetBusyAsync(account, july, july.AddDays(1), s_newYork, ct));
    }

    [Fact]
    public async Task WrongPassword_IsAClearError_AndThePasswordIsNeverLogged()
    {
        var ct = TestContext.Current.CancellationToken;
        var account = await NewCalendarAsync(Client);
        var wrong = new CalDavAccount(account.CalendarUrl, CalDavServer.User, "not-the-password-7f3a");

        var error = await Assert.ThrowsAsync<CalDavException>(() => Client.GetBusyAsync(wrong, Utc(3, 0), Utc(4, 0), s_newYork, ct));

        Assert.Equal(CalDavFailure.Unauthorized, error.Failure);
        Assert.Equal(401, error.StatusCode);
        Assert.Contains("refused the user name or password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-7f3a", wrong.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(_logs.Messages);
        Assert.DoesNotContain(_logs.Messages, m => m.Contains("not-the-password-7f3a", StringComparison.Ordinal)
            || m.Contains(CalDavServer.Password + "@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A401SentBeforeTheBodyIsRead_IsStillAWrongPassword_NotUnreachable()
    {
        var ct = TestContext.Current.CancellationToken;
        // As Radicale does at times: a request with a body is refused by closing the connection before any answer (the
        // client sees a reset); a request without a body gets the 401.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var requests = new ConcurrentQueue<string>();
        _ = Task.Run(async () =>
        {
            while (!ct.IsCancellationRequested)
            {
                using var socket = await listener.AcceptSocketAsync(ct);
                var buffer = new byte[65536];
                var head = "";
                while (!head.Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var n = await socket.ReceiveAsync(buffer, ct);
                    if (n == 0)
                    {
                        break;
                    }

                    head += System.Text.Encoding.ASCII.GetString(buffer, 0, n);
                }

                requests.Enqueue(head.Split(' ')[0]);
                var length = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))?.Split(':')[1].Trim();
                if (length is not null and not "0")
                {
                    socket.LingerState = new System.Net.Sockets.LingerOption(true, 0);
                    socket.Close();
                    continue;
                }

                await socket.SendAsync("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), ct);
                socket.Shutdown(System.Net.Sockets.SocketShutdown.Both);
            }
        }, ct);

        try
        {
            var account = new CalDavAccount($"http://127.0.0.1:{port}/cal/", "u", "wrong");
            var error = await Assert.ThrowsAsync<CalDavException>(() => Client.GetBusyAsync(account, Utc(3, 0), Utc(4, 0), s_newYork, ct));
            Assert.Equal(CalDavFailure.Unauthorized, error.Failure);
            Assert.Contains("PROPFIND", requests);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task MissingCalendar_IsNotFound()
    {
        var account = new CalDavAccount(CalDavServer.NewCalendarUrl(), CalDavServer.User, CalDavServer.Password);
        var error = await Assert.ThrowsAsync<CalDavException>(() => Client.GetBusyAsync(account, Utc(3, 0), Utc(4, 0), s_newYork, TestContext.Current.CancellationToken));
        Assert.Equal(CalDavFailure.NotFound, error.Failure);
    }

    [Fact]
    public async Task CheckCalendar_TellsACalendar_FromTheAccountAddress_AndAMissingOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var account = await NewCalendarAsync(Client);
        Assert.Equal("LeadsAgent test", await Client.CheckCalendarAsync(account, ct));

        // The account's (principal's) address holds calendars but is none itself: the mistake owners make most.
        var principal = new CalDavAccount($"{CalDavServer.BaseUrl}{CalDavServer.User}/", CalDavServer.User, CalDavServer.Password);
        Assert.Equal(CalDavFailure.NotACalendar, (await Assert.ThrowsAsync<CalDavException>(() => Client.CheckCalendarAsync(principal, ct))).Failure);

        var missing = new CalDavAccount(CalDavServer.NewCalendarUrl(), CalDavServer.User, CalDavServer.Password);
        Assert.Equal(CalDavFailure.NotFound, (await Assert.ThrowsAsync<CalDavException>(() => Client.CheckCalendarAsync(missing, ct))).Failure);

        var wrong = new CalDavAccount(account.CalendarUrl, CalDavServer.User, "wrong-password-1");
        Assert.Equal(CalDavFailure.Unauthorized, (await Assert.ThrowsAsync<CalDavException>(() => Client.CheckCalendarAsync(wrong, ct))).Failure);
    }

    [Theory]
    [InlineData("http://127.0.0.1:55232/leadsagent/cal/")]       // this machine, without the test switch
    [InlineData("https://10.1.2.3/cal/")]                        // a private network
    [InlineData("https://169.254.169.254/latest/")]              // cloud metadata
    [InlineData("http://caldav.example.com/cal/")]               // a password in clear text
    [InlineData("https://user:secret@caldav.example.com/cal/")]  // credentials in the address
    [InlineData("ftp://caldav.example.com/cal/")]
    public async Task PrivateOrUnsafeAddresses_AreRefusedBeforeAnyConnection(string url)
    {
        await using var services = Services(allowLoopback: false);
        var client = services.GetRequiredService<CalDavClient>();
        var error = await Assert.ThrowsAsync<CalDavException>(() =>
            client.PutEventAsync(new CalDavAccount(url, "u", "p"), new CalendarEventData("x", Utc(3, 1), Utc(3, 2), "x"), s_stamp, null, TestContext.Current.CancellationToken));
        Assert.Equal(CalDavFailure.BadAddress, error.Failure);
    }

    static string Ics(string body) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//Calendar//EN\r\n" + body.ReplaceLineEndings("\r\n").Trim() + "\r\nEND:VCALENDAR\r\n";

    public void Dispose() => _services.Dispose();

    sealed class LogSink : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        sealed class Logger(LogSink sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink.Messages.Enqueue(formatter(state, exception) + exception);
        }
    }
}
