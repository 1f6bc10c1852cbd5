using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Net;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Knowledge;

/// <summary>Turns question/answer files (CSV, JSON) and web pages into knowledge entries; nothing is stored here.</summary>
public sealed class KnowledgeImporter(IHttpClientFactory httpFactory, IOptions<KnowledgeOptions> options, OutboundTargetGuard guard)
{
    public const string HttpClientName = "knowledge-import";

    const int MaxRedirects = 3;

    /// <summary>CSV with a question and an answer per row; a header row (question,answer) is optional.</summary>
    public static IReadOnlyList<KnowledgeEntry> FromCsv(string csv) => ReadCsv(csv).EntriesOrThrow("csv");

    /// <summary>JSON: an array of {question, answer} or {title, content} objects.</summary>
    public static IReadOnlyList<KnowledgeEntry> FromJson(JsonElement root) => ReadJson(root).EntriesOrThrow("body");

    /// <summary>A CSV file read row by row, every row's problem named, nothing refused yet (the dashboard's preview).</summary>
    public static ImportFile ReadCsv(string csv)
    {
        var rows = new List<ImportRow>();
        var row = 0;
        try
        {
            foreach (var fields in Csv.Read(csv))
            {
                row++;
                var question = fields.Count > 0 ? fields[0] : "";
                var answer = fields.Count > 1 ? fields[1] : "";
                if (row == 1 && question.Equals("question", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (question.Length == 0 && answer.Length == 0)
                {
                    continue;
                }

                rows.Add(new ImportRow(row, question, answer, CsvRowProblem(row, question, answer, fields.Count)));
            }
        }
        catch (FormatException ex)
        {
            return ImportFile.Checked(KnowledgeSource.CSV, rows, $"The CSV could not be read after row {row}: {ex.Message}.");
        }

        return ImportFile.Checked(KnowledgeSource.CSV, rows, null);
    }

    /// <summary>A JSON file read item by item (see <see cref="ReadJson(JsonElement)"/>); text that is not JSON is the file's problem.</summary>
    public static ImportFile ReadJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return ReadJson(document.RootElement);
        }
        catch (JsonException ex)
        {
            return ImportFile.Checked(KnowledgeSource.JSON, [], $"The file is not valid JSON{(ex.LineNumber is { } line ? $" (a mistake on line {line + 1})" : "")}.");
        }
    }

    public static ImportFile ReadJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return ImportFile.Checked(KnowledgeSource.JSON, [], "Send a JSON array of {\"question\": ..., \"answer\": ...} objects.");
        }

        var rows = new List<ImportRow>();
        var i = 0;
        foreach (var item in root.EnumerateArray())
        {
            i++;
            string? Text(params string[] names) => names.Select(n => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                .FirstOrDefault(v => v is not null);
            var title = Text("question", "title")?.Trim() ?? "";
            var content = Text("answer", "content")?.Trim() ?? "";
            var problem = title.Length == 0 || content.Length == 0
                ? $"Item {i} needs a \"question\" and an \"answer\" (or \"title\" and \"content\") as text."
                : LengthProblem($"Item {i}", title, content);
            rows.Add(new ImportRow(i, title, content, problem));
        }

        return ImportFile.Checked(KnowledgeSource.JSON, rows, null);
    }

    static string? CsvRowProblem(int row, string question, string answer, int fields)
    {
        if (question.Length == 0)
        {
            return $"Row {row} has an answer but no question.";
        }

        if (answer.Length == 0)
        {
            // A spreadsheet saved with semicolons or tabs reads as one long column.
            return fields == 1 && (question.Contains(';') || question.Contains('\t'))
                ? $"Row {row} needs both a question and an answer, separated by a comma (this file seems to use semicolons or tabs; save it as CSV with commas)."
                : $"Row {row} needs both a question and an answer.";
        }

        return LengthProblem($"Row {row}", question, answer);
    }

    static string? LengthProblem(string where, string question, string answer) =>
        question.Length > KnowledgeBase.MaxTitleLength ? $"{where}: the question may be at most {KnowledgeBase.MaxTitleLength} characters; it has {question.Length:N0}."
        : answer.Length > KnowledgeBase.MaxContentLength ? $"{where}: the answer may be at most {KnowledgeBase.MaxContentLength:N0} characters; split it into several entries."
        : null;

    /// <summary>Fetches an HTML page and keeps its readable text, headings as Markdown headings.</summary>
    public async Task<KnowledgeEntry> FromUrlAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IsWebAddress(uri))
        {
            throw new DomainException("Give the full address of a web page, starting with https://.", "url");
        }

        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.FetchTimeoutSeconds));
        string html;
        try
        {
            using var client = httpFactory.CreateClient(HttpClientName);
            using var response = await GetFollowingRedirectsAsync(client, uri, o.AllowPrivateUrls, timeout.Token);
            // Neither message repeats the status or content type: the answer may come from a server we did not mean to reach.
            if (!response.IsSuccessStatusCode)
            {
                throw new DomainException("The page answered with an error; check the address.", "url");
            }

            if (response.Content.Headers.ContentType?.MediaType is not ("text/html" or "application/xhtml+xml"))
            {
                throw new DomainException("That address is not a web page.", "url");
            }

            html = await ReadLimitedAsync(response, o.MaxPageBytes, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new DomainException("The page could not be fetched (no answer, or it took too long).", "url");
        }

        var document = await new HtmlParser().ParseDocumentAsync(html, ct);
        foreach (var noise in document.QuerySelectorAll("script, style, noscript, nav, footer, header, form, svg, iframe, template").ToList())
        {
            noise.Remove();
        }

        var title = document.Title?.Trim() is { Length: > 0 } t ? t : document.QuerySelector("h1")?.TextContent.Trim() ?? uri.Host;
        var text = new StringBuilder();
        foreach (var element in (document.Body ?? document.DocumentElement).QuerySelectorAll("h1, h2, h3, h4, p, li, dt, dd, td, blockquote"))
        {
            if (element.ParentElement?.Closest("p, li, dd, td, blockquote") is not null)
            {
                continue;
            }

            var words = string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (words.Length == 0)
            {
                continue;
            }

            text.AppendLine(element.LocalName switch
            {
                "h1" => "# " + words,
                "h2" => "## " + words,
                "h3" or "h4" => "### " + words,
                _ => words,
            }).AppendLine();
        }

        if (text.Length == 0)
        {
            throw new DomainException("That page has no readable text to learn from.", "url");
        }

        return new KnowledgeEntry(title.Length > KnowledgeBase.MaxTitleLength ? title[..KnowledgeBase.MaxTitleLength] : title,
            text.ToString(), KnowledgeSource.URL, uri.ToString());
    }

    static async Task<string> ReadLimitedAsync(HttpResponseMessage response, int maxBytes, CancellationToken ct)
    {
        var charset = response.Content.Headers.ContentType?.CharSet?.Trim('"', ' ');
        var encoding = string.IsNullOrEmpty(charset) ? Encoding.UTF8 : EncodingNamed(charset)
            ?? throw new DomainException("That page uses a character set we cannot read.", "url");
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new DomainException($"That page is larger than {maxBytes / 1024 / 1024} MB.", "url");
            }
        }

        return encoding.GetString(buffer.ToArray());
    }

    // .NET knows only the Unicode encodings, ASCII and Latin-1 by itself; the code pages provider adds windows-1252 and
    // the other legacy sets pages still declare, without registering it for the whole process.
    static Encoding? EncodingNamed(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name);
        }
    }

    static bool IsWebAddress(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>
    /// GET that follows at most <see cref="MaxRedirects"/> redirects itself: every hop's host is resolved once and
    /// refused if any of its addresses is private, and the connection goes to the checked addresses, so neither a
    /// redirect nor a DNS answer that changes after the check reaches the server's own network.
    /// </summary>
    async Task<HttpResponseMessage> GetFollowingRedirectsAsync(HttpClient client, Uri uri, bool allowPrivate, CancellationToken ct)
    {
        for (var redirects = 0; ; redirects++)
        {
            var addresses = await CheckedAddressesAsync(uri, redirects > 0, allowPrivate, ct);
            using var request = CheckedAddressHandler.Get(uri, addresses);
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.StatusCode is not (HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
                    or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect)
                || response.Headers.Location is not { } location)
            {
                return response;
            }

            response.Dispose();
            if (redirects == MaxRedirects)
            {
                throw new DomainException("That address redirects too many times.", "url");
            }

            uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
            if (!IsWebAddress(uri))
            {
                throw new DomainException("That address redirects to something other than a web page.", "url");
            }
        }
    }

    /// <summary>The one resolution of a hop's host (the same guard as webhooks), refused when any address is private (unless AllowPrivateUrls).</summary>
    async Task<IPAddress[]> CheckedAddressesAsync(Uri uri, bool redirected, bool allowPrivate, CancellationToken ct)
    {
        try
        {
            return await guard.CheckAsync(uri, allowLoopback: false, ct, allowPrivate);
        }
        catch (OutboundTargetRefusedException ex) when (ex.Reason == OutboundRefusal.HostNotFound)
        {
            throw new DomainException(redirected ? "That address redirects to a host name that does not exist." : "That address's host name does not exist.", "url");
        }
        catch (OutboundTargetRefusedException)
        {
            throw new DomainException(redirected
                ? "That address redirects to a private network; only public web pages can be imported."
                : "That address is on a private network; only public web pages can be imported.", "url");
        }
    }
}
