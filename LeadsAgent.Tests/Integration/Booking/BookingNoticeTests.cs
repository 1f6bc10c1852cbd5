using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Web;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using IcalCalendar = Ical.Net.Calendar;

namespace LeadsAgent.Tests.Integration.Booking;

/// <summary>
/// Booking notices end to end on PostgreSQL, the SMTP sink and a fake Twilio: the caller's email with an .ics, their
/// text and the owner's email; cancelling and moving through the caller's link; "cancel booking" and YES by text; the
/// reminder the day before, once, and none for a cancelled booking.
/// </summary>
public class BookingNoticeTests(BookingNoticeTests.Fixture fx) : IClassFixture<BookingNoticeTests.Fixture>
{
    const string Token = "test-auth-token";
    const string PublicBase = "https://sms.example.test";
    const string AppBase = "https://app.example.test";
    const string OwnerPhone = "+15550001111";

    public sealed class Fixture : PlatformFixture
    {
        public FakeHttpServer Twilio { get; private set; } = null!;
        public ConcurrentQueue<Dictionary<string, string>> Texts { get; } = new();

        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "ACtest00000000000000000000000000",
            ["Twilio:AuthToken"] = Token,
            ["Twilio:WebhookBaseUrl"] = PublicBase,
            ["Twilio:ApiBaseUrl"] = Twilio.BaseUrl,
            ["Server:PublicBaseUrl"] = AppBase,
            ["Notifications:PollSeconds"] = "3600",
            ["Bookings:LinkRequestBurst"] = "10000",
        };

        public override async ValueTask InitializeAsync()
        {
            Twilio = await FakeHttpServer.StartAsync(async (req, ctx) =>
            {
                var form = HttpUtility.ParseQueryString(req.Body);
                Texts.Enqueue(form.AllKeys.ToDictionary(k => k!, k => form[k]!));
                ctx.Response.StatusCode = 201;
                await ctx.Response.WriteAsJsonAsync(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued", num_segments = "1" });
            });
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Twilio.DisposeAsync();
        }
    }

    sealed record Shop(Guid Id, HttpClient Owner, Guid ServiceId, string Number, string OwnerEmail);

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string NewNumber() => "+1555" + Random.Shared.Next(2000000, 9999999);

    /// <summary>A BASIC business in Chicago open around the clock, texts on without quiet hours, a 60-minute repair.</summary>
    async Task<Shop> ShopAsync()
    {
        var number = NewNumber();
        var ownerEmail = $"office-{Guid.NewGuid():N}@acme.example";
        var (id, owner, _) = await fx.CreateBusinessAsync("BASIC", "PLUMBING", number);
        (await owner.PutAsJsonAsync("/api/admin/business", new { name = "Acme Plumbing", timeZone = "America/Chicago", twilioPhoneNumber = number,
            notificationEmail = ownerEmail, notificationPhoneNumber = OwnerPhone }, Ct)).EnsureSuccessStatusCode();
        (await owner.PutAsJsonAsync("/api/admin/texts", new { ownerTexts = true, callerConfirmation = false, missedCallTextBack = false, quietHoursEnabled = false,
            quietStart = "21:00", quietEnd = "08:00" }, Ct)).EnsureSuccessStatusCode();
        var week = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), ranges = new[] { new { from = "00:00", to = "24:00" } } }).ToArray();
        (await owner.PutAsJsonAsync("/api/admin/hours", new { week }, Ct)).EnsureSuccessStatusCode();
        await (await owner.PutAsJsonAsync("/api/admin/availability", new { minimumNoticeHours = 0, horizonDays = 14 }, Ct)).JsonAsync(HttpStatusCode.OK);
        var service = await (await owner.PostAsJsonAsync("/api/admin/services", new { name = "Repair visit", durationMinutes = 60, bufferMinutes = 15 }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        return new Shop(id, owner, service["id"]!.GetValue<Guid>(), number, ownerEmail);
    }

    static async Task<List<DateTimeOffset>> SlotsAsync(Shop shop, DateTimeOffset from, int count = 5)
    {
        var url = $"/api/admin/availability/slots?serviceId={shop.ServiceId}&from={Uri.EscapeDataString(from.ToString("O"))}&count={count}";
        var slots = await (await shop.Owner.GetAsync(url, Ct)).JsonAsync(HttpStatusCode.OK);
        return [.. slots.AsArray().Select(s => s!["startsAt"]!.GetValue<DateTimeOffset>())];
    }

    /// <summary>Books three days ahead (so a reminder is due the day before); returns the booking's id and its start.</summary>
    async Task<(Guid Id, DateTimeOffset Start, string Email, string Phone)> BookAsync(Shop shop, DateTimeOffset? at = null)
    {
        var start = at ?? (await SlotsAsync(shop, DateTimeOffset.UtcNow.AddDays(3), 1))[0];
        var email = $"maria-{Guid.NewGuid():N}@example.com";
        var phone = NewNumber();
        var booked = await (await shop.Owner.PostAsJsonAsync("/api/admin/bookings",
            new { serviceId = shop.ServiceId, startsAt = start, callerName = "Maria Lopez", callerPhone = phone, callerEmail = email }, Ct)).JsonAsync(HttpStatusCode.Created);
        return (booked["id"]!.GetValue<Guid>(), start, email, phone);
    }

    readonly HashSet<Dictionary<string, string>> _returned = [];

    /// <summary>Runs the outbox; returns the texts sent from the shop's number not returned before.</summary>
    async Task<List<Dictionary<string, string>>> SendOutboxAsync(Shop shop)
    {
        await fx.App.Services.GetRequiredService<OutboxWorker>().RunOnceAsync(Ct);
        var fresh = fx.Texts.Where(t => t["From"] == shop.Number && !_returned.Contains(t)).ToList();
        _returned.UnionWith(fresh);
        return fresh;
    }

    static List<MimeMessage> MailTo(string address) =>
        [.. MailSink.Shared().Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase))
            .Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Raw))))];

    static IcalCalendar IcsOf(MimeMessage mail)
    {
        var part = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal("text/calendar", part.ContentType.MimeType);
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return IcalCalendar.Load(Encoding.UTF8.GetString(stream.ToArray()))!;
    }

    Task<string> TokenAsync(Guid bookingId) => fx.Database.ScalarAsync<string>($"SELECT cancel_token FROM bookings WHERE id = '{bookingId}'");

    /// <summary>Posts a page's form (by its form name) the way a browser would: its hidden fields, the antiforgery cookie, and <paramref name="fields"/>.</summary>
    static async Task<(HttpStatusCode Status, string Html)> SubmitAsync(HttpClient browser, string url, string formName, Dictionary<string, string>? fields = null)
    {
        var page = await browser.GetStringAsync(url, Ct);
        var doc = new HtmlParser().ParseDocument(page);
        var form = doc.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == formName);
        var values = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (k, v) in fields ?? [])
        {
            values[k] = v;
        }

        var response = await browser.PostAsync(url, new FormUrlEncodedContent(values), Ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task A_booking_by_the_API_emails_the_caller_an_ics_texts_them_and_emails_the_owner()
    {
        var shop = await ShopAsync();
        var (id, start, email, phone) = await BookAsync(shop);
        // Written with the booking, before anything is sent: two emails, one text, and the two reminders for the day before.
        Assert.Equal(2L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE payload->>'booking' = '{id}' AND kind = 'BOOKING_EMAIL' AND payload->>'purpose' = 'CONFIRMED'"));
        Assert.Equal(start.AddHours(-24).UtcDateTime, await fx.Database.ScalarAsync<DateTime>(
            $"SELECT next_attempt_at FROM notifications WHERE payload->>'booking' = '{id}' AND kind = 'SMS' AND payload->>'purpose' = 'BOOKING_REMINDER'"), TimeSpan.FromSeconds(1));

        var texts = await SendOutboxAsync(shop);
        var token = await TokenAsync(id);
        var toCaller = Assert.Single(texts, t => t["To"] == phone);
        Assert.StartsWith("Acme Plumbing: your Repair visit is booked for ", toCaller["Body"], StringComparison.Ordinal);
        Assert.Contains($"{AppBase}/b/{token}", toCaller["Body"], StringComparison.Ordinal);
        // The owner booked it: the owner is emailed, not texted.
        Assert.DoesNotContain(texts, t => t["To"] == OwnerPhone);

        var mail = Assert.Single(MailTo(email));
        Assert.StartsWith("Booked: Repair visit with Acme Plumbing, ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"{AppBase}/b/{token}", mail.TextBody, StringComparison.Ordinal);
        var ics = IcsOf(mail);
        Assert.Equal("REQUEST", ics.Method);
        var e = Assert.Single(ics.Events);
        Assert.Equal($"booking-{id}@leadsagent", e.Uid);
        Assert.Equal(start.UtcDateTime, e.DtStart!.AsUtc);
        Assert.Equal("Repair visit with Acme Plumbing", e.Summary);

        var owner = Assert.Single(MailTo(shop.OwnerEmail));
        Assert.StartsWith("New booking: Maria Lopez, Repair visit, ", owner.Subject, StringComparison.Ordinal);
        // The reminders wait for the day before.
        Assert.Equal(2L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE payload->>'booking' = '{id}' AND status = 'PENDING'"));
    }

    [Fact]
    public async Task Cancelling_by_the_link_frees_the_slot_tells_the_owner_and_sends_a_cancel_ics()
    {
        var shop = await ShopAsync();
        var (id, start, email, phone) = await BookAsync(shop);
        await SendOutboxAsync(shop);
        var url = $"/b/{await TokenAsync(id)}";
        var browser = fx.Anonymous();

        var page = await browser.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Repair visit", html, StringComparison.Ordinal);
        Assert.Contains("Acme Plumbing", html, StringComparison.Ordinal);
        Assert.Contains("(555) ", html, StringComparison.Ordinal);
        // Looking changes nothing; the confirm step is a POST.
        Assert.Equal("BOOKED", await fx.Database.ScalarAsync<string>($"SELECT status FROM bookings WHERE id = '{id}'"));

        var (status, done) = await SubmitAsync(browser, url + "?step=cancel", "cancel");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("your visit is cancelled and Acme Plumbing has been told", done, StringComparison.Ordinal);
        Assert.Equal("CANCELLED", await fx.Database.ScalarAsync<string>($"SELECT status FROM bookings WHERE id = '{id}'"));
        Assert.Contains(start, await SlotsAsync(shop, start.AddMinutes(-30), 3));
        Assert.Equal(2L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE payload->>'booking' = '{id}' AND status = 'CANCELLED' AND payload->>'purpose' IN ('REMINDER', 'BOOKING_REMINDER')"));

        var texts = await SendOutboxAsync(shop);
        Assert.StartsWith("Booking cancelled for Acme Plumbing: Maria Lopez, Repair visit", Assert.Single(texts, t => t["To"] == OwnerPhone)["Body"], StringComparison.Ordinal);
        Assert.Contains("is cancelled, as you asked", Assert.Single(texts, t => t["To"] == phone)["Body"], StringComparison.Ordinal);
        Assert.Single(MailTo(shop.OwnerEmail), m => (m.Subject ?? "").StartsWith("Booking cancelled: Maria Lopez", StringComparison.Ordinal));
        var cancelMail = Assert.Single(MailTo(email), m => (m.Subject ?? "").StartsWith("Cancelled:", StringComparison.Ordinal));
        var ics = IcsOf(cancelMail);
        Assert.Equal("CANCEL", ics.Method);
        Assert.Equal($"booking-{id}@leadsagent", ics.Events.Single().Uid);
        Assert.Equal(1, ics.Events.Single().Sequence);

        // The page now says so, and has nothing left to press; a second cancel is refused in words.
        var after = WebUtility.HtmlDecode(await browser.GetStringAsync(url, Ct));
        Assert.Contains("Your visit is cancelled", after, StringComparison.Ordinal);
        Assert.DoesNotContain("to-cancel", after, StringComparison.Ordinal);

        var unknown = await browser.GetAsync("/b/not-a-real-token", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("We couldn't find this booking", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_by_the_link_takes_a_free_slot_and_a_slot_taken_meanwhile_is_refused_clearly()
    {
        var shop = await ShopAsync();
        var (id, start, email, _) = await BookAsync(shop);
        var url = $"/b/{await TokenAsync(id)}";
        var browser = fx.Anonymous();
        var choose = new HtmlParser().ParseDocument(await browser.GetStringAsync(url + "?step=move", Ct));
        var offered = choose.QuerySelectorAll("input[name='Move.StartsAt']").Select(i => i.GetAttribute("value")!).ToList();
        Assert.True(offered.Count >= 2, "free times are offered");
        Assert.DoesNotContain(offered, o => DateTimeOffset.Parse(o, System.Globalization.CultureInfo.InvariantCulture) == start);

        // Someone else books the first offered time while the caller looks.
        await BookAsync(shop, DateTimeOffset.Parse(offered[0], System.Globalization.CultureInfo.InvariantCulture));
        var (_, taken) = await SubmitAsync(browser, url + "?step=move", "move", new() { ["Move.StartsAt"] = offered[0] });
        Assert.Contains("That time was just taken. Please choose another time.", taken, StringComparison.Ordinal);
        Assert.Equal(start.UtcDateTime, await fx.Database.ScalarAsync<DateTime>($"SELECT starts_at FROM bookings WHERE id = '{id}'"));

        // The times are spread over the days; the caller takes one clear of the taken one and within a day.
        var times = offered.Select(o => DateTimeOffset.Parse(o, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(times.Select(t => t.Date).Distinct().Count() >= 2, "the eight times fall on several days");
        var later = times.First(t => t >= times[0].AddHours(2) && t < DateTimeOffset.UtcNow.AddHours(24));
        var (status, moved) = await SubmitAsync(browser, url + "?step=move", "move", new() { ["Move.StartsAt"] = offered[times.IndexOf(later)] });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Done: your visit is moved to ", moved, StringComparison.Ordinal);
        Assert.Equal(later.UtcDateTime, await fx.Database.ScalarAsync<DateTime>($"SELECT starts_at FROM bookings WHERE id = '{id}'"));
        // The old reminders are called off; the new time is within a day, so the fresh confirmation is the reminder.
        Assert.Equal(2L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE payload->>'booking' = '{id}' AND status = 'CANCELLED' AND payload->>'purpose' IN ('REMINDER', 'BOOKING_REMINDER')"));
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE payload->>'booking' = '{id}' AND status = 'PENDING' AND payload->>'purpose' IN ('REMINDER', 'BOOKING_REMINDER')"));

        await SendOutboxAsync(shop);
        var movedMail = Assert.Single(MailTo(email), m => (m.Subject ?? "").StartsWith("Moved:", StringComparison.Ordinal));
        Assert.Equal(1, IcsOf(movedMail).Events.Single().Sequence);
        Assert.Single(MailTo(shop.OwnerEmail), m => (m.Subject ?? "").StartsWith("Booking moved: Maria Lopez", StringComparison.Ordinal));

        // The owner moves it days ahead: new reminders wait for the day before the new time.
        var farther = (await SlotsAsync(shop, DateTimeOffset.UtcNow.AddDays(4), 1))[0];
        (await shop.Owner.PutAsJsonAsync($"/api/admin/bookings/{id}", new { startsAt = farther }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal(farther.AddHours(-24).UtcDateTime, await fx.Database.ScalarAsync<DateTime>(
            $"SELECT next_attempt_at FROM notifications WHERE payload->>'booking' = '{id}' AND status = 'PENDING' AND payload->>'purpose' = 'REMINDER'"), TimeSpan.FromSeconds(1));
    }

    /// <summary>Texts the business as a phone would through Twilio; returns the replies in the TwiML.</summary>
    async Task<List<string>> TextAsync(string from, string to, string body)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = "ACtest00000000000000000000000000",
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["From"] = from,
            ["To"] = to,
            ["Body"] = body,
        };
        var response = await TwilioCaller.SendSignedAsync(fx.Anonymous(), Token, PublicBase, "/api/sms/incoming", form);
        var xml = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, xml);
        return [.. XDocument.Parse(xml).Root!.Elements("Message").Select(m => m.Value)];
    }

    [Fact]
    public async Task A_text_cancel_booking_asks_for_YES_and_YES_from_the_booking_phone_cancels_it()
    {
        var shop = await ShopAsync();
        var (id, _, email, phone) = await BookAsync(shop);
        await SendOutboxAsync(shop);

        // Another number has no booking here; a bare CANCEL is still the carriers' opt-out word.
        var stranger = NewNumber();
        Assert.StartsWith("We couldn't find an upcoming visit booked from this number.", Assert.Single(await TextAsync(stranger, shop.Number, "cancel my appointment")), StringComparison.Ordinal);
        Assert.StartsWith("You're unsubscribed from Acme Plumbing.", Assert.Single(await TextAsync(stranger, shop.Number, "CANCEL")), StringComparison.Ordinal);

        Assert.StartsWith($"To move your Repair visit on ", Assert.Single(await TextAsync(phone, shop.Number, "Reschedule please")), StringComparison.Ordinal);
        var ask = Assert.Single(await TextAsync(phone, shop.Number, "Cancel booking"));
        Assert.Matches(@"^Reply YES to cancel your Repair visit on \w{3} \d{1,2} \w{3} at \d{1,2}:\d{2} [ap]\.m\. with Acme Plumbing\. Reply NO to keep it\.$", ask);
        Assert.Equal("BOOKED", await fx.Database.ScalarAsync<string>($"SELECT status FROM bookings WHERE id = '{id}'"));

        var done = Assert.Single(await TextAsync(phone, shop.Number, "Yes"));
        Assert.Contains("is cancelled, and Acme Plumbing has been told.", done, StringComparison.Ordinal);
        Assert.Equal("CANCELLED", await fx.Database.ScalarAsync<string>($"SELECT status FROM bookings WHERE id = '{id}'"));

        var texts = await SendOutboxAsync(shop);
        Assert.Contains("Booking cancelled for Acme Plumbing", Assert.Single(texts, t => t["To"] == OwnerPhone)["Body"], StringComparison.Ordinal);
        // The reply was the caller's confirmation: no second text, but the email with the CANCEL .ics.
        Assert.DoesNotContain(texts, t => t["To"] == phone);
        Assert.Equal("CANCEL", IcsOf(Assert.Single(MailTo(email), m => (m.Subject ?? "").StartsWith("Cancelled:", StringComparison.Ordinal))).Method);
        Assert.Contains("by text message", Assert.Single(MailTo(shop.OwnerEmail), m => (m.Subject ?? "").StartsWith("Booking cancelled", StringComparison.Ordinal)).TextBody ?? "",
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reminder_goes_once_the_day_before_and_never_for_a_cancelled_booking()
    {
        var shop = await ShopAsync();
        var (keptId, _, keptEmail, keptPhone) = await BookAsync(shop);
        var (goneId, _, goneEmail, gonePhone) = await BookAsync(shop);
        (await shop.Owner.PostAsync($"/api/admin/bookings/{goneId}/cancel", null, Ct)).EnsureSuccessStatusCode();
        var texts = await SendOutboxAsync(shop);
        Assert.DoesNotContain(texts, t => t["Body"].StartsWith("Reminder", StringComparison.Ordinal));
        Assert.Contains("sorry, your Repair visit", Assert.Single(texts, t => t["To"] == gonePhone)["Body"], StringComparison.Ordinal);

        // The day before: the reminders' due time arrives (the outbox's clock is the database's).
        await fx.Database.ExecuteAsync($"""
            UPDATE notifications SET next_attempt_at = now() - interval '1 second'
            WHERE business_id = '{shop.Id}' AND payload->>'purpose' IN ('REMINDER', 'BOOKING_REMINDER')
            """);
        texts = await SendOutboxAsync(shop);
        var reminder = Assert.Single(texts);
        Assert.Equal(keptPhone, reminder["To"]);
        Assert.StartsWith("Reminder from Acme Plumbing: your Repair visit is on ", reminder["Body"], StringComparison.Ordinal);
        Assert.Single(MailTo(keptEmail), m => (m.Subject ?? "").StartsWith("Reminder:", StringComparison.Ordinal));
        Assert.DoesNotContain(MailTo(goneEmail), m => (m.Subject ?? "").StartsWith("Reminder:", StringComparison.Ordinal));

        // Once: nothing more on the next passes.
        Assert.Empty(await SendOutboxAsync(shop));
        Assert.Single(MailTo(keptEmail), m => (m.Subject ?? "").StartsWith("Reminder:", StringComparison.Ordinal));
        Assert.Equal(2L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE payload->>'booking' = '{keptId}' AND status = 'SENT' AND payload->>'purpose' IN ('REMINDER', 'BOOKING_REMINDER')"));
    }
}
