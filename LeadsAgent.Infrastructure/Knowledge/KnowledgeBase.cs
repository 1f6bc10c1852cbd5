using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LeadsAgent.Infrastructure.Knowledge;

/// <summary>An entry as the owner writes it (or an import produces it).</summary>
public sealed record KnowledgeEntry(string Title, string Content, KnowledgeSource Source = KnowledgeSource.MANUAL, string? SourceUrl = null);

/// <summary>
/// Owners teach the agent: entries are validated, chunked and embedded, then stored with their chunks and a bumped
/// knowledge version in one transaction, so a failure never leaves half an entry and every instance sees the change.
/// Each call takes its own DbContext from the scope's factory (a dashboard circuit lives long; the tenant is the scope's).
/// </summary>
public sealed class KnowledgeBase(IDbContextFactory<LeadsDbContext> contexts, IEmbedder embedder, TimeProvider clock, ILogger<KnowledgeBase> logger)
{
    public const int MaxTitleLength = 300;
    public const int MaxContentLength = 100_000;
    public const int MaxEntriesPerImport = 500;

    /// <summary>Stores the entries all together or none of them (one transaction), within the plan's limit.</summary>
    public async Task<IReadOnlyList<KnowledgeDocument>> AddAsync(Business business, PlanTier plan, IReadOnlyList<KnowledgeEntry> entries, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await AddInAsync(db, business, plan, entries, ct);
        await tx.Transaction.CommitAsync(ct);
        return tx.Documents;
    }

    /// <summary>The documents added in <paramref name="db"/> inside a transaction the caller commits (after any changes of its own).</summary>
    async Task<PendingAdd> AddInAsync(LeadsDbContext db, Business business, PlanTier plan, IReadOnlyList<KnowledgeEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            throw new DomainException("There is nothing to import.", "entries");
        }

        if (entries.Count > MaxEntriesPerImport)
        {
            throw new DomainException($"At most {MaxEntriesPerImport} entries can be imported at once.", "entries");
        }

        for (var i = 0; i < entries.Count; i++)
        {
            Validate(entries[i], entries.Count == 1 ? null : i);
        }

        var limit = PlanRules.KnowledgeEntryLimit(plan);
        if (limit is int max)
        {
            // A cheap early answer; the binding check is the one inside the transaction below.
            await EnsureRoomAsync(db, business.Id, plan, max, entries.Count, ct);
        }

        var now = clock.GetUtcNow();
        var documents = entries.Select(e => new KnowledgeDocument
        {
            BusinessId = business.Id,
            Title = e.Title.Trim(),
            Content = e.Content.Trim(),
            Source = e.Source,
            SourceUrl = e.SourceUrl,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        var chunks = await ChunkAndEmbedAsync(documents, ct);

        var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (limit is int cap)
            {
                // The business row is locked for the rest of the transaction, so parallel imports take turns: each counts
                // what the previous one committed, and the plan's limit holds however many requests arrive at once.
                await db.Database.ExecuteSqlAsync($"SELECT 1 FROM businesses WHERE id = {business.Id} FOR UPDATE", ct);
                await EnsureRoomAsync(db, business.Id, plan, cap, entries.Count, ct);
            }

            db.KnowledgeDocuments.AddRange(documents);
            db.KnowledgeChunks.AddRange(chunks);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await tx.DisposeAsync();
            throw;
        }

        return new PendingAdd(tx, documents);
    }

    sealed record PendingAdd(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction Transaction, IReadOnlyList<KnowledgeDocument> Documents) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Transaction.DisposeAsync();
    }

    public async Task<KnowledgeDocument> UpdateAsync(Guid businessId, Guid documentId, KnowledgeEntry entry, CancellationToken ct)
    {
        Validate(entry, null);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var document = await db.KnowledgeDocuments.SingleOrDefaultAsync(d => d.Id == documentId && d.BusinessId == businessId, ct)
            ?? throw new NotFoundException("Knowledge entry");
        document.Title = entry.Title.Trim();
        document.Content = entry.Content.Trim();
        document.UpdatedAt = clock.GetUtcNow();
        var chunks = await ChunkAndEmbedAsync([document], ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.KnowledgeChunks.Where(c => c.DocumentId == document.Id).ExecuteDeleteAsync(ct);
        db.KnowledgeChunks.AddRange(chunks);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return document;
    }

    /// <summary>Deletes an entry and its passages (ON DELETE CASCADE); returns what it said, so it can be put back.</summary>
    public async Task<KnowledgeEntry> DeleteAsync(Guid businessId, Guid documentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var document = await db.KnowledgeDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.BusinessId == businessId, ct)
            ?? throw new NotFoundException("Knowledge entry");
        var deleted = await db.KnowledgeDocuments.Where(d => d.Id == documentId && d.BusinessId == businessId).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            throw new NotFoundException("Knowledge entry");
        }

        return new KnowledgeEntry(document.Title, document.Content, document.Source, document.SourceUrl);
    }

    /// <summary>Answers an open gap with a new entry and closes it, both or neither.</summary>
    public async Task<KnowledgeDocument> AnswerGapAsync(Business business, PlanTier plan, Guid gapId, string? title, string answer, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var gap = await db.KnowledgeGaps.SingleOrDefaultAsync(g => g.Id == gapId && g.BusinessId == business.Id && g.Status == KnowledgeGapStatus.OPEN, ct)
            ?? throw new NotFoundException("Open knowledge gap");
        var title2 = string.IsNullOrWhiteSpace(title) ? gap.SampleQuestion : title;
        await using var added = await AddInAsync(db, business, plan,
            [new KnowledgeEntry(title2.Length > MaxTitleLength ? title2[..MaxTitleLength] : title2, answer, KnowledgeSource.GAP)], ct);
        var document = added.Documents[0];
        gap.Answer(document.Id, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await added.Transaction.CommitAsync(ct);
        return document;
    }

    /// <summary>Takes a question off the open list without answering it.</summary>
    public async Task DismissGapAsync(Guid gapId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var gap = await db.KnowledgeGaps.SingleOrDefaultAsync(g => g.Id == gapId && g.Status == KnowledgeGapStatus.OPEN, ct)
            ?? throw new NotFoundException("Open knowledge gap");
        gap.Status = KnowledgeGapStatus.DISMISSED;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Puts a dismissed question back on the open list (Undo), unless it was asked again meanwhile and is open anew.</summary>
    public async Task ReopenGapAsync(Guid gapId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var gap = await db.KnowledgeGaps.SingleOrDefaultAsync(g => g.Id == gapId && g.Status == KnowledgeGapStatus.DISMISSED, ct)
            ?? throw new NotFoundException("Dismissed knowledge gap");
        // One open gap per question (a unique index): a newer open one already stands for it.
        if (!await db.KnowledgeGaps.AnyAsync(g => g.NormalizedQuestion == gap.NormalizedQuestion && g.Status == KnowledgeGapStatus.OPEN, ct))
        {
            gap.Status = KnowledgeGapStatus.OPEN;
            await db.SaveChangesAsync(ct);
        }
    }

    static void Validate(KnowledgeEntry entry, int? index)
    {
        var prefix = index is null ? "" : $"entries[{index}].";
        if (string.IsNullOrWhiteSpace(entry.Title))
        {
            throw new DomainException("Give the entry a title, for example \"Opening hours\".", prefix + "title");
        }

        if (entry.Title.Trim().Length > MaxTitleLength)
        {
            throw new DomainException($"The title may be at most {MaxTitleLength} characters.", prefix + "title");
        }

        if (string.IsNullOrWhiteSpace(entry.Content))
        {
            throw new DomainException("The entry has no text.", prefix + "content");
        }

        if (entry.Content.Length > MaxContentLength)
        {
            throw new DomainException($"The text may be at most {MaxContentLength:N0} characters; split it into several entries.", prefix + "content");
        }
    }

    async Task<List<KnowledgeChunk>> ChunkAndEmbedAsync(IReadOnlyList<KnowledgeDocument> documents, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var chunks = documents.SelectMany(d => Chunker.Split(d.Title, d.Content).Select(c => new KnowledgeChunk
        {
            DocumentId = d.Id,
            BusinessId = d.BusinessId,
            Ordinal = c.Ordinal,
            HeadingPath = c.HeadingPath.Length > 1000 ? c.HeadingPath[..1000] : c.HeadingPath,
            Content = c.Content,
            CreatedAt = now,
        })).ToList();

        try
        {
            var vectors = await embedder.EmbedAsync([.. chunks.Select(EmbeddingText)], ct);
            for (var i = 0; i < chunks.Count; i++)
            {
                chunks[i].Embedding = vectors[i];
                chunks[i].EmbeddingModel = embedder.Name;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Full-text search still finds these passages; the re-embedding worker fills the vectors in later.
            logger.LogWarning("Embedding {Count} passages failed ({Reason}); stored without vectors for now", chunks.Count, ex.GetType().Name);
        }

        return chunks;
    }

    static async Task EnsureRoomAsync(LeadsDbContext db, Guid businessId, PlanTier plan, int limit, int adding, CancellationToken ct)
    {
        var existing = await db.KnowledgeDocuments.CountAsync(d => d.BusinessId == businessId, ct);
        if (existing + adding > limit)
        {
            throw new PlanUpgradeRequiredException(plan, PlanRules.RequiredTier(PlanFeature.KnowledgeBaseManagement), PlanFeature.KnowledgeBaseManagement,
                $"The {plan} plan keeps at most {limit} knowledge entries; this business has {existing}.");
        }
    }

    public static string EmbeddingText(KnowledgeChunk chunk) => chunk.HeadingPath + "\n" + chunk.Content;
}
