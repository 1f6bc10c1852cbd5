using System.Text;
using System.Text.Json;
using FluentValidation;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Endpoints;

public sealed record KnowledgeDocumentDto(Guid Id, string Title, string Content, KnowledgeSource Source, string? SourceUrl, int Passages,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

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

public sealed record KnowledgeGapDto(Guid Id, string Question, int AskCount, DateTimeOffset FirstAskedAt, DateTimeOffset LastAskedAt, string? LastSessionId);

public sealed record ImportResult(int Imported, IReadOnlyList<Guid> Ids);

/// <summary>The owner's knowledge base: entries, imports (BASIC and up), and the questions the agent could not answer.</summary>
public static class KnowledgeEndpoints
{
    const int MaxImportBytes = 1024 * 1024;

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

    static async Task<Ok<List<KnowledgeDocumentDto>>> ListAsync(LeadsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await Dtos(db, db.KnowledgeDocuments.OrderBy(d => d.Title), ct));

    static async Task<Ok<KnowledgeDocumentDto>> GetAsync(Guid id, LeadsDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await Dtos(db, db.KnowledgeDocuments.Where(d => d.Id == id), ct)).SingleOrDefault() ?? throw new NotFoundException("Knowledge entry"));

    static async Task<Created<KnowledgeDocumentDto>> CreateAsync(KnowledgeRequest request, CurrentBusiness current, KnowledgeBase kb, LeadsDbContext db, CancellationToken ct)
    {
        var business = await current.GetAsync(ct);
        var document = (await kb.AddAsync(business, current.EffectivePlan(business), [new KnowledgeEntry(request.Title!, request.Content!)], ct))[0];
        var dto = (await Dtos(db, db.KnowledgeDocuments.Where(d => d.Id == document.Id), ct)).Single();
        return TypedResults.Created($"/api/admin/knowledge/{document.Id}", dto);
    }

    static async Task<Ok<KnowledgeDocumentDto>> UpdateAsync(Guid id, KnowledgeRequest request, CurrentBusiness current, KnowledgeBase kb, LeadsDbContext db, CancellationToken ct)
    {
        var business = await current.GetAsync(ct);
        await kb.UpdateAsync(business.Id, id, new KnowledgeEntry(request.Title!, request.Content!), ct);
        return TypedResults.Ok((await Dtos(db, db.KnowledgeDocuments.Where(d => d.Id == id), ct)).Single());
    }

    static async Task<NoContent> DeleteAsync(Guid id, CurrentBusiness current, KnowledgeBase kb, CancellationToken ct)
    {
        await kb.DeleteAsync((await current.GetAsync(ct)).Id, id, ct);
        return TypedResults.NoContent();
    }

    static async Task<Created<ImportResult>> ImportCsvAsync(HttpRequest request, CurrentBusiness current, KnowledgeBase kb, CancellationToken ct)
    {
        var csv = await ReadBodyAsync(request, ct);
        return await ImportAsync(KnowledgeImporter.FromCsv(csv), current, kb, ct);
    }

    static async Task<Created<ImportResult>> ImportJsonAsync(HttpRequest request, CurrentBusiness current, KnowledgeBase kb, CancellationToken ct)
    {
        var body = await ReadBodyAsync(request, ct);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new DomainException("The body is not valid JSON.", "body");
        }

        using (json)
        {
            return await ImportAsync(KnowledgeImporter.FromJson(json.RootElement), current, kb, ct);
        }
    }

    static async Task<Created<KnowledgeDocumentDto>> ImportUrlAsync(UrlImportRequest request, KnowledgeImporter importer, CurrentBusiness current,
        KnowledgeBase kb, LeadsDbContext db, CancellationToken ct)
    {
        var entry = await importer.FromUrlAsync(request.Url!.Trim(), ct);
        var business = await current.GetAsync(ct);
        var document = (await kb.AddAsync(business, current.EffectivePlan(business), [entry], ct))[0];
        return TypedResults.Created($"/api/admin/knowledge/{document.Id}", (await Dtos(db, db.KnowledgeDocuments.Where(d => d.Id == document.Id), ct)).Single());
    }

    static async Task<Created<ImportResult>> ImportAsync(IReadOnlyList<KnowledgeEntry> entries, CurrentBusiness current, KnowledgeBase kb, CancellationToken ct)
    {
        var business = await current.GetAsync(ct);
        var documents = await kb.AddAsync(business, current.EffectivePlan(business), entries, ct);
        return TypedResults.Created("/api/admin/knowledge", new ImportResult(documents.Count, [.. documents.Select(d => d.Id)]));
    }

    static async Task<Ok<List<KnowledgeGapDto>>> GapsAsync(LeadsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.KnowledgeGaps.AsNoTracking().Where(g => g.Status == KnowledgeGapStatus.OPEN)
            .OrderByDescending(g => g.AskCount).ThenByDescending(g => g.LastAskedAt).Take(200)
            .Select(g => new KnowledgeGapDto(g.Id, g.SampleQuestion, g.AskCount, g.FirstAskedAt, g.LastAskedAt, g.LastSessionId)).ToListAsync(ct));

    static async Task<Created<KnowledgeDocumentDto>> AnswerGapAsync(Guid id, GapAnswerRequest request, CurrentBusiness current, KnowledgeBase kb,
        LeadsDbContext db, CancellationToken ct)
    {
        var business = await current.GetAsync(ct);
        var document = await kb.AnswerGapAsync(business, current.EffectivePlan(business), id, request.Title, request.Answer!, ct);
        return TypedResults.Created($"/api/admin/knowledge/{document.Id}", (await Dtos(db, db.KnowledgeDocuments.Where(d => d.Id == document.Id), ct)).Single());
    }

    static async Task<NoContent> DismissGapAsync(Guid id, LeadsDbContext db, CancellationToken ct)
    {
        var gap = await db.KnowledgeGaps.SingleOrDefaultAsync(g => g.Id == id && g.Status == KnowledgeGapStatus.OPEN, ct) ?? throw new NotFoundException("Open knowledge gap");
        gap.Status = KnowledgeGapStatus.DISMISSED;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    static Task<List<KnowledgeDocumentDto>> Dtos(LeadsDbContext db, IQueryable<KnowledgeDocument> documents, CancellationToken ct) =>
        documents.AsNoTracking().Select(d => new KnowledgeDocumentDto(d.Id, d.Title, d.Content, d.Source, d.SourceUrl,
            db.KnowledgeChunks.Count(c => c.DocumentId == d.Id), d.CreatedAt, d.UpdatedAt)).ToListAsync(ct);

    /// <summary>Reads an import body up to 1 MB; larger bodies are refused before anything is parsed.</summary>
    static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxImportBytes)
        {
            throw new DomainException("An import may be at most 1 MB; split it into several files.", "body");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxImportBytes + 1];
        var total = 0;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(total), ct)) > 0)
        {
            total += read;
            if (total > MaxImportBytes)
            {
                throw new DomainException("An import may be at most 1 MB; split it into several files.", "body");
            }
        }

        return total == 0 ? throw new DomainException("The import is empty.", "body") : new string(buffer, 0, total);
    }
}
