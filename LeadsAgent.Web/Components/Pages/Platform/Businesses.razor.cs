using LeadsAgent.Web.Application.Platform;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Platform;

/// <summary>
/// The platform admin's businesses: the grid (plan, number, owner, leads this month, last activity, status) with
/// each business's actions, adding a business, and the latest admin actions.
/// </summary>
public partial class Businesses
{
    [Inject] PlatformQueries Platform { get; set; } = default!;
    [Inject] IDialogService Dialogs { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;

    List<BusinessRow>? _rows;
    List<AdminActionRow> _actions = [];

    protected override Task OnInitializedAsync() => LoadAsync();

    async Task LoadAsync()
    {
        _rows = await Platform.RowsAsync(default);
        _actions = await Platform.RecentActionsAsync(15, null, default);
    }

    async Task AddAsync()
    {
        var dialog = await Dialogs.ShowAsync<AddBusinessDialog>("Add a business",
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, CloseButton = true });
        if (await dialog.Result is { Canceled: false, Data: string message })
        {
            Snackbar.Add(message, Severity.Success);
            await LoadAsync();
        }
    }
}
