using System.Diagnostics;
using System.Text;
using LeadsAgent.Domain.Engine;

namespace LeadsAgent.Web.Voice;

/// <summary>
/// A streaming call's reply going out as ConversationRelay text tokens: each piece the engine gives is sent at once
/// (our own sentences clause by clause), the rest of the turn after the engine's decision, the last piece marked last,
/// and nothing more once the caller talks over the agent. The relay socket sends the tokens to Twilio; the call
/// simulator shows them to the owner.
/// </summary>
public sealed class RelaySink(Func<string, bool, CancellationToken, Task> send, CancellationToken stopped) : IReplySink
{
    readonly StringBuilder _said = new();

    public CancellationToken Stopped => stopped;

    /// <summary>When the turn's first text left (a Stopwatch timestamp; 0 before), for the benchmark.</summary>
    public long FirstAt { get; private set; }

    /// <summary>The text sent so far: what the caller has been given to hear.</summary>
    public string Said => _said.ToString();

    public async Task SayAsync(string text, CancellationToken ct)
    {
        foreach (var clause in ClauseSplitter.Split(text))
        {
            await SendAsync(clause, last: false);
        }
    }

    /// <summary>The rest of the turn's reply, clause by clause, the last piece marked last; false once the caller interrupted.</summary>
    public async Task<bool> FinishAsync(string rest)
    {
        var clauses = string.IsNullOrWhiteSpace(rest) ? [""] : ClauseSplitter.Split(rest);
        for (var i = 0; i < clauses.Count; i++)
        {
            if (!await SendAsync(clauses[i], i == clauses.Count - 1))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sends one text token; false when the caller interrupted (and nothing is sent).</summary>
    async Task<bool> SendAsync(string token, bool last)
    {
        if (stopped.IsCancellationRequested || token.Length == 0 && !last)
        {
            return !stopped.IsCancellationRequested;
        }

        try
        {
            await send(token, last, stopped);
        }
        catch (OperationCanceledException) when (stopped.IsCancellationRequested)
        {
            return false;
        }

        _said.Append(token);
        if (FirstAt == 0)
        {
            FirstAt = Stopwatch.GetTimestamp();
        }

        return true;
    }
}
