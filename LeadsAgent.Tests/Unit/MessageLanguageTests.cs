using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Voice;

namespace LeadsAgent.Tests.Unit;

public class MessageLanguageTests
{
    [Theory]
    [InlineData(AgentConfig.DefaultVoiceGreeting, "en")]
    [InlineData(AgentConfig.DefaultVoiceCompletion, "en")]
    [InlineData(AgentConfig.DefaultVoiceEmergency, "en")]
    [InlineData(AgentConfig.DefaultVoiceEndCall, "en")]
    [InlineData("¡Hola! Gracias por llamar. ¿Cómo puedo ayudarle hoy?", "es")]
    [InlineData("Entiendo que es una emergencia. Estoy avisando a nuestro equipo ahora mismo.", "es")]
    [InlineData("Bonjour ! Merci pour votre appel. Comment puis-je vous aider aujourd'hui ?", "fr")]
    [InlineData("Merci de votre appel. Au revoir !", "fr")]
    [InlineData("Hallo! Danke für Ihren Anruf. Wie kann ich Ihnen heute helfen?", "de")]
    [InlineData("Buongiorno! Grazie per aver chiamato. Come posso aiutarla oggi?", "it")]
    [InlineData("Olá! Obrigado por ligar. Como posso ajudar você hoje?", "pt")]
    [InlineData("Entendo que é uma emergência. Estou avisando nossa equipe agora.", "pt")]
    public void Guess_MessageInALanguage_NamesIt(string text, string language) => Assert.Equal(language, MessageLanguage.Guess(text));

    [Theory]
    [InlineData("")]
    [InlineData("Hola")]
    [InlineData("Plomería García")]
    [InlineData("12345 678")]
    public void Guess_TooLittleToTell_IsNull(string text) => Assert.Null(MessageLanguage.Guess(text));

    [Fact]
    public void Mismatch_EnglishGreetingUnderSpanish_IsEnglish_AndNothingWhenTheyAgree()
    {
        Assert.Equal("en", MessageLanguage.Mismatch(AgentConfig.DefaultVoiceGreeting, "es-MX"));
        Assert.Null(MessageLanguage.Mismatch(AgentConfig.DefaultVoiceGreeting, "en-GB"));
        Assert.Null(MessageLanguage.Mismatch("¡Hola! Gracias por llamar. ¿Cómo puedo ayudarle hoy?", "es-ES"));
        Assert.Equal("es", MessageLanguage.Mismatch("¡Hola! Gracias por llamar. ¿Cómo puedo ayudarle hoy?", "pt-BR"));
        Assert.Equal("Spanish", MessageLanguage.Name("es-MX"));
    }
}
