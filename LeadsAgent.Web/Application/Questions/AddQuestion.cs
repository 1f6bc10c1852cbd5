using LeadsAgent.Domain.Businesses;
using LeadsAgent.Web.Endpoints;

namespace LeadsAgent.Web.Application.Questions;

/// <summary>
/// Adds a question at the end, or at a position (Undo of a delete puts it back where it was, with its id), within the
/// plan's limit: a <see cref="Domain.Plans.PlanUpgradeRequiredException"/> says which plan allows more.
/// </summary>
public sealed class AddQuestion(QuestionChanges changes)
{
    public async Task<LeadCaptureQuestion> HandleAsync(QuestionRequest request, int? position = null, Guid? id = null, CancellationToken ct = default)
    {
        var plan = await changes.Current.EffectivePlanAsync(ct);
        var now = changes.Now;
        var question = await changes.FillAsync(new LeadCaptureQuestion { Id = id ?? Guid.CreateVersion7(), CreatedAt = now }, request, ct);
        return await changes.ApplyAsync((config, at) => config.AddQuestion(plan, question, at, position), ct);
    }
}
