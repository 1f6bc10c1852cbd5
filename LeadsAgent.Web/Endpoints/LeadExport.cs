using System.Globalization;
using System.Text;
using LeadsAgent.Web.Application.Leads;

namespace LeadsAgent.Web.Endpoints;

/// <summary>
/// The filtered leads as a CSV file (RFC 4180; cells that spreadsheets would run as formulas are defused): the same
/// <see cref="LeadFilter"/> and query as the leads page, so the file holds exactly what the owner sees filtered.
/// </summary>
public static class LeadExport
{
    public static void MapLeadExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/leads/export.csv", async (string? status, string? priority, string? channel, string? from, string? to, string? sort, string? search,
            LeadQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            var criteria = await queries.CriteriaAsync(new LeadFilter(status, priority, channel, from, to, sort, search), ct);
            var leads = await queries.ListAsync(criteria, 10_000, ct);
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
