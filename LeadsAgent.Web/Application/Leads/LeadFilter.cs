using System.Globalization;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Web.Application.Display;

namespace LeadsAgent.Web.Application.Leads;

/// <summary>How a lead list is ordered.</summary>
public enum LeadSort
{
    Newest,
    Oldest,
    MostUrgent,
    LeastUrgent,
    Name,
    NameDescending,
    Status,
    StatusDescending,
}

/// <summary>
/// What the leads query understands, in exact terms: codes, instants (from inclusive, before exclusive) and words
/// to search for in the name, phone, email and address.
/// </summary>
public sealed record LeadCriteria(
    LeadStatus? Status = null,
    LeadPriority? Priority = null,
    Channel? Channel = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Before = null,
    string? Search = null,
    LeadSort Sort = LeadSort.Newest);

/// <summary>
/// The owner's lead filters as the leads page, its address bar and the CSV export carry them: text values, the
/// dates as the business's local days ("from" and "to" both included). Unparseable values are ignored.
/// </summary>
public sealed record LeadFilter(string? Status, string? Priority, string? Channel, string? From, string? To, string? Sort, string? Search = null)
{
    public static readonly LeadFilter None = new(null, null, null, null, null, null);

    public static readonly IReadOnlyDictionary<string, LeadSort> SortNames = new Dictionary<string, LeadSort>(StringComparer.OrdinalIgnoreCase)
    {
        ["newest"] = LeadSort.Newest,
        ["oldest"] = LeadSort.Oldest,
        ["priority"] = LeadSort.MostUrgent,
        ["priority_low"] = LeadSort.LeastUrgent,
        ["name"] = LeadSort.Name,
        ["name_desc"] = LeadSort.NameDescending,
        ["status"] = LeadSort.Status,
        ["status_desc"] = LeadSort.StatusDescending,
    };

    public static string SortName(LeadSort sort) => SortNames.First(s => s.Value == sort).Key;

    public LeadSort SortOrder => Sort is not null && SortNames.TryGetValue(Sort, out var s) ? s : LeadSort.Newest;

    public DateOnly? FromDay => DateOnly.TryParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public DateOnly? ToDay => DateOnly.TryParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The exact criteria: the local days turned into instants at the business's midnights.</summary>
    public LeadCriteria ToCriteria(BusinessClock clock) => new(
        Parse<LeadStatus>(Status),
        Parse<LeadPriority>(Priority),
        Parse<Channel>(Channel),
        FromDay is { } from ? clock.StartOfDay(from.ToDateTime(TimeOnly.MinValue)).ToUniversalTime() : null,
        ToDay is { } to ? clock.StartOfDay(to.AddDays(1).ToDateTime(TimeOnly.MinValue)).ToUniversalTime() : null,
        string.IsNullOrWhiteSpace(Search) ? null : Search.Trim() is { Length: > 200 } tooLong ? tooLong[..200] : Search.Trim(),
        SortOrder);

    static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;

    /// <summary>"?status=NEW&amp;search=jane" (empty when nothing is filtered), for the page's address and the export link.</summary>
    public string QueryString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }
        }

        Add("status", Status);
        Add("priority", Priority);
        Add("channel", Channel);
        Add("from", From);
        Add("to", To);
        Add("search", Search);
        Add("sort", Sort is null || SortOrder == LeadSort.Newest ? null : Sort);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
