namespace LeadsAgent.Domain.Knowledge;

public enum KnowledgeGapStatus
{
    OPEN,
    ANSWERED,
    DISMISSED,
}

/// <summary>A question the agent could not answer from the knowledge base, counted each time it is asked.</summary>
public sealed class KnowledgeGap
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; init; }
    public string NormalizedQuestion { get; init; } = "";
    public string SampleQuestion { get; set; } = "";
    public int AskCount { get; set; } = 1;
    public DateTimeOffset FirstAskedAt { get; init; }
    public DateTimeOffset LastAskedAt { get; set; }
    public string? LastSessionId { get; set; }
    public KnowledgeGapStatus Status { get; set; } = KnowledgeGapStatus.OPEN;
    public Guid? AnsweredDocumentId { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }

    public void Answer(Guid documentId, DateTimeOffset at)
    {
        Status = KnowledgeGapStatus.ANSWERED;
        AnsweredDocumentId = documentId;
        AnsweredAt = at;
    }
}
