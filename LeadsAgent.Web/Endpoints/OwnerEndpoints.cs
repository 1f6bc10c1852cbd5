using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Domain.Voice;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Endpoints;

/// <summary>The owner's own business, agent config and lead-capture questions. Every query goes through the tenant filter.</summary>
public static class OwnerEndpoints
{
    public static RouteGroupBuilder MapOwnerGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/admin").RequireAuthorization(AuthPolicies.Owner).DisableAntiforgery();

    public static void MapOwnerBusiness(this RouteGroupBuilder admin)
    {
        admin.MapGet("/business", async (CurrentBusiness current, CancellationToken ct) => TypedResults.Ok(BusinessDto.From(await current.GetAsync(ct))));
        admin.MapPut("/business", UpdateBusinessAsync);
        admin.MapGet("/config", GetConfigAsync);
        admin.MapPut("/config", UpdateConfigAsync);

        // Question changes must reach the next conversation turn at once on this instance.
        var questions = admin.MapGroup("/questions").AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (context.HttpContext.Request.Method != HttpMethods.Get)
            {
                var current = context.HttpContext.RequestServices.GetRequiredService<CurrentBusiness>();
                context.HttpContext.RequestServices.GetRequiredService<BusinessDirectory>().Invalidate((await current.GetAsync()).Id);
            }

            return result;
        });
        questions.MapGet("/", ListQuestionsAsync);
        questions.MapPost("/", AddQuestionAsync).Validate<QuestionRequest>();
        questions.MapPut("/{id:guid}", UpdateQuestionAsync).Validate<QuestionRequest>();
        questions.MapDelete("/{id:guid}", DeleteQuestionAsync);
        questions.MapPost("/reorder", ReorderAsync).Validate<ReorderQuestionsRequest>();
    }

    static async Task<Ok<BusinessDto>> UpdateBusinessAsync(UpdateBusinessRequest request, Application.Account.UpdateBusinessDetails update, CancellationToken ct) =>
        TypedResults.Ok(BusinessDto.From(await update.HandleAsync(request, ct)));

    static async Task<AgentConfig> LoadConfigAsync(LeadsDbContext db, CancellationToken ct) =>
        await db.AgentConfigs.Include(c => c.Questions).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Agent configuration");

    static async Task<Ok<AgentConfigDto>> GetConfigAsync(CurrentBusiness current, LeadsDbContext db, CancellationToken ct)
    {
        var plan = await current.EffectivePlanAsync(ct);
        return TypedResults.Ok(AgentConfigDto.From(await LoadConfigAsync(db, ct), plan));
    }

    static async Task<Ok<AgentConfigDto>> UpdateConfigAsync(UpdateConfigRequest request, AgentConfigUpdater updater, CancellationToken ct) =>
        TypedResults.Ok(await updater.UpdateAsync(request, ct));

    static async Task<Ok<List<QuestionDto>>> ListQuestionsAsync(LeadsDbContext db, CancellationToken ct)
    {
        var questions = await db.Questions.AsNoTracking().OrderBy(q => q.Order).ToListAsync(ct);
        return TypedResults.Ok(questions.Select(QuestionDto.From).ToList());
    }

    static async Task<Created<QuestionDto>> AddQuestionAsync(QuestionRequest request, CurrentBusiness current, LeadsDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var plan = await current.EffectivePlanAsync(ct);
        var config = await LoadConfigAsync(db, ct);
        var now = clock.GetUtcNow();
        var question = config.AddQuestion(plan, Apply(new LeadCaptureQuestion { CreatedAt = now }, request), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/admin/questions/{question.Id}", QuestionDto.From(question));
    }

    static async Task<Ok<QuestionDto>> UpdateQuestionAsync(Guid id, QuestionRequest request, LeadsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var question = await db.Questions.SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw new NotFoundException("Question");
        Apply(question, request).UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(QuestionDto.From(question));
    }

    static async Task<NoContent> DeleteQuestionAsync(Guid id, LeadsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var config = await LoadConfigAsync(db, ct);
        config.RemoveQuestion(id, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    static async Task<Ok<List<QuestionDto>>> ReorderAsync(ReorderQuestionsRequest request, LeadsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var config = await LoadConfigAsync(db, ct);
        config.Reorder(request.QuestionIds!, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(config.OrderedQuestions.Select(QuestionDto.From).ToList());
    }

    static LeadCaptureQuestion Apply(LeadCaptureQuestion question, QuestionRequest request)
    {
        question.QuestionText = request.QuestionText!.Trim();
        question.ExpectedFormat = request.ExpectedFormat ?? ExpectedFormat.TEXT;
        question.IsRequired = request.IsRequired ?? true;
        question.MapsToLeadField = Clean.Text(request.MapsToLeadField);
        question.IsEssentialForEmergency = request.IsEssentialForEmergency ?? false;
        return question;
    }
}
