using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Knowledge;

namespace LeadsAgent.Infrastructure.Knowledge;

/// <summary>One question and answer of an import file, with what is wrong with it in words (null when it can be stored).</summary>
public sealed record ImportRow(int Row, string Title, string Content, string? Problem);

/// <summary>
/// An import file as read, before anything is stored: its rows, each with its problem if any, and a problem with the
/// whole file (not JSON, a quote never closed, nothing in it, too many rows). The API and the dashboard read a file
/// the same way; it is stored only when nothing is wrong, all rows in one transaction.
/// </summary>
public sealed record ImportFile(KnowledgeSource Source, IReadOnlyList<ImportRow> Rows, string? Problem)
{
    public IEnumerable<ImportRow> BadRows => Rows.Where(r => r.Problem is not null);

    public bool CanImport => Problem is null && !BadRows.Any();

    /// <summary>The entries to store; a <see cref="DomainException"/> naming the first problems when there are any.</summary>
    public IReadOnlyList<KnowledgeEntry> EntriesOrThrow(string field)
    {
        if (Problem is not null)
        {
            throw new DomainException(Problem, field);
        }

        var bad = BadRows.ToList();
        if (bad.Count > 0)
        {
            var shown = string.Join(" ", bad.Take(5).Select(r => r.Problem));
            throw new DomainException(bad.Count > 5 ? $"{shown} And {bad.Count - 5} more rows have problems; nothing was imported." : shown, field);
        }

        return [.. Rows.Select(r => new KnowledgeEntry(r.Title, r.Content, Source))];
    }

    internal static ImportFile Checked(KnowledgeSource source, List<ImportRow> rows, string? problem)
    {
        if (problem is null && rows.Count == 0)
        {
            problem = "There is nothing to import: the file has no questions and answers.";
        }
        else if (problem is null && rows.Count > KnowledgeBase.MaxEntriesPerImport)
        {
            problem = $"The file has {rows.Count:N0} entries; at most {KnowledgeBase.MaxEntriesPerImport} can be imported at once. Split it into several files.";
        }

        return new ImportFile(source, rows, problem);
    }
}
