namespace LeadsAgent.Domain.Emergencies;

/// <summary>Why a message got its priority: the rule that fired and the words that matched it.</summary>
public sealed record EmergencyReason(string Rule, string Phrase);
