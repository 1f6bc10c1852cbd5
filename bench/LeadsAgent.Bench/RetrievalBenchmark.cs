using System.Diagnostics;
using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace LeadsAgent.Bench;

/// <summary>
/// Retrieval latency (p50/p99 per mode) for one business with N passages, and with "scale" for one business among
/// 1,000 (1 M passages) plus this process's memory while 100 businesses are queried, in a scratch database on the
/// PostgreSQL that DATABASE_URL names. The passages are the sample knowledge base's
/// sentences recombined with trade vocabulary, so full-text and vector search both have real work to do.
/// </summary>
public static class RetrievalBenchmark
{
    static readonly string[] s_questions =
    [
        "what time do you open", "how much to replace a water heater", "do you serve shelbyville", "my ac is blowing warm air",
        "how much is a furnace tune up", "do you offer financing", "are you licensed and insured", "how much to unclog a drain",
        "can you run a gas line to my grill", "my toilet keeps running", "what should i do if a pipe bursts", "how much is a water softener",
    ];

    static readonly string[] s_vocabulary =
    [
        "valve", "fitting", "copper", "pex", "thermostat", "compressor", "condenser", "flue", "vent", "trap", "faucet", "shower",
        "basement", "attic", "crawlspace", "garage", "kitchen", "bathroom", "estimate", "warranty", "permit", "inspection",
        "pressure", "gallon", "efficiency", "installation", "maintenance", "appointment", "weekend", "evening", "discount",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        // "scale" adds the many-tenant case (1,000 businesses x 1,000 passages); numbers are single-business sizes.
        var scale = args.Contains("scale");
        var sizes = args.Where(a => a != "scale").Select(int.Parse).DefaultIfEmpty().Where(n => n > 0).ToArray();
        sizes = sizes.Length > 0 ? sizes : [1_000, 10_000];
        var url = Environment.GetEnvironmentVariable("DATABASE_URL") ?? throw new InvalidOperationException("DATABASE_URL is not set (run through scripts/bench)");
        var admin = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(url)) { Database = "postgres", Pooling = false }.ConnectionString;
        var dbName = "la_bench_" + Guid.NewGuid().ToString("N")[..8];
        await Execute(admin, $"CREATE DATABASE \"{dbName}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(url)) { Database = dbName }.ConnectionString;
        try
        {
            await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance);
            await using var source = KnowledgeVectors.DataSource(connectionString);
            Console.WriteLine($"retrieval benchmark (pgvector, exact scan per business): {Environment.ProcessorCount} cores, {s_questions.Length} questions x 100 rounds per mode, embedder {new HashingEmbedder().Name}");
            Console.WriteLine("| passages of the business | rows in the table | mode | p50 ms | p99 ms |");
            Console.WriteLine("|---:|---:|---|---:|---:|");
            foreach (var size in sizes)
            {
                var businessId = await NewBusinessAsync(source);
                await LoadPassagesAsync(source, [businessId], size);
                await MeasureAsync(source, [businessId], size, size, Enum.GetValues<RetrievalMode>(), 100);

                // The alternative to an exact scan: an HNSW index with pgvector 0.8's iterative scans (the business filter
                // applies after the graph walk, so the scan goes on until enough of this business's rows are found).
                var build = Stopwatch.StartNew();
                await Execute(connectionString, "CREATE INDEX bench_hnsw ON knowledge_chunks USING hnsw (embedding vector_cosine_ops); ANALYZE knowledge_chunks");
                Console.WriteLine($"(HNSW index over {size:N0} passages built in {build.Elapsed.TotalSeconds:0.0} s)");
                await using (var hnsw = KnowledgeVectors.DataSource(new NpgsqlConnectionStringBuilder(connectionString)
                    { Options = "-c hnsw.iterative_scan=relaxed_order -c enable_seqscan=off" }.ConnectionString))
                {
                    await MeasureAsync(hnsw, [businessId], size, size, [RetrievalMode.VectorOnly, RetrievalMode.Hybrid], 100, " with HNSW");
                }

                await Execute(connectionString, "DROP INDEX bench_hnsw; TRUNCATE businesses CASCADE");
            }

            if (scale)
            {
                await ScaleAsync(source);
            }

            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Execute(admin, $"DROP DATABASE IF EXISTS \"{dbName}\" WITH (FORCE)");
        }
    }

    /// <summary>1,000 businesses with 1,000 passages each: one business's query, and this process's memory over 100 of them.</summary>
    static async Task ScaleAsync(NpgsqlDataSource source)
    {
        const int businesses = 1_000, passages = 1_000;
        var ids = new List<Guid>();
        var load = Stopwatch.StartNew();
        for (var i = 0; i < businesses; i++)
        {
            ids.Add(await NewBusinessAsync(source));
        }

        for (var i = 0; i < businesses; i += 50)
        {
            await LoadPassagesAsync(source, ids.Skip(i).Take(50).ToList(), passages);
        }

        Console.WriteLine($"(loaded {businesses * passages:N0} passages in {load.Elapsed.TotalSeconds:0} s)");
        await MeasureAsync(source, ids, passages, businesses * passages, [RetrievalMode.Hybrid], 10);

        // Memory: this process asks 100 businesses in turn; nothing of theirs is kept, so it stays flat.
        var retriever = Retriever(source);
        var heaps = new List<long>();
        for (var i = 0; i < 100; i++)
        {
            foreach (var question in s_questions)
            {
                await retriever.RetrieveAsync(ids[i], question, 3, RetrievalMode.Hybrid, CancellationToken.None);
            }

            if (i is 0 or 9 or 49 or 99)
            {
                heaps.Add(GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        Console.WriteLine($"process memory after 1 / 10 / 50 / 100 businesses queried: managed heap {string.Join(" / ", heaps.Select(h => $"{h / 1024.0 / 1024:0.0} MB"))}, "
            + $"working set {Environment.WorkingSet / 1024.0 / 1024:0} MB");
    }

    static HybridKnowledgeRetriever Retriever(NpgsqlDataSource source) =>
        new(source, new HashingEmbedder(), Options.Create(new KnowledgeOptions()), NullLogger<HybridKnowledgeRetriever>.Instance);

    static async Task MeasureAsync(NpgsqlDataSource source, IReadOnlyList<Guid> businesses, int perBusiness, int rows, IEnumerable<RetrievalMode> modes, int rounds,
        string variant = "")
    {
        var retriever = Retriever(source);
        await retriever.RetrieveAsync(businesses[0], "warm up", 3, RetrievalMode.Hybrid, CancellationToken.None);
        var random = new Random(7);
        foreach (var mode in modes)
        {
            var timings = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var question in s_questions)
                {
                    var business = businesses[random.Next(businesses.Count)];
                    var watch = Stopwatch.StartNew();
                    await retriever.RetrieveAsync(business, question, 3, mode, CancellationToken.None);
                    timings.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            timings.Sort();
            Console.WriteLine($"| {perBusiness:N0} | {rows:N0} | {mode}{variant} | {Percentile(timings, 0.50):0.00} | {Percentile(timings, 0.99):0.00} |");
        }
    }

    static async Task<Guid> NewBusinessAsync(NpgsqlDataSource source)
    {
        var businessId = Guid.NewGuid();
        await using var insert = source.CreateCommand("INSERT INTO businesses (id, name) VALUES ($1, 'Bench Plumbing')");
        insert.Parameters.AddWithValue(businessId);
        await insert.ExecuteNonQueryAsync();
        return businessId;
    }

    static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    static async Task LoadPassagesAsync(NpgsqlDataSource source, IReadOnlyList<Guid> businessIds, int size)
    {
        var sample = DemoData.SampleKnowledge().SelectMany(e => Chunker.Split(e.Title, e.Content)).ToList();
        var random = new Random(42);
        await using var connection = await source.OpenConnectionAsync();
        var documents = businessIds.ToDictionary(b => b, _ => Guid.NewGuid());
        foreach (var (businessId, documentId) in documents)
        {
            await using var doc = new NpgsqlCommand("INSERT INTO knowledge_documents (id, business_id, title, content) VALUES ($1, $2, 'Bench corpus', 'generated')", connection);
            doc.Parameters.AddWithValue(documentId);
            doc.Parameters.AddWithValue(businessId);
            await doc.ExecuteNonQueryAsync();
        }

        var embedder = new HashingEmbedder();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY knowledge_chunks (id, document_id, business_id, ordinal, heading_path, content, embedding, embedding_model) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (businessId, documentId) in documents)
            {
                for (var i = 0; i < size; i++)
                {
                    var basis = sample[random.Next(sample.Count)];
                    var extra = string.Join(' ', Enumerable.Range(0, 25).Select(_ => s_vocabulary[random.Next(s_vocabulary.Length)]));
                    var content = $"{basis.Content} Job {i}: {extra}.";
                    await writer.StartRowAsync();
                    await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await writer.WriteAsync(documentId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(businessId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(i, NpgsqlDbType.Integer);
                    await writer.WriteAsync(basis.HeadingPath, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(content, NpgsqlDbType.Text);
                    await writer.WriteAsync(new Pgvector.Vector(HashingEmbedder.Embed(basis.HeadingPath + "\n" + content)), "vector");
                    await writer.WriteAsync(embedder.Name, NpgsqlDbType.Varchar);
                }
            }

            await writer.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE knowledge_chunks", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
