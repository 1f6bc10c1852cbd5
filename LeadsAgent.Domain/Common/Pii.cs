namespace LeadsAgent.Domain.Common;

/// <summary>Masks personal data for logs: enough to tell records apart, not enough to contact anyone.</summary>
public static class Pii
{
    public static string MaskPhone(string? phone) =>
        string.IsNullOrEmpty(phone) ? "" : phone.Length <= 4 ? "****" : new string('*', phone.Length - 4) + phone[^4..];

    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "";
        }

        var at = email.IndexOf('@');
        return at <= 0 ? "***" : email[0] + "***" + email[at..];
    }
}
