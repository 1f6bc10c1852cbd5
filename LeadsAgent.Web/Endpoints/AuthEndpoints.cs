using FluentValidation;
using LeadsAgent.Infrastructure.Identity;
using LeadsAgent.Web.Application.Account;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Validation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Endpoints;

public sealed record LoginRequest(string? Email, string? Password);

public sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(x => x.Email).RequiredText(256);
        RuleFor(x => x.Password).RequiredText(256);
    }
}

/// <summary>The answer to a password change: what happened, in words.</summary>
public sealed record PasswordChanged(string Message);

public sealed record RefreshRequest(string? RefreshToken);

public sealed class RefreshRequestValidator : AbstractValidator<RefreshRequest>
{
    public RefreshRequestValidator() => RuleFor(x => x.RefreshToken).RequiredText(4096);
}

public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", LoginAsync).AllowAnonymous().Validate<LoginRequest>().DisableAntiforgery();
        app.MapPost("/api/auth/refresh", RefreshAsync).AllowAnonymous().Validate<RefreshRequest>().DisableAntiforgery();

        // The dashboard's sign-out is a form post with an antiforgery token, so another site cannot sign owners out.
        // The token is checked here: the framework only checks it for endpoints that bind form fields.
        app.MapPost("/account/logout", async (HttpContext http, SignInManager<AppUser> signIn) =>
        {
            if (!AntiforgeryPassed(http))
            {
                return (IResult)AntiforgeryRefused();
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        }).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());

        // "Sign out everywhere": a new security stamp ends every other browser's cookie and every bearer token.
        app.MapPost("/account/logout-everywhere", async (HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn) =>
        {
            if (!AntiforgeryPassed(http))
            {
                return (IResult)AntiforgeryRefused();
            }

            if (await users.GetUserAsync(http.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login?signedOut=everywhere");
        }).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());

        // The account page's password change, called by the page's script (fetch, same origin) so that this response
        // re-issues the current browser's cookie with the new security stamp; every other session ends.
        app.MapPost("/account/password", ChangePasswordAsync).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    static async Task<Results<Ok<PasswordChanged>, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(ChangePasswordRequest? request, HttpContext http,
        ChangePassword change, SignInManager<AppUser> signIn, CancellationToken ct)
    {
        if (!AntiforgeryPassed(http))
        {
            return AntiforgeryRefused();
        }

        if (request is null)
        {
            return TypedResults.Problem("Send the current password, the new password and the new password again.", statusCode: StatusCodes.Status400BadRequest,
                title: "Nothing to change");
        }

        var (user, errors) = await change.HandleAsync(http.User, request, ct);
        if (user is null)
        {
            return TypedResults.ValidationProblem(errors, string.Join(" ", errors.Values.SelectMany(e => e).Distinct()), title: "Password not changed");
        }

        await signIn.RefreshSignInAsync(user);
        return TypedResults.Ok(new PasswordChanged("Your password is changed. Every other browser and phone is signed out; this one stays signed in."));
    }

    /// <summary>The antiforgery middleware's verdict for this request; no verdict at all counts as a refusal.</summary>
    static bool AntiforgeryPassed(HttpContext http) => http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true };

    static ProblemHttpResult AntiforgeryRefused() =>
        TypedResults.Problem("This form has expired. Reload the page and try again.", statusCode: StatusCodes.Status400BadRequest, title: "Form expired");

    /// <summary>Password sign-in for the JSON API; returns the framework's bearer token ({accessToken, expiresIn, refreshToken}).</summary>
    static async Task<Results<SignInHttpResult, ProblemHttpResult>> LoginAsync(LoginRequest request, HttpContext http, PasswordSignIn passwords,
        SignInManager<AppUser> signIn)
    {
        var outcome = await passwords.CheckAsync(request.Email!, request.Password!, PasswordSignIn.ClientKey(http));
        switch (outcome.Status)
        {
            case SignInStatus.Throttled:
                http.Response.Headers.RetryAfter = ((int)outcome.RetryAfter!.Value.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem("Too many failed sign-ins from this address. Wait a moment and try again.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Slow down");
            case SignInStatus.LockedOut:
                return TypedResults.Problem("Too many failed sign-ins. Try again in 15 minutes.", statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Account locked");
            case SignInStatus.Succeeded:
                return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(outcome.User!), authenticationScheme: IdentityConstants.BearerScheme);
            default:
                return InvalidCredentials();
        }
    }

    /// <summary>
    /// A new access token for a refresh token the login returned, as Identity's own API does it: refused once the
    /// refresh token expired or the account's security stamp changed (password change, sign out everywhere).
    /// </summary>
    static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(RefreshRequest request, SignInManager<AppUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Problem("This refresh token is no longer valid; sign in again.", statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign in again");
        }

        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    static ProblemHttpResult InvalidCredentials() =>
        TypedResults.Problem("The email or password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
}
