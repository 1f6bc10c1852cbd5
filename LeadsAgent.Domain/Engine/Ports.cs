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

/// <summary>
/// The model's reading of a turn as it is written: <see cref="Decision"/> (intents, entities, priority; no reply) as soon
/// as the model has written it, then the reply's text piece by piece through <see cref="Reply"/> (null when the model
/// gave no reply). Disposing it stops reading (and the model's stream).
/// </summary>
public sealed class ModelStream(ModelTurn decision, IAsyncEnumerator<string>? reply) : IAsyncDisposable
{
    public ModelTurn Decision { get; } = decision;

    public IAsyncEnumerator<string>? Reply { get; } = reply;

    public ValueTask DisposeAsync() => Reply?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>A language model that can stream its reply (OpenAI's streaming chat completions).</summary>
public interface IStreamingLanguageModel : ILanguageModel
{
    /// <summary>
    /// Starts the model on a turn and returns once its decision is written; null means "no opinion" (timeout before the
    /// decision, HTTP error, refusal, malformed output), as for <see cref="ILanguageModel.InterpretAsync"/>.
    /// </summary>
    Task<ModelStream?> InterpretStreamingAsync(ModelRequest request, CancellationToken ct);
}

/// <summary>
/// Where a reply goes while it is being written (a ConversationRelay socket): pieces of speakable text, in order, each
/// sent at once. The engine stops reading the model when the listener has stopped (the caller talked over the agent).
/// </summary>
public interface IReplySink
{
    /// <summary>Cancelled when the listener stops listening: what is left of the reply is not said.</summary>
    CancellationToken Stopped { get; }

    Task SayAsync(string text, CancellationToken ct);
}
