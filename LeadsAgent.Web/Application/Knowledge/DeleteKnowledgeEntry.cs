using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Web.Auth;

namespace LeadsAgent.Web.Application.Knowledge;

/// <summary>Deletes an entry with its passages; Undo stores what it said again (as a new entry, embedded anew).</summary>
public sealed class DeleteKnowledgeEntry(KnowledgeBase knowledge, CurrentBusiness current)
{
    /// <summary>What the deleted entry said, for <see cref="UndoAsync"/>.</summary>
    public async Task<KnowledgeEntry> HandleAsync(Guid id, CancellationToken ct = default) =>
        await knowledge.DeleteAsync((await current.GetAsync(ct)).Id, id, ct);

    public async Task UndoAsync(KnowledgeEntry deleted, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        await knowledge.AddAsync(business, current.EffectivePlan(business), [deleted], ct);
    }
}
