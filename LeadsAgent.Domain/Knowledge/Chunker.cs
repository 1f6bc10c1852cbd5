using System.Text;
using System.Text.RegularExpressions;

namespace LeadsAgent.Domain.Knowledge;

/// <summary>A passage cut from a document, with the title and headings it sits under.</summary>
public sealed record Chunk(int Ordinal, string HeadingPath, string Content);

/// <summary>
/// Cuts a document (plain text or Markdown) into passages by headings and paragraphs, each a few hundred words at
/// most, overlapping by the previous passage's last sentences so an answer split across a boundary is still found.
/// </summary>
public static partial class Chunker
{
    public const int TargetWords = 220;
    public const int OverlapWords = 40;

    public static IReadOnlyList<Chunk> Split(string title, string content)
    {
        var chunks = new List<Chunk>();
        var headings = new List<(int Level, string Text)>();
        var section = new List<string>();

        void FlushSection()
        {
            if (section.Count > 0)
            {
                var path = string.Join(" > ", new[] { title }.Concat(headings.Select(h => h.Text)));
                Pack(path, section, chunks);
                section.Clear();
            }
        }

        foreach (var block in Blocks(content))
        {
            var heading = Heading().Match(block);
            if (heading.Success)
            {
                FlushSection();
                var level = heading.Groups[1].Value.Length;
                headings.RemoveAll(h => h.Level >= level);
                headings.Add((level, heading.Groups[2].Value.Trim().TrimEnd('#').Trim()));
                continue;
            }

            section.Add(block);
        }

        FlushSection();
        return [.. chunks.Select((c, i) => c with { Ordinal = i })];
    }

    /// <summary>Paragraphs (blank-line separated) with Markdown list and emphasis marks removed.</summary>
    static IEnumerable<string> Blocks(string content)
    {
        foreach (var raw in ParagraphBreak().Split(content.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            var lines = raw.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            // A heading line inside a paragraph starts its own block.
            var current = new List<string>();
            foreach (var line in lines)
            {
                if (Heading().IsMatch(line))
                {
                    if (current.Count > 0)
                    {
                        yield return Plain(string.Join(' ', current));
                        current.Clear();
                    }

                    yield return line.Trim();
                }
                else
                {
                    current.Add(line.Trim());
                }
            }

            if (current.Count > 0)
            {
                yield return Plain(string.Join(' ', current));
            }
        }
    }

    // A list marker stands between words (a space); an emphasis mark sits against one ("**8am to 6pm**." keeps its full stop close).
    static string Plain(string text) => Spaces().Replace(MarkdownMarks().Replace(text, m => m.Groups[2].Success ? " " : ""), " ").Trim();

    static void Pack(string path, List<string> paragraphs, List<Chunk> chunks)
    {
        var sentences = paragraphs.SelectMany(p => SentenceSplit().Split(p)).Where(s => s.Length > 0).ToList();
        var current = new List<string>();
        var words = 0;
        foreach (var sentence in sentences)
        {
            var count = WordCount(sentence);
            if (words > 0 && words + count > TargetWords)
            {
                chunks.Add(new Chunk(0, path, string.Join(' ', current)));
                // Carry the last sentences over so neighbouring passages overlap.
                var overlap = new List<string>();
                var overlapWords = 0;
                for (var i = current.Count - 1; i >= 0 && overlapWords < OverlapWords; i--)
                {
                    overlap.Insert(0, current[i]);
                    overlapWords += WordCount(current[i]);
                }

                current = overlapWords >= words ? [] : overlap;
                words = current.Sum(WordCount);
            }

            current.Add(sentence);
            words += count;
        }

        if (current.Count > 0)
        {
            chunks.Add(new Chunk(0, path, string.Join(' ', current)));
        }
    }

    static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"^(#{1,6})\s+(.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"(^|\s)([-*+]|\d+\.)\s+|\*\*|__|`|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)")]
    private static partial Regex MarkdownMarks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceSplit();
}
