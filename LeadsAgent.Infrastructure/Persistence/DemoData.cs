using System.Text.Json;
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
        }

        if (await users.FindByEmailAsync(Sparrow.Email) is null)
        {
            await createBusiness.HandleAsync(new CreateBusinessCommand(
                Sparrow.Business, BusinessType.ELECTRICAL, PlanTier.FREE, null, Sparrow.Email, null,
                Sparrow.Email, Sparrow.Password), ct);
        }

        return [Acme, Sparrow];
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
