using System.Text;

namespace LeadsAgent.Domain.Engine;

/// <summary>
/// Speaks a model's reply while the model writes it. A piece goes to the listener as soon as it is safe to say: at once,
/// except a word still being written that speech rewrites (a price, a phone number, "&amp;", a tag), which waits for its
/// end so "$1,450" is read "1,450 dollars" as in a whole reply. As for a whole reply on a call, only the first
/// <c>maxSentences</c> sentences are said. A model that stalls longer than <c>gap</c> or fails mid-reply ends the reply
/// where it is; a listener that stops (the caller talked over the agent) ends it at once.
/// </summary>
/// <remarks>
/// Pieces are not held to clause boundaries: Twilio's ConversationRelay takes text token by token and voices it as it
/// comes, and holding a clause would cost a few tokens' time (100-300 ms at 30 tokens a second) before the first word.
/// </remarks>
public static class StreamedReply
{
    /// <summary>Says the reply; returns the part of it that was said (sent), trimmed.</summary>
    public static async Task<string> SpeakAsync(IAsyncEnumerator<string> reply, IReplySink sink, string language, int maxSentences,
        TimeSpan gap, CancellationToken ct)
    {
        var text = new StringBuilder();
        var said = 0;
        var scanned = 0;
        var sentences = 0;
        using var listening = CancellationTokenSource.CreateLinkedTokenSource(ct, sink.Stopped);
        while (!listening.IsCancellationRequested)
        {
            bool more;
            try
            {
                more = await reply.MoveNextAsync().AsTask().WaitAsync(gap, listening.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A model that stalls or fails mid-reply: what was said stands, and the turn goes on with its question.
                more = false;
            }

            if (more)
            {
                text.Append(reply.Current);
            }

            var end = more ? SafeEnd(text, said) : text.Length;
            var full = false;
            for (; scanned < text.Length - 1; scanned++)
            {
                if (IsSentenceEnd(text, scanned) && ++sentences >= maxSentences)
                {
                    (end, full) = (Math.Max(said, scanned + 1), true);
                    break;
                }
            }

            if (end > said)
            {
                await sink.SayAsync(ReplyShaper.SpeakablePiece(text.ToString(said, end - said), language), ct);
                said = end;
            }

            if (full || !more)
            {
                break;
            }
        }

        return text.ToString(0, said).Trim();
    }

    /// <summary>Where the text can be said up to: all of it, or up to the word still being written if speech rewrites it.</summary>
    internal static int SafeEnd(StringBuilder text, int from)
    {
        var open = -1;
        for (var i = from; i < text.Length; i++)
        {
            open = text[i] == '<' ? i : text[i] == '>' ? -1 : open;
        }

        if (open >= 0)
        {
            return open;
        }

        if (text.Length == 0 || char.IsWhiteSpace(text[^1]))
        {
            return text.Length;
        }

        var start = text.Length;
        while (start > from && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        for (var i = start; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]) || text[i] is '$' or '+' or '&')
            {
                return start;
            }
        }

        return text.Length;
    }

    /// <summary>A sentence ends here: ".", "!" or "?" before a space, except in "a.m." and "p.m." (as <see cref="ReplyShaper.FirstSentences"/>).</summary>
    static bool IsSentenceEnd(StringBuilder text, int i) =>
        text[i] is '.' or '!' or '?' && char.IsWhiteSpace(text[i + 1])
        && !(i >= 3 && text[i - 1] == 'm' && text[i - 2] == '.' && text[i - 3] is 'a' or 'p' && (i == 3 || !char.IsLetterOrDigit(text[i - 4])));
}
