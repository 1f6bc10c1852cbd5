using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Identity;

/// <summary>Adds the owner's business to the sign-in claims, which the tenant filter reads.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.BusinessId is Guid businessId)
        {
            identity.AddClaim(new Claim(AppClaims.BusinessId, businessId.ToString()));
        }

        return identity;
    }
}
