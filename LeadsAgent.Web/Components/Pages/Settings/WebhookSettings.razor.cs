using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Application.Webhooks;
using LeadsAgent.Web.Auth;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Settings;

/// <summary>
/// The owner's webhooks: an empty state that says what they are for, add in a dialog, the new secret shown once, and
/// one card per endpoint (switch, test event, recent deliveries, delete). FREE sees what webhooks give and how to get them.
/// </summary>
public partial class WebhookSettings
{
    [Inject] CurrentBusiness Current { get; set; } = default!;
    [Inject] WebhookQueries Queries { get; set; } = default!;
    [Inject] BusinessClockProvider Clocks { get; set; } = default!;
    [Inject] IDialogService DialogService { get; set; } = default!;

    List<WebhookEndpointDto>? _endpoints;
    WebhookEndpointDto? _secret;
    PlanTier _plan;
    BusinessClock _clock = default!;

    protected override async Task OnInitializedAsync()
    {
        _plan = await Current.EffectivePlanAsync();
        _clock = await Clocks.GetAsync();
        await ReloadAsync();
    }

    async Task ReloadAsync() => _endpoints = PlanRules.Allows(_plan, PlanFeature.Webhooks) ? await Queries.ListAsync() : [];

    async Task AddAsync()
    {
        var dialog = await DialogService.ShowAsync<WebhookDialog>("Add a webhook", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: WebhookEndpointDto created })
        {
            _secret = created;
            await ReloadAsync();
        }
    }
}
