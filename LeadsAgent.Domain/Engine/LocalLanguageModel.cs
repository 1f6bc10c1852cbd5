using LeadsAgent.Domain.Emergencies;


namespace LeadsAgent.Domain.Engine;

/// <summary>
/// The deterministic model: intents, entities and priority from the rule-based classifiers, and no free-text
/// reply (the engine's templates and extractive answers speak). It is the model when no OpenAI key is configured;
/// the engine recognises it and uses its own identical reading instead of asking it again on every turn.
/// </summary>
public sealed class LocalLanguageModel : ILanguageModel
{
    public string Name => "local";

    public Task<ModelTurn?> InterpretAsync(ModelRequest request, CancellationToken ct) => Task.FromResult<ModelTurn?>(Interpret(request));

    public static ModelTurn Interpret(ModelRequest request)
    {
        var triage = EmergencyTriage.Assess(request.UserMessage, request.BusinessType);
        var extraction = new ExtractionContext(DateTimeOffset.UtcNow, "UTC");
        return new ModelTurn(
            IntentClassifier.Classify(request.UserMessage, triage),
            [.. EntityExtractor.Extract(request.UserMessage, extraction).Where(e => e.Kind is EntityKind.Email or EntityKind.Phone or EntityKind.Name)
                .Select(e => new ModelEntity(e.Kind, e.Value))],
            triage.Priority,
            [.. triage.Reasons.Select(r => $"{r.Rule}: {r.Phrase}")],
            null);
    }
}
