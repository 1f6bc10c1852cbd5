using FluentValidation;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Endpoints;
using LeadsAgent.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Questions;

/// <summary>
/// What every change to the questions shares: load the agent with its questions (tenant-filtered), apply the domain's
/// rule, save, and drop the cached agent so the next conversation turn asks the new questions.
/// </summary>
public sealed class QuestionChanges(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, BusinessDirectory directory,
    IValidator<QuestionRequest> validator, TimeProvider clock)
{
    public CurrentBusiness Current => current;

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<T> ApplyAsync<T>(Func<AgentConfig, DateTimeOffset, T> change, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var config = await db.AgentConfigs.Include(c => c.Questions).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Agent configuration");
        var result = change(config, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        directory.Invalidate(config.BusinessId);
        return result;
    }

    /// <summary>Refuses what the API refuses (a ValidationException names the field), then copies the request onto the question.</summary>
    public async Task<LeadCaptureQuestion> FillAsync(LeadCaptureQuestion question, QuestionRequest request, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(request, ct);
        question.QuestionText = request.QuestionText!.Trim();
        question.ExpectedFormat = request.ExpectedFormat ?? ExpectedFormat.TEXT;
        question.IsRequired = request.IsRequired ?? true;
        question.MapsToLeadField = Clean.Text(request.MapsToLeadField);
        question.IsEssentialForEmergency = request.IsEssentialForEmergency ?? false;
        return question;
    }
}
