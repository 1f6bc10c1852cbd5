using System.Text;
using FluentValidation;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Web.Application.Knowledge;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadsAgent.Web.Endpoints;

public sealed record KnowledgeRequest(string? Title, string? Content);

public sealed class KnowledgeRequestValidator : AbstractValidator<KnowledgeRequest>
{
    public KnowledgeRequestValidator()
    {
        RuleFor(x => x.Title).RequiredText(KnowledgeBase.MaxTitleLength);
        RuleFor(x => x.Content).RequiredText(KnowledgeBase.MaxContentLength);
    }
}

public sealed record UrlImportRequest(string? Url);

public sealed class UrlImportRequestValidator : AbstractValidator<UrlImportRequest>
{
    public UrlImportRequestValidator() => RuleFor(x => x.Url).RequiredText(2000);
}

public sealed record GapAnswerRequest(string? Answer, string? Title);

public sealed class GapAnswerRequestValidator : AbstractValidator<GapAnswerRequest>
{
    public GapAnswerRequestValidator()
    {
        RuleFor(x => x.Answer).RequiredText(KnowledgeBase.MaxContentLength);
        RuleFor(x => x.Title).MaximumLength(KnowledgeBase.MaxTitleLength);
    }
}

/// <summary>The owner's knowledge base: entries, imports (BASIC and up), and the questions the agent could not answer.</summary>
/// <remarks>The same use cases as the dashboard's knowledge page (Application/Knowledge).</remarks>
public static class KnowledgeEndpoints
{
    public static void MapKnowledge(this RouteGroupBuilder admin)
    {
        var kb = admin.MapGroup("/knowledge");
        kb.MapGet("/", ListAsync);
        kb.MapGet("/{id:guid}", GetAsync);
        kb.MapPost("/", CreateAsync).Validate<KnowledgeRequest>();
        kb.MapPut("/{id:guid}", UpdateAsync).Validate<KnowledgeRequest>();
        kb.MapDelete("/{id:guid}", DeleteAsync);
        kb.MapPost("/import/csv", ImportCsvAsync).RequirePlan(PlanTier.BASIC);
        kb.MapPost("/import/json", ImportJsonAsync).RequirePlan(PlanTier.BASIC);
        kb.MapPost("/import/url", ImportUrlAsync).RequirePlan(PlanTier.BASIC).Validate<UrlImportRequest>();
        kb.MapGet("/gaps", GapsAsync);
        kb.MapPost("/gaps/{id:guid}/answer", AnswerGapAsync).Validate<GapAnswerRequest>();
        kb.MapPost("/gaps/{id:guid}/dismiss", DismissGapAsync);
    }

    static async Task<Ok<List<KnowledgeEntryRow>>> ListAsync(KnowledgeQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.EntriesAsync(ct));

    static async Task<Ok<KnowledgeEntryRow>> GetAsync(Guid id, KnowledgeQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.FindAsync(id, ct) ?? throw new NotFoundException("Knowledge entry"));

    static async Task<Created<KnowledgeEntryRow>> CreateAsync(KnowledgeRequest request, SaveKnowledgeEntry save, KnowledgeQueries queries, CancellationToken ct)
    {
        var id = await save.HandleAsync(null, request.Title!, request.Content!, ct);
        return TypedResults.Created($"/api/admin/knowledge/{id}", (await queries.FindAsync(id, ct))!);
    }

    static async Task<Ok<KnowledgeEntryRow>> UpdateAsync(Guid id, KnowledgeRequest request, SaveKnowledgeEntry save, KnowledgeQueries queries, CancellationToken ct)
    {
        await save.HandleAsync(id, request.Title!, request.Content!, ct);
        return TypedResults.Ok((await queries.FindAsync(id, ct))!);
    }

    static async Task<NoContent> DeleteAsync(Guid id, DeleteKnowledgeEntry delete, CancellationToken ct)
    {
        await delete.HandleAsync(id, ct);
        return TypedResults.NoContent();
    }

    static async Task<Created<ImportResult>> ImportCsvAsync(HttpRequest request, ImportKnowledgeFile import, CancellationToken ct) =>
        TypedResults.Created("/api/admin/knowledge", await import.HandleAsync(KnowledgeImporter.ReadCsv(await ReadBodyAsync(request, ct)), ct));

    static async Task<Created<ImportResult>> ImportJsonAsync(HttpRequest request, ImportKnowledgeFile import, CancellationToken ct) =>
        TypedResults.Created("/api/admin/knowledge", await import.HandleAsync(KnowledgeImporter.ReadJson(await ReadBodyAsync(request, ct)), ct));

    static async Task<Created<KnowledgeEntryRow>> ImportUrlAsync(UrlImportRequest request, ImportWebPage import, KnowledgeQueries queries, CancellationToken ct)
    {
        var id = await import.HandleAsync(request.Url!, ct);
        return TypedResults.Created($"/api/admin/knowledge/{id}", (await queries.FindAsync(id, ct))!);
    }

    static async Task<Ok<List<KnowledgeGapRow>>> GapsAsync(KnowledgeQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.OpenGapsAsync(200, ct));

    static async Task<Created<KnowledgeEntryRow>> AnswerGapAsync(Guid id, GapAnswerRequest request, AnswerKnowledgeGap answer, KnowledgeQueries queries,
        CancellationToken ct)
    {
        var documentId = await answer.HandleAsync(id, request.Title, request.Answer!, ct);
        return TypedResults.Created($"/api/admin/knowledge/{documentId}", (await queries.FindAsync(documentId, ct))!);
    }

    static async Task<NoContent> DismissGapAsync(Guid id, DismissKnowledgeGap dismiss, CancellationToken ct)
    {
        await dismiss.HandleAsync(id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Reads an import body up to 1 MB; larger bodies are refused before anything is parsed.</summary>
    static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > ImportKnowledgeFile.MaxBytes)
        {
            throw new DomainException(ImportKnowledgeFile.TooLarge, "body");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[ImportKnowledgeFile.MaxBytes + 1];
        var total = 0;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(total), ct)) > 0)
        {
            total += read;
            if (total > ImportKnowledgeFile.MaxBytes)
            {
                throw new DomainException(ImportKnowledgeFile.TooLarge, "body");
            }
        }

        return total == 0 ? throw new DomainException("The import is empty.", "body") : new string(buffer, 0, total);
    }
}
