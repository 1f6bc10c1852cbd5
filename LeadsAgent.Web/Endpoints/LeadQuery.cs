using System.Globalization;
using System.Text;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Endpoints;

/// <summary>The owner's lead filters, shared by the leads page and its CSV export. Unparseable values are ignored.</summary>
public sealed record LeadFilter(string? Status, string? Priority, string? Channel, string? From, string? To, string? Sort)
{
    public IQueryable<Lead> Apply(LeadsDbContext db)
    {
        var query = db.Leads.AsNoTracking();
        if (Enum.TryParse<LeadStatus>(Status, true, out var s) && Enum.IsDefined(s))
        {
            query = query.Where(l => l.Status == s);
        }

        if (Enum.TryParse<LeadPriority>(Priority, true, out var p) && Enum.IsDefined(p))
        {
            query = query.Where(l => l.Priority == p);
        }

        if (Enum.TryParse<Channel>(Channel, true, out var c) && Enum.IsDefined(c))
        {
            query = query.Where(l => l.Channel == c);
        }

        if (DateOnly.TryParse(From, CultureInfo.InvariantCulture, out var from))
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(l => l.CreatedAt >= start);
        }

        if (DateOnly.TryParse(To, CultureInfo.InvariantCulture, out var to))
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(l => l.CreatedAt < end);
        }

        return Sort switch
        {
            "oldest" => query.OrderBy(l => l.CreatedAt),
            // Priority is stored as text; rank it in SQL so URGENT comes first.
            "priority" => query.OrderByDescending(l => l.Priority == LeadPriority.URGENT ? 3 : l.Priority == LeadPriority.HIGH ? 2 : l.Priority == LeadPriority.NORMAL ? 1 : 0)
                .ThenByDescending(l => l.CreatedAt),
            _ => query.OrderByDescending(l => l.CreatedAt),
        };
    }

    public string QueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("status", Status);
        Add("priority", Priority);
        Add("channel", Channel);
        Add("from", From);
        Add("to", To);
        Add("sort", Sort);
        Add("page", page?.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

/// <summary>The filtered leads as a CSV file (RFC 4180; cells that spreadsheets would run as formulas are defused).</summary>
public static class LeadExport
{
    public static void MapLeadExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/leads/export.csv", async (string? status, string? priority, string? channel, string? from, string? to, string? sort, LeadsDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var leads = await new LeadFilter(status, priority, channel, from, to, sort).Apply(db).Take(10_000).ToListAsync(ct);
            var csv = new StringBuilder("created_at,priority,status,channel,name,phone,email,address,notes,emergency_reasons\r\n");
            foreach (var l in leads)
            {
                csv.AppendJoin(',', new[]
                {
                    l.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), l.Priority.ToString(), l.Status.ToString(), l.Channel.ToString(),
                    l.ContactName, l.ContactPhone, l.ContactEmail, l.Address, l.Notes, string.Join("; ", l.EmergencyReasons.Select(r => r.Phrase)),
                }.Select(Cell)).Append("\r\n");
            }

            return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv",
                $"leads-{clock.GetUtcNow():yyyyMMdd}.csv");
        }).RequireAuthorization(AuthPolicies.Owner);

    public static string Cell(string? value)
    {
        var v = value ?? "";
        // A leading = + - @ makes spreadsheets run the cell as a formula; a phone number (+ and digits) cannot be one.
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !(v[0] == '+' && v.Length > 1 && v[1..].All(char.IsAsciiDigit)))
        {
            v = "'" + v;
        }

        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}
