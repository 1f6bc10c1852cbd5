namespace LeadsAgent.Infrastructure.Summaries;

/// <summary>Owner summaries, the morning digest and call recordings (section "Summaries").</summary>
public sealed class SummaryOptions
{
    public const string Section = "Summaries";
    /// <summary>How often the digest worker looks for businesses whose 7 a.m. has come.</summary>
    public int DigestPollSeconds { get; set; } = 60;
    /// <summary>A recorded call's summary waits this long so Twilio's recording link can be in it.</summary>
    public int RecordingWaitSeconds { get; set; } = 30;
    /// <summary>The most the model may take to write a summary before the deterministic one is sent.</summary>
    public int ModelTimeoutMs { get; set; } = 10000;
}
