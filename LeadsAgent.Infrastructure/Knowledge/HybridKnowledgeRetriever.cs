using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Domain.Text;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LeadsAgent.Infrastructure.Knowledge;

/// <summary>Which signals retrieval uses; the quality set compares all three.</summary>
public enum RetrievalMode
{
    Hybrid,
    FullTextOnly,
    VectorOnly,
}

/// <summary>A retrieval candidate with how much of the question it covers and whether it answers it.</summary>
public sealed record RankedPassage(KnowledgePassage Passage, Relevance Relevance, bool Answers);

/// <summary>
/// Hybrid retrieval: PostgreSQL full-text rank and pgvector cosine distance for one business, fused by reciprocal rank
/// in one SQL round trip, then re-ranked by how much of the question each passage covers, read through the trade
/// lexicon (<see cref="TradeLexicon"/>: "pay over time" is financing, "guarantee" is warranty). A passage is an answer
/// only above a floor on either signal and when it covers the question (<see cref="Relevance.Answers"/>), so an
/// off-topic question becomes "I don't know" rather than a confident wrong answer.
/// </summary>
/// <remarks>
/// The vector half is an exact scan of the business's own passages (the btree on business_id picks them, then every
/// distance is computed): at 10,000 passages of one business that is a few milliseconds, it never misses a passage,
/// and it needs no tuning. An HNSW index over all tenants would have to filter by business after the graph walk
/// (pgvector 0.8's iterative scans help, but a small tenant among large ones still pays for the others' rows); the
/// README has the measurement behind this choice.
/// </remarks>
public sealed class HybridKnowledgeRetriever(
    NpgsqlDataSource dataSource,
    IEmbedder embedder,
    IOptions<KnowledgeOptions> options,
    ILogger<HybridKnowledgeRetriever> logger) : IKnowledgeRetriever
{
    const int Candidates = 20;
    // Re-ranked in memory: enough for the right passage to be among them when the fused order has it lower.
    const int Reranked = 12;
    // The usual RRF constant: it keeps one list's first place from drowning the other list.
    const double RrfK = 60;

    // Both lists are computed for one business only; a passage qualifies through either floor; the fused score is the
    // sum of 1 / (k + rank) over the lists it appears in (ties keep full-text order). Terms are [a-z0-9]+ words and
    // "<->" phrases of them only, so the tsquery cannot be injected.
    const string Sql = """
        WITH q AS (SELECT CASE WHEN $2 = '' THEN NULL ELSE to_tsquery('english', $2) END AS query),
        fts_top AS (
            SELECT c.id, ts_rank_cd(c.search_vector, q.query, 32) AS rank
            FROM knowledge_chunks c, q
            WHERE $4 > 0 AND q.query IS NOT NULL AND c.business_id = $1 AND c.search_vector @@ q.query
            ORDER BY rank DESC
            LIMIT $4),
        fts AS (SELECT id, rank, row_number() OVER (ORDER BY rank DESC) AS position FROM fts_top),
        vec_top AS (
            SELECT c.id, c.embedding <=> $3 AS distance
            FROM knowledge_chunks c
            WHERE $5 > 0 AND $3 IS NOT NULL AND c.business_id = $1 AND c.embedding IS NOT NULL
            ORDER BY distance
            LIMIT $5),
        vec AS (SELECT id, 1 - distance AS similarity, row_number() OVER (ORDER BY distance) AS position FROM vec_top)
        SELECT c.document_id, d.title, c.heading_path, c.content,
               COALESCE(1.0 / ($6 + fts.position), 0) + COALESCE(1.0 / ($6 + vec.position), 0) AS score,
               COALESCE(vec.similarity, -1) AS similarity
        FROM (SELECT id FROM fts UNION SELECT id FROM vec) hit
        JOIN knowledge_chunks c ON c.id = hit.id
        JOIN knowledge_documents d ON d.id = c.document_id
        LEFT JOIN fts ON fts.id = hit.id
        LEFT JOIN vec ON vec.id = hit.id
        WHERE COALESCE(fts.rank, 0) >= $7 OR COALESCE(vec.similarity, -1) >= $8
        ORDER BY score DESC, COALESCE(fts.position, 1000000), vec.position
        LIMIT $9
        """;

    // How many of the business's passages use each question word (the same English stemming as the search vector),
    // and how many passages it has: a word the business never writes weighs most in the relevance check.
    const string FrequencySql = """
        SELECT w.ord::int, (SELECT count(*) FROM knowledge_chunks c
                            WHERE c.business_id = $1 AND c.search_vector @@ plainto_tsquery('english', w.word))::int
        FROM unnest($2::text[]) WITH ORDINALITY AS w(word, ord)
        UNION ALL
        SELECT 0, count(*)::int FROM knowledge_chunks WHERE business_id = $1
        """;

    public RetrievalMode Mode { get; init; } = RetrievalMode.Hybrid;

    /// <summary>The engine's port: while the database is away the agent answers without knowledge rather than not at all.</summary>
    public async Task<IReadOnlyList<KnowledgePassage>> RetrieveAsync(Guid businessId, string question, int limit, CancellationToken ct)
    {
        try
        {
            return await RetrieveAsync(businessId, question, limit, Mode, ct);
        }
        catch (Exception ex) when (DatabaseOutage.Is(ex))
        {
            logger.LogWarning("Knowledge search skipped: the database is unavailable ({Reason})", ex.GetType().Name);
            return [];
        }
    }

    public async Task<IReadOnlyList<KnowledgePassage>> RetrieveAsync(Guid businessId, string question, int limit, RetrievalMode mode, CancellationToken ct) =>
        [.. (await RankAsync(businessId, question, mode, ct)).Where(c => c.Answers).Take(limit).Select(c => c.Passage)];

    /// <summary>
    /// The fused candidates above the floors, best first, each with how much of the question it covers and whether it
    /// answers it. Ordered by coverage (the fused order breaks ties). With a semantic embedder a passage at or above the
    /// similarity floor answers as well: it knows synonyms the lexicon does not. The passage's score is its coverage.
    /// </summary>
    public async Task<IReadOnlyList<RankedPassage>> RankAsync(Guid businessId, string question, RetrievalMode mode, CancellationToken ct)
    {
        var parsed = KnowledgeQuestion.Parse(question);
        if (parsed.IsEmpty)
        {
            return [];
        }

        var o = options.Value;
        var local = embedder is HashingEmbedder;
        // The local embedder only knows spelling, so it embeds the question with its synonyms; a semantic one needs none.
        var query = mode == RetrievalMode.FullTextOnly ? null : await EmbedQueryAsync(local ? parsed.EmbeddingText() : question, ct);
        if (query is not null && Array.TrueForAll(query, v => v == 0))
        {
            // Nothing to embed ("?!"): a zero vector's cosine distance is NaN, which PostgreSQL sorts above every number.
            query = null;
        }

        var similarityFloor = o.SimilarityFloor ?? (local ? 0.18 : 0.30);
        await using var batch = dataSource.CreateBatch();
        var search = new NpgsqlBatchCommand(Sql);
        search.Parameters.AddWithValue(businessId);
        search.Parameters.AddWithValue(string.Join(" | ", parsed.FullTextTerms()));
        search.Parameters.Add(new NpgsqlParameter { Value = query is null ? DBNull.Value : KnowledgeVectors.ToVector(query), DataTypeName = "vector" });
        search.Parameters.AddWithValue(mode == RetrievalMode.VectorOnly ? 0 : Candidates);
        search.Parameters.AddWithValue(mode == RetrievalMode.FullTextOnly ? 0 : Candidates);
        search.Parameters.AddWithValue(RrfK);
        search.Parameters.AddWithValue(o.RankFloor);
        search.Parameters.AddWithValue(similarityFloor);
        search.Parameters.AddWithValue(Reranked);
        batch.BatchCommands.Add(search);
        var frequency = new NpgsqlBatchCommand(FrequencySql);
        frequency.Parameters.AddWithValue(businessId);
        frequency.Parameters.AddWithValue(parsed.Words.ToArray());
        batch.BatchCommands.Add(frequency);

        var candidates = new List<(KnowledgePassage Passage, double Similarity)>();
        var counts = new Dictionary<int, int>();
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                candidates.Add((new KnowledgePassage(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDouble(4)), reader.GetDouble(5)));
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                counts[reader.GetInt32(0)] = reader.GetInt32(1);
            }
        }

        var statistics = new WordStatistics(counts.GetValueOrDefault(0), parsed.Words.Select((w, i) => (w, counts.GetValueOrDefault(i + 1))).ToDictionary(x => x.w, x => x.Item2));
        double? semanticFloor = local ? null : similarityFloor;
        return [.. candidates
            .Select((c, order) => (c.Passage, c.Similarity, Order: order, Relevance: KnowledgeRelevance.Score(parsed, c.Passage.HeadingPath, c.Passage.Content, statistics)))
            .Select(x => (x.Passage, x.Order, x.Relevance, Answers: x.Relevance.Answers || x.Similarity >= semanticFloor))
            .OrderByDescending(x => x.Answers)
            .ThenByDescending(x => Math.Round(x.Relevance.Coverage, 3))
            .ThenBy(x => x.Order)
            .Select(x => new RankedPassage(x.Passage with { Score = Math.Round(x.Relevance.Coverage, 4) }, x.Relevance, x.Answers))];
    }

    async Task<float[]?> EmbedQueryAsync(string text, CancellationToken ct)
    {
        try
        {
            return (await embedder.EmbedAsync([text], ct))[0];
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Full-text still answers; an embedding outage must not silence the agent.
            logger.LogWarning("Embedding the question failed ({Reason}); using full-text search only", ex.GetType().Name);
            return null;
        }
    }
}
