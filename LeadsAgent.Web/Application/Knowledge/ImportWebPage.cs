using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Web.Auth;

namespace LeadsAgent.Web.Application.Knowledge;

/// <summary>
/// A public web page as an entry (BASIC and up): fetched by the importer (which refuses private addresses and
/// anything that is not a readable page, in words), shown to the owner, then stored. The API does both at once.
/// </summary>
public sealed class ImportWebPage(KnowledgeImporter importer, KnowledgeBase knowledge, CurrentBusiness current)
{
    /// <summary>The page as an entry, not stored yet.</summary>
    public async Task<KnowledgeEntry> FetchAsync(string url, CancellationToken ct = default)
    {
        PlanRules.Require(await current.EffectivePlanAsync(ct), PlanFeature.KnowledgeBaseManagement);
        return await importer.FromUrlAsync(url.Trim(), ct);
    }

    /// <summary>Stores a fetched page; returns the new entry's id.</summary>
    public async Task<Guid> SaveAsync(KnowledgeEntry page, CancellationToken ct = default)
    {
        if (page.Source != KnowledgeSource.URL)
        {
            throw new ArgumentException("Only a fetched page is saved here.", nameof(page));
        }

        var business = await current.GetAsync(ct);
        var plan = current.EffectivePlan(business);
        PlanRules.Require(plan, PlanFeature.KnowledgeBaseManagement);
        return (await knowledge.AddAsync(business, plan, [page], ct))[0].Id;
    }

    /// <summary>Fetches and stores at once (the JSON API).</summary>
    public async Task<Guid> HandleAsync(string url, CancellationToken ct = default) => await SaveAsync(await FetchAsync(url, ct), ct);
}
