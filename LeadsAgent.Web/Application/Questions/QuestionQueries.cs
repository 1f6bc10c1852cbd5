using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Questions;

/// <summary>The agent's questions in the order it asks them, with what the preview needs (the agent's messages, the plan's limit).</summary>
public sealed record QuestionSettings(Business Business, AgentConfig Config, PlanTier Plan)
{
    public IReadOnlyList<LeadCaptureQuestion> Questions { get; } = [.. Config.OrderedQuestions];

    public int? Limit => PlanRules.QuestionLimit(Plan);

    public bool AtLimit => Limit is int limit && Questions.Count >= limit;
}

/// <summary>Reads the owner's lead-capture questions for the dashboard and the JSON API.</summary>
public sealed class QuestionQueries(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current)
{
    public async Task<QuestionSettings> GetAsync(CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var config = await db.AgentConfigs.AsNoTracking().Include(c => c.Questions).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Agent configuration");
        return new QuestionSettings(business, config, current.EffectivePlan(business));
    }
}
