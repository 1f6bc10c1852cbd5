using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Domain.Engine;

/// <summary>A passage of the business's knowledge that answers a question, with its retrieval score.</summary>
public sealed record KnowledgePassage(Guid DocumentId, string Title, string HeadingPath, string Content, double Score);

/// <summary>Finds the business's passages that answer a question; empty when nothing is relevant enough.</summary>
public interface IKnowledgeRetriever
{
    Task<IReadOnlyList<KnowledgePassage>> RetrieveAsync(Guid businessId, string question, int limit, CancellationToken ct);
}

/// <summary>What the language model is asked for one turn.</summary>
public sealed record ModelRequest(
    string BusinessName,
    BusinessType BusinessType,
    string Persona,
    Channel Channel,
    string UserMessage,
    IReadOnlyList<SessionMessage> RecentHistory,
    string FlowState,
    string? NextQuestion,
    IReadOnlyList<KnowledgePassage> Passages,
    LeadPriority DeterministicPriority)
{
    /// <summary>The conversation's language ("es"): the model replies in it.</summary>
    public string Language { get; init; } = AgentPhrases.DefaultLanguage;
}

/// <summary>An entity the model found; the engine keeps it only if it validates.</summary>
public sealed record ModelEntity(EntityKind Kind, string Value);

/// <summary>The model's reading of a turn. Any part may be missing; the engine validates and merges it.</summary>
public sealed record ModelTurn(
    IReadOnlyList<IntentScore> Intents,
    IReadOnlyList<ModelEntity> Entities,
    LeadPriority? Priority,
    IReadOnlyList<string> Reasons,
    string? Reply);

/// <summary>
/// The language model port. Implementations: the local deterministic model, and OpenAI behind a hard timeout.
/// Null means "no opinion" (no model, timeout, refusal, malformed output): the engine's own answer stands.
/// </summary>
public interface ILanguageModel
{
    /// <summary>A name for logs and analytics ("local", "openai:gpt-4o-mini").</summary>
    string Name { get; }

    Task<ModelTurn?> InterpretAsync(ModelRequest request, CancellationToken ct);
}
