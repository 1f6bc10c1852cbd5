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

/// <summary>
/// Hybrid retrieval: PostgreSQL full-text rank and pgvector cosine distance for one business, fused by reciprocal rank
/// in one SQL round trip. A passage is an answer only above a floor on either signal, so weak matches become
/// "I don't know" rather than a confident wrong answer.
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
    // The usual RRF constant: it keeps one list's first place from drowning the other list.
    const double RrfK = 60;

    static readonly HashSet<string> s_stop =
    [
        "a", "an", "the", "is", "are", "do", "does", "did", "you", "your", "i", "we", "my", "me", "of", "to", "in", "for", "on",
        "and", "or", "what", "how", "can", "it", "be", "with", "at", "that", "this", "have", "has", "there", "any", "will",
        "would", "could", "should", "much", "many", "about", "if", "so", "just", "please", "hi", "hello", "thanks", "need",
    ];

    // Both lists are computed for one business only; a passage qualifies through either floor; the fused score is the
    // sum of 1 / (k + rank) over the lists it appears in (ties keep full-text order). Terms are [a-z0-9]+ only, so the
    // tsquery cannot be injected.
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
               COALESCE(1.0 / ($6 + fts.position), 0) + COALESCE(1.0 / ($6 + vec.position), 0) AS score
        FROM (SELECT id FROM fts UNION SELECT id FROM vec) hit
        JOIN knowledge_chunks c ON c.id = hit.id
        JOIN knowledge_documents d ON d.id = c.document_id
        LEFT JOIN fts ON fts.id = hit.id
        LEFT JOIN vec ON vec.id = hit.id
        WHERE COALESCE(fts.rank, 0) >= $7 OR COALESCE(vec.similarity, -1) >= $8
        ORDER BY score DESC, COALESCE(fts.position, 1000000), vec.position
        LIMIT $9
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

    public async Task<IReadOnlyList<KnowledgePassage>> RetrieveAsync(Guid businessId, string question, int limit, RetrievalMode mode, CancellationToken ct)
    {
        var o = options.Value;
        var terms = Terms(question);
        var query = mode == RetrievalMode.FullTextOnly ? null : await EmbedQueryAsync(question, ct);
        if (query is not null && Array.TrueForAll(query, v => v == 0))
        {
            // Nothing to embed ("?!"): a zero vector's cosine distance is NaN, which PostgreSQL sorts above every number.
            query = null;
        }
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue(businessId);
        command.Parameters.AddWithValue(string.Join(" | ", terms));
        command.Parameters.Add(new NpgsqlParameter { Value = query is null ? DBNull.Value : KnowledgeVectors.ToVector(query), DataTypeName = "vector" });
        command.Parameters.AddWithValue(mode == RetrievalMode.VectorOnly ? 0 : Candidates);
        command.Parameters.AddWithValue(mode == RetrievalMode.FullTextOnly ? 0 : Candidates);
        command.Parameters.AddWithValue(RrfK);
        command.Parameters.AddWithValue(o.RankFloor);
        command.Parameters.AddWithValue(o.SimilarityFloor ?? (embedder is HashingEmbedder ? 0.18 : 0.30));
        command.Parameters.AddWithValue(limit);

        var passages = new List<KnowledgePassage>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            passages.Add(new KnowledgePassage(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Math.Round(reader.GetDouble(4), 5)));
        }

        return passages;
    }

    async Task<float[]?> EmbedQueryAsync(string question, CancellationToken ct)
    {
        try
        {
            return (await embedder.EmbedAsync([question], ct))[0];
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Full-text still answers; an embedding outage must not silence the agent.
            logger.LogWarning("Embedding the question failed ({Reason}); using full-text search only", ex.GetType().Name);
            return null;
        }
    }

    static List<string> Terms(string question) =>
        [.. TextNormalizer.Normalize(question)
            .Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()))
            .Where(w => w.Length >= 2 && !s_stop.Contains(w))
            .Distinct()
            .Take(24)];
}
