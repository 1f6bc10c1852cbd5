using LeadsAgent.Domain.Engine;

namespace LeadsAgent.Domain.Businesses;

/// <summary>What a suspended business's widget and phone number say: polite, never an error, with the 911 line.</summary>
public static class UnavailableReplies
{
    public static string Chat(string businessName, string language = AgentPhrases.DefaultLanguage) =>
        AgentPhrases.Say(AgentPhrase.SuspendedChat, language, ("business", businessName));

    public static string Voice(string businessName, string language = AgentPhrases.DefaultLanguage) =>
        AgentPhrases.Say(AgentPhrase.SuspendedVoice, language, ("business", businessName));
}
