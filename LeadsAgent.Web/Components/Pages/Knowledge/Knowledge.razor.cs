using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Application.Knowledge;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Components.Forms;
using LeadsAgent.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Knowledge;

/// <summary>
/// The owner's knowledge base: entries in a searchable grid, added and edited in a dialog, imports from files and
/// web pages (BASIC and up), the questions the agent could not answer, and a box that tests a question.
/// </summary>
public partial class Knowledge
{
    enum Panel
    {
        None,
        File,
        Web,
    }

    /// <summary>What a trades business should teach first: a button label, the entry's title, and why.</summary>
    static readonly (string Label, string Question, string Hint)[] Starters =
    [
        ("Prices and call-out fee", "How much do you charge? Is there a call-out fee?", "the question asked most"),
        ("Opening hours", "What are your opening hours? Do you take emergency calls?", "and when you answer emergencies"),
        ("Area you serve", "Which areas do you serve?", "towns, postcodes or how far you travel"),
        ("Services", "What services do you offer?", "and what you don't do"),
    ];

    [Inject] KnowledgeQueries Queries { get; set; } = default!;
    [Inject] DeleteKnowledgeEntry Delete { get; set; } = default!;
    [Inject] CurrentBusiness Current { get; set; } = default!;
    [Inject] BusinessClockProvider Clocks { get; set; } = default!;
    [Inject] IDialogService Dialogs { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;

    List<KnowledgeEntryRow> _entries = [];
    List<KnowledgeGapRow> _gaps = [];
    BusinessClock? _clock;
    PlanTier _plan;
    int? _limit;
    bool _loaded;
    Panel _panel;

    static string UpgradeHref => "/upgrade/" + PlanGate.Slug(PlanFeature.KnowledgeBaseManagement);

    bool CanImport => PlanRules.Allows(_plan, PlanFeature.KnowledgeBaseManagement);

    bool AtLimit => _limit is int limit && _entries.Count >= limit;

    protected override async Task OnInitializedAsync()
    {
        _plan = await Current.EffectivePlanAsync();
        _limit = PlanRules.KnowledgeEntryLimit(_plan);
        _clock = await Clocks.GetAsync();
        await LoadAsync();
    }

    async Task LoadAsync()
    {
        _entries = await Queries.EntriesAsync();
        _gaps = await Queries.OpenGapsAsync(50);
        _loaded = true;
        StateHasChanged();
    }

    void Toggle(Panel panel) => _panel = _panel == panel ? Panel.None : panel;

    async Task AddAsync(string title = "")
    {
        if (await KnowledgeEntryDialog.OpenAsync(Dialogs, null, title, "") is not null)
        {
            await LoadAsync();
        }
    }

    async Task EditAsync(KnowledgeEntryRow entry)
    {
        if (await KnowledgeEntryDialog.OpenAsync(Dialogs, entry.Id, entry.Title, entry.Content) is not null)
        {
            await LoadAsync();
        }
    }

    async Task DeleteAsync(KnowledgeEntryRow entry)
    {
        if (!await Dialogs.ConfirmAsync($"Delete “{entry.Title}”?", "Your agent will stop using this answer at once.", yes: "Delete", no: "Keep it"))
        {
            return;
        }

        try
        {
            var deleted = await Delete.HandleAsync(entry.Id);
            Snackbar.AddWithUndo($"Deleted “{entry.Title}”.", async () =>
            {
                await Delete.UndoAsync(deleted);
                await InvokeAsync(LoadAsync);
            });
        }
        catch (NotFoundException)
        {
            Snackbar.Add("That entry was already deleted.", Severity.Info);
        }

        await LoadAsync();
    }

    async Task ImportedAsync(int count)
    {
        _panel = Panel.None;
        await LoadAsync();
    }
}
