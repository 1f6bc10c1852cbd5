using System.Text.Json;
using LeadsAgent.Web.Application.Account;
using LeadsAgent.Web.Components.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Account;

public partial class PasswordForm
{
    public sealed class PasswordInput
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    /// <summary>What the browser's fetch answered: the status and the JSON body (ProblemDetails on a refusal).</summary>
    public sealed record FetchAnswer(int Status, JsonElement? Body);

    [CascadingParameter] Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] AntiforgeryStateProvider? Antiforgery { get; set; }

    MudForm? _mudForm;
    readonly PasswordInput _form = new();
    FormRules<PasswordInput, ChangePasswordRequest> _rules = default!;
    IReadOnlyList<PasswordRule> _passwordRules = [];
    Dictionary<string, string[]> _serverErrors = [];
    string? _email;
    string? _problem;
    bool _busy;
    bool _ready;

    protected override async Task OnInitializedAsync()
    {
        _rules = new FormRules<PasswordInput, ChangePasswordRequest>(Validator, f => new ChangePasswordRequest(f.CurrentPassword, f.NewPassword, f.ConfirmPassword));
        _passwordRules = PasswordRules.From(Identity.Value.Password);
        _email = (await AuthState).User.Identity?.Name;
    }

    /// <summary>The validator's errors while typing, then what the server refused (a wrong current password) until that field changes.</summary>
    Func<object, string, Task<IEnumerable<string>>> FieldRules => async (model, property) =>
        _serverErrors.TryGetValue(property, out var refused) ? refused : await _rules.Field(model, property);

    async Task Changed()
    {
        _serverErrors.Clear();
        _problem = null;
        _ready = (await _rules.ValidateAsync(_form)).Count == 0;
    }

    async Task ChangeAsync()
    {
        await Changed();
        if (!_ready)
        {
            await (_mudForm?.ValidateAsync() ?? Task.CompletedTask);
            return;
        }

        _busy = true;
        try
        {
            var token = Antiforgery?.GetAntiforgeryToken();
            object?[] args = [AntiforgeryOptions.Value.HeaderName, token?.Value,
                new { currentPassword = _form.CurrentPassword, newPassword = _form.NewPassword, confirmPassword = _form.ConfirmPassword }];
            var answer = await JS.InvokeAsync<FetchAnswer>("leadsAgent.account.changePassword", args);
            if (answer.Status == 200)
            {
                // A fresh page, so this circuit starts over with the re-issued cookie (the old one's stamp is no longer valid).
                Navigation.NavigateTo("/account?password=changed", forceLoad: true);
                return;
            }

            await ShowRefusalAsync(answer);
        }
        catch (JSException)
        {
            _problem = "The password could not be sent. Check your connection and try again.";
        }
        finally
        {
            _busy = false;
        }
    }

    async Task ShowRefusalAsync(FetchAnswer answer)
    {
        _serverErrors = [];
        if (answer.Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in errors.EnumerateObject())
            {
                var property = char.ToUpperInvariant(field.Name[0]) + field.Name[1..];
                _serverErrors[property] = [.. field.Value.EnumerateArray().Select(e => e.GetString() ?? "")];
            }
        }

        if (_serverErrors.Count == 0)
        {
            _problem = answer.Body is { ValueKind: JsonValueKind.Object } problem && problem.TryGetProperty("detail", out var detail) && detail.GetString() is { } words
                ? words
                : answer.Status == 0 ? "The password could not be sent. Check your connection and try again." : "The password was not changed. Reload the page and try again.";
        }

        _ready = false;
        await (_mudForm?.ValidateAsync() ?? Task.CompletedTask);
        Snackbar.Add("Your password was not changed.", Severity.Warning);
    }
}
