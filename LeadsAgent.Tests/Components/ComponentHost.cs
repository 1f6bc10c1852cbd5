using System.Security.Claims;
using Bunit;
using LeadsAgent.Infrastructure.Identity;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using LeadsAgent.Infrastructure.Configuration;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace LeadsAgent.Tests.Components;

/// <summary>
/// A bUnit context for dashboard components, signed in as one business's owner: MudBlazor's services, bUnit's
/// authorization and JS interop, and every other service from the real app (its PostgreSQL, Redis and live event
/// bus), resolved in one scope as a circuit's would be. Components render against real data, not stand-ins.
/// </summary>
public sealed class ComponentHost : BunitContext
{
    readonly AsyncServiceScope _scope;

    ComponentHost(AppFactory app, Guid businessId, string email, bool platformAdmin = false)
    {
        _scope = app.Services.CreateAsyncScope();
        var role = platformAdmin ? Roles.PlatformAdmin : Roles.Owner;
        Claim[] claims = platformAdmin ? [new Claim(ClaimTypes.Email, email)] : [new Claim(AppClaims.BusinessId, businessId.ToString())];
        var user = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new Claim(ClaimTypes.Name, email),
            new Claim(ClaimTypes.Role, role),
            .. claims,
        ], "test"));
        _scope.ServiceProvider.GetRequiredService<CircuitUser>().Set(user);
        var auth = AddAuthorization();
        auth.SetAuthorized(email);
        auth.SetRoles(role);
        auth.SetClaims(claims);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // bUnit's own container answers IOptions<T> with defaults; components must see the app's settings.
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<IOptions<AdminOptions>>());
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<IOptions<TwilioOptions>>());
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
        BusinessId = businessId;
    }

    public Guid BusinessId { get; }

    /// <summary>Signed in as the owner of this business (made through the platform API by the fixture).</summary>
    public static ComponentHost ForOwner(PlatformFixture fx, Guid businessId, string email) => new(fx.App, businessId, email);

    /// <summary>Signed in as the platform admin (no business of their own).</summary>
    public static ComponentHost ForPlatformAdmin(PlatformFixture fx) => new(fx.App, Guid.Empty, AppFactory.AdminEmail, platformAdmin: true);

    /// <summary>A service from the same scope the components use (to publish a live event, seed a lead...).</summary>
    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _scope.DisposeAsync();
    }
}
