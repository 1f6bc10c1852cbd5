using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Web.Application.Account;
using LeadsAgent.Web.Components.Forms;
using LeadsAgent.Web.Endpoints;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Account;

public partial class BusinessDetailsForm
{
    /// <summary>What the owner edits; a record, so "changed" is a comparison with what was saved.</summary>
    public sealed record BusinessForm
    {
        public string? Name { get; set; }
        public BusinessType BusinessType { get; set; }
        public string? TimeZone { get; set; }
        public string? NotificationEmail { get; set; }
        public string? NotificationPhoneNumber { get; set; }
        public string? BackupPhoneNumber { get; set; }

        public static BusinessForm From(Business b) => new()
        {
            Name = b.Name, BusinessType = b.BusinessType, TimeZone = b.TimeZone, NotificationEmail = b.NotificationEmail,
            NotificationPhoneNumber = b.NotificationPhoneNumber, BackupPhoneNumber = b.BackupPhoneNumber,
        };

        /// <summary>The API's request: empty optional fields clear them; the Twilio number is not the owner's to change.</summary>
        public UpdateBusinessRequest ToRequest() => new(Name ?? "", BusinessType, null, NotificationEmail ?? "", NotificationPhoneNumber ?? "",
            BackupPhoneNumber ?? "", TimeZone ?? "");
    }

    MudForm? _mudForm;
    BusinessForm _form = new();
    BusinessForm _saved = new();
    FormRules<BusinessForm, UpdateBusinessRequest> _rules = default!;
    string? _twilioNumber;
    bool _valid = true;
    bool _saving;

    bool Dirty => _form != _saved;

    string ZoneHelp => Zones.NowIn(_form.TimeZone) is { Length: > 0 } now
        ? now + " Today's counts and every time in the dashboard use this zone."
        : "Type a city near you, like Chicago, and pick it from the list.";

    /// <summary>The labels the owner sees, for the validator's messages (shared with the tests).</summary>
    public static FormRules<BusinessForm, UpdateBusinessRequest> Rules(FluentValidation.IValidator<UpdateBusinessRequest> validator) =>
        new FormRules<BusinessForm, UpdateBusinessRequest>(validator, f => f.ToRequest())
            .Label(nameof(BusinessForm.Name), "Business name")
            .Label(nameof(BusinessForm.TimeZone), "Time zone")
            .Label(nameof(BusinessForm.NotificationEmail), "Email for new leads")
            .Label(nameof(BusinessForm.NotificationPhoneNumber), "Phone for emergency alerts")
            .Label(nameof(BusinessForm.BackupPhoneNumber), "Backup phone");

    protected override async Task OnInitializedAsync()
    {
        _rules = Rules(Validator);
        var business = await Current.GetAsync();
        Show(business);
    }

    void Show(Business business)
    {
        _saved = BusinessForm.From(business);
        _form = _saved with { };
        _twilioNumber = business.TwilioPhoneNumber;
        _valid = true;
    }

    Task<IEnumerable<string>> SearchZonesAsync(string typed, CancellationToken ct) =>
        Task.FromResult(TimeZoneChoices.Search(typed == _form.TimeZone ? "" : typed));

    async Task ChangedAsync() => _valid = (await _rules.ValidateAsync(_form)).Count == 0;

    async Task SaveAsync()
    {
        await ChangedAsync();
        if (!_valid || !Dirty)
        {
            await (_mudForm?.ValidateAsync() ?? Task.CompletedTask);
            return;
        }

        _saving = true;
        try
        {
            Show(await Update.HandleAsync(_form.ToRequest()));
            Snackbar.Add("Saved. New leads and alerts go to these details from now on.", Severity.Success);
        }
        catch (FluentValidation.ValidationException)
        {
            // Someone else's rule changed under the form: show it next to its field.
            _valid = false;
            await (_mudForm?.ValidateAsync() ?? Task.CompletedTask);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }
        finally
        {
            _saving = false;
        }
    }

    async Task ResetAsync()
    {
        _form = _saved with { };
        _valid = true;
        await Task.Yield();
        await (_mudForm?.ResetValidationAsync() ?? Task.CompletedTask);
    }
}
