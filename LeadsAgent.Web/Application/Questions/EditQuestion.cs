using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Web.Endpoints;

namespace LeadsAgent.Web.Application.Questions;

/// <summary>Changes a question's wording, format, whether it is required or essential, and the lead field it fills.</summary>
public sealed class EditQuestion(QuestionChanges changes)
{
    public async Task<LeadCaptureQuestion> HandleAsync(Guid id, QuestionRequest request, CancellationToken ct = default)
    {
        var edited = await changes.FillAsync(new LeadCaptureQuestion(), request, ct);
        return await changes.ApplyAsync((config, now) =>
        {
            var question = config.Questions.SingleOrDefault(q => q.Id == id) ?? throw new NotFoundException("Question");
            question.QuestionText = edited.QuestionText;
            question.ExpectedFormat = edited.ExpectedFormat;
            question.IsRequired = edited.IsRequired;
            question.MapsToLeadField = edited.MapsToLeadField;
            question.IsEssentialForEmergency = edited.IsEssentialForEmergency;
            question.UpdatedAt = now;
            config.UpdatedAt = now;
            return question;
        }, ct);
    }
}
