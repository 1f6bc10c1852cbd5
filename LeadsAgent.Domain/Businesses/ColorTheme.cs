namespace LeadsAgent.Domain.Businesses;

/// <summary>The widget's colours as CSS hex values.</summary>
public sealed record ColorTheme(string Primary, string Secondary)
{
    public static ColorTheme Default { get; } = new("#0ea5e9", "#64748b");
}
