using Npgsql;

namespace LeadsAgent.Web.Analytics;

public sealed record ChannelCount(string Channel, long Conversations, long Leads, long ConvertedConversations);

public sealed record DayCount(DateOnly Day, long Conversations, long Leads);

public sealed record BasicAnalytics(long Conversations, long Leads, double Conversion, IReadOnlyList<ChannelCount> ByChannel);

public sealed record FullAnalytics(
    IReadOnlyList<DayCount> Days,
    IReadOnlyList<(string Intent, long Count)> Intents,
    long Emergencies,
    long EmergenciesAcknowledged,
    double? AverageAlertResponseSeconds,
    double? AverageCallSeconds,
    double? AverageTurnMs,
    IReadOnlyList<(string Question, int Count)> TopUnanswered);

/// <summary>The analytics page's numbers, computed in SQL from stored conversations, leads and gaps for one business.</summary>
public sealed class AnalyticsQueries(NpgsqlDataSource dataSource)
{
    public async Task<BasicAnalytics> BasicAsync(Guid businessId, DateTimeOffset since, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT ch.channel,
                   (SELECT count(*) FROM conversations c WHERE c.business_id = $1 AND c.started_at >= $2 AND c.channel = ch.channel),
                   (SELECT count(*) FROM leads l WHERE l.business_id = $1 AND l.created_at >= $2 AND l.channel = ch.channel),
                   (SELECT count(*) FROM conversations c WHERE c.business_id = $1 AND c.started_at >= $2 AND c.channel = ch.channel AND c.lead_id IS NOT NULL)
            FROM (VALUES ('CHAT'), ('VOICE')) AS ch(channel)
            """);
        command.Parameters.AddWithValue(businessId);
        command.Parameters.AddWithValue(since);
        var rows = new List<ChannelCount>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new ChannelCount(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        var conversations = rows.Sum(r => r.Conversations);
        var leads = rows.Sum(r => r.Leads);
        // Conversion: the share of conversations that ended with a lead (leads entered by hand do not inflate it).
        var converted = rows.Sum(r => r.ConvertedConversations);
        return new BasicAnalytics(conversations, leads, conversations == 0 ? 0 : Math.Round(100.0 * converted / conversations, 1), rows);
    }

    public async Task<FullAnalytics> FullAsync(Guid businessId, DateTimeOffset since, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        void Add(string sql)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddWithValue(businessId);
            command.Parameters.AddWithValue(since);
            batch.BatchCommands.Add(command);
        }

        Add("""
            SELECT d::date,
                   (SELECT count(*) FROM conversations c WHERE c.business_id = $1 AND c.started_at::date = d::date),
                   (SELECT count(*) FROM leads l WHERE l.business_id = $1 AND l.created_at::date = d::date)
            FROM generate_series($2::date, now()::date, interval '1 day') d ORDER BY 1
            """);
        Add("""
            SELECT i, count(*) FROM conversations c, jsonb_array_elements_text(c.analytics -> 'uniqueIntents') i
            WHERE c.business_id = $1 AND c.started_at >= $2 GROUP BY i ORDER BY 2 DESC LIMIT 10
            """);
        Add("""
            SELECT count(*), count(alert_acknowledged_at), avg(extract(epoch FROM alert_acknowledged_at - created_at))
            FROM leads WHERE business_id = $1 AND created_at >= $2 AND priority = 'URGENT'
            """);
        Add("""
            SELECT avg((analytics ->> 'durationSeconds')::float8) FILTER (WHERE channel = 'VOICE'), avg((analytics ->> 'averageTurnMs')::float8)
            FROM conversations WHERE business_id = $1 AND started_at >= $2
            """);
        Add("""
            SELECT sample_question, ask_count FROM knowledge_gaps WHERE business_id = $1 AND status = 'OPEN' AND last_asked_at >= $2
            ORDER BY ask_count DESC LIMIT 5
            """);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var days = new List<DayCount>();
        while (await reader.ReadAsync(ct))
        {
            days.Add(new DayCount(DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetInt64(1), reader.GetInt64(2)));
        }

        await reader.NextResultAsync(ct);
        var intents = new List<(string, long)>();
        while (await reader.ReadAsync(ct))
        {
            intents.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var (emergencies, acknowledged, response) = (reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? (double?)null : Math.Round(reader.GetDouble(2), 0));
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var callSeconds = reader.IsDBNull(0) ? (double?)null : Math.Round(reader.GetDouble(0), 1);
        var turnMs = reader.IsDBNull(1) ? (double?)null : Math.Round(reader.GetDouble(1), 2);
        await reader.NextResultAsync(ct);
        var gaps = new List<(string, int)>();
        while (await reader.ReadAsync(ct))
        {
            gaps.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return new FullAnalytics(days, intents, emergencies, acknowledged, response, callSeconds, turnMs, gaps);
    }
}
