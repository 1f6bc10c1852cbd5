using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Domain.Voice;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Application.Questions;
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
        admin.MapGet("/hours", async (Application.Settings.HoursQueries hours, CancellationToken ct) => TypedResults.Ok(await hours.LoadAsync(ct)));
        admin.MapPut("/hours", async (HoursRequest request, Application.Settings.UpdateHours update, CancellationToken ct) => TypedResults.Ok(await update.HandleAsync(request, ct)));

        // The use cases drop the cached agent, so a change reaches the next conversation turn at once.
        var questions = admin.MapGroup("/questions");
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

    static async Task<Ok<AgentConfigDto>> UpdateConfigAsync(UpdateConfigRequest request, Application.Settings.UpdateAgentConfig update, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(request, ct));

    static async Task<Ok<List<QuestionDto>>> ListQuestionsAsync(QuestionQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.GetAsync(ct)).Questions.Select(QuestionDto.From).ToList());

    static async Task<Created<QuestionDto>> AddQuestionAsync(QuestionRequest request, AddQuestion add, CancellationToken ct)
    {
        var question = await add.HandleAsync(request, ct: ct);
        return TypedResults.Created($"/api/admin/questions/{question.Id}", QuestionDto.From(question));
    }

    static async Task<Ok<QuestionDto>> UpdateQuestionAsync(Guid id, QuestionRequest request, EditQuestion edit, CancellationToken ct) =>
        TypedResults.Ok(QuestionDto.From(await edit.HandleAsync(id, request, ct)));

    static async Task<NoContent> DeleteQuestionAsync(Guid id, DeleteQuestion delete, CancellationToken ct)
    {
        await delete.HandleAsync(id, ct);
        return TypedResults.NoContent();
    }

    static async Task<Ok<List<QuestionDto>>> ReorderAsync(ReorderQuestionsRequest request, ReorderQuestions reorder, CancellationToken ct) =>
        TypedResults.Ok((await reorder.HandleAsync(request.QuestionIds!, ct)).Select(QuestionDto.From).ToList());
}
