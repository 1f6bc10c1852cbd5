using MudBlazor;

namespace LeadsAgent.Web.Components.Forms;

/// <summary>The dashboard's confirmations and undo offers, on MudBlazor's own dialog and snackbar.</summary>
public static class Dialogs
{
    /// <summary>A yes/no question in a MudDialog; true only when the owner chose <paramref name="yes"/>.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string yes, string no = "Cancel") =>
        await dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = title,
            Message = message,
            YesText = yes,
            CancelText = no,
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true }) == true;

    /// <summary>A snackbar saying what was done, with an Undo button that runs <paramref name="undo"/>; returned so a newer one can replace it.</summary>
    public static Snackbar? AddWithUndo(this ISnackbar snackbar, string message, Func<Task> undo) =>
        snackbar.Add(message, Severity.Normal, config =>
        {
            config.Action = "Undo";
            config.ActionColor = Color.Primary;
            config.VisibleStateDuration = 8000;
            config.OnClick = _ => undo();
        });
}
