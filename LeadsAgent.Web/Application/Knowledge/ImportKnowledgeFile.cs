using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Web.Auth;

namespace LeadsAgent.Web.Application.Knowledge;

/// <summary>What an import stored.</summary>
public sealed record ImportResult(int Imported, IReadOnlyList<Guid> Ids);

/// <summary>
/// CSV and JSON question lists (BASIC and up): read with the importer the API uses, shown row by row before
/// anything is stored, then stored all together or not at all. A file with any problem stores nothing.
/// </summary>
public sealed class ImportKnowledgeFile(KnowledgeBase knowledge, CurrentBusiness current)
{
    /// <summary>The largest file read; the API refuses larger bodies with the same words.</summary>
    public const int MaxBytes = 1024 * 1024;

    public const string TooLarge = "An import may be at most 1 MB; split it into several files.";

    /// <summary>Reads a file by its name's ending (.csv or .json); without one, text that starts like JSON is JSON.</summary>
    public static ImportFile Read(string fileName, string text)
    {
        var json = fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && text.TrimStart().StartsWith('['));
        return json ? KnowledgeImporter.ReadJson(text) : KnowledgeImporter.ReadCsv(text);
    }

    /// <summary>Stores every row of the file in one transaction; refuses (storing nothing) when any row has a problem.</summary>
    public async Task<ImportResult> HandleAsync(ImportFile file, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        var plan = current.EffectivePlan(business);
        PlanRules.Require(plan, PlanFeature.KnowledgeBaseManagement);
        var entries = file.EntriesOrThrow(file.Source == Domain.Knowledge.KnowledgeSource.JSON ? "body" : "csv");
        var documents = await knowledge.AddAsync(business, plan, entries, ct);
        return new ImportResult(documents.Count, [.. documents.Select(d => d.Id)]);
    }
}
