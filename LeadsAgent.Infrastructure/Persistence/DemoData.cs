using System.Text.Json;
using LeadsAgent.Domain.Blocking;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Identity;
using LeadsAgent.Infrastructure.Knowledge;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Infrastructure.Persistence;

/// <summary>Two demo businesses for `./run` (never for tests or production): safe to run again.</summary>
public sealed class DemoData(LeadsDbContext db, CreateBusiness createBusiness, KnowledgeBase knowledge, UserManager<AppUser> users, TimeProvider clock)
{
    public sealed record DemoLogin(string Business, string Plan, string Email, string Password);

    public static readonly DemoLogin Acme = new("Acme Plumbing & Heating", "PRO", "owner@acme-plumbing.test", "AcmeDemo!2026");
    public static readonly DemoLogin Sparrow = new("Sparrow Electric", "FREE", "owner@sparrow-electric.test", "SparrowDemo!2026");

    public async Task<IReadOnlyList<DemoLogin>> SeedAsync(CancellationToken ct = default)
    {
        if (await users.FindByEmailAsync(Acme.Email) is null)
        {
            var acme = await createBusiness.HandleAsync(new CreateBusinessCommand(
                Acme.Business, BusinessType.PLUMBING, PlanTier.PRO, "+15005550006", Acme.Email, "+15551230001",
                Acme.Email, Acme.Password, "America/Chicago"), ct);
            await UseAcmeQuestionsAsync(acme.Id, ct);
            // Issue 18: every text on (owner texts, caller confirmations, missed-call text-back), quiet hours 21:00-08:00.
            db.TextSettings.Add(new Domain.Texts.TextSettings { BusinessId = acme.Id, OwnerTexts = true, CallerConfirmation = true, MissedCallTextBack = true, UpdatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            await knowledge.AddAsync(acme, PlanTier.PRO, SampleKnowledge(), ct);
            await BlockDemoNumbersAsync(acme.Id, ct);
            await UseHoursAsync(acme.Id, AcmeHours, CallRouting.AI_AFTER_HOURS, ct);
            await UseAcmeBookingAsync(acme.Id, ct);
        }

        if (await users.FindByEmailAsync(Sparrow.Email) is null)
        {
            var sparrow = await createBusiness.HandleAsync(new CreateBusinessCommand(
                Sparrow.Business, BusinessType.ELECTRICAL, PlanTier.FREE, null, Sparrow.Email, null,
                Sparrow.Email, Sparrow.Password), ct);
            await UseHoursAsync(sparrow.Id, Weekdays(9 * 60, 17 * 60), CallRouting.AI_ALWAYS, ct);
        }

        return [Acme, Sparrow];
    }

    /// <summary>Acme blocks a warranty robocaller; the platform's list has a known scam number (call blocking).</summary>
    async Task BlockDemoNumbersAsync(Guid acmeId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.BlockedNumbers.Add(new BlockedNumber
        {
            BusinessId = acmeId, Number = "+15550100666", Reason = "Robocall: extended car warranty", CreatedBy = Acme.Email,
            CreatedAt = now.AddDays(-12), BlockedCalls = 3, LastBlockedAt = now.AddDays(-2),
        });
        if (!await db.BlockedNumbers.AnyAsync(b => b.BusinessId == null && b.Number == "+15550100777", ct))
        {
            db.BlockedNumbers.Add(new BlockedNumber
            {
                Number = "+15550100777", Reason = "Scam: fake utility shut-off calls reported by several businesses", CreatedBy = "platform demo data",
                CreatedAt = now.AddDays(-30), BlockedCalls = 5, LastBlockedAt = now.AddDays(-1),
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A plumbing and heating company's knowledge base: hours, prices, service area, policies.</summary>
    public static IReadOnlyList<KnowledgeEntry> SampleKnowledge()
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("LeadsAgent.Infrastructure.Persistence.Demo.acme-knowledge.json")!;
        using var json = JsonDocument.Parse(stream);
        return KnowledgeImporter.FromJson(json.RootElement).Select(e => e with { Source = KnowledgeSource.MANUAL }).ToList();
    }

    /// <summary>A plumber's questions: the problem first, so an emergency is recognised before anything else.</summary>
    public static IReadOnlyList<DefaultQuestions.Template> AcmeQuestions { get; } =
    [
        new("What's going on? Tell me a little about the problem.", ExpectedFormat.TEXT, true, LeadFields.Notes, true),
        new("May I have your name, please?", ExpectedFormat.TEXT, true, LeadFields.ContactName, true),
        new("What's the best number to reach you on?", ExpectedFormat.PHONE, true, LeadFields.ContactPhone, true),
        new("What's the address of the property?", ExpectedFormat.ADDRESS, true, LeadFields.Address, true),
        new("When would be a good time for us to come out?", ExpectedFormat.DATE, false, null, false),
        new("What's your email address, for the confirmation?", ExpectedFormat.EMAIL, false, LeadFields.ContactEmail, false),
        new("How did you hear about us?", ExpectedFormat.TEXT, false, null, false),
    ];

    /// <summary>Acme's hours: Monday to Friday 8:00-17:00, Saturday 9:00-13:00 (its phone rings during them, the agent takes the rest).</summary>
    public static BusinessHours AcmeHours => new()
    {
        Week = new(Weekdays(8 * 60, 17 * 60).Week) { [DayOfWeek.Saturday] = [new OpeningRange(9 * 60, 13 * 60)] },
    };

    static BusinessHours Weekdays(int from, int to) => new()
    {
        Week = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(d => d, _ => new List<OpeningRange> { new(from, to) }),
    };

    async Task UseHoursAsync(Guid businessId, BusinessHours hours, CallRouting routing, CancellationToken ct)
    {
        var business = await db.Businesses.SingleAsync(b => b.Id == businessId, ct);
        business.Hours = hours;
        var config = await db.AgentConfigs.SingleAsync(c => c.BusinessId == businessId, ct);
        config.CallRouting = routing;
        config.RingOwnerSeconds = CallRoutingRules.DefaultRingSeconds;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Acme takes bookings (issue 19): two services, 2 hours' notice, two weeks ahead, at most 6 visits a day.</summary>
    async Task UseAcmeBookingAsync(Guid acmeId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.BookableServices.Add(Domain.Booking.BookableService.Create(acmeId, "Repair visit", 60, 15, true, now));
        db.BookableServices.Add(Domain.Booking.BookableService.Create(acmeId, "Free estimate", 30, 0, true, now.AddMilliseconds(1)));
        db.BookingRules.Add(new Domain.Booking.BookingRules { BusinessId = acmeId, MinimumNoticeHours = 2, HorizonDays = 14, MaxPerDay = 6, UpdatedAt = now });
        await db.SaveChangesAsync(ct);
    }

    async Task UseAcmeQuestionsAsync(Guid businessId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var business = await db.Businesses.SingleAsync(b => b.Id == businessId, ct);
        business.BackupPhoneNumber = "+15551230002";
        var config = await db.AgentConfigs.Include(c => c.Questions).SingleAsync(c => c.BusinessId == businessId, ct);
        config.AgentName = "Ava";
        config.PersonaPrompt = "You are Ava, the friendly receptionist of Acme Plumbing & Heating, a family-run plumber serving Springfield since 1998. Be warm, brief and practical.";
        config.WelcomeMessage = "Hi, I'm Ava from Acme Plumbing & Heating. Leaking, clogged or cold? Tell me what's going on and I'll get you sorted.";
        config.VoiceGreetingMessage = "Thanks for calling Acme Plumbing and Heating, this is Ava. How can I help you today?";
        config.ColorTheme = new ColorTheme("#0b5cad", "#f59e0b");
        config.ExtraEmergencyKeywords = ["water heater leaking", "boiler pressure"];
        foreach (var question in config.Questions.ToList())
        {
            config.RemoveQuestion(question.Id, now);
        }

        await db.SaveChangesAsync(ct);
        config.AddQuestions(PlanTier.PRO, AcmeQuestions, now);
        await db.SaveChangesAsync(ct);
    }
}
