using System.Security.Claims;
using FluentValidation;
using LeadsAgent.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Application.Account;

/// <summary>The owner's password change: the current password, the new one and the new one again.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);

public sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator(IOptions<IdentityOptions> identity)
    {
        RuleFor(x => x.CurrentPassword).Must(p => !string.IsNullOrEmpty(p)).WithMessage("Enter your current password.").MaximumLength(256);
        RuleFor(x => x.NewPassword).Must(p => !string.IsNullOrEmpty(p)).WithMessage("Enter a new password.").MaximumLength(256);
        foreach (var rule in PasswordRules.From(identity.Value.Password))
        {
            RuleFor(x => x.NewPassword).Must(p => rule.IsMet(p!)).WithMessage(rule.Missing).When(x => !string.IsNullOrEmpty(x.NewPassword));
        }

        RuleFor(x => x.NewPassword).NotEqual(x => x.CurrentPassword).WithMessage("Choose a new password, not the current one.")
            .When(x => !string.IsNullOrEmpty(x.NewPassword));
        RuleFor(x => x.ConfirmPassword).Must((x, again) => again == x.NewPassword).WithMessage("The two new passwords are different.")
            .When(x => !string.IsNullOrEmpty(x.NewPassword));
    }
}

/// <summary>
/// Changes the signed-in user's password after checking the current one. A wrong current password counts toward the
/// account's lock-out, as on the sign-in page, so an unattended open session cannot be used to guess it. Identity
/// gives the account a new security stamp, which ends every other browser's cookie, open dashboard and API token;
/// the caller re-issues the current browser's cookie (<c>POST /account/password</c>).
/// </summary>
public sealed class ChangePassword(UserManager<AppUser> users, SignInManager<AppUser> signIn, IValidator<ChangePasswordRequest> validator)
{
    /// <summary>The user whose password changed, or the refusals keyed by field (camelCase, as the API names them).</summary>
    public async Task<(AppUser? User, IReadOnlyDictionary<string, string[]> Errors)> HandleAsync(ClaimsPrincipal principal, ChangePasswordRequest request,
        CancellationToken ct = default)
    {
        var result = await validator.ValidateAsync(request, ct);
        if (!result.IsValid)
        {
            return (null, result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));
        }

        if (await users.GetUserAsync(principal) is not { } user)
        {
            return (null, Error("currentPassword", "Your session has ended; sign in again."));
        }

        var check = await signIn.CheckPasswordSignInAsync(user, request.CurrentPassword!, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            return (null, Error("currentPassword", check.IsLockedOut ? "Too many wrong passwords. Try again in 15 minutes." : "That is not your current password."));
        }

        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!changed.Succeeded)
        {
            return (null, changed.Errors
                .GroupBy(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "That is not your current password." : e.Description).ToArray()));
        }

        return (user, new Dictionary<string, string[]>());
    }

    static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}
