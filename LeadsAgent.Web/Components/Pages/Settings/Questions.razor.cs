using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Application.Questions;
using LeadsAgent.Web.Components.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Settings;

/// <summary>
/// The owner's lead-capture questions: reorder by dragging, with the arrow buttons or Alt+arrow keys (saved at once,
/// announced to screen readers, with Undo), add and edit in a dialog, delete after a confirmation with Undo, the FREE
/// plan's limit with the way to more, and a preview of how the agent asks them.
/// </summary>
public partial class Questions
{
    [Inject] QuestionQueries Queries { get; set; } = default!;
    [Inject] ReorderQuestions Reorder { get; set; } = default!;
    [Inject] DeleteQuestion Delete { get; set; } = default!;
    [Inject] AddQuestion Add { get; set; } = default!;
    [Inject] IDialogService DialogService { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;

    QuestionSettings? _settings;
    List<LeadCaptureQuestion> _questions = [];
    MudDropContainer<LeadCaptureQuestion>? _drop;
    readonly Dictionary<Guid, MudIconButton> _up = [];
    readonly Dictionary<Guid, MudIconButton> _down = [];
    Snackbar? _moveSnackbar;
    string? _announcement;
    bool _dropStale;

    protected override Task OnInitializedAsync() => ReloadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        // The drop zones draw the container's items; they learn of a new list only once the container has it.
        if (_dropStale && _drop is not null)
        {
            _dropStale = false;
            _drop.Refresh();
        }
    }

    async Task ReloadAsync()
    {
        _settings = await Queries.GetAsync();
        _questions = [.. _settings.Questions];
        _dropStale = _drop is not null; // the first render draws the list as it is
    }

    async Task OnDroppedAsync(MudItemDropInfo<LeadCaptureQuestion> drop) => await MoveAsync(drop.Item!, drop.IndexInZone, focusUp: null);

    async Task OnKeyAsync(KeyboardEventArgs e, LeadCaptureQuestion question)
    {
        var at = _questions.IndexOf(question);
        if (e.AltKey && e.Key == "ArrowUp" && at > 0)
        {
            await MoveAsync(question, at - 1, focusUp: true);
        }
        else if (e.AltKey && e.Key == "ArrowDown" && at < _questions.Count - 1)
        {
            await MoveAsync(question, at + 1, focusUp: false);
        }
    }

    /// <summary>Moves a question to a 0-based position, saves the new order and offers Undo; the page stays where it is.</summary>
    async Task MoveAsync(LeadCaptureQuestion question, int to, bool? focusUp)
    {
        var before = _questions.Select(q => q.Id).ToList();
        var from = before.IndexOf(question.Id);
        to = Math.Clamp(to, 0, _questions.Count - 1);
        if (from < 0 || from == to)
        {
            _dropStale = true;
            return;
        }

        var order = _questions.ToList();
        order.RemoveAt(from);
        order.Insert(to, question);
        if (!await SaveOrderAsync(order))
        {
            return;
        }

        _announcement = $"Moved to position {to + 1} of {_questions.Count}.";
        if (_moveSnackbar is not null)
        {
            Snackbar.Remove(_moveSnackbar);
        }

        _moveSnackbar = Snackbar.AddWithUndo($"Moved \u201c{Short(question.QuestionText)}\u201d to position {to + 1}.", async () =>
        {
            var restored = before.Select(id => _questions.FirstOrDefault(q => q.Id == id)).OfType<LeadCaptureQuestion>().ToList();
            if (await SaveOrderAsync(restored))
            {
                _announcement = $"Order put back. \u201c{Short(question.QuestionText)}\u201d is at position {from + 1} of {_questions.Count}.";
            }

            await InvokeAsync(StateHasChanged);
        });

        if (focusUp is bool up)
        {
            // The row moved in the page (which drops the focus); the focus follows it, onto the same arrow unless that
            // end is reached. After an await these render at once, so the button is in its new place before it is focused.
            StateHasChanged();
            _drop?.Refresh();
            _dropStale = false;
            var buttons = up && to > 0 || !up && to == _questions.Count - 1 ? _up : _down;
            if (buttons.TryGetValue(question.Id, out var button))
            {
                await button.FocusAsync();
            }
        }
    }

    /// <summary>Shows the new order at once and saves it; if the questions changed elsewhere, shows them as they are.</summary>
    async Task<bool> SaveOrderAsync(List<LeadCaptureQuestion> order)
    {
        _questions = order;
        _dropStale = true;
        try
        {
            await Reorder.HandleAsync([.. order.Select(q => q.Id)]);
            return true;
        }
        catch (DomainException)
        {
            Snackbar.Add("The questions were changed in another window, so the order wasn't saved. Here they are as they are now.", Severity.Warning);
            await ReloadAsync();
            return false;
        }
    }

    async Task AddAsync()
    {
        var saved = await OpenDialogAsync("Add a question", null);
        if (saved is not null)
        {
            await ReloadAsync();
            var at = _questions.FindIndex(q => q.Id == saved.Id) + 1;
            _announcement = $"Question added at position {at} of {_questions.Count}.";
            Snackbar.Add($"Question added as number {at}.", Severity.Success);
        }
    }

    async Task EditAsync(LeadCaptureQuestion question)
    {
        var saved = await OpenDialogAsync("Edit question", question);
        if (saved is not null)
        {
            await ReloadAsync();
            _announcement = "Question saved.";
            Snackbar.Add("Question saved. The agent asks it this way from the next conversation.", Severity.Success);
        }
    }

    async Task<LeadCaptureQuestion?> OpenDialogAsync(string title, LeadCaptureQuestion? question)
    {
        var parameters = new DialogParameters<QuestionDialog> { { d => d.Question, question } };
        var dialog = await DialogService.ShowAsync<QuestionDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: LeadCaptureQuestion saved } ? saved : null;
    }

    async Task DeleteAsync(LeadCaptureQuestion question)
    {
        var text = Short(question.QuestionText);
        if (!await DialogService.ConfirmAsync("Delete this question?",
                $"Your agent will stop asking \u201c{text}\u201d. Leads you already have keep their answers.", yes: "Delete question", no: "Keep it"))
        {
            return;
        }

        DeletedQuestion? deleted = null;
        try
        {
            deleted = await Delete.HandleAsync(question.Id);
        }
        catch (NotFoundException)
        {
            // Deleted in another window meanwhile: the reload below shows it gone.
        }

        await ReloadAsync();
        if (deleted is null)
        {
            Snackbar.Add("That question was already deleted in another window.", Severity.Info);
            return;
        }

        _announcement = $"Question deleted. {_questions.Count} left.";
        Snackbar.AddWithUndo($"Deleted \u201c{text}\u201d.", async () =>
        {
            try
            {
                await Add.HandleAsync(deleted.Request, deleted.Position, deleted.Id);
                await ReloadAsync();
                _announcement = $"Question put back at position {deleted.Position} of {_questions.Count}.";
            }
            catch (PlanUpgradeRequiredException)
            {
                Snackbar.Add("It can't come back: the plan's question limit is reached. Delete another one first.", Severity.Warning);
            }
            catch (DomainException)
            {
                Snackbar.Add("It can't come back: it is already in the list.", Severity.Info);
                await ReloadAsync();
            }

            await InvokeAsync(StateHasChanged);
        });
    }

    static string Short(string text) => text.Length <= 60 ? text : text[..57].TrimEnd() + "…";
}
