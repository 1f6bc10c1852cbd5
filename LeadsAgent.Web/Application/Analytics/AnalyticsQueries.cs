using LeadsAgent.Domain.Leads;
using LeadsAgent.Web.Application.Display;
using Npgsql;

namespace LeadsAgent.Web.Application.Analytics;

/// <summary>
/// The analytics page's numbers, computed in SQL for one business. The set counted is the conversations (finished
/// chats and calls, one row each) that started in the period; leads, emergencies, intents and timings are read
/// through those rows, so no figure can count something the others leave out. Days are the business's local days.
/// </summary>
public sealed class AnalyticsQueries(NpgsqlDataSource dataSource)
{
    /// <summary>The periods the page offers, in days.</summary>
    public static readonly int[] Periods = [7, 30, 90];

    /// <summary>Intents that say nothing about what the person wanted (a hello, a goodbye, a skipped question).</summary>
    static readonly HashSet<string> s_notAWant = ["greeting", "goodbye", "skip"];

    const string Counted = "c.business_id = $1 AND c.started_at >= $2 AND c.started_at < $3";

    public async Task<AnalyticsReport> ReportAsync(Guid businessId, BusinessClock clock, int days, CancellationToken ct)
    {
        days = Math.Clamp(days, 1, 366);
        var today = DateOnly.FromDateTime(clock.ToLocal(clock.Now).Date);
        var firstDay = today.AddDays(1 - days);
        var since = clock.StartOfDay(firstDay.ToDateTime(TimeOnly.MinValue));
        var until = clock.StartOfDay(today.AddDays(1).ToDateTime(TimeOnly.MinValue));

        await using var batch = dataSource.CreateBatch();
        void Add(string sql, bool zone = false)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddWithValue(businessId);
            command.Parameters.AddWithValue(since.ToUniversalTime());
            command.Parameters.AddWithValue(until.ToUniversalTime());
            if (zone)
            {
                command.Parameters.AddWithValue(clock.Zone.Id);
            }

            batch.BatchCommands.Add(command);
        }

        // Per local day and channel: the one table the totals, the channels and the trend are all summed from.
        Add($"""
            SELECT (c.started_at AT TIME ZONE $4)::date, c.channel, count(*)::int, count(c.lead_id)::int
            FROM conversations c WHERE {Counted} GROUP BY 1, 2
            """, zone: true);
        // Leads of the period whose chat or call is still going on: counted once it ends.
        Add("""
            SELECT count(*)::int FROM leads l
            WHERE l.business_id = $1 AND l.created_at >= $2 AND l.created_at < $3
              AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.business_id = $1 AND (c.lead_id = l.id OR c.session_id = l.session_id))
            """);
        Add($"""
            SELECT i, count(DISTINCT c.id)::int FROM conversations c CROSS JOIN LATERAL jsonb_array_elements_text(c.analytics -> 'uniqueIntents') i
            WHERE {Counted} GROUP BY i
            """);
        Add($"""
            SELECT count(*)::int, count(l.alert_acknowledged_at)::int,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM l.alert_acknowledged_at - l.created_at) / 60.0)
                       FILTER (WHERE l.alert_acknowledged_at IS NOT NULL)
            FROM conversations c JOIN leads l ON l.id = c.lead_id
            WHERE {Counted} AND l.priority = 'URGENT'
            """);
        Add($"""
            SELECT count(*) FILTER (WHERE c.channel = 'VOICE')::int,
                   avg((c.analytics ->> 'durationSeconds')::float8) FILTER (WHERE c.channel = 'VOICE'),
                   avg((c.analytics ->> 'averageTurnMs')::float8)
            FROM conversations c WHERE {Counted}
            """);
        Add("""
            SELECT sample_question, ask_count FROM knowledge_gaps
            WHERE business_id = $1 AND status = 'OPEN' AND last_asked_at >= $2 AND last_asked_at < $3
            ORDER BY ask_count DESC, last_asked_at DESC LIMIT 5
            """);

        await using var reader = await batch.ExecuteReaderAsync(ct);
        var cells = new List<(DateOnly Day, Channel Channel, int Conversations, int Leads)>();
        while (await reader.ReadAsync(ct))
        {
            cells.Add((DateOnly.FromDateTime(reader.GetDateTime(0)), Enum.Parse<Channel>(reader.GetString(1)), reader.GetInt32(2), reader.GetInt32(3)));
        }

        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var waiting = reader.GetInt32(0);

        await reader.NextResultAsync(ct);
        var intents = new Dictionary<string, int>();
        while (await reader.ReadAsync(ct))
        {
            var code = reader.GetString(0);
            if (!s_notAWant.Contains(code))
            {
                var label = Words.Intent(code);
                // Codes the page has no words for all read "Something else": one row, not several identical ones.
                intents[label] = Math.Max(intents.GetValueOrDefault(label), reader.GetInt32(1));
            }
        }

        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var (emergencies, acknowledged) = (reader.GetInt32(0), reader.GetInt32(1));
        double? medianMinutes = reader.IsDBNull(2) ? null : reader.GetDouble(2);

        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var calls = reader.GetInt32(0);
        double? callSeconds = reader.IsDBNull(1) ? null : reader.GetDouble(1);
        double? replyMs = reader.IsDBNull(2) ? null : reader.GetDouble(2);

        await reader.NextResultAsync(ct);
        var gaps = new List<UnansweredQuestion>();
        while (await reader.ReadAsync(ct))
        {
            gaps.Add(new UnansweredQuestion(reader.GetString(0), reader.GetInt32(1)));
        }

        var byChannel = new[] { Channel.CHAT, Channel.VOICE, Channel.SMS }
            .Select(ch => new ChannelFigures(ch, cells.Where(c => c.Channel == ch).Sum(c => c.Conversations), cells.Where(c => c.Channel == ch).Sum(c => c.Leads)))
            .ToList();
        var perDay = Enumerable.Range(0, days).Select(firstDay.AddDays)
            .Select(d => new DayFigures(d, cells.Where(c => c.Day == d).Sum(c => c.Conversations), cells.Where(c => c.Day == d).Sum(c => c.Leads)))
            .ToList();
        return new AnalyticsReport(days, firstDay, today, byChannel, perDay, waiting,
            [.. intents.Select(i => new IntentFigure(i.Key, i.Value)).OrderByDescending(i => i.Conversations).ThenBy(i => i.Label, StringComparer.Ordinal)],
            emergencies, acknowledged, medianMinutes, calls, callSeconds, replyMs, gaps);
    }
}
