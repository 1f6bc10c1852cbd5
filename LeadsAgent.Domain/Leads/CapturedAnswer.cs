namespace LeadsAgent.Domain.Leads;

/// <summary>One captured answer: the question asked, the value kept and the words it came from.</summary>
public sealed record CapturedAnswer(string Question, string Value, string? Utterance);
