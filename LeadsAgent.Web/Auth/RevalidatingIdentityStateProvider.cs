using System.Security.Claims;
using LeadsAgent.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Auth;

/// <summary>
/// Checks an open dashboard circuit's user against the account's security stamp every
/// Auth:SecurityStampValidationSeconds (at least 10 s): a password change or "sign out everywhere" ends open
/// dashboards too, not only cookies (the ASP.NET Core Blazor template's provider).
/// </summary>
sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggers,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identity,
    IOptions<AuthOptions> auth) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(Math.Max(10, auth.Value.SecurityStampValidationSeconds));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null)
        {
            return false;
        }

        return !users.SupportsUserSecurityStamp
            || state.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
