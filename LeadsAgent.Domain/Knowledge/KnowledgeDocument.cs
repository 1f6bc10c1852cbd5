namespace LeadsAgent.Domain.Knowledge;

/// <summary>Where a knowledge entry came from.</summary>
public enum KnowledgeSource
{
    MANUAL,
    CSV,
    JSON,
    URL,
    GAP,
}

/// <summary>One entry the owner taught the agent: services, prices, hours, policies.</summary>
public sealed class KnowledgeDocument
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; init; }
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";
    public KnowledgeSource Source { get; init; } = KnowledgeSource.MANUAL;
    public string? SourceUrl { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A passage of a document, small enough to retrieve and quote, with its embedding.</summary>
public sealed class KnowledgeChunk
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DocumentId { get; init; }
    public Guid BusinessId { get; init; }
    public int Ordinal { get; init; }
    public string HeadingPath { get; init; } = "";
    public string Content { get; init; } = "";
    public float[]? Embedding { get; set; }
    public string? EmbeddingModel { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
