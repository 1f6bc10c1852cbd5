using System.Security.Claims;
using LeadsAgent.Infrastructure.Identity;
using LeadsAgent.Infrastructure.Tenancy;

namespace LeadsAgent.Web.Auth;

/// <summary>
/// The signed-in user of the current request or circuit, as tenancy sees them. An owner whose business claim is
/// missing or malformed gets Guid.Empty: still an owner, still scoped, so they see nothing rather than everything.
/// </summary>
sealed class HttpSignedInTenant(IHttpContextAccessor http, CircuitUser circuit) : ISignedInTenant
{
    // In a dashboard circuit the circuit's user; in a request (or a circuit's prerendering) the request's.
    ClaimsPrincipal? User => (circuit.User ?? http.HttpContext?.User) is { Identity.IsAuthenticated: true } user ? user : null;

    public bool IsOwner => User?.IsInRole(Roles.Owner) == true && !User.IsInRole(Roles.PlatformAdmin);

    public Guid? OwnerBusinessId => IsOwner ? Guid.TryParse(User!.FindFirstValue(AppClaims.BusinessId), out var id) ? id : Guid.Empty : null;

    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);
}
