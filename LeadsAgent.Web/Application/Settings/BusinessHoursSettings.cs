using FluentValidation;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Endpoints;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Settings;

/// <summary>The business's hours and call routing as the hours page and <c>GET /api/admin/hours</c> show them.</summary>
public sealed class HoursQueries(CurrentBusiness current, IDbContextFactory<LeadsDbContext> contexts, TimeProvider clock)
{
    public async Task<HoursDto> LoadAsync(CancellationToken ct = default)
    {
        // The tenant filter picks the signed-in owner's business and agent.
        await using var db = await contexts.CreateDbContextAsync(ct);
        var business = await db.Businesses.AsNoTracking().SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Business");
        var config = await db.AgentConfigs.AsNoTracking().SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Agent configuration");
        return HoursDto.From(business, config, current.EffectivePlan(business), clock.GetUtcNow());
    }
}

/// <summary>
/// Saves the hours and call routing: one use case for the hours page and <c>PUT /api/admin/hours</c>. Validation
/// failures (a ValidationException naming the field) include the plan and the owner phone the ring modes need.
/// </summary>
public sealed class UpdateHours(CurrentBusiness current, IDbContextFactory<LeadsDbContext> contexts, BusinessDirectory directory,
    IValidator<HoursRequest> validator, TimeProvider clock)
{
    public async Task<HoursDto> HandleAsync(HoursRequest request, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var business = await db.Businesses.SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Business");
        var config = await db.AgentConfigs.SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Agent configuration");
        var plan = current.EffectivePlan(business);
        var context = HoursRequestValidator.ContextFor(request, plan, !string.IsNullOrWhiteSpace(business.NotificationPhoneNumber), business.Hours is { IsSet: true });
        var result = await validator.ValidateAsync(context, ct);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }

        var now = clock.GetUtcNow();
        if (request.Week is not null || request.Exceptions is not null)
        {
            var week = request.Week is { } w
                ? w.ToDictionary(d => d.Day, d => d.Ranges.Select(HoursRequestValidator.ToRange).OrderBy(r => r.From).ToList())
                : business.Hours?.Week ?? [];
            var exceptions = request.Exceptions is { } e
                ? e.OrderBy(x => x.Date).Select(x => new HoursException(x.Date, string.IsNullOrWhiteSpace(x.Label) ? null : x.Label.Trim(),
                    x.Closed ? [] : [.. x.Ranges!.Select(HoursRequestValidator.ToRange).OrderBy(r => r.From)])).ToList()
                : business.Hours?.Exceptions ?? [];
            var hours = new BusinessHours { Week = week.Where(kv => kv.Value.Count > 0).ToDictionary(), Exceptions = exceptions };
            hours.EnsureValid();
            // No opening time at all says nothing about the hours: stored as not set.
            business.Hours = hours.IsSet ? hours : null;
            business.UpdatedAt = now;
        }

        config.CallRouting = request.CallRouting ?? config.CallRouting;
        config.RingOwnerSeconds = request.RingOwnerSeconds ?? config.RingOwnerSeconds;
        config.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        directory.Invalidate(business.Id);
        return HoursDto.From(business, config, plan, now);
    }
}
