using System.Diagnostics;
using System.Text.RegularExpressions;
using LeadsAgent.Infrastructure.Webhooks;
using LeadsAgent.Tests.E2E;

namespace LeadsAgent.Tests.Unit.Webhooks;

/// <summary>The README text's verification snippets: the C# one is the compiled snippet, and the Node.js and Python ones verify a real signature.</summary>
public partial class WebhookDocsTests
{
    static string Docs() => File.ReadAllText(Path.Combine(BrowserFixture.RepositoryRoot, "README.md"));

    static string Block(string language) => CodeBlock().Matches(Docs()).First(m => m.Groups[1].Value == language).Groups[2].Value;

    [GeneratedRegex(@"```(\w+)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [Fact]
    public void Docs_CSharpSnippet_IsTheCompiledOne()
    {
        var file = File.ReadAllText(Path.Combine(BrowserFixture.RepositoryRoot, "LeadsAgent.Tests", "Integration", "Webhooks", "WebhookSignatureSnippet.cs"));
        var code = file.Split("// snippet-start\n")[1].Split("// snippet-end")[0].Trim();
        Assert.Equal(code, Block("csharp").Trim());
    }

    [Theory]
    [InlineData("js")]
    [InlineData("python")]
    public async Task Docs_Snippet_VerifiesARealSignatureAndRefusesATamperedBody(string language)
    {
        const string secret = "whsec_docs-test-secret";
        const string body = "{\"id\":\"evt_1\",\"type\":\"lead.created\",\"data\":{\"contactName\":\"María\"}}";
        var header = WebhookSignature.Header(secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), body);
        var script = Path.Combine(Path.GetTempPath(), $"la-snippet-{Guid.NewGuid():N}.{(language == "js" ? "js" : "py")}");
        var call = language == "js"
            ? $"\nconst h = process.env.H, b = Buffer.from(process.env.B, 'utf8');\nconsole.log(verifyLeadsAgentSignature(process.env.S, h, b), verifyLeadsAgentSignature(process.env.S, h, Buffer.from(process.env.B + ' ', 'utf8')));\n"
            : "\nimport os\nh, b = os.environ['H'], os.environ['B'].encode()\nprint(verify_leadsagent_signature(os.environ['S'], h, b), verify_leadsagent_signature(os.environ['S'], h, b + b' '))\n";
        await File.WriteAllTextAsync(script, Block(language) + call, TestContext.Current.CancellationToken);
        try
        {
            var start = new ProcessStartInfo(language == "js" ? "node" : "python3", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["S"] = secret;
            start.Environment["H"] = header;
            start.Environment["B"] = body;
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(language == "js" ? "true false" : "True False", output.Trim());
        }
        finally
        {
            File.Delete(script);
        }
    }
}
