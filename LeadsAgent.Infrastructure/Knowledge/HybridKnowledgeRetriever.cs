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
/// Hybrid retrieval (architecture D6): PostgreSQL full-text rank and cosine similarity over the business's cached
/// matrix, fused by reciprocal rank. A passage is an answer only above a floor on either signal, so weak matches
/// become "I don't know" rather than a confident wrong answer.
/// </summary>
public sealed class HybridKnowledgeRetriever(
    NpgsqlDataSource dataSource,
    VectorIndex index,
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
        var (version, fullText) = await FullTextAsync(businessId, terms, mode == RetrievalMode.VectorOnly ? 0 : Candidates, ct);
        if (version is null)
        {
            return [];
        }

        var vector = new List<(Passage Passage, float Similarity)>();
        if (mode != RetrievalMode.FullTextOnly)
        {
            var matrix = await index.GetAsync(businessId, version.Value, ct);
            if (matrix.Count > 0)
            {
                var query = await EmbedQueryAsync(question, ct);
                if (query is not null && query.Length == matrix.Dimensions)
                {
                    vector = [.. matrix.Top(query, Candidates).Select(t => (new Passage(matrix.ChunkIds[t.Row], matrix.DocumentIds[t.Row],
                        matrix.Titles[t.Row], matrix.HeadingPaths[t.Row], matrix.Contents[t.Row]), t.Similarity))];
                }
            }
        }

        // Reciprocal rank fusion over the two ranked lists; a passage qualifies through either floor.
        var fused = new Dictionary<Guid, (Passage Passage, double Score, bool Qualifies, double Best)>();
        void AddList<T>(IEnumerable<(Passage Passage, T Signal)> ranked, Func<T, double> value, double floor)
        {
            var rank = 0;
            foreach (var (passage, signal) in ranked)
            {
                rank++;
                var v = value(signal);
                var entry = fused.GetValueOrDefault(passage.ChunkId, (passage, 0, false, 0));
                fused[passage.ChunkId] = (passage, entry.Score + 1 / (RrfK + rank), entry.Qualifies || v >= floor, Math.Max(entry.Best, v));
            }
        }

        AddList(fullText, r => r, o.RankFloor);
        AddList(vector, s => s, o.SimilarityFloor ?? (embedder is HashingEmbedder ? 0.18 : 0.30));
        return [.. fused.Values.Where(f => f.Qualifies).OrderByDescending(f => f.Score).Take(limit)
            .Select(f => new KnowledgePassage(f.Passage.DocumentId, f.Passage.Title, f.Passage.HeadingPath, f.Passage.Content, Math.Round(f.Score, 5)))];
    }

    sealed record Passage(Guid ChunkId, Guid DocumentId, string Title, string HeadingPath, string Content);

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

    /// <summary>The business's knowledge version and its best full-text passages, in one round trip.</summary>
    async Task<(long? Version, List<(Passage, double)> Passages)> FullTextAsync(Guid businessId, List<string> terms, int limit, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        var version = new NpgsqlBatchCommand("SELECT knowledge_version FROM businesses WHERE id = $1");
        version.Parameters.AddWithValue(businessId);
        batch.BatchCommands.Add(version);
        var search = terms.Count > 0 && limit > 0;
        if (search)
        {
            // Terms are [a-z0-9]+ only, so joining them into a tsquery cannot inject operators.
            var fts = new NpgsqlBatchCommand("""
                SELECT c.id, c.document_id, d.title, c.heading_path, c.content, ts_rank_cd(c.search_vector, q, 32) AS rank
                FROM knowledge_chunks c
                JOIN knowledge_documents d ON d.id = c.document_id,
                     to_tsquery('english', $2) q
                WHERE c.business_id = $1 AND c.search_vector @@ q
                ORDER BY rank DESC
                LIMIT $3
                """);
            fts.Parameters.AddWithValue(businessId);
            fts.Parameters.AddWithValue(string.Join(" | ", terms));
            fts.Parameters.AddWithValue(limit);
            batch.BatchCommands.Add(fts);
        }

        await using var reader = await batch.ExecuteReaderAsync(ct);
        long? current = await reader.ReadAsync(ct) ? reader.GetInt64(0) : null;
        var passages = new List<(Passage, double)>();
        if (search && await reader.NextResultAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                passages.Add((new Passage(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)), reader.GetDouble(5)));
            }
        }

        return (current, passages);
    }

    static List<string> Terms(string question) =>
        [.. TextNormalizer.Normalize(question)
            .Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()))
            .Where(w => w.Length >= 2 && !s_stop.Contains(w))
            .Distinct()
            .Take(24)];
}
