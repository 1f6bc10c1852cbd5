using LeadsAgent.Domain.Businesses;

namespace LeadsAgent.Web.Application.Questions;

/// <summary>Puts the questions in a new order; the list must name every question exactly once (a DomainException says so).</summary>
public sealed class ReorderQuestions(QuestionChanges changes)
{
    public Task<IReadOnlyList<LeadCaptureQuestion>> HandleAsync(IReadOnlyList<Guid> questionIds, CancellationToken ct = default) =>
        changes.ApplyAsync<IReadOnlyList<LeadCaptureQuestion>>((config, now) =>
        {
            config.Reorder(questionIds, now);
            return [.. config.OrderedQuestions];
        }, ct);
}
