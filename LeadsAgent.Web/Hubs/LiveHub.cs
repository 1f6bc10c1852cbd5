using System.Security.Claims;
using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace LeadsAgent.Web.Hubs;

/// <summary>Pushes live events to the owner's dashboard: one group per business, so no owner sees another's.</summary>
[Authorize(Roles = Roles.Owner)]
public sealed class LiveHub : Hub
{
    public static string Group(Guid businessId) => "business:" + businessId;

    public override async Task OnConnectedAsync()
    {
        if (Guid.TryParse(Context.User?.FindFirstValue(AppClaims.BusinessId), out var businessId))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, Group(businessId));
        }

        await base.OnConnectedAsync();
    }
}

/// <summary>Forwards every live event (from this instance or, over Redis, from others) to the business's hub group.</summary>
public sealed class LiveHubBridge(ILiveEvents events, IHubContext<LiveHub> hub) : IHostedService
{
    IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = events.Subscribe(e => hub.Clients.Group(LiveHub.Group(e.BusinessId)).SendAsync("event", new
        {
            type = e.Type,
            sessionId = e.SessionId,
            data = e.Data,
            at = e.At,
        }));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
