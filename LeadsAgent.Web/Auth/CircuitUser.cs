using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace LeadsAgent.Web.Auth;

/// <summary>
/// The signed-in user of a dashboard circuit. A circuit outlives the request that opened it, so the tenant cannot
/// come from <see cref="IHttpContextAccessor"/> there: this holds the circuit's authentication state and follows
/// its changes (a revalidation that signs the user out empties it, and the tenant then sees nothing).
/// </summary>
public sealed class CircuitUser
{
    public ClaimsPrincipal? User { get; private set; }

    public void Set(ClaimsPrincipal user) => User = user;
}

/// <summary>Fills <see cref="CircuitUser"/> when a circuit opens, before its components render.</summary>
sealed class CircuitUserHandler(AuthenticationStateProvider auth, CircuitUser user) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        user.Set((await auth.GetAuthenticationStateAsync()).User);
        auth.AuthenticationStateChanged += OnChanged;
    }

    async void OnChanged(Task<AuthenticationState> state)
    {
        try
        {
            user.Set((await state).User);
        }
        catch (Exception)
        {
            user.Set(new ClaimsPrincipal(new ClaimsIdentity()));
        }
    }

    public void Dispose() => auth.AuthenticationStateChanged -= OnChanged;
}
