namespace LeadsAgent.Domain.Engine;

/// <summary>
/// Cuts a reply into the pieces a streaming voice can start speaking early: after a sentence or clause mark followed
/// by a space (". ", "! ", "? ", ", ", "; ", ": "). Joined back, the pieces are the text unchanged.
/// </summary>
public static class ClauseSplitter
{
    /// <summary>Pieces shorter than this stay with the next one: "Yes," alone would sound clipped.</summary>
    public const int MinimumLength = 12;

    public static IReadOnlyList<string> Split(string text)
    {
        var pieces = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (IsBoundary(text, i) && i + 1 - start >= MinimumLength)
            {
                pieces.Add(text[start..(i + 2)]);
                start = i + 2;
            }
        }

        if (start < text.Length)
        {
            pieces.Add(text[start..]);
        }

        return pieces.Count == 0 ? [text] : pieces;
    }

    /// <summary>The end of a clause in text that arrives piece by piece: the index just past the last boundary, or -1.</summary>
    public static int LastBoundary(string text, int from = 0)
    {
        for (var i = text.Length - 2; i >= from; i--)
        {
            if (IsBoundary(text, i))
            {
                return i + 2;
            }
        }

        return -1;
    }

    static bool IsBoundary(string text, int i) => text[i] is '.' or '!' or '?' or ',' or ';' or ':' && text[i + 1] == ' ';
}
