namespace LeadsAgent.Domain.Engine;

/// <summary>What one turn learned from outside the engine (passages, the model's reading), so a re-run of it asks neither again.</summary>
/// <remarks>
/// One per message. A session store re-runs a turn on a fresher copy of the session when another instance saved it
/// first; the model's reading of the message, asked one write earlier, stands (the engine validates and merges it
/// against the session it now has), because asking again would pay for the turn twice.
/// </remarks>
public sealed class TurnMemo
{
    IReadOnlyList<KnowledgePassage>? _passages;
    (ModelTurn? Turn, double? Ms)? _model;

    /// <summary>The passages the knowledge base gave this turn, best first; null when the turn did not look anything up.</summary>
    public IReadOnlyList<KnowledgePassage>? Passages => _passages;

    internal async Task<IReadOnlyList<KnowledgePassage>> PassagesAsync(Func<Task<IReadOnlyList<KnowledgePassage>>> retrieve) =>
        _passages ??= await retrieve();

    /// <summary>Whether the model was asked already (a streamed reply is said once, by the first run).</summary>
    internal bool HasModel => _model is not null;

    /// <summary>The model's reading once a streamed reply is said, for a re-run to reuse.</summary>
    internal void Remember(ModelTurn? turn, double? ms) => _model = (turn, ms);

    internal async Task<(ModelTurn? Turn, double? Ms)> ModelAsync(Func<Task<(ModelTurn? Turn, double? Ms)>> ask) =>
        _model ??= await ask();
}
