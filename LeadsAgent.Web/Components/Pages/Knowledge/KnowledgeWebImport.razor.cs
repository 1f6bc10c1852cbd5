using System.Text.RegularExpressions;
using FluentValidation;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Web.Application.Knowledge;
using LeadsAgent.Web.Components.Forms;
using LeadsAgent.Web.Endpoints;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Knowledge;

public sealed partial class KnowledgeWebImport : IDisposable
{
    public sealed class UrlForm
    {
        public string Url { get; set; } = "";
    }

    [Inject] IValidator<UrlImportRequest> Validator { get; set; } = default!;
    [Inject] ImportWebPage Import { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;

    [Parameter] public EventCallback<Guid> OnImported { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }

    MudForm? _form;
    FormRules<UrlForm, UrlImportRequest> _rules = default!;
    readonly UrlForm _model = new();
    CancellationTokenSource? _fetch;
    KnowledgeEntry? _page;
    string? _error;
    bool _valid;
    bool _fetching;
    bool _saving;

    protected override void OnInitialized() =>
        _rules = new FormRules<UrlForm, UrlImportRequest>(Validator, f => new UrlImportRequest(f.Url)).Label(nameof(UrlForm.Url), "The page address");

    async Task ChangedAsync()
    {
        _error = null;
        _valid = (await _rules.ValidateAsync(_model)).Count == 0;
    }

    async Task KeyUpAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && _valid && !_fetching)
        {
            await FetchAsync();
        }
    }

    async Task FetchAsync()
    {
        await ChangedAsync();
        if (!_valid)
        {
            return;
        }

        (_page, _error, _fetching) = (null, null, true);
        _fetch = new CancellationTokenSource();
        try
        {
            _page = await Import.FetchAsync(_model.Url, _fetch.Token);
        }
        catch (OperationCanceledException) when (_fetch.IsCancellationRequested)
        {
            _error = "Stopped. Nothing was fetched.";
        }
        catch (PlanUpgradeRequiredException)
        {
            _error = "Importing web pages comes with the Basic plan.";
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _fetching = false;
            _fetch.Dispose();
            _fetch = null;
        }
    }

    void Stop() => _fetch?.Cancel();

    async Task SaveAsync()
    {
        if (_page is not { } page || _saving)
        {
            return;
        }

        _saving = true;
        try
        {
            var id = await Import.SaveAsync(page);
            Snackbar.Add($"Saved “{page.Title}”. Your agent can use it right away.", MudBlazor.Severity.Success);
            (_page, _model.Url, _valid) = (null, "", false);
            if (_form is not null) { await _form.ResetValidationAsync(); }
            await OnImported.InvokeAsync(id);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    Task CloseAsync()
    {
        _fetch?.Cancel();
        return OnClose.InvokeAsync();
    }

    /// <summary>The start of the page's text as read, a line per heading or paragraph (without the importer's heading marks).</summary>
    static string Snippet(string content)
    {
        var lines = HeadingMarks().Replace(content, "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var text = string.Join('\n', lines);
        return text.Length <= 400 ? text : text[..400].TrimEnd() + "…";
    }

    static string Words(string content)
    {
        var words = content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return words == 1 ? "1 word" : $"{words:N0} words";
    }

    [GeneratedRegex(@"(?m)^#+\s*")]
    private static partial Regex HeadingMarks();

    public void Dispose() => _fetch?.Cancel();
}
