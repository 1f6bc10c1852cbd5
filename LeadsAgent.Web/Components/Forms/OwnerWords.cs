using System.Text.RegularExpressions;
using FluentValidation.Results;

namespace LeadsAgent.Web.Components.Forms;

/// <summary>
/// The API's validation messages name fields as the JSON does ("'welcomeMessage' must not be empty."); a form
/// shows the same rule with the label the owner sees ("Welcome message can't be empty.").
/// </summary>
public static partial class OwnerWords
{
    public static string Rewrite(ValidationFailure error, string label)
    {
        var values = error.FormattedMessagePlaceholderValues;
        switch (error.ErrorCode)
        {
            case "MaximumLengthValidator" when values is not null && values.TryGetValue("MaxLength", out var max) && values.TryGetValue("TotalLength", out var total):
                return $"{label} can be at most {max:N0} characters; it has {total:N0}.";
            case "NotNullValidator" or "NotEmptyValidator":
                return $"{label} is needed.";
        }

        var message = error.ErrorMessage;
        if (message.EndsWith("must not be empty.", StringComparison.Ordinal) && Quoted().IsMatch(message))
        {
            return $"{label} can't be empty.";
        }

        // "'colorTheme.primary' must be ..." → "Main colour must be ..."; "Each of 'x' must ..." → "Each of main colour ..."
        var at = Quoted().Match(message);
        if (!at.Success)
        {
            return message;
        }

        var name = at.Index == 0 ? label : Lower(label);
        return message[..at.Index] + name + message[(at.Index + at.Length)..];
    }

    /// <summary>"WelcomeMessage" → "Welcome message".</summary>
    public static string Humanize(string property)
    {
        var words = Capitals().Replace(property, " $1").Trim();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..].ToLowerInvariant();
    }

    static string Lower(string label) => label.Length > 1 && char.IsUpper(label[1]) ? label : char.ToLowerInvariant(label[0]) + label[1..];

    [GeneratedRegex("'[^']+'")]
    private static partial Regex Quoted();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex Capitals();
}
