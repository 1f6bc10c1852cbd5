using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LeadsAgent.Web.Components.Pages.Knowledge;

public partial class KnowledgeMarkdown
{
    // CommonMark without raw HTML (it comes out escaped): what an owner pastes never becomes markup of the dashboard.
    static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>Safe HTML for Markdown: no raw HTML, no images, and links only to web pages, email and phone numbers.</summary>
    public static string Html(string markdown)
    {
        var document = Markdown.Parse(markdown, s_pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            // An image from anywhere would load from a third party inside the dashboard; it shows as a link instead.
            link.IsImage = false;
            link.Url = SafeUrl(link.Url);
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            link.Url = SafeUrl(link.Url) ?? "";
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        s_pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    // javascript:, data: and the like are dropped: the link keeps its words and loses its address.
    static string? SafeUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" or "tel" ? uri.AbsoluteUri : null;
}
