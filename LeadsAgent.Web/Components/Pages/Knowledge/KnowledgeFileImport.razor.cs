using System.Text;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Web.Application.Knowledge;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Knowledge;

public partial class KnowledgeFileImport
{
    const int ShownRows = 100;

    [Inject] ImportKnowledgeFile Import { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Called with how many entries were imported.</summary>
    [Parameter] public EventCallback<int> OnImported { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }

    MudFileUpload<IBrowserFile>? _upload;
    ImportFile? _file;
    string? _fileName;
    string? _error;
    bool _reading;
    bool _importing;

    async Task ReadAsync(IBrowserFile? chosen)
    {
        (_file, _error) = (null, null);
        if (chosen is null)
        {
            return;
        }

        if (chosen.Size > ImportKnowledgeFile.MaxBytes)
        {
            _error = $"“{chosen.Name}” is {chosen.Size / 1024.0 / 1024.0:0.#} MB. {ImportKnowledgeFile.TooLarge}";
            return;
        }

        _reading = true;
        try
        {
            await using var stream = chosen.OpenReadStream(ImportKnowledgeFile.MaxBytes);
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var text = await reader.ReadToEndAsync();
            _fileName = chosen.Name;
            _file = ImportKnowledgeFile.Read(chosen.Name, text);
        }
        catch (IOException)
        {
            _error = "The file could not be read. Choose it again.";
        }
        finally
        {
            _reading = false;
        }
    }

    async Task ImportAsync()
    {
        if (_file is not { CanImport: true } file || _importing)
        {
            return;
        }

        _importing = true;
        try
        {
            var result = await Import.HandleAsync(file);
            Snackbar.Add($"Imported {Entries(result.Imported)} from {_fileName}. Your agent can use them right away.", Severity.Success);
            (_file, _fileName) = (null, null);
            await OnImported.InvokeAsync(result.Imported);
        }
        catch (PlanUpgradeRequiredException ex)
        {
            _error = ex.Message + " Nothing was imported.";
        }
        catch (DomainException ex)
        {
            _error = ex.Message + " Nothing was imported.";
        }
        finally
        {
            _importing = false;
        }
    }

    async Task ClearAsync()
    {
        (_file, _fileName, _error) = (null, null, null);
        if (_upload is not null)
        {
            await _upload.ClearAsync();
        }
    }

    async Task CloseAsync()
    {
        await ClearAsync();
        await OnClose.InvokeAsync();
    }

    string Summary(ImportFile file)
    {
        var bad = file.BadRows.Count();
        var name = $"“{_fileName}”";
        return file.Problem is not null && file.Rows.Count == 0 ? $"{name} can't be imported."
            : file.Problem is not null ? $"{name} has {Entries(file.Rows.Count)}, but can't be imported. Nothing has been saved."
            : bad > 0 ? $"{(bad == 1 ? "1 row" : $"{bad} rows")} of {file.Rows.Count} in {name} {(bad == 1 ? "needs" : "need")} fixing. Nothing has been saved: correct the file and choose it again."
            : $"{name}: {Entries(file.Rows.Count)} ready to import.";
    }

    /// <summary>The rows with problems when there are any (those are what the owner must fix), else the first rows.</summary>
    static IEnumerable<ImportRow> Shown(ImportFile file) => file.BadRows.Any() ? file.BadRows.Take(ShownRows) : file.Rows.Take(ShownRows);

    static string Where(ImportFile file, ImportRow row) => file.Source == KnowledgeSource.JSON ? $"Item {row.Row}" : $"Row {row.Row}";

    static string Snippet(string text) => text.Length <= 140 ? text : text[..140].TrimEnd() + "…";

    internal static string Entries(int n) => n == 1 ? "1 entry" : $"{n:N0} entries";
}
