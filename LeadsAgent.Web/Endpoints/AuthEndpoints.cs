using FluentValidation;
using LeadsAgent.Infrastructure.Identity;
using LeadsAgent.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

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

public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", LoginAsync).AllowAnonymous().Validate<LoginRequest>().DisableAntiforgery();

        // The dashboard's sign-out is a form post with an antiforgery token, so another site cannot sign owners out.
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        }).RequireAuthorization().WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
    }

    /// <summary>Password sign-in for the JSON API; returns the framework's bearer token ({accessToken, expiresIn, ...}).</summary>
    static async Task<Results<SignInHttpResult, ProblemHttpResult>> LoginAsync(LoginRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn)
    {
        var user = await users.FindByEmailAsync(request.Email!);
        if (user is null)
        {
            return InvalidCredentials();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return TypedResults.Problem("Too many failed sign-ins. Try again in 15 minutes.", statusCode: StatusCodes.Status429TooManyRequests,
                title: "Account locked");
        }

        if (!result.Succeeded)
        {
            return InvalidCredentials();
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    static ProblemHttpResult InvalidCredentials() =>
        TypedResults.Problem("The email or password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
}
