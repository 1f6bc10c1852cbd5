using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Web.Auth;

namespace LeadsAgent.Web.Application.Knowledge;

/// <summary>
/// Adds an entry (within the plan's limit) or rewrites one; either way it is cut into passages and embedded before
/// the agent uses it. Throws <see cref="Domain.Common.DomainException"/> for an entry the knowledge base refuses and
/// <see cref="Domain.Plans.PlanUpgradeRequiredException"/> past FREE's limit.
/// </summary>
public sealed class SaveKnowledgeEntry(KnowledgeBase knowledge, CurrentBusiness current)
{
    /// <summary>The entry's id: the new one when <paramref name="id"/> is null.</summary>
    public async Task<Guid> HandleAsync(Guid? id, string title, string content, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        if (id is { } existing)
        {
            return (await knowledge.UpdateAsync(business.Id, existing, new KnowledgeEntry(title, content), ct)).Id;
        }

        return (await knowledge.AddAsync(business, current.EffectivePlan(business), [new KnowledgeEntry(title, content)], ct))[0].Id;
    }
}
