using System.Collections.Concurrent;
using System.Security.Claims;
using LeadsAgent.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Auth;

/// <summary>
/// Bearer tokens carry the account's security stamp but the framework's bearer handler never compares it (cookies
/// have the SecurityStampValidator; tokens have nothing). This checks it at the same interval, so a password change or
/// "sign out everywhere" also ends tokens already handed out.
/// </summary>
public sealed class BearerStampCheck(IOptions<AuthOptions> options, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    // (user, stamp) -> checked until; bounded by clearing, which only costs a re-check.
    readonly ConcurrentDictionary<(string User, string Stamp), DateTimeOffset> _valid = new();

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, SignInManager<AppUser> signIn)
    {
        var user = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (user is null || stamp is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (_valid.TryGetValue((user, stamp), out var until) && until > now)
        {
            return true;
        }

        if (await signIn.ValidateSecurityStampAsync(principal) is null)
        {
            _valid.TryRemove((user, stamp), out _);
            return false;
        }

        if (_valid.Count > 10_000)
        {
            _valid.Clear();
        }

        _valid[(user, stamp)] = now.AddSeconds(options.Value.SecurityStampValidationSeconds);
        return true;
    }

    /// <summary>Runs after authentication: a bearer request whose token predates a password change becomes anonymous (401).</summary>
    public static IApplicationBuilder UseBearerStampCheck(IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.Identity?.IsAuthenticated == true
            && ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var check = ctx.RequestServices.GetRequiredService<BearerStampCheck>();
            if (!await check.IsCurrentAsync(ctx.User, ctx.RequestServices.GetRequiredService<SignInManager<AppUser>>()))
            {
                ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }

        await next(ctx);
    });
}
