using FluentValidation;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace LeadsAgent.Web.Application.Platform;

/// <summary>
/// An owner sets a new password with the link from the reset email. Identity checks the token against the
/// account's security stamp and changes the stamp with the password: the link works once, and every other
/// session (cookies, bearer tokens, open dashboards) ends at its next stamp check.
/// </summary>
public sealed class ResetPassword(UserManager<AppUser> users, IValidator<ResetPasswordRequest> validator)
{
    public const string ExpiredOrUsed = "This reset link has expired or was already used. Ask your LeadsAgent support contact for a new one.";

    public async Task<string> HandleAsync(ResetPasswordRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAndThrowAsync(request, ct);
        var user = await users.FindByIdAsync(request.UserId!) ?? throw new DomainException(ExpiredOrUsed, "token");
        var result = await users.ResetPasswordAsync(user, request.Token!, request.NewPassword!);
        if (!result.Succeeded)
        {
            var invalidToken = result.Errors.Any(e => e.Code == "InvalidToken");
            throw new DomainException(invalidToken ? ExpiredOrUsed : string.Join(" ", result.Errors.Select(e => e.Description)), invalidToken ? "token" : "newPassword");
        }

        // A reset proves the owner reads their email: a lockout from earlier guesses ends with it.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return user.Email ?? "";
    }
}
