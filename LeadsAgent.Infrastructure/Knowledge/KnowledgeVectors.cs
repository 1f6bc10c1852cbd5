using LeadsAgent.Domain.Knowledge;
using Npgsql;
using Pgvector;

namespace LeadsAgent.Infrastructure.Knowledge;

/// <summary>
/// Passage embeddings live in PostgreSQL as pgvector <c>vector(512)</c> columns: no instance keeps a copy of anyone's
/// knowledge, so memory does not grow with tenants and nothing must be invalidated across instances.
/// </summary>
public static class KnowledgeVectors
{
    /// <summary>The column's size; both embedders (local hashing, OpenAI text-embedding-3-small at 512) produce it.</summary>
    public const int Dimensions = HashingEmbedder.Dimensions;

    /// <summary>The process's one data source, taught the vector type (raw SQL and EF share it).</summary>
    public static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseVector();
        return builder.Build();
    }

    /// <summary>A vector parameter for a stored embedding; refuses a size the column cannot hold.</summary>
    public static Vector ToVector(float[] embedding) =>
        embedding.Length == Dimensions
            ? new Vector(embedding)
            : throw new InvalidOperationException($"Embeddings must have {Dimensions} dimensions; this one has {embedding.Length}.");
}
