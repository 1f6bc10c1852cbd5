namespace LeadsAgent.Domain.Businesses;

/// <summary>
/// How the phone agent talks with callers: GATHER (Twilio listens, posts the words, speaks our whole reply) or RELAY
/// (Twilio's ConversationRelay streams our reply as it is written and tells us when the caller interrupts; PRO).
/// </summary>
public enum VoiceMode
{
    GATHER,
    RELAY,
}
