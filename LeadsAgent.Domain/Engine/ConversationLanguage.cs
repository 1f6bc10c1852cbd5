using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Voice;

namespace LeadsAgent.Domain.Engine;

/// <summary>
/// The language the agent speaks in a conversation: the business's (its agent's language, "es-MX" → "es") unless a
/// chat visitor writes in another of our languages; then the visitor's, remembered in the session.
/// </summary>
public static class ConversationLanguage
{
    /// <summary>The business's language, as a base code the phrase table knows.</summary>
    public static string OfBusiness(AgentConfig config) => AgentPhrases.LanguageOf(config.TwilioLanguage);

    /// <summary>The conversation's language so far.</summary>
    public static string Of(ConversationSession session, AgentConfig config) => session.Language ?? OfBusiness(config);

    /// <summary>
    /// Follows a chat visitor's language: a message that is clearly a sentence in another of our languages switches the
    /// conversation to it, and it stays there (a name, a number or "ok" that follows switches nothing back). A call keeps
    /// the business's language: Twilio's speech recognition listens for that language only, and the voice speaks it.
    /// </summary>
    public static string Follow(ConversationSession session, string message, AgentConfig config)
    {
        var language = Of(session, config);
        if (session.Channel != Channel.VOICE && MessageLanguage.OfSentence(message) is { } written && AgentPhrases.Languages.Contains(written))
        {
            language = written;
        }

        session.Language = language;
        return language;
    }
}
