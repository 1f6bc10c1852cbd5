using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Infrastructure.Knowledge;

namespace LeadsAgent.Tests.Unit;

public class KnowledgeTextTests
{
    [Fact]
    public void Split_KeepsTheHeadingPathWithEachPassage()
    {
        var chunks = Chunker.Split("Prices", "Intro line.\n\n# Water heaters\nTank units cost $1,450.\n\n## Tankless\nFrom $2,900.\n\n# Drains\nFrom $149.");
        Assert.Equal(["Prices", "Prices > Water heaters", "Prices > Water heaters > Tankless", "Prices > Drains"], chunks.Select(c => c.HeadingPath));
        Assert.Equal("From $2,900.", chunks[2].Content);
        Assert.Equal([0, 1, 2, 3], chunks.Select(c => c.Ordinal));
    }

    [Fact]
    public void Split_LongText_IntoOverlappingPassagesOfAFewHundredWords()
    {
        var sentences = Enumerable.Range(1, 120).Select(i => $"Sentence number {i} says something useful about plumbing.");
        var chunks = Chunker.Split("Long", string.Join(' ', sentences));
        Assert.True(chunks.Count >= 3);
        Assert.All(chunks, c => Assert.InRange(c.Content.Split(' ').Length, 20, Chunker.TargetWords + 20));
        // The end of one passage starts the next.
        var lastOfFirst = chunks[0].Content.Split(". ").Last().TrimEnd('.');
        Assert.Contains(lastOfFirst, chunks[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_StripsMarkdownMarks()
    {
        var chunk = Assert.Single(Chunker.Split("T", "- **Bold** item\n- `code` item"));
        Assert.Equal("Bold item code item", chunk.Content);
    }

    [Fact]
    public void Split_KeepsPunctuationAgainstEmphasis()
    {
        var chunk = Assert.Single(Chunker.Split("Hours", "Monday to Friday, **8am to 6pm**. Call-out fee: *$89*, waived."));
        Assert.Equal("Monday to Friday, 8am to 6pm. Call-out fee: $89, waived.", chunk.Content);
    }

    [Fact]
    public void HashingEmbedder_IsDeterministic_Normalised_AndToleratesTypos()
    {
        var heater = HashingEmbedder.Embed("How much does a new water heater cost?");
        Assert.Equal(heater, HashingEmbedder.Embed("How much does a new water heater cost?"));
        Assert.Equal(1.0, Math.Sqrt(heater.Sum(v => v * v)), 3);
        var typo = HashingEmbedder.Embed("how much is a new watr heatr");
        var unrelated = HashingEmbedder.Embed("are you licensed and insured");
        Assert.True(Dot(heater, typo) > Dot(heater, unrelated) + 0.1);
    }

    static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    [Fact]
    public void Csv_ReadsQuotedFieldsWithCommasQuotesAndNewlines()
    {
        var rows = Csv.Read("question,answer\n\"Hours?\",\"Mon-Fri, 7-6\"\n\"Say \"\"hi\"\"\",\"line one\nline two\"\n").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["Hours?", "Mon-Fri, 7-6"], rows[1]);
        Assert.Equal(["Say \"hi\"", "line one\nline two"], rows[2]);
        Assert.Throws<FormatException>(() => Csv.Read("\"unclosed").ToList());
    }
}

public class CsvCellTests
{
    [Theory]
    [InlineData("Jane", "Jane")]
    [InlineData("+15551234567", "+15551234567")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("a,b", "\"a,b\"")]
    public void Cell_QuotesAndDefusesFormulas(string value, string expected) =>
        Assert.Equal(expected, LeadsAgent.Web.Endpoints.LeadExport.Cell(value));
}
