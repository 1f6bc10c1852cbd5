using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;

namespace LeadsAgent.Web.Components.Forms;

/// <summary>
/// Runs the API's FluentValidation validator for a dashboard form, so a form and the JSON API refuse exactly the
/// same input, and says what is wrong in the owner's words (the field's label, not the API's property name).
/// A form is a mutable model the Mud fields bind to; <c>toRequest</c> turns it into the request the API takes.
/// Form properties map to request properties by name (PascalCase to the API's camelCase) unless
/// <see cref="Map"/> says otherwise; a request property with no form field shows its errors on <see cref="Unplaced"/>.
/// </summary>
public sealed partial class FormRules<TForm, TRequest>(IValidator<TRequest> validator, Func<TForm, TRequest> toRequest)
    where TForm : class
{
    readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> _map = new(StringComparer.Ordinal);

    /// <summary>The owner's name for a form field ("Welcome message"), keyed by the form property.</summary>
    public FormRules<TForm, TRequest> Label(string formProperty, string label)
    {
        _labels[formProperty] = label;
        return this;
    }

    /// <summary>A form property that fills a differently named request property ("Primary" → "colorTheme.primary").</summary>
    public FormRules<TForm, TRequest> Map(string formProperty, string requestProperty, string? label = null)
    {
        _map[formProperty] = requestProperty;
        if (label is not null)
        {
            _labels[formProperty] = label;
        }

        return this;
    }

    /// <summary>MudForm's <c>Validation</c>: called with the form model and the bound property's name.</summary>
    public Func<object, string, Task<IEnumerable<string>>> Field => async (model, property) =>
        (await ValidateAsync((TForm)model)).TryGetValue(property, out var errors) ? errors : [];

    /// <summary>Every error of the form, keyed by form property (or <c>""</c> for errors no field shows).</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(TForm form, CancellationToken ct = default)
    {
        var result = await validator.ValidateAsync(toRequest(form), ct);
        return result.Errors
            .GroupBy(e => FormPropertyOf(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => InOwnersWords(e, LabelOf(g.Key))).Distinct().ToArray());
    }

    /// <summary>The errors no field shows (a request rule about several fields).</summary>
    public const string Unplaced = "";

    string FormPropertyOf(string requestProperty)
    {
        var bare = Indexer().Replace(requestProperty, "");
        foreach (var (form, request) in _map)
        {
            if (string.Equals(request, bare, StringComparison.OrdinalIgnoreCase))
            {
                return form;
            }
        }

        var pascal = bare.Length == 0 ? bare : char.ToUpperInvariant(bare[0]) + bare[1..];
        return typeof(TForm).GetProperty(pascal) is not null ? pascal : Unplaced;
    }

    string LabelOf(string formProperty) =>
        _labels.TryGetValue(formProperty, out var label) ? label : OwnerWords.Humanize(formProperty);

    static string InOwnersWords(ValidationFailure error, string label) => OwnerWords.Rewrite(error, label);

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Indexer();
}
