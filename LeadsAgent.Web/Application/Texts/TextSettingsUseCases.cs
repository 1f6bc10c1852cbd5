using System.Globalization;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Domain.Texts;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Texts;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Endpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Application.Texts;

/// <summary>The owner's text settings, the numbers that opted out and example texts: for <c>GET /api/admin/texts</c> and the Texts page.</summary>
public sealed class TextSettingsQueries(CurrentBusiness current, IDbContextFactory<LeadsDbContext> contexts, IOptions<TwilioOptions> twilio,
    IOptions<ServerOptions> server)
{
    public async Task<TextSettingsDto> GetAsync(CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        var plan = current.EffectivePlan(business);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settings = await db.TextSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? TextSettings.Default(business.Id);
        var optOuts = await db.SmsOptOuts.AsNoTracking().OrderByDescending(o => o.OptedOutAt).Take(500)
            .Select(o => new OptOutDto(o.PhoneNumber, o.OptedOutAt, o.Source)).ToListAsync(ct);
        var webhookBase = (twilio.Value.WebhookBaseUrl ?? server.Value.PublicBaseUrl ?? "https://your-leadsagent-address").TrimEnd('/');
        // The same address the real texts link to (LeadRecorder), with an example lead id: plain ASCII, as sent.
        var dashboard = (server.Value.PublicBaseUrl ?? $"http://{server.Value.ListenAddress}:{server.Value.Port}").TrimEnd('/');
        const string exampleId = "0193c1a2-7f3e-7b10-9d2a-5c4e8f1a2b3c";
        var exampleLead = new Lead { ContactName = "Maria Lopez", ContactPhone = "+15557654321", Notes = "leaking tap in the kitchen", Channel = Channel.VOICE };
        var exampleEmergency = new Lead { ContactName = "Tom Lee", ContactPhone = "+15553334444", Notes = "burst pipe, water everywhere", Address = "12 Oak Street", Priority = LeadPriority.URGENT };
        var examples = new TextExamples(
            TextOutbox.OwnerBody(business.Name, exampleLead, $"{dashboard}/leads/{exampleId}"),
            TextOutbox.OwnerBody(business.Name, exampleEmergency, $"{dashboard}/leads/{exampleId}"),
            TextOutbox.CallerConfirmation(business.Name, "Maria Lopez", "leaking tap in the kitchen", null),
            Domain.Engine.AgentPhrases.Say(Domain.Engine.AgentPhrase.SmsMissedCall, null, ("business", business.Name)));
        return new TextSettingsDto(settings.OwnerTexts, settings.CallerConfirmation, settings.MissedCallTextBack, settings.QuietHoursEnabled,
            Format(settings.QuietStart), Format(settings.QuietEnd), PlanRules.Allows(plan, PlanFeature.OwnerTexts), business.NotificationPhoneNumber,
            business.TwilioPhoneNumber, twilio.Value.IsConfigured, webhookBase + Sms.SmsEndpoints.IncomingPath, business.TimeZone, optOuts, examples);
    }

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Saves the owner's text settings (validated by the same validator as the API).</summary>
public sealed class UpdateTextSettings(CurrentBusiness current, IDbContextFactory<LeadsDbContext> contexts, TextSettingsQueries queries,
    FluentValidation.IValidator<TextSettingsRequest> validator, TimeProvider clock)
{
    public async Task<TextSettingsDto> HandleAsync(TextSettingsRequest request, CancellationToken ct = default)
    {
        await FluentValidation.DefaultValidatorExtensions.ValidateAndThrowAsync(validator, request, ct);
        var business = await current.GetAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settings = await db.TextSettings.SingleOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = TextSettings.Default(business.Id);
            db.TextSettings.Add(settings);
        }

        // New-lead texts on FREE are kept as chosen but not sent (the send-time plan check): an upgrade turns them on.
        settings.OwnerTexts = request.OwnerTexts!.Value;
        settings.CallerConfirmation = request.CallerConfirmation!.Value;
        settings.MissedCallTextBack = request.MissedCallTextBack!.Value;
        settings.QuietHoursEnabled = request.QuietHoursEnabled!.Value;
        settings.QuietStart = TextSettingsRequestValidator.ParseTime(request.QuietStart!);
        settings.QuietEnd = TextSettingsRequestValidator.ParseTime(request.QuietEnd!);
        settings.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(ct);
    }
}
