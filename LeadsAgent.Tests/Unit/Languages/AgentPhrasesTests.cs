using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Voice;

namespace LeadsAgent.Tests.Unit.Languages;

/// <summary>The phrase table: every phrase in the seed's six languages, with the same placeholders, in its own language.</summary>
public class AgentPhrasesTests
{
    static readonly string[] s_seedLanguages = ["en", "es", "fr", "de", "it", "pt"];

    public static TheoryData<AgentPhrase> Phrases() => [.. Enum.GetValues<AgentPhrase>()];

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Template_EveryPhrase_HasAllSixLanguagesWithTheSamePlaceholders(AgentPhrase phrase)
    {
        var english = AgentPhrases.Template(phrase, "en");
        Assert.False(string.IsNullOrWhiteSpace(english), $"{phrase} has no English text");
        foreach (var language in s_seedLanguages)
        {
            var text = AgentPhrases.Template(phrase, language);
            Assert.False(string.IsNullOrWhiteSpace(text), $"{phrase} has no {language} text");
            Assert.Equal(AgentPhrases.Placeholders(english!).Order(), AgentPhrases.Placeholders(text!).Order());
            Assert.Equal(text!.Trim(), text);
        }
    }

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Template_EveryTranslation_ReadsAsItsOwnLanguageWhenTheDetectorCanTell(AgentPhrase phrase)
    {
        foreach (var language in s_seedLanguages)
        {
            var text = AgentPhrases.Template(phrase, language)!;
            var guessed = MessageLanguage.Guess(text);
            Assert.True(guessed is null || guessed == language, $"{phrase} in {language} reads like {guessed}: {text}");
        }
    }

    [Fact]
    public void Template_EveryTranslation_DiffersFromTheEnglish_ExceptWordsTheLanguagesShare()
    {
        // "{amount} dollars" is French as well as English; nothing else may be an untranslated copy.
        var untranslated = Enum.GetValues<AgentPhrase>()
            .SelectMany(p => s_seedLanguages.Skip(1).Where(l => AgentPhrases.Template(p, l) == AgentPhrases.Template(p, "en")).Select(l => $"{p}/{l}"))
            .ToList();
        Assert.Equal(["SpokenDollars/fr"], untranslated);
    }

    [Fact]
    public void Say_FillsPlaceholders_AndFallsBackToEnglishForOtherLanguages()
    {
        Assert.Equal("Por supuesto. Le comunico ahora con alguien de Plomería García. Por favor, no cuelgue.",
            AgentPhrases.Say(AgentPhrase.Transfer, "es-MX", ("business", "Plomería García")));
        Assert.Equal("Of course. I'll connect you with someone at Acme now. Please hold.", AgentPhrases.Say(AgentPhrase.Transfer, "ja-JP", ("business", "Acme")));
        Assert.Equal(AgentPhrases.Say(AgentPhrase.ChatWelcome, "en"), AgentPhrases.Say(AgentPhrase.ChatWelcome, null));
        Assert.Equal("pt", AgentPhrases.LanguageOf("pt-BR"));
        Assert.Equal("en", AgentPhrases.LanguageOf("nl-NL"));
    }

    [Fact]
    public void OwnerOr_TheOwnersOwnMessageIsUsedAsWritten_ADefaultOrNothingFollowsTheLanguage()
    {
        Assert.Equal("¡Bienvenido a Plomería García!", AgentPhrases.OwnerOr("¡Bienvenido a Plomería García!", AgentPhrase.ChatWelcome, "fr"));
        Assert.Equal("Welcome to Acme, ask away.", AgentPhrases.OwnerOr("Welcome to Acme, ask away.", AgentPhrase.ChatWelcome, "es"));
        Assert.Equal("¡Hola! ¿En qué puedo ayudarle hoy?", AgentPhrases.OwnerOr(AgentConfig.DefaultWelcome, AgentPhrase.ChatWelcome, "es"));
        Assert.Equal("Merci de votre appel. Au revoir !", AgentPhrases.OwnerOr(null, AgentPhrase.VoiceEndCall, "fr-FR"));
        Assert.Equal("Merci de votre appel. Au revoir !", AgentPhrases.OwnerOr("  ", AgentPhrase.VoiceEndCall, "fr-FR"));
        // A Spanish default saved earlier is still ours when the business now speaks German.
        Assert.Equal("Vielen Dank für Ihren Anruf. Auf Wiederhören!", AgentPhrases.OwnerOr("Gracias por llamar. ¡Hasta luego!", AgentPhrase.VoiceEndCall, "de"));
        Assert.Equal(AgentConfig.DefaultVoiceEndCall, AgentPhrases.OwnerOr(AgentConfig.DefaultVoiceEndCall, AgentPhrase.VoiceEndCall, "en-GB"));
    }

    [Fact]
    public void SafetyScripts_ExistForEveryHazardInTheSixLanguages_InThatLanguage_With911WhereTheEnglishHasIt()
    {
        Assert.Equal(s_seedLanguages.Order(), SafetyScripts.Languages.Order());
        foreach (var hazard in Enum.GetValues<Hazard>().Where(h => h != Hazard.None))
        {
            var english = SafetyScripts.For(hazard, "en").Text;
            foreach (var language in s_seedLanguages.Skip(1))
            {
                var script = SafetyScripts.For(hazard, language + "-XX");
                Assert.Equal(language, script.Language);
                Assert.NotEqual(english, script.Text);
                Assert.Equal(english.Contains("911", StringComparison.Ordinal), script.Text.Contains("911", StringComparison.Ordinal));
                var guessed = MessageLanguage.Guess(script.Text);
                Assert.True(guessed is null || guessed == language, $"{hazard} in {language} reads like {guessed}");
            }
        }
    }

    [Fact]
    public void Speakable_ReadsDollarsAndAmpersandsInTheCallsLanguage()
    {
        Assert.Equal("A new heater is 1450 dollars and 50 cents", ReplyShaper.Speakable("A new heater is $1,450.50"));
        Assert.Equal("Cuesta 250 dólares, piezas y mano de obra", ReplyShaper.Speakable("Cuesta $250, piezas & mano de obra", "es"));
        Assert.Equal("Kostet 99 Dollar und 5 Cent", ReplyShaper.Speakable("Kostet $99.05", "de"));
    }
}
