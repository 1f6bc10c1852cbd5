using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LeadsAgent.Domain.Text;

/// <summary>
/// Puts chat text and speech transcripts in one form for matching: lower case, no accents, contractions
/// expanded ("isn't" becomes "is not"), fillers dropped, and clause breaks kept as " | ".
/// </summary>
public static partial class TextNormalizer
{
    public const string ClauseBreak = "|";

    public static string Normalize(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var s = RemoveDiacritics(text.ToLowerInvariant()).Replace('’', '\'').Replace('‘', '\'').Replace('`', '\'');
        s = Contractions().Replace(s, m => m.Groups[1].Value switch
        {
            "won" => "will not",
            "can" => "can not",
            "ain" => "is not",
            "shan" => "shall not",
            var stem => stem[..^1] + " not", // "isn" + "'t" is "is not", "doesn" + "'t" is "does not"
        });
        s = IAm().Replace(s, "i am");
        s = Is().Replace(s, "$1 is");
        s = Are().Replace(s, " are");
        s = Have().Replace(s, " have");
        s = Will().Replace(s, " will");
        s = Would().Replace(s, " would");
        s = Fillers().Replace(s, " ");
        s = ClauseMarks().Replace(s, " | ");
        s = Conjunctions().Replace(s, " | ");
        s = Punctuation().Replace(s, " ");
        return Spaces().Replace(s, " ").Trim(' ', '|');
    }

    public static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"\b(won|can|ain|shan|isn|aren|wasn|weren|don|doesn|didn|haven|hasn|hadn|wouldn|couldn|shouldn|mustn)'?t\b")]
    private static partial Regex Contractions();

    [GeneratedRegex(@"\bi'm\b")]
    private static partial Regex IAm();

    [GeneratedRegex(@"\b(it|there|that|what|he|she|here|who|where|how)'s\b")]
    private static partial Regex Is();

    [GeneratedRegex(@"'re\b")]
    private static partial Regex Are();

    [GeneratedRegex(@"'ve\b")]
    private static partial Regex Have();

    [GeneratedRegex(@"'ll\b")]
    private static partial Regex Will();

    [GeneratedRegex(@"'d\b")]
    private static partial Regex Would();

    [GeneratedRegex(@"\b(um+|uh+|erm+|er|hmm+|uhm+|ah+|you know|i mean)\b")]
    private static partial Regex Fillers();

    [GeneratedRegex(@"[.!?;:]+|,|\s-\s|\(|\)")]
    private static partial Regex ClauseMarks();

    // Contrast words start a new clause: "it was flooding but it is fine now".
    [GeneratedRegex(@"\s(but|however|although|though|because|since|pero|aunque|porque)\s")]
    private static partial Regex Conjunctions();

    [GeneratedRegex(@"[^\p{L}\p{N}\s|$'/]")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
