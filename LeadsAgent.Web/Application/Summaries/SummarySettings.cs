using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Endpoints;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Summaries;

/// <summary>
/// Reads and changes how the owner hears about calls and chats (summary by email, text, both or off), the morning
/// digest and call recording: one use case for the account and voice pages and <c>/api/admin/summaries</c>. Texts need
/// BASIC, recording PRO: asking for them on a smaller plan is a <see cref="PlanUpgradeRequiredException"/> (403).
/// </summary>
public sealed class SummarySettings(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, BusinessDirectory directory,
    FluentValidation.IValidator<SummarySettingsRequest> validator, TimeProvider clock)
{
    public async Task<SummarySettingsDto> GetAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var business = await db.Businesses.AsNoTracking().SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Business");
        var language = await db.AgentConfigs.AsNoTracking().Select(c => c.TwilioLanguage).SingleOrDefaultAsync(ct);
        return SummarySettingsDto.From(business, current.EffectivePlan(business), language);
    }

    public async Task<SummarySettingsDto> UpdateAsync(SummarySettingsRequest request, CancellationToken ct = default)
    {
        await FluentValidation.DefaultValidatorExtensions.ValidateAndThrowAsync(validator, request, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var business = await db.Businesses.SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Business");
        var plan = current.EffectivePlan(business);
        var delivery = request.SummaryDelivery is { } d ? Enum.Parse<SummaryDelivery>(d) : business.SummaryDelivery;
        if (delivery is SummaryDelivery.TEXT or SummaryDelivery.BOTH && delivery != business.SummaryDelivery && !PlanRules.Allows(plan, PlanFeature.OwnerTexts))
        {
            throw new PlanUpgradeRequiredException(plan, PlanRules.RequiredTier(PlanFeature.OwnerTexts), PlanFeature.OwnerTexts,
                $"Summaries by text need the {PlanRules.RequiredTier(PlanFeature.OwnerTexts)} plan; your business is on {plan}. Email summaries are on every plan.");
        }

        if (request.CallRecording == true && !business.CallRecording && !PlanRules.Allows(plan, PlanFeature.CallRecording))
        {
            throw new PlanUpgradeRequiredException(plan, PlanRules.RequiredTier(PlanFeature.CallRecording), PlanFeature.CallRecording,
                $"Call recording needs the {PlanRules.RequiredTier(PlanFeature.CallRecording)} plan; your business is on {plan}.");
        }

        business.SummaryDelivery = delivery;
        business.DailyDigest = request.DailyDigest ?? business.DailyDigest;
        business.DigestWhenEmpty = request.DigestWhenEmpty ?? business.DigestWhenEmpty;
        business.CallRecording = request.CallRecording ?? business.CallRecording;
        business.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        directory.Invalidate(business.Id);
        var language = await db.AgentConfigs.AsNoTracking().Select(c => c.TwilioLanguage).SingleOrDefaultAsync(ct);
        return SummarySettingsDto.From(business, plan, language);
    }
}
