using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Text;
using Npgsql;

namespace LeadsAgent.Infrastructure.Knowledge;

/// <summary>
/// The knowledge port on PostgreSQL full-text search over knowledge_chunks (the generated tsvector and its GIN
/// index). Words of the question are OR-ed, ranked with ts_rank_cd, and passages under the floor are dropped.
/// </summary>
public sealed class FullTextKnowledgeRetriever(NpgsqlDataSource dataSource) : IKnowledgeRetriever
{
    /// <summary>Below this normalised rank a passage is not an answer ("I don't know" beats a guess).</summary>
    public const double RankFloor = 0.05;

    static readonly HashSet<string> s_stop =
    [
        "a", "an", "the", "is", "are", "do", "does", "did", "you", "your", "i", "we", "my", "me", "of", "to", "in", "for", "on",
        "and", "or", "what", "how", "can", "it", "be", "with", "at", "that", "this", "have", "has", "there", "any", "will",
        "would", "could", "should", "much", "many", "about", "if", "so", "just", "please", "hi", "hello", "thanks", "need",
    ];

    public async Task<IReadOnlyList<KnowledgePassage>> RetrieveAsync(Guid businessId, string question, int limit, CancellationToken ct)
    {
        var terms = Terms(question);
        if (terms.Count == 0)
        {
            return [];
        }

        // Terms are [a-z0-9]+ only, so joining them into a tsquery cannot inject operators.
        await using var command = dataSource.CreateCommand("""
            SELECT c.document_id, d.title, c.heading_path, c.content, ts_rank_cd(c.search_vector, q, 32) AS score
            FROM knowledge_chunks c
            JOIN knowledge_documents d ON d.id = c.document_id,
                 to_tsquery('english', $2) q
            WHERE c.business_id = $1 AND c.search_vector @@ q
            ORDER BY score DESC
            LIMIT $3
            """);
        command.Parameters.AddWithValue(businessId);
        command.Parameters.AddWithValue(string.Join(" | ", terms));
        command.Parameters.AddWithValue(limit);
        var passages = new List<KnowledgePassage>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var score = reader.GetDouble(4);
            if (score >= RankFloor)
            {
                passages.Add(new KnowledgePassage(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), score));
            }
        }

        return passages;
    }

    static List<string> Terms(string question) =>
        [.. TextNormalizer.Normalize(question)
            .Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()))
            .Where(w => w.Length >= 2 && !s_stop.Contains(w))
            .Distinct()
            .Take(24)];
}
