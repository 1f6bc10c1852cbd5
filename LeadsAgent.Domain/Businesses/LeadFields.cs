namespace LeadsAgent.Domain.Businesses;

/// <summary>The lead contact fields a question's answer can be copied into.</summary>
public static class LeadFields
{
    public const string ContactName = "contactName";
    public const string ContactPhone = "contactPhone";
    public const string ContactEmail = "contactEmail";
    public const string Address = "address";
    public const string Notes = "notes";

    public static IReadOnlyList<string> All { get; } = [ContactName, ContactPhone, ContactEmail, Address, Notes];

    public static bool IsKnown(string? field) => field is not null && All.Contains(field);
}
