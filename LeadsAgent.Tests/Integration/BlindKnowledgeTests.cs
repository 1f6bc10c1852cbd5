using System.Text.Json;
using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Tests.Support;

namespace LeadsAgent.Tests.Integration;

/// <summary>
/// The blind knowledge set (Blind/knowledge-blind: kb.json, a plumbing and heating company's knowledge base, and
/// questions.tsv, written by a session that had not read the engine): the knowledge base goes in through the real
/// ingestion path into a fresh business on PostgreSQL, each question goes through the engine without a model, and the
/// reply is scored. An answerable question is right when the reply quotes its expected entry; a NONE question when the
/// reply quotes no entry at all (the honest "I don't know"). Written after the rules were frozen and before the
/// questions were read (only the file's comment header and the knowledge base's shape were looked at); the numbers of
/// its one first run are in Blind/KNOWLEDGE-FIRST-LOOK.md. It reports; it asserts only that the set loaded.
/// </summary>
public class BlindKnowledgeTests(PlatformFixture fx, ITestOutputHelper output) : IClassFixture<PlatformFixture>
{
    const string None = "NONE";

    sealed record BlindQuestion(string Question, string? Expected, string Family);

    static string Folder => Path.Combine(AppContext.BaseDirectory, "Blind", "knowledge-blind");

    /// <summary>
    /// A tab-separated row holds the question, the expected entry's title (or NONE) and possibly a family. The columns
    /// are found per row rather than assumed: the expected one is the field that is NONE or a title of the knowledge
    /// base, the question the first other field that reads as a sentence, anything else the family.
    /// </summary>
    static (List<BlindQuestion> Questions, List<string> Unparsed) Read(IReadOnlyCollection<string> titles)
    {
        var questions = new List<BlindQuestion>();
        var unparsed = new List<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, "questions.tsv")).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')))
        {
            var fields = line.Split('\t').Select(f => f.Trim()).ToList();
            var expected = fields.FindIndex(f => f == None || titles.Contains(f, StringComparer.OrdinalIgnoreCase));
            var others = fields.Select((f, i) => (Field: f, Index: i)).Where(x => x.Index != expected && x.Field.Length > 0).ToList();
            var question = others.FirstOrDefault(x => x.Field.Contains(' ', StringComparison.Ordinal) || x.Field.Contains('?', StringComparison.Ordinal));
            if (expected < 0 || question.Field is null)
            {
                unparsed.Add(line);
                continue;
            }

            var title = fields[expected] == None ? null : titles.First(t => t.Equals(fields[expected], StringComparison.OrdinalIgnoreCase));
            var family = string.Join(" ", others.Where(x => x.Index != question.Index).Select(x => x.Field));
            questions.Add(new BlindQuestion(question.Field, title, family.Length > 0 ? family : title is null ? "off-topic" : "answerable"));
        }

        return (questions, unparsed);
    }

    [Fact]
    public async Task The_blind_knowledge_set_is_scored_through_the_engine_and_reported()
    {
        var ct = TestContext.Current.CancellationToken;
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "kb.json")));
        var entries = KnowledgeImporter.FromJson(json.RootElement);
        var (questions, unparsed) = Read([.. entries.Select(e => e.Title)]);
        output.WriteLine($"blind knowledge set: {entries.Count} entries, {questions.Count} questions ({questions.Count(q => q.Expected is null)} off-topic), {unparsed.Count} rows not understood");

        // Sanity only, before anything is scored: the set loaded as the scorer understands it.
        Assert.True(unparsed.Count == 0, $"{unparsed.Count} rows not understood");
        Assert.True(questions.Count >= 40, $"{questions.Count} questions");
        Assert.True(questions.Count(q => q.Expected is null) >= 8, "at least 8 off-topic questions");

        var kb = await KnowledgeScoring.LoadAsync(fx, "PLUMBING", entries, ct);
        var scores = new List<KnowledgeAnswerScore>();
        foreach (var q in questions)
        {
            scores.Add(await kb.AskAsync(q.Question, q.Expected, q.Family, ct));
        }

        foreach (var line in KnowledgeScoring.Report("blind knowledge set (engine, no model)", scores))
        {
            output.WriteLine(line);
        }

        var offTopic = scores.Where(s => s.OffTopic).ToList();
        output.WriteLine($"off-topic answered with the explicit \"I'm not sure\": {offTopic.Count(s => s.Reply.Contains("I'm not sure", StringComparison.Ordinal))}/{offTopic.Count}");
        foreach (var s in scores)
        {
            output.WriteLine($"  [{(s.Correct ? "ok" : "MISS")}] {s.Question} => {s.Reply}");
        }
    }
}
