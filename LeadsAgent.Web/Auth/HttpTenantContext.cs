using System.Security.Claims;
using LeadsAgent.Infrastructure.Identity;
using LeadsAgent.Infrastructure.Tenancy;

namespace LeadsAgent.Web.Auth;

/// <summary>
/// The tenant of a request: a signed-in owner sees only their business (Guid.Empty, so nothing, if the claim
/// is missing); platform admins and anonymous endpoints are unrestricted and name their business themselves.
/// </summary>
sealed class HttpTenantContext(IHttpContextAccessor http) : ITenantContext
{
    public Guid? BusinessId
    {
        get
        {
            var user = http.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true || user.IsInRole(Roles.PlatformAdmin))
            {
                return null;
            }

            return Guid.TryParse(user.FindFirstValue(AppClaims.BusinessId), out var id) ? id : Guid.Empty;
        }
    }
}
