using System.Text.RegularExpressions;
using LeadsAgent.Domain.Text;
using Npgsql;

namespace LeadsAgent.Infrastructure.Knowledge;

/// <summary>Counts the questions the agent could not answer, one open gap per normalised question and business.</summary>
public sealed partial class KnowledgeGapRecorder(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task RecordAsync(Guid businessId, string question, string? sessionId, CancellationToken ct)
    {
        var normalized = Normalize(question);
        if (normalized.Length == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand("""
            INSERT INTO knowledge_gaps (id, business_id, normalized_question, sample_question, first_asked_at, last_asked_at, last_session_id)
            VALUES ($1, $2, $3, $4, $5, $5, $6)
            ON CONFLICT (business_id, normalized_question) WHERE status = 'OPEN'
            DO UPDATE SET ask_count = knowledge_gaps.ask_count + 1, last_asked_at = EXCLUDED.last_asked_at,
                          last_session_id = EXCLUDED.last_session_id, sample_question = EXCLUDED.sample_question
            """);
        command.Parameters.AddWithValue(Guid.CreateVersion7());
        command.Parameters.AddWithValue(businessId);
        command.Parameters.AddWithValue(normalized);
        command.Parameters.AddWithValue(question.Length > 2000 ? question[..2000] : question.Trim());
        command.Parameters.AddWithValue(clock.GetUtcNow());
        command.Parameters.AddWithValue((object?)sessionId ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>"Do you guys sell GARDEN gnomes??" and "do you sell garden gnomes" are one gap.</summary>
    public static string Normalize(string question)
    {
        var words = NonWord().Replace(TextNormalizer.Normalize(question), " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("guys" or "please" or "hi" or "hello" or "hey" or "um" or "so"));
        var joined = string.Join(' ', words);
        return joined.Length > 500 ? joined[..500] : joined;
    }

    [GeneratedRegex(@"[^a-z0-9 ]")]
    private static partial Regex NonWord();
}
