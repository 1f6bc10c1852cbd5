using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Knowledge;

/// <summary>One knowledge entry as the dashboard and the JSON API show it, with how many passages it was cut into.</summary>
public sealed record KnowledgeEntryRow(Guid Id, string Title, string Content, KnowledgeSource Source, string? SourceUrl, int Passages,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A question the agent could not answer, still open.</summary>
public sealed record KnowledgeGapRow(Guid Id, string Question, int AskCount, DateTimeOffset FirstAskedAt, DateTimeOffset LastAskedAt, string? LastSessionId);

/// <summary>The signed-in owner's knowledge entries and open gaps (the tenant filter hides every other business's).</summary>
public sealed class KnowledgeQueries(IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<List<KnowledgeEntryRow>> EntriesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Rows(db, db.KnowledgeDocuments.OrderBy(d => d.Title)).ToListAsync(ct);
    }

    public async Task<KnowledgeEntryRow?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Rows(db, db.KnowledgeDocuments.Where(d => d.Id == id)).SingleOrDefaultAsync(ct);
    }

    /// <summary>Open gaps, the most asked first.</summary>
    public async Task<List<KnowledgeGapRow>> OpenGapsAsync(int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.KnowledgeGaps.AsNoTracking().Where(g => g.Status == KnowledgeGapStatus.OPEN)
            .OrderByDescending(g => g.AskCount).ThenByDescending(g => g.LastAskedAt).Take(take)
            .Select(g => new KnowledgeGapRow(g.Id, g.SampleQuestion, g.AskCount, g.FirstAskedAt, g.LastAskedAt, g.LastSessionId))
            .ToListAsync(ct);
    }

    static IQueryable<KnowledgeEntryRow> Rows(LeadsDbContext db, IQueryable<KnowledgeDocument> documents) =>
        documents.AsNoTracking().Select(d => new KnowledgeEntryRow(d.Id, d.Title, d.Content, d.Source, d.SourceUrl,
            db.KnowledgeChunks.Count(c => c.DocumentId == d.Id), d.CreatedAt, d.UpdatedAt));
}
