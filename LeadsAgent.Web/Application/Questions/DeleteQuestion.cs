using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Web.Endpoints;

namespace LeadsAgent.Web.Application.Questions;

/// <summary>What a deleted question was and where it stood, so Undo can put it back as it was.</summary>
public sealed record DeletedQuestion(Guid Id, QuestionRequest Request, int Position);

/// <summary>Deletes a question and closes the gap in the order.</summary>
public sealed class DeleteQuestion(QuestionChanges changes)
{
    public Task<DeletedQuestion> HandleAsync(Guid id, CancellationToken ct = default) =>
        changes.ApplyAsync((config, now) =>
        {
            var ordered = config.OrderedQuestions.ToList();
            var question = ordered.SingleOrDefault(q => q.Id == id) ?? throw new NotFoundException("Question");
            var deleted = new DeletedQuestion(id, RequestOf(question), ordered.IndexOf(question) + 1);
            config.RemoveQuestion(id, now);
            return deleted;
        }, ct);

    public static QuestionRequest RequestOf(LeadCaptureQuestion q) =>
        new(q.QuestionText, q.ExpectedFormat, q.IsRequired, q.MapsToLeadField, q.IsEssentialForEmergency);
}
