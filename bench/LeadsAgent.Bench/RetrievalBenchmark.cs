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
/// Retrieval latency (p50/p99 per mode) and the cached matrix's memory for one business with N passages, in a
/// scratch database on the PostgreSQL that DATABASE_URL names. The passages are the sample knowledge base's
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
        var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [1_000, 10_000];
        var url = Environment.GetEnvironmentVariable("DATABASE_URL") ?? throw new InvalidOperationException("DATABASE_URL is not set (run through scripts/bench)");
        var admin = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(url)) { Database = "postgres", Pooling = false }.ConnectionString;
        var dbName = "la_bench_" + Guid.NewGuid().ToString("N")[..8];
        await Execute(admin, $"CREATE DATABASE \"{dbName}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(url)) { Database = dbName }.ConnectionString;
        try
        {
            await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance);
            Console.WriteLine($"retrieval benchmark: {Environment.ProcessorCount} cores, {s_questions.Length} questions x 100 rounds per mode, embedder {new HashingEmbedder().Name}");
            Console.WriteLine("| passages | mode | p50 ms | p99 ms | matrix load ms | matrix vectors | matrix with text |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
            foreach (var size in sizes)
            {
                await RunSizeAsync(connectionString, size);
            }

            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Execute(admin, $"DROP DATABASE IF EXISTS \"{dbName}\" WITH (FORCE)");
        }
    }

    static async Task RunSizeAsync(string connectionString, int size)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        var businessId = Guid.NewGuid();
        await using (var insert = source.CreateCommand("INSERT INTO businesses (id, name) VALUES ($1, 'Bench Plumbing')"))
        {
            insert.Parameters.AddWithValue(businessId);
            await insert.ExecuteNonQueryAsync();
        }

        await LoadPassagesAsync(source, businessId, size);
        var embedder = new HashingEmbedder();
        var index = new VectorIndex(source, embedder);
        var options = Options.Create(new KnowledgeOptions());
        var retriever = new HybridKnowledgeRetriever(source, index, embedder, options, NullLogger<HybridKnowledgeRetriever>.Instance);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var load = Stopwatch.StartNew();
        await retriever.RetrieveAsync(businessId, "warm up", 3, RetrievalMode.VectorOnly, CancellationToken.None);
        load.Stop();
        var matrix = index.Peek(businessId)!;
        var (vectors, total) = matrix.MemoryBytes();
        GC.KeepAlive(before);

        foreach (var mode in Enum.GetValues<RetrievalMode>())
        {
            var timings = new List<double>();
            for (var round = 0; round < 100; round++)
            {
                foreach (var question in s_questions)
                {
                    var watch = Stopwatch.StartNew();
                    await retriever.RetrieveAsync(businessId, question, 3, mode, CancellationToken.None);
                    timings.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            timings.Sort();
            Console.WriteLine($"| {size:N0} | {mode} | {Percentile(timings, 0.50):0.00} | {Percentile(timings, 0.99):0.00} | {load.Elapsed.TotalMilliseconds:0} | {vectors / 1024.0 / 1024:0.0} MB | {total / 1024.0 / 1024:0.0} MB |");
        }
    }

    static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    static async Task LoadPassagesAsync(NpgsqlDataSource source, Guid businessId, int size)
    {
        var sample = DemoData.SampleKnowledge().SelectMany(e => Chunker.Split(e.Title, e.Content)).ToList();
        var random = new Random(42);
        await using var connection = await source.OpenConnectionAsync();
        var documentId = Guid.NewGuid();
        await using (var doc = new NpgsqlCommand("INSERT INTO knowledge_documents (id, business_id, title, content) VALUES ($1, $2, 'Bench corpus', 'generated')", connection))
        {
            doc.Parameters.AddWithValue(documentId);
            doc.Parameters.AddWithValue(businessId);
            await doc.ExecuteNonQueryAsync();
        }

        var embedder = new HashingEmbedder();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY knowledge_chunks (id, document_id, business_id, ordinal, heading_path, content, embedding, embedding_model) FROM STDIN (FORMAT BINARY)"))
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
                await writer.WriteAsync(HashingEmbedder.Embed(basis.HeadingPath + "\n" + content), NpgsqlDbType.Array | NpgsqlDbType.Real);
                await writer.WriteAsync(embedder.Name, NpgsqlDbType.Varchar);
            }

            await writer.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE knowledge_chunks; UPDATE businesses SET knowledge_version = knowledge_version + 1", connection);
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
