using Microsoft.AspNetCore.Identity;

namespace LeadsAgent.Web.Application.Account;

/// <summary>One of Identity's password rules as the owner reads it, and whether a password keeps it.</summary>
public sealed record PasswordRule(string Text, string Missing, Func<string, bool> IsMet);

/// <summary>
/// Identity's configured password rules (<see cref="PasswordOptions"/>) in words, so the account page can tick
/// them off while the owner types and the change refuses exactly what Identity would.
/// </summary>
public static class PasswordRules
{
    public static IReadOnlyList<PasswordRule> From(PasswordOptions o)
    {
        var rules = new List<PasswordRule>
        {
            new($"At least {o.RequiredLength} characters", $"The new password needs at least {o.RequiredLength} characters.", p => p.Length >= o.RequiredLength),
        };
        if (o.RequiredUniqueChars > 1)
        {
            rules.Add(new($"At least {o.RequiredUniqueChars} different characters", $"The new password needs at least {o.RequiredUniqueChars} different characters.",
                p => p.Distinct().Count() >= o.RequiredUniqueChars));
        }

        if (o.RequireDigit)
        {
            rules.Add(new("A digit (0-9)", "The new password needs a digit (0-9).", p => p.Any(char.IsAsciiDigit)));
        }

        if (o.RequireLowercase)
        {
            rules.Add(new("A lowercase letter", "The new password needs a lowercase letter.", p => p.Any(char.IsAsciiLetterLower)));
        }

        if (o.RequireUppercase)
        {
            rules.Add(new("A capital letter", "The new password needs a capital letter.", p => p.Any(char.IsAsciiLetterUpper)));
        }

        if (o.RequireNonAlphanumeric)
        {
            rules.Add(new("A symbol, like ! or #", "The new password needs a symbol, like ! or #.", p => p.Any(c => !char.IsLetterOrDigit(c))));
        }

        return rules;
    }
}
