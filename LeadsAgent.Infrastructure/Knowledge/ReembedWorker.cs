using LeadsAgent.Domain.Knowledge;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LeadsAgent.Infrastructure.Knowledge;

/// <summary>
/// Fills in vectors that are missing or were made by another embedder (after switching to or from OpenAI, or after
/// an embedding outage), in batches, bumping each business's knowledge version so caches reload.
/// </summary>
public sealed class ReembedWorker(NpgsqlDataSource dataSource, IEmbedder embedder, ILogger<ReembedWorker> logger) : BackgroundService
{
    const int Batch = 128;
    static readonly TimeSpan s_idle = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var done = await RunOnceAsync(stoppingToken);
                if (done > 0)
                {
                    logger.LogInformation("Re-embedded {Count} knowledge passages with {Embedder}", done, embedder.Name);
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Re-embedding paused: {Reason}", ex.GetType().Name);
            }

            await Task.Delay(s_idle, stoppingToken);
        }
    }

    /// <summary>Embeds one batch of stale passages; returns how many it did.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var stale = new List<(Guid Id, Guid BusinessId, string Text)>();
        await using (var select = dataSource.CreateCommand("""
            SELECT id, business_id, heading_path || E'\n' || content FROM knowledge_chunks
            WHERE embedding_model IS DISTINCT FROM $1 ORDER BY business_id LIMIT $2
            """))
        {
            select.Parameters.AddWithValue(embedder.Name);
            select.Parameters.AddWithValue(Batch);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                stale.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2)));
            }
        }

        if (stale.Count == 0)
        {
            return 0;
        }

        var vectors = await embedder.EmbedAsync([.. stale.Select(s => s.Text)], ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        for (var i = 0; i < stale.Count; i++)
        {
            await using var update = new NpgsqlCommand("UPDATE knowledge_chunks SET embedding = $1, embedding_model = $2 WHERE id = $3", connection, tx);
            update.Parameters.AddWithValue(KnowledgeVectors.ToVector(vectors[i]));
            update.Parameters.AddWithValue(embedder.Name);
            update.Parameters.AddWithValue(stale[i].Id);
            await update.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return stale.Count;
    }
}
