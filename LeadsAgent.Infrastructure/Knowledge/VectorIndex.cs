using System.Collections.Concurrent;
using LeadsAgent.Domain.Knowledge;
using Npgsql;

namespace LeadsAgent.Infrastructure.Knowledge;

/// <summary>One business's passages as a dense row-major matrix of unit vectors, with the text to quote.</summary>
public sealed class BusinessMatrix(long version, int dimensions, Guid[] chunkIds, Guid[] documentIds, string[] titles, string[] headingPaths, string[] contents, float[] data)
{
    public long Version { get; } = version;
    public int Count => ChunkIds.Length;
    public int Dimensions { get; } = dimensions;
    public Guid[] ChunkIds { get; } = chunkIds;
    public Guid[] DocumentIds { get; } = documentIds;
    public string[] Titles { get; } = titles;
    public string[] HeadingPaths { get; } = headingPaths;
    public string[] Contents { get; } = contents;

    /// <summary>Bytes held by the vectors alone, and by everything including the quoted text.</summary>
    public (long Vectors, long Total) MemoryBytes()
    {
        long vectors = (long)data.Length * sizeof(float);
        long text = Contents.Sum(c => (long)c.Length * 2) + HeadingPaths.Sum(h => (long)h.Length * 2) + Titles.Sum(t => (long)t.Length * 2);
        return (vectors, vectors + text + Count * 32L);
    }

    /// <summary>The indexes and cosine similarities of the best rows for a unit query vector.</summary>
    public List<(int Row, float Similarity)> Top(float[] query, int k)
    {
        var best = new List<(int Row, float Similarity)>(k + 1);
        var span = data.AsSpan();
        for (var row = 0; row < Count; row++)
        {
            var similarity = Dot(span.Slice(row * Dimensions, Dimensions), query);
            if (best.Count < k || similarity > best[^1].Similarity)
            {
                var at = best.FindIndex(b => b.Similarity < similarity);
                best.Insert(at < 0 ? best.Count : at, (row, similarity));
                if (best.Count > k)
                {
                    best.RemoveAt(k);
                }
            }
        }

        return best;
    }

    /// <summary>SIMD dot product; both vectors are unit length, so this is the cosine similarity.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var width = System.Numerics.Vector<float>.Count;
        var sum = System.Numerics.Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width)
        {
            sum += new System.Numerics.Vector<float>(a.Slice(i, width)) * new System.Numerics.Vector<float>(b.Slice(i, width));
        }

        var total = System.Numerics.Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}

/// <summary>
/// The per-business matrices, loaded lazily and replaced when the business's knowledge version moves on
/// (checked on every retrieval in the same round trip as the full-text query, so every instance sees changes).
/// </summary>
public sealed class VectorIndex(NpgsqlDataSource dataSource, IEmbedder embedder)
{
    readonly ConcurrentDictionary<Guid, BusinessMatrix> _matrices = new();
    readonly ConcurrentDictionary<Guid, SemaphoreSlim> _loading = new();

    public async Task<BusinessMatrix> GetAsync(Guid businessId, long currentVersion, CancellationToken ct)
    {
        if (_matrices.TryGetValue(businessId, out var cached) && cached.Version == currentVersion)
        {
            return cached;
        }

        var gate = _loading.GetOrAdd(businessId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (_matrices.TryGetValue(businessId, out cached) && cached.Version == currentVersion)
            {
                return cached;
            }

            var loaded = await LoadAsync(businessId, currentVersion, ct);
            _matrices[businessId] = loaded;
            return loaded;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The cached matrix, if any, for reports and benchmarks.</summary>
    public BusinessMatrix? Peek(Guid businessId) => _matrices.GetValueOrDefault(businessId);

    async Task<BusinessMatrix> LoadAsync(Guid businessId, long version, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT c.id, c.document_id, d.title, c.heading_path, c.content, c.embedding
            FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id
            WHERE c.business_id = $1 AND c.embedding_model = $2
            ORDER BY c.id
            """);
        command.Parameters.AddWithValue(businessId);
        command.Parameters.AddWithValue(embedder.Name);
        List<Guid> ids = [], docs = [];
        List<string> titles = [], paths = [], contents = [];
        List<float[]> vectors = [];
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetGuid(0));
                docs.Add(reader.GetGuid(1));
                titles.Add(reader.GetString(2));
                paths.Add(reader.GetString(3));
                contents.Add(reader.GetString(4));
                vectors.Add(reader.GetFieldValue<float[]>(5));
            }
        }

        var dimensions = vectors.Count == 0 ? 0 : vectors[0].Length;
        var data = new float[vectors.Count * dimensions];
        for (var i = 0; i < vectors.Count; i++)
        {
            if (vectors[i].Length == dimensions)
            {
                vectors[i].CopyTo(data, i * dimensions);
            }
        }

        return new BusinessMatrix(version, dimensions, [.. ids], [.. docs], [.. titles], [.. paths], [.. contents], data);
    }
}
