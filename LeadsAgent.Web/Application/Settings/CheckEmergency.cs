using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Settings;

/// <summary>
/// The "is this an emergency?" check: the priority the agent would give a phrase, and why. The settings page passes
/// the extra emergency words being edited, so the owner tries them before saving; the API uses the saved ones.
/// </summary>
public sealed class CheckEmergency(CurrentBusiness current, IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<TriageResult> HandleAsync(string text, IReadOnlyList<string>? extraWords = null, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var config = await db.AgentConfigs.AsNoTracking().SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Agent configuration");
        if (extraWords is not null)
        {
            // A detached copy: the words are only tried, never saved here.
            config.ExtraEmergencyKeywords = [.. extraWords.Select(w => w.Trim().ToLowerInvariant()).Where(w => w.Length > 0).Distinct()];
        }

        var phrase = text.Length > ConversationEngine.MaxMessageLength ? text[..ConversationEngine.MaxMessageLength] : text;
        return ConversationEngine.Audit(phrase, business, config);
    }
}
