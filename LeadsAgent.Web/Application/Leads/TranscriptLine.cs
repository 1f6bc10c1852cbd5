namespace LeadsAgent.Web.Application.Leads;

/// <summary>One turn of a lead's conversation: who spoke (the customer or the agent) and what they said.</summary>
public sealed record TranscriptLine(bool FromCustomer, string Speaker, string Text)
{
    /// <summary>
    /// Splits a stored transcript ("Caller: ...", "Visitor: ...", "Agent: ..." lines) into turns; a line without a
    /// speaker continues the turn before it.
    /// </summary>
    public static IReadOnlyList<TranscriptLine> Parse(string? transcript, bool phone)
    {
        var lines = new List<TranscriptLine>();
        foreach (var raw in (transcript ?? "").Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var speaker = colon > 0 ? line[..colon].Trim().ToLowerInvariant() : "";
            if (speaker is "caller" or "visitor" or "customer" or "user")
            {
                lines.Add(new(true, phone ? "Caller" : "Visitor", line[(colon + 1)..].Trim()));
            }
            else if (speaker is "agent" or "assistant" or "bot")
            {
                lines.Add(new(false, "Your agent", line[(colon + 1)..].Trim()));
            }
            else if (lines.Count > 0)
            {
                lines[^1] = lines[^1] with { Text = lines[^1].Text + "\n" + line };
            }
            else
            {
                lines.Add(new(true, phone ? "Caller" : "Visitor", line));
            }
        }

        return lines;
    }
}
