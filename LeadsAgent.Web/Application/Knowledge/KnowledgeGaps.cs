using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Web.Auth;

namespace LeadsAgent.Web.Application.Knowledge;

/// <summary>Answers a question the agent could not answer: a new entry, and the question leaves the open list.</summary>
public sealed class AnswerKnowledgeGap(KnowledgeBase knowledge, CurrentBusiness current)
{
    /// <summary>The new entry's id; its title is the question unless <paramref name="title"/> is given.</summary>
    public async Task<Guid> HandleAsync(Guid gapId, string? title, string answer, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        return (await knowledge.AnswerGapAsync(business, current.EffectivePlan(business), gapId, title, answer, ct)).Id;
    }
}

/// <summary>Takes a question off the open list without answering it (off-topic, spam); Undo puts it back.</summary>
public sealed class DismissKnowledgeGap(KnowledgeBase knowledge)
{
    public Task HandleAsync(Guid gapId, CancellationToken ct = default) => knowledge.DismissGapAsync(gapId, ct);

    public Task UndoAsync(Guid gapId, CancellationToken ct = default) => knowledge.ReopenGapAsync(gapId, ct);
}
