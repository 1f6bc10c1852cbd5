using System.Text.RegularExpressions;
using LeadsAgent.Domain.Businesses;

namespace LeadsAgent.Domain.Engine;

/// <summary>Every sentence the agent says in its own words (owners' messages and questions are theirs, not in here).</summary>
public enum AgentPhrase
{
    // Defaults of the owner's messages, used when a message is empty or still the default.
    ChatWelcome,
    ChatCompletion,
    VoiceGreeting,
    VoiceCompletion,
    VoiceEmergency,
    VoiceEndCall,

    // The conversation.
    ChatEmergency,
    SorryToHear,
    CanHelp,
    NoProblemAnythingElse,
    GreetingReply,
    YoureWelcome,
    AddedToRequest,
    ThanksForExplaining,
    TellMeMore,
    ChatDidNotCatch,
    StillThere,
    HowCanIHelpToday,
    IsPendingNumberRight,
    SilenceHangUpEmergency,
    SilenceHangUp,
    Transfer,
    ChatPersonalReply,
    Voicemail,
    GoodbyeEmergencyNoLead,
    GoodbyeEmergency,
    ChatGoodbye,
    SkipNoProblem,
    MoveOn,
    NumberConfirmed,
    SorryAboutThat,
    AskNumberAgain,
    OfferEstimate,
    NotSure,
    OfferCallback,

    // Lead capture around the owner's questions.
    AskAgainAfterAnswering,
    ConfirmCallerNumber,
    ReadBackPhone,
    ReadBackPhoneAgain,
    AcknowledgeGotIt,
    AcknowledgeThanks,
    AcknowledgePerfect,
    VoiceEmergencyDone,
    VoiceEmergencyDoneAt,
    CallIfWorse,
    ChatEmergencyDone,
    ChatEmergencyDoneAt,

    // Questions the agent asks in its own words: the emergency call-back question and a new business's defaults.
    CallbackQuestion,
    DefaultQuestionName,
    DefaultQuestionPhone,
    DefaultQuestionAddress,
    DefaultQuestionProblem,
    DefaultQuestionLegal,
    DefaultQuestionRealEstate,
    DefaultQuestionHelp,
    DefaultQuestionEmail,

    // Re-asks when an answer does not fit the question.
    HintEmailVoice,
    HintEmailChat,
    HintPhone,
    HintDate,
    HintAddress,
    HintName,
    HintJobNotAddress,
    HintNotATime,
    ConfirmPlaceVoice,
    ConfirmPlaceChat,
    HintMore,

    // The phone line around the conversation: apologies, voicemail, transfer, a suspended business.
    CallApology,
    NoAgentIntro,
    ReachUsAt,
    NoAgentLeaveMessage,
    NoMessageCallAgainLater,
    NoMessageCallAgain,
    NoMessageGoodbye,
    NoOneAvailable,
    DialNoAnswer,
    MessageReceived,
    TransferNotAnswered,
    TransferCallbackChosen,
    TransferAlreadyTried,

    // The whisper the owner hears on a warm transfer before the caller is put through (the business's language).
    WhisperCall,
    WhisperProblemAt,
    WhisperUnnamedCaller,
    WhisperHiddenNumber,
    WhisperPress,
    WhisperNoKey,
    WhisperGone,
    LostTrack,
    HowCanIHelp,
    SuspendedChat,
    SuspendedVoice,
    BlockedCaller,
    ScreenedVoicemail,
    RecordingNotice,

    // Text messages to callers (issue 18): confirmation, missed call, and the STOP/START/HELP answers.
    SmsConfirmation,
    SmsConfirmationNoIssue,
    SmsMissedCall,
    SmsUnsubscribed,
    SmsResubscribed,
    SmsHelp,

    // Words read aloud in place of symbols.
    SpokenDollars,
    SpokenDollarsAndCents,
    SpokenAnd,

    // Opening hours, answered from the business's schedule, and the widget's open/closed line.
    HoursOpenNow,
    HoursOpenAroundTheClock,
    HoursClosedNow,
    HoursClosedNowNoNext,
    HoursTodayAt,
    HoursTomorrowAt,
    HoursDayAt,
    HoursRange,
    HoursDaySpan,
    HoursClosedWord,
    HoursWeek,
    HoursDayOpen,
    HoursDayClosed,
    WidgetOpenUntil,
    WidgetOpenNow,
    WidgetClosedCallBack,
    WidgetClosedNow,
    WidgetWhen,
    WordToday,
    WordTomorrow,

    // Booking a visit once the request is taken (issue 19).
    SpokenOr,
    BookingOffer,
    BookingPickOne,
    BookingNarrowed,
    BookingNoneLikeThat,
    BookingTaken,
    BookingWhich,
    BookingBooked,
}

/// <summary>
/// The one table of what the agent says itself, by phrase and language (en, es, fr, de, it, pt: the seed's languages),
/// English when a language has none. Spanish speaks as usted, French as vous, German as Sie, Italian as Lei and
/// Portuguese (Brazil) as você. Placeholders such as {business} and {phone} are filled by <see cref="Say"/>.
/// </summary>
/// <remarks>
/// 911 stays in every language on purpose: the number belongs to where the business is, not to the language spoken,
/// and the businesses served are North American (numbers are normalised to +1, prices read as dollars). A French
/// speaker calling a plumber in Texas must hear 911. Supporting businesses elsewhere means an emergency number on the
/// business, not a number per language. The same holds for the safety scripts.
/// </remarks>
public static partial class AgentPhrases
{
    public const string DefaultLanguage = "en";

    /// <summary>The languages the agent speaks, as base codes.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "es", "fr", "de", "it", "pt"];

    /// <summary>The phrase in a language ("es", "es-MX"), English when the language is not one of ours; placeholders filled.</summary>
    public static string Say(AgentPhrase phrase, string? language, params (string Name, string Value)[] values)
    {
        var row = s_table[phrase];
        var text = row.TryGetValue(LanguageOf(language), out var translated) ? translated : row[DefaultLanguage];
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The raw text of a phrase in one language, placeholders unfilled (for tests and the owner's preview).</summary>
    public static string? Template(AgentPhrase phrase, string language) =>
        s_table.TryGetValue(phrase, out var row) && row.TryGetValue(language, out var text) ? text : null;

    /// <summary>"es-MX" → "es"; a language the agent does not speak → "en".</summary>
    public static string LanguageOf(string? language)
    {
        var code = string.IsNullOrWhiteSpace(language) ? DefaultLanguage : language.Split('-', '_')[0].Trim().ToLowerInvariant();
        return Languages.Contains(code) ? code : DefaultLanguage;
    }

    /// <summary>"es" → "Spanish": the language's English name, for a model's instructions.</summary>
    public static string EnglishName(string language) => LanguageOf(language) switch
    {
        "es" => "Spanish",
        "fr" => "French",
        "de" => "German",
        "it" => "Italian",
        "pt" => "Brazilian Portuguese",
        _ => "English",
    };

    /// <summary>
    /// The owner's configured message as written, or this phrase in the conversation's language when the owner left it
    /// empty or it is still one of our defaults (a default is our text, not the owner's, so it follows the language).
    /// </summary>
    public static string OwnerOr(string? configured, AgentPhrase phrase, string language) =>
        string.IsNullOrWhiteSpace(configured) || IsOurs(configured, phrase) ? Say(phrase, language) : configured.Trim();

    /// <summary>Whether a text is this phrase in any of our languages.</summary>
    public static bool IsOurs(string text, AgentPhrase phrase) =>
        s_table[phrase].Values.Any(t => string.Equals(t, text.Trim(), StringComparison.Ordinal));

    /// <summary>The placeholder names a template uses ("{business}" → "business").</summary>
    public static IReadOnlySet<string> Placeholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    static Dictionary<string, string> Row(string en, string es, string fr, string de, string it, string pt) =>
        new() { ["en"] = en, ["es"] = es, ["fr"] = fr, ["de"] = de, ["it"] = it, ["pt"] = pt };

    static readonly Dictionary<AgentPhrase, Dictionary<string, string>> s_table = new()
    {
        [AgentPhrase.ChatWelcome] = Row(
            en: AgentConfig.DefaultWelcome,
            es: "¡Hola! ¿En qué puedo ayudarle hoy?",
            fr: "Bonjour ! Comment puis-je vous aider aujourd'hui ?",
            de: "Hallo! Wie kann ich Ihnen heute helfen?",
            it: "Salve! Come posso aiutarla oggi?",
            pt: "Olá! Como posso ajudar você hoje?"),
        [AgentPhrase.ChatCompletion] = Row(
            en: AgentConfig.DefaultCompletion,
            es: "¡Gracias! Ya tengo todo lo que necesito. Alguien de nuestro equipo se pondrá en contacto con usted en breve.",
            fr: "Merci ! J'ai tout ce qu'il me faut. Un membre de notre équipe vous contactera très bientôt.",
            de: "Vielen Dank! Ich habe alles, was ich brauche. Jemand aus unserem Team meldet sich in Kürze bei Ihnen.",
            it: "Grazie! Ho tutto ciò che mi serve. Qualcuno del nostro team la contatterà a breve.",
            pt: "Obrigado! Já tenho tudo de que preciso. Alguém da nossa equipe vai entrar em contato com você em breve."),
        [AgentPhrase.VoiceGreeting] = Row(
            en: AgentConfig.DefaultVoiceGreeting,
            es: "¡Hola! Gracias por llamar. ¿En qué puedo ayudarle hoy?",
            fr: "Bonjour ! Merci de votre appel. Comment puis-je vous aider aujourd'hui ?",
            de: "Hallo! Vielen Dank für Ihren Anruf. Wie kann ich Ihnen heute helfen?",
            it: "Buongiorno! Grazie per aver chiamato. Come posso aiutarla oggi?",
            pt: "Olá! Obrigado por ligar. Como posso ajudar você hoje?"),
        [AgentPhrase.VoiceCompletion] = Row(
            en: AgentConfig.DefaultVoiceCompletion,
            es: "Gracias. Ya tengo todos sus datos y alguien le devolverá la llamada en breve.",
            fr: "Merci. J'ai toutes vos coordonnées et quelqu'un vous rappellera très bientôt.",
            de: "Vielen Dank. Ich habe alle Ihre Angaben, und jemand ruft Sie in Kürze zurück.",
            it: "Grazie. Ho tutti i suoi dati e qualcuno la richiamerà a breve.",
            pt: "Obrigado. Já tenho todos os seus dados e alguém vai retornar a sua ligação em breve."),
        [AgentPhrase.VoiceEmergency] = Row(
            en: AgentConfig.DefaultVoiceEmergency,
            es: "Entiendo que es una emergencia. Estoy avisando a nuestro equipo de guardia ahora mismo.",
            fr: "Je comprends que c'est une urgence. J'alerte notre équipe d'astreinte tout de suite.",
            de: "Ich verstehe, dass es ein Notfall ist. Ich alarmiere sofort unseren Bereitschaftsdienst.",
            it: "Capisco che è un'emergenza. Sto avvisando subito la nostra squadra di reperibilità.",
            pt: "Entendo que é uma emergência. Estou avisando nossa equipe de plantão agora mesmo."),
        [AgentPhrase.VoiceEndCall] = Row(
            en: AgentConfig.DefaultVoiceEndCall,
            es: "Gracias por llamar. ¡Hasta luego!",
            fr: "Merci de votre appel. Au revoir !",
            de: "Vielen Dank für Ihren Anruf. Auf Wiederhören!",
            it: "Grazie per aver chiamato. Arrivederci!",
            pt: "Obrigado por ligar. Até logo!"),

        [AgentPhrase.ChatEmergency] = Row(
            en: "I understand this is an emergency. I'm flagging it for our on-call team right now.",
            es: "Entiendo que es una emergencia. Se lo estoy comunicando ahora mismo a nuestro equipo de guardia.",
            fr: "Je comprends que c'est une urgence. Je la signale tout de suite à notre équipe d'astreinte.",
            de: "Ich verstehe, dass es ein Notfall ist. Ich melde ihn sofort unserem Bereitschaftsdienst.",
            it: "Capisco che è un'emergenza. La sto segnalando subito alla nostra squadra di reperibilità.",
            pt: "Entendo que é uma emergência. Estou avisando nossa equipe de plantão agora mesmo."),
        [AgentPhrase.SorryToHear] = Row(
            en: "I'm sorry to hear that. Let's get someone out to you quickly.",
            es: "Lamento oír eso. Vamos a enviarle a alguien lo antes posible.",
            fr: "Je comprends, c'est ennuyeux. Nous allons vous envoyer quelqu'un rapidement.",
            de: "Das tut mir leid. Wir schicken Ihnen schnell jemanden vorbei.",
            it: "Mi dispiace. Le mandiamo qualcuno al più presto.",
            pt: "Sinto muito por isso. Vamos mandar alguém até você o mais rápido possível."),
        [AgentPhrase.CanHelp] = Row(
            en: "I can help with that.",
            es: "Con gusto le ayudo con eso.",
            fr: "Je peux vous aider pour cela.",
            de: "Dabei kann ich Ihnen helfen.",
            it: "Posso aiutarla con questo.",
            pt: "Posso ajudar você com isso."),
        [AgentPhrase.NoProblemAnythingElse] = Row(
            en: "No problem. Is there anything else I can help you with?",
            es: "No hay problema. ¿Hay algo más en lo que pueda ayudarle?",
            fr: "Pas de problème. Puis-je vous aider pour autre chose ?",
            de: "Kein Problem. Kann ich Ihnen sonst noch helfen?",
            it: "Nessun problema. Posso aiutarla in qualcos'altro?",
            pt: "Sem problema. Posso ajudar você com mais alguma coisa?"),
        [AgentPhrase.GreetingReply] = Row(
            en: "Hi there! How can I help you today?",
            es: "¡Hola! ¿En qué puedo ayudarle hoy?",
            fr: "Bonjour ! Comment puis-je vous aider aujourd'hui ?",
            de: "Hallo! Wie kann ich Ihnen heute helfen?",
            it: "Salve! Come posso aiutarla oggi?",
            pt: "Oi! Como posso ajudar você hoje?"),
        [AgentPhrase.YoureWelcome] = Row(
            en: "You're welcome! Is there anything else I can help with?",
            es: "¡De nada! ¿Hay algo más en lo que pueda ayudarle?",
            fr: "Je vous en prie ! Puis-je vous aider pour autre chose ?",
            de: "Gern geschehen! Kann ich Ihnen sonst noch helfen?",
            it: "Prego! Posso aiutarla in qualcos'altro?",
            pt: "De nada! Posso ajudar você com mais alguma coisa?"),
        [AgentPhrase.AddedToRequest] = Row(
            en: "Thanks, I've added that to your request. Anything else?",
            es: "Gracias, ya lo agregué a su solicitud. ¿Algo más?",
            fr: "Merci, je l'ai ajouté à votre demande. Autre chose ?",
            de: "Danke, ich habe das zu Ihrer Anfrage hinzugefügt. Sonst noch etwas?",
            it: "Grazie, l'ho aggiunto alla sua richiesta. Altro?",
            pt: "Obrigado, já acrescentei isso ao seu pedido. Mais alguma coisa?"),
        [AgentPhrase.ThanksForExplaining] = Row(
            en: "Thanks for explaining.",
            es: "Gracias por explicármelo.",
            fr: "Merci pour ces explications.",
            de: "Danke für die Erklärung.",
            it: "Grazie per la spiegazione.",
            pt: "Obrigado por explicar."),
        [AgentPhrase.TellMeMore] = Row(
            en: "Could you tell me a little more about what you need?",
            es: "¿Podría contarme un poco más sobre lo que necesita?",
            fr: "Pourriez-vous m'en dire un peu plus sur ce dont vous avez besoin ?",
            de: "Könnten Sie mir etwas mehr darüber sagen, was Sie brauchen?",
            it: "Potrebbe dirmi qualcosa in più su ciò di cui ha bisogno?",
            pt: "Você poderia me contar um pouco mais sobre o que precisa?"),
        [AgentPhrase.ChatDidNotCatch] = Row(
            en: "Sorry, I didn't catch that. Could you type your message again?",
            es: "Disculpe, no le entendí. ¿Podría escribir su mensaje de nuevo?",
            fr: "Pardon, je n'ai pas compris. Pourriez-vous écrire votre message à nouveau ?",
            de: "Entschuldigung, das habe ich nicht verstanden. Könnten Sie Ihre Nachricht noch einmal schreiben?",
            it: "Mi scusi, non ho capito. Potrebbe scrivere di nuovo il suo messaggio?",
            pt: "Desculpe, não entendi. Você poderia escrever sua mensagem de novo?"),
        [AgentPhrase.StillThere] = Row(
            en: "Are you still there?",
            es: "¿Sigue ahí?",
            fr: "Vous êtes toujours là ?",
            de: "Sind Sie noch da?",
            it: "È ancora in linea?",
            pt: "Você ainda está aí?"),
        [AgentPhrase.HowCanIHelpToday] = Row(
            en: "How can I help you today?",
            es: "¿En qué puedo ayudarle hoy?",
            fr: "Comment puis-je vous aider aujourd'hui ?",
            de: "Wie kann ich Ihnen heute helfen?",
            it: "Come posso aiutarla oggi?",
            pt: "Como posso ajudar você hoje?"),
        [AgentPhrase.IsPendingNumberRight] = Row(
            en: "I have {phone}. Is that the right number?",
            es: "Tengo el {phone}. ¿Es el número correcto?",
            fr: "J'ai noté le {phone}. Est-ce le bon numéro ?",
            de: "Ich habe die {phone}. Ist das die richtige Nummer?",
            it: "Ho il {phone}. È il numero giusto?",
            pt: "Anotei o {phone}. É o número certo?"),
        [AgentPhrase.SilenceHangUpEmergency] = Row(
            en: "I can't hear you. If anyone is in danger, hang up and call 911 right away. We have your number and someone will call you back.",
            es: "No le escucho. Si alguien está en peligro, cuelgue y llame al 911 de inmediato. Tenemos su número y alguien le devolverá la llamada.",
            fr: "Je ne vous entends pas. Si quelqu'un est en danger, raccrochez et appelez le 911 immédiatement. Nous avons votre numéro et quelqu'un vous rappellera.",
            de: "Ich kann Sie nicht hören. Wenn jemand in Gefahr ist, legen Sie auf und rufen Sie sofort 911 an. Wir haben Ihre Nummer, und jemand ruft Sie zurück.",
            it: "Non la sento. Se qualcuno è in pericolo, riattacchi e chiami subito il 911. Abbiamo il suo numero e qualcuno la richiamerà.",
            pt: "Não consigo ouvir você. Se alguém estiver em perigo, desligue e ligue para o 911 imediatamente. Temos o seu número e alguém vai retornar a ligação."),
        [AgentPhrase.SilenceHangUp] = Row(
            en: "I can't hear you, so I'll end the call now. Please call back any time.",
            es: "No le escucho, así que voy a terminar la llamada. Llámenos de nuevo cuando quiera.",
            fr: "Je ne vous entends pas, je vais donc mettre fin à l'appel. N'hésitez pas à rappeler quand vous voulez.",
            de: "Ich kann Sie nicht hören, daher beende ich jetzt den Anruf. Rufen Sie gern jederzeit wieder an.",
            it: "Non la sento, quindi chiudo la chiamata. Ci richiami quando vuole.",
            pt: "Não consigo ouvir você, então vou encerrar a ligação. Ligue de novo quando quiser."),
        [AgentPhrase.Transfer] = Row(
            en: "Of course. I'll connect you with someone at {business} now. Please hold.",
            es: "Por supuesto. Le comunico ahora con alguien de {business}. Por favor, no cuelgue.",
            fr: "Bien sûr. Je vous mets en relation avec quelqu'un de {business}. Veuillez patienter.",
            de: "Selbstverständlich. Ich verbinde Sie jetzt mit jemandem von {business}. Bitte bleiben Sie dran.",
            it: "Certo. La metto subito in contatto con qualcuno di {business}. Resti in linea, per favore.",
            pt: "Claro. Vou transferir você agora para alguém de {business}. Aguarde na linha, por favor."),
        [AgentPhrase.ChatPersonalReply] = Row(
            en: "Of course. I'll make sure someone from {business} gets back to you personally.",
            es: "Por supuesto. Me aseguraré de que alguien de {business} le responda personalmente.",
            fr: "Bien sûr. Je m'assure que quelqu'un de {business} vous recontacte personnellement.",
            de: "Selbstverständlich. Ich sorge dafür, dass sich jemand von {business} persönlich bei Ihnen meldet.",
            it: "Certo. Mi assicurerò che qualcuno di {business} la ricontatti personalmente.",
            pt: "Claro. Vou garantir que alguém de {business} entre em contato com você pessoalmente."),
        [AgentPhrase.Voicemail] = Row(
            en: "Sure. Please leave your message after the tone, and hang up when you're done.",
            es: "Claro. Deje su mensaje después del tono y cuelgue cuando termine.",
            fr: "Bien sûr. Laissez votre message après le bip, puis raccrochez quand vous avez terminé.",
            de: "Gern. Bitte sprechen Sie Ihre Nachricht nach dem Signalton und legen Sie danach einfach auf.",
            it: "Certo. Lasci il suo messaggio dopo il segnale acustico e riattacchi quando ha finito.",
            pt: "Claro. Deixe sua mensagem depois do sinal e desligue quando terminar."),
        [AgentPhrase.GoodbyeEmergencyNoLead] = Row(
            en: "If anything gets worse or anyone is in danger, call 911 right away.",
            es: "Si algo empeora o alguien está en peligro, llame al 911 de inmediato.",
            fr: "Si la situation s'aggrave ou si quelqu'un est en danger, appelez le 911 immédiatement.",
            de: "Wenn es schlimmer wird oder jemand in Gefahr ist, rufen Sie sofort 911 an.",
            it: "Se la situazione peggiora o qualcuno è in pericolo, chiami subito il 911.",
            pt: "Se algo piorar ou alguém estiver em perigo, ligue para o 911 imediatamente."),
        [AgentPhrase.GoodbyeEmergency] = Row(
            en: "Stay safe, and call 911 if anything gets worse.",
            es: "Cuídese, y llame al 911 si algo empeora.",
            fr: "Restez en sécurité, et appelez le 911 si la situation s'aggrave.",
            de: "Passen Sie auf sich auf, und rufen Sie 911 an, wenn es schlimmer wird.",
            it: "Stia al sicuro e chiami il 911 se la situazione peggiora.",
            pt: "Fique em segurança e ligue para o 911 se algo piorar."),
        [AgentPhrase.ChatGoodbye] = Row(
            en: "Thanks for reaching out. Have a great day!",
            es: "Gracias por escribirnos. ¡Que tenga un excelente día!",
            fr: "Merci de nous avoir contactés. Bonne journée !",
            de: "Danke für Ihre Nachricht. Einen schönen Tag noch!",
            it: "Grazie per averci contattato. Buona giornata!",
            pt: "Obrigado pelo contato. Tenha um ótimo dia!"),
        [AgentPhrase.SkipNoProblem] = Row(
            en: "No problem.",
            es: "No hay problema.",
            fr: "Pas de problème.",
            de: "Kein Problem.",
            it: "Nessun problema.",
            pt: "Sem problema."),
        [AgentPhrase.MoveOn] = Row(
            en: "Let's move on.",
            es: "Sigamos adelante.",
            fr: "Passons à la suite.",
            de: "Machen wir weiter.",
            it: "Andiamo avanti.",
            pt: "Vamos seguir em frente."),
        [AgentPhrase.NumberConfirmed] = Row(
            en: "Great, thank you.",
            es: "Perfecto, gracias.",
            fr: "Parfait, merci.",
            de: "Prima, danke.",
            it: "Perfetto, grazie.",
            pt: "Ótimo, obrigado."),
        [AgentPhrase.SorryAboutThat] = Row(
            en: "Sorry about that.",
            es: "Disculpe.",
            fr: "Excusez-moi.",
            de: "Entschuldigung.",
            it: "Mi scusi.",
            pt: "Desculpe."),
        [AgentPhrase.AskNumberAgain] = Row(
            en: "What's the best number to reach you, with the area code?",
            es: "¿Cuál es el mejor número para comunicarnos con usted, con el código de área?",
            fr: "Quel est le meilleur numéro pour vous joindre, avec l'indicatif ?",
            de: "Unter welcher Nummer erreichen wir Sie am besten, mit Vorwahl?",
            it: "Qual è il numero migliore per contattarla, con il prefisso?",
            pt: "Qual é o melhor número para falar com você, com o DDD?"),
        [AgentPhrase.OfferEstimate] = Row(
            en: "Would you like us to give you a free estimate?",
            es: "¿Le gustaría que le hagamos una cotización gratuita?",
            fr: "Souhaitez-vous que nous vous fassions un devis gratuit ?",
            de: "Möchten Sie einen kostenlosen Kostenvoranschlag von uns?",
            it: "Desidera un preventivo gratuito?",
            pt: "Gostaria que fizéssemos um orçamento gratuito para você?"),
        [AgentPhrase.NotSure] = Row(
            en: "I'm not sure about that, and I don't want to guess. Someone from {business} can answer it for you.",
            es: "No tengo esa información con certeza y no quiero adivinar. Alguien de {business} puede responderle.",
            fr: "Je n'en ai pas la certitude et je préfère ne pas deviner. Quelqu'un de {business} pourra vous répondre.",
            de: "Da bin ich mir nicht sicher, und ich möchte nicht raten. Jemand von {business} kann Ihnen das beantworten.",
            it: "Non ne ho la certezza e non voglio tirare a indovinare. Qualcuno di {business} potrà risponderle.",
            pt: "Não tenho certeza sobre isso e não quero chutar. Alguém de {business} pode responder para você."),
        [AgentPhrase.OfferCallback] = Row(
            en: "Would you like us to get back to you?",
            es: "¿Quiere que nos comuniquemos con usted?",
            fr: "Souhaitez-vous que nous vous recontactions ?",
            de: "Sollen wir uns bei Ihnen melden?",
            it: "Vuole che la ricontattiamo?",
            pt: "Quer que a gente entre em contato com você?"),

        [AgentPhrase.AskAgainAfterAnswering] = Row(
            en: "Now, {question}",
            es: "Ahora, {question}",
            fr: "Maintenant, {question}",
            de: "Nun noch: {question}",
            it: "Ora, {question}",
            pt: "Agora, {question}"),
        [AgentPhrase.ConfirmCallerNumber] = Row(
            en: "Is {phone} the best number to reach you?",
            es: "¿El {phone} es el mejor número para comunicarnos con usted?",
            fr: "Le {phone} est-il le meilleur numéro pour vous joindre ?",
            de: "Ist die {phone} die beste Nummer, um Sie zu erreichen?",
            it: "Il {phone} è il numero migliore per contattarla?",
            pt: "O {phone} é o melhor número para falar com você?"),
        [AgentPhrase.ReadBackPhone] = Row(
            en: "I have {phone} as your number. Is that right?",
            es: "Tengo el {phone} como su número. ¿Es correcto?",
            fr: "J'ai noté le {phone} comme numéro. C'est bien cela ?",
            de: "Ich habe die {phone} als Ihre Nummer notiert. Stimmt das?",
            it: "Ho segnato il {phone} come suo numero. È corretto?",
            pt: "Anotei o {phone} como seu número. Está correto?"),
        [AgentPhrase.ReadBackPhoneAgain] = Row(
            en: "Sorry, is {phone} the right number? Please say yes or no.",
            es: "Disculpe, ¿el {phone} es el número correcto? Por favor, diga sí o no.",
            fr: "Pardon, le {phone} est-il le bon numéro ? Dites oui ou non, s'il vous plaît.",
            de: "Entschuldigung, ist die {phone} die richtige Nummer? Bitte sagen Sie ja oder nein.",
            it: "Mi scusi, il {phone} è il numero giusto? Per favore, dica sì o no.",
            pt: "Desculpe, o {phone} é o número certo? Por favor, diga sim ou não."),
        [AgentPhrase.AcknowledgeGotIt] = Row(
            en: "Got it.",
            es: "Entendido.",
            fr: "C'est noté.",
            de: "Alles klar.",
            it: "Capito.",
            pt: "Entendi."),
        [AgentPhrase.AcknowledgeThanks] = Row(
            en: "Thanks.",
            es: "Gracias.",
            fr: "Merci.",
            de: "Danke.",
            it: "Grazie.",
            pt: "Obrigado."),
        [AgentPhrase.AcknowledgePerfect] = Row(
            en: "Perfect.",
            es: "Perfecto.",
            fr: "Parfait.",
            de: "Perfekt.",
            it: "Perfetto.",
            pt: "Perfeito."),
        [AgentPhrase.VoiceEmergencyDone] = Row(
            en: "I've alerted {business}'s on-call team. Someone will call you back as soon as possible.",
            es: "Ya avisé al equipo de guardia de {business}. Alguien le devolverá la llamada lo antes posible.",
            fr: "J'ai alerté l'équipe d'astreinte de {business}. Quelqu'un vous rappellera dès que possible.",
            de: "Ich habe den Bereitschaftsdienst von {business} alarmiert. Jemand ruft Sie so schnell wie möglich zurück.",
            it: "Ho avvisato la squadra di reperibilità di {business}. Qualcuno la richiamerà il prima possibile.",
            pt: "Já avisei a equipe de plantão de {business}. Alguém vai retornar a ligação o mais rápido possível."),
        [AgentPhrase.VoiceEmergencyDoneAt] = Row(
            en: "I've alerted {business}'s on-call team. Someone will call you back at {phone} as soon as possible.",
            es: "Ya avisé al equipo de guardia de {business}. Alguien le llamará al {phone} lo antes posible.",
            fr: "J'ai alerté l'équipe d'astreinte de {business}. Quelqu'un vous rappellera au {phone} dès que possible.",
            de: "Ich habe den Bereitschaftsdienst von {business} alarmiert. Jemand ruft Sie so schnell wie möglich unter der {phone} zurück.",
            it: "Ho avvisato la squadra di reperibilità di {business}. Qualcuno la richiamerà al {phone} il prima possibile.",
            pt: "Já avisei a equipe de plantão de {business}. Alguém vai ligar para você no {phone} o mais rápido possível."),
        [AgentPhrase.CallIfWorse] = Row(
            en: "If anything gets worse, call 911.",
            es: "Si algo empeora, llame al 911.",
            fr: "Si la situation s'aggrave, appelez le 911.",
            de: "Wenn es schlimmer wird, rufen Sie 911 an.",
            it: "Se la situazione peggiora, chiami il 911.",
            pt: "Se algo piorar, ligue para o 911."),
        [AgentPhrase.ChatEmergencyDone] = Row(
            en: "I've flagged this as an emergency for {business}'s on-call team. Someone will call you as soon as possible.",
            es: "Marqué esto como emergencia para el equipo de guardia de {business}. Alguien le llamará lo antes posible.",
            fr: "J'ai signalé cette urgence à l'équipe d'astreinte de {business}. Quelqu'un vous appellera dès que possible.",
            de: "Ich habe das als Notfall an den Bereitschaftsdienst von {business} gemeldet. Jemand ruft Sie so schnell wie möglich an.",
            it: "Ho segnalato l'emergenza alla squadra di reperibilità di {business}. Qualcuno la chiamerà il prima possibile.",
            pt: "Registrei isso como emergência para a equipe de plantão de {business}. Alguém vai ligar para você o mais rápido possível."),
        [AgentPhrase.ChatEmergencyDoneAt] = Row(
            en: "I've flagged this as an emergency for {business}'s on-call team. Someone will call you at {phone} as soon as possible.",
            es: "Marqué esto como emergencia para el equipo de guardia de {business}. Alguien le llamará al {phone} lo antes posible.",
            fr: "J'ai signalé cette urgence à l'équipe d'astreinte de {business}. Quelqu'un vous appellera au {phone} dès que possible.",
            de: "Ich habe das als Notfall an den Bereitschaftsdienst von {business} gemeldet. Jemand ruft Sie so schnell wie möglich unter der {phone} an.",
            it: "Ho segnalato l'emergenza alla squadra di reperibilità di {business}. Qualcuno la chiamerà al {phone} il prima possibile.",
            pt: "Registrei isso como emergência para a equipe de plantão de {business}. Alguém vai ligar para você no {phone} o mais rápido possível."),

        [AgentPhrase.CallbackQuestion] = Row(
            en: "What is the best number to call you back on?",
            es: "¿A qué número le podemos devolver la llamada?",
            fr: "À quel numéro pouvons-nous vous rappeler ?",
            de: "Unter welcher Nummer können wir Sie zurückrufen?",
            it: "A quale numero possiamo richiamarla?",
            pt: "Em qual número podemos retornar a ligação?"),
        [AgentPhrase.DefaultQuestionName] = Row(
            en: "May I have your name, please?",
            es: "¿Me podría dar su nombre, por favor?",
            fr: "Puis-je avoir votre nom, s'il vous plaît ?",
            de: "Wie ist bitte Ihr Name?",
            it: "Posso avere il suo nome, per favore?",
            pt: "Qual é o seu nome, por favor?"),
        [AgentPhrase.DefaultQuestionPhone] = Row(
            en: "What is the best phone number to reach you?",
            es: "¿Cuál es el mejor número de teléfono para comunicarnos con usted?",
            fr: "Quel est le meilleur numéro de téléphone pour vous joindre ?",
            de: "Unter welcher Telefonnummer erreichen wir Sie am besten?",
            it: "Qual è il numero di telefono migliore per contattarla?",
            pt: "Qual é o melhor telefone para falar com você?"),
        [AgentPhrase.DefaultQuestionAddress] = Row(
            en: "What is the address where you need the work done?",
            es: "¿Cuál es la dirección donde necesita el trabajo?",
            fr: "À quelle adresse faut-il intervenir ?",
            de: "An welcher Adresse sollen die Arbeiten erledigt werden?",
            it: "Qual è l'indirizzo dove serve l'intervento?",
            pt: "Qual é o endereço onde o serviço deve ser feito?"),
        [AgentPhrase.DefaultQuestionProblem] = Row(
            en: "Briefly, what is the problem?",
            es: "En pocas palabras, ¿cuál es el problema?",
            fr: "En quelques mots, quel est le problème ?",
            de: "Was ist das Problem, kurz gesagt?",
            it: "In breve, qual è il problema?",
            pt: "Resumindo, qual é o problema?"),
        [AgentPhrase.DefaultQuestionLegal] = Row(
            en: "Briefly, what is your legal matter about?",
            es: "En pocas palabras, ¿de qué trata su asunto legal?",
            fr: "En quelques mots, quelle est votre question juridique ?",
            de: "Worum geht es in Ihrer Rechtsangelegenheit, kurz gesagt?",
            it: "In breve, di cosa tratta la sua questione legale?",
            pt: "Resumindo, do que se trata a sua questão jurídica?"),
        [AgentPhrase.DefaultQuestionRealEstate] = Row(
            en: "Are you looking to buy, sell or rent, and in which area?",
            es: "¿Busca comprar, vender o alquilar, y en qué zona?",
            fr: "Vous souhaitez acheter, vendre ou louer, et dans quel secteur ?",
            de: "Möchten Sie kaufen, verkaufen oder mieten, und in welcher Gegend?",
            it: "Desidera comprare, vendere o affittare, e in quale zona?",
            pt: "Você quer comprar, vender ou alugar, e em qual região?"),
        [AgentPhrase.DefaultQuestionHelp] = Row(
            en: "How can we help you?",
            es: "¿En qué podemos ayudarle?",
            fr: "Comment pouvons-nous vous aider ?",
            de: "Wie können wir Ihnen helfen?",
            it: "Come possiamo aiutarla?",
            pt: "Como podemos ajudar você?"),
        [AgentPhrase.DefaultQuestionEmail] = Row(
            en: "What is your email address, so we can send you a confirmation?",
            es: "¿Cuál es su correo electrónico, para enviarle una confirmación?",
            fr: "Quelle est votre adresse e-mail, pour que nous puissions vous envoyer une confirmation ?",
            de: "Wie lautet Ihre E-Mail-Adresse, damit wir Ihnen eine Bestätigung senden können?",
            it: "Qual è il suo indirizzo email, così possiamo inviarle una conferma?",
            pt: "Qual é o seu e-mail, para enviarmos uma confirmação?"),

        [AgentPhrase.HintEmailVoice] = Row(
            en: "Sorry, I didn't get a full email address. Could you say it slowly, like john at gmail dot com?",
            es: "Disculpe, no entendí el correo completo. ¿Podría decirlo despacio, por ejemplo juan arroba gmail punto com?",
            fr: "Pardon, je n'ai pas eu l'adresse e-mail complète. Pourriez-vous la dire lentement, par exemple jean arobase gmail point com ?",
            de: "Entschuldigung, ich habe die E-Mail-Adresse nicht vollständig verstanden. Könnten Sie sie langsam sagen, zum Beispiel max at gmail punkt com?",
            it: "Mi scusi, non ho capito tutto l'indirizzo email. Può dirlo lentamente, per esempio mario chiocciola gmail punto com?",
            pt: "Desculpe, não entendi o e-mail completo. Você pode falar devagar, por exemplo joao arroba gmail ponto com?"),
        [AgentPhrase.HintEmailChat] = Row(
            en: "That doesn't look like an email address. Could you type it like name@example.com?",
            es: "Eso no parece un correo electrónico. ¿Podría escribirlo así: nombre@ejemplo.com?",
            fr: "Cela ne ressemble pas à une adresse e-mail. Pourriez-vous l'écrire comme nom@exemple.com ?",
            de: "Das sieht nicht nach einer E-Mail-Adresse aus. Könnten Sie sie so schreiben: name@beispiel.de?",
            it: "Non sembra un indirizzo email. Può scriverlo così: nome@esempio.it?",
            pt: "Isso não parece um e-mail. Você pode digitar assim: nome@exemplo.com?"),
        [AgentPhrase.HintPhone] = Row(
            en: "I need the full number including the area code, for example 555 123 4567.",
            es: "Necesito el número completo con el código de área, por ejemplo 555 123 4567.",
            fr: "J'ai besoin du numéro complet avec l'indicatif, par exemple 555 123 4567.",
            de: "Ich brauche die vollständige Nummer mit Vorwahl, zum Beispiel 555 123 4567.",
            it: "Mi serve il numero completo con il prefisso, per esempio 555 123 4567.",
            pt: "Preciso do número completo com o DDD, por exemplo 555 123 4567."),
        [AgentPhrase.HintDate] = Row(
            en: "When would suit you? For example \"tomorrow morning\" or \"Tuesday at 3\".",
            es: "¿Cuándo le conviene? Por ejemplo \"mañana por la mañana\" o \"el martes a las 3\".",
            fr: "Quand cela vous conviendrait-il ? Par exemple \"demain matin\" ou \"mardi à 15 h\".",
            de: "Wann passt es Ihnen? Zum Beispiel \"morgen früh\" oder \"Dienstag um 15 Uhr\".",
            it: "Quando le andrebbe bene? Per esempio \"domani mattina\" o \"martedì alle 15\".",
            pt: "Quando fica bom para você? Por exemplo \"amanhã de manhã\" ou \"terça às 15h\"."),
        [AgentPhrase.HintAddress] = Row(
            en: "Could you give me the street address with the house number, like 42 Oak Street, Springfield?",
            es: "¿Podría darme la dirección con calle y número, por ejemplo Calle Roble 42, Springfield?",
            fr: "Pourriez-vous me donner l'adresse avec le numéro, par exemple 42 rue des Chênes, Springfield ?",
            de: "Könnten Sie mir die Adresse mit Hausnummer nennen, zum Beispiel Eichenstraße 42, Springfield?",
            it: "Può darmi l'indirizzo con il numero civico, per esempio Via delle Querce 42, Springfield?",
            pt: "Você pode me passar o endereço com o número, por exemplo Rua dos Carvalhos, 42, Springfield?"),
        [AgentPhrase.HintName] = Row(
            en: "Sorry, I didn't catch your name. What name should we use?",
            es: "Disculpe, no entendí su nombre. ¿A nombre de quién lo anotamos?",
            fr: "Pardon, je n'ai pas saisi votre nom. À quel nom dois-je noter la demande ?",
            de: "Entschuldigung, ich habe Ihren Namen nicht verstanden. Auf welchen Namen dürfen wir es notieren?",
            it: "Mi scusi, non ho capito il suo nome. A che nome lo registriamo?",
            pt: "Desculpe, não entendi seu nome. Em nome de quem devo anotar?"),
        [AgentPhrase.HintJobNotAddress] = Row(
            en: "That sounds like the job itself. I need the street address where the work is, like 12 Oak Street.",
            es: "Eso parece el trabajo en sí. Necesito la dirección donde se hará el trabajo, por ejemplo Calle Roble 12.",
            fr: "Cela ressemble à la description du travail. J'ai besoin de l'adresse du chantier, par exemple 12 rue des Chênes.",
            de: "Das klingt nach dem Auftrag selbst. Ich brauche die Adresse, an der gearbeitet wird, zum Beispiel Eichenstraße 12.",
            it: "Questo sembra il lavoro da fare. Mi serve l'indirizzo dove va fatto, per esempio Via delle Querce 12.",
            pt: "Isso parece o próprio serviço. Preciso do endereço onde será feito, por exemplo Rua dos Carvalhos, 12."),
        [AgentPhrase.HintNotATime] = Row(
            en: "Thanks. And when would you like us to come? For example \"tomorrow morning\" or \"Tuesday at 3\".",
            es: "Gracias. ¿Y cuándo le gustaría que fuéramos? Por ejemplo \"mañana por la mañana\" o \"el martes a las 3\".",
            fr: "Merci. Et quand souhaitez-vous que nous passions ? Par exemple \"demain matin\" ou \"mardi à 15 h\".",
            de: "Danke. Und wann sollen wir kommen? Zum Beispiel \"morgen früh\" oder \"Dienstag um 15 Uhr\".",
            it: "Grazie. E quando vorrebbe che venissimo? Per esempio \"domani mattina\" o \"martedì alle 15\".",
            pt: "Obrigado. E quando você gostaria que fôssemos? Por exemplo \"amanhã de manhã\" ou \"terça às 15h\"."),
        [AgentPhrase.ConfirmPlaceVoice] = Row(
            en: "Is {place} the address where you need us?",
            es: "¿Es {place} la dirección donde nos necesita?",
            fr: "Est-ce que {place} est l'adresse où vous avez besoin de nous ?",
            de: "Ist {place} die Adresse, an der Sie uns brauchen?",
            it: "{place} è l'indirizzo dove ha bisogno di noi?",
            pt: "{place} é o endereço onde você precisa de nós?"),
        [AgentPhrase.ConfirmPlaceChat] = Row(
            en: "Is \u201c{place}\u201d the address where you need us?",
            es: "¿Es \u201c{place}\u201d la dirección donde nos necesita?",
            fr: "Est-ce que \u00ab {place} \u00bb est l'adresse où vous avez besoin de nous ?",
            de: "Ist \u201e{place}\u201c die Adresse, an der Sie uns brauchen?",
            it: "\u00ab{place}\u00bb è l'indirizzo dove ha bisogno di noi?",
            pt: "\u201c{place}\u201d é o endereço onde você precisa de nós?"),
        [AgentPhrase.HintMore] = Row(
            en: "Could you tell me a little more?",
            es: "¿Podría contarme un poco más?",
            fr: "Pourriez-vous m'en dire un peu plus ?",
            de: "Könnten Sie mir etwas mehr dazu sagen?",
            it: "Potrebbe dirmi qualcosa in più?",
            pt: "Você poderia me contar um pouco mais?"),

        [AgentPhrase.CallApology] = Row(
            en: "Sorry, we couldn't take your call just now. If this is an emergency, please hang up and call 911. Otherwise, please call us again in a few minutes.",
            es: "Lo sentimos, no pudimos atender su llamada en este momento. Si es una emergencia, cuelgue y llame al 911. Si no, llámenos de nuevo en unos minutos.",
            fr: "Désolés, nous ne pouvons pas prendre votre appel pour le moment. S'il s'agit d'une urgence, raccrochez et appelez le 911. Sinon, rappelez-nous dans quelques minutes.",
            de: "Leider können wir Ihren Anruf gerade nicht entgegennehmen. Wenn es ein Notfall ist, legen Sie auf und rufen Sie 911 an. Andernfalls rufen Sie uns bitte in ein paar Minuten wieder an.",
            it: "Ci dispiace, al momento non possiamo rispondere alla sua chiamata. Se è un'emergenza, riattacchi e chiami il 911. Altrimenti, ci richiami tra qualche minuto.",
            pt: "Desculpe, não conseguimos atender sua ligação agora. Se for uma emergência, desligue e ligue para o 911. Caso contrário, ligue de novo em alguns minutos."),
        [AgentPhrase.NoAgentIntro] = Row(
            en: "Thanks for calling {business}. Our phone assistant isn't available on this line.",
            es: "Gracias por llamar a {business}. Nuestro asistente telefónico no está disponible en esta línea.",
            fr: "Merci d'avoir appelé {business}. Notre assistant téléphonique n'est pas disponible sur cette ligne.",
            de: "Danke für Ihren Anruf bei {business}. Unser Telefonassistent ist auf dieser Leitung nicht verfügbar.",
            it: "Grazie per aver chiamato {business}. Il nostro assistente telefonico non è disponibile su questa linea.",
            pt: "Obrigado por ligar para {business}. Nosso assistente telefônico não está disponível nesta linha."),
        [AgentPhrase.ReachUsAt] = Row(
            en: "You can also reach us at {phone}.",
            es: "También puede comunicarse con nosotros al {phone}.",
            fr: "Vous pouvez aussi nous joindre au {phone}.",
            de: "Sie erreichen uns auch unter {phone}.",
            it: "Può contattarci anche al {phone}.",
            pt: "Você também pode falar com a gente pelo {phone}."),
        [AgentPhrase.NoAgentLeaveMessage] = Row(
            en: "If this is an emergency, hang up and call 911. Otherwise, please leave your name, number and a short message after the tone.",
            es: "Si es una emergencia, cuelgue y llame al 911. Si no, deje su nombre, su número y un mensaje breve después del tono.",
            fr: "S'il s'agit d'une urgence, raccrochez et appelez le 911. Sinon, laissez votre nom, votre numéro et un court message après le bip.",
            de: "Wenn es ein Notfall ist, legen Sie auf und rufen Sie 911 an. Andernfalls hinterlassen Sie bitte nach dem Signalton Ihren Namen, Ihre Nummer und eine kurze Nachricht.",
            it: "Se è un'emergenza, riattacchi e chiami il 911. Altrimenti, lasci nome, numero e un breve messaggio dopo il segnale acustico.",
            pt: "Se for uma emergência, desligue e ligue para o 911. Caso contrário, deixe seu nome, número e uma mensagem curta depois do sinal."),
        [AgentPhrase.NoMessageCallAgainLater] = Row(
            en: "We didn't get a message. Please call again later. Goodbye.",
            es: "No recibimos ningún mensaje. Por favor, llame más tarde. Hasta luego.",
            fr: "Nous n'avons pas reçu de message. Merci de rappeler plus tard. Au revoir.",
            de: "Wir haben keine Nachricht erhalten. Bitte rufen Sie später noch einmal an. Auf Wiederhören.",
            it: "Non abbiamo ricevuto nessun messaggio. La preghiamo di richiamare più tardi. Arrivederci.",
            pt: "Não recebemos nenhuma mensagem. Por favor, ligue mais tarde. Até logo."),
        [AgentPhrase.NoMessageCallAgain] = Row(
            en: "We didn't get a message. Please call again. Goodbye.",
            es: "No recibimos ningún mensaje. Por favor, vuelva a llamar. Hasta luego.",
            fr: "Nous n'avons pas reçu de message. Merci de rappeler. Au revoir.",
            de: "Wir haben keine Nachricht erhalten. Bitte rufen Sie noch einmal an. Auf Wiederhören.",
            it: "Non abbiamo ricevuto nessun messaggio. La preghiamo di richiamare. Arrivederci.",
            pt: "Não recebemos nenhuma mensagem. Por favor, ligue de novo. Até logo."),
        [AgentPhrase.NoMessageGoodbye] = Row(
            en: "We didn't get a message. Goodbye.",
            es: "No recibimos ningún mensaje. Hasta luego.",
            fr: "Nous n'avons pas reçu de message. Au revoir.",
            de: "Wir haben keine Nachricht erhalten. Auf Wiederhören.",
            it: "Non abbiamo ricevuto nessun messaggio. Arrivederci.",
            pt: "Não recebemos nenhuma mensagem. Até logo."),
        [AgentPhrase.NoOneAvailable] = Row(
            en: "I'm sorry, no one can take the call right now. Please leave your name, number and message after the tone, and we'll call you back.",
            es: "Lo siento, en este momento nadie puede atender la llamada. Deje su nombre, su número y su mensaje después del tono, y le devolveremos la llamada.",
            fr: "Malheureusement, personne ne peut prendre l'appel pour le moment. Laissez votre nom, votre numéro et votre message après le bip, et nous vous rappellerons.",
            de: "Leider kann gerade niemand den Anruf annehmen. Bitte hinterlassen Sie nach dem Signalton Ihren Namen, Ihre Nummer und Ihre Nachricht, dann rufen wir Sie zurück.",
            it: "Mi dispiace, al momento nessuno può rispondere. Lasci nome, numero e messaggio dopo il segnale acustico e la richiameremo.",
            pt: "Sinto muito, ninguém pode atender agora. Deixe seu nome, número e mensagem depois do sinal, e retornaremos a ligação."),
        [AgentPhrase.DialNoAnswer] = Row(
            en: "Sorry, no one could take your call. Please leave your name, number and message after the tone, and we'll call you back.",
            es: "Lo sentimos, nadie pudo atender su llamada. Deje su nombre, su número y su mensaje después del tono, y le devolveremos la llamada.",
            fr: "Désolés, personne n'a pu prendre votre appel. Laissez votre nom, votre numéro et votre message après le bip, et nous vous rappellerons.",
            de: "Leider konnte niemand Ihren Anruf annehmen. Bitte hinterlassen Sie nach dem Signalton Ihren Namen, Ihre Nummer und Ihre Nachricht, dann rufen wir Sie zurück.",
            it: "Ci dispiace, nessuno ha potuto rispondere. Lasci nome, numero e messaggio dopo il segnale acustico e la richiameremo.",
            pt: "Desculpe, ninguém pôde atender sua ligação. Deixe seu nome, número e mensagem depois do sinal, e retornaremos a ligação."),
        [AgentPhrase.MessageReceived] = Row(
            en: "Thank you, we got your message and will call you back soon. Goodbye.",
            es: "Gracias, recibimos su mensaje y le devolveremos la llamada pronto. Hasta luego.",
            fr: "Merci, nous avons bien reçu votre message et nous vous rappellerons bientôt. Au revoir.",
            de: "Vielen Dank, wir haben Ihre Nachricht erhalten und rufen Sie bald zurück. Auf Wiederhören.",
            it: "Grazie, abbiamo ricevuto il suo messaggio e la richiameremo presto. Arrivederci.",
            pt: "Obrigado, recebemos sua mensagem e vamos retornar a ligação em breve. Até logo."),
        [AgentPhrase.TransferNotAnswered] = Row(
            en: "I'm sorry, no one at {business} could take your call right now. I can take a voicemail for them, or take your details so they can call you back. Which would you prefer?",
            es: "Lo siento, nadie de {business} pudo atender su llamada en este momento. Puedo tomarle un mensaje de voz, o tomar sus datos para que le devuelvan la llamada. ¿Qué prefiere?",
            fr: "Malheureusement, personne chez {business} n'a pu prendre votre appel pour le moment. Je peux prendre un message vocal, ou noter vos coordonnées pour qu'on vous rappelle. Que préférez-vous ?",
            de: "Es tut mir leid, bei {business} konnte gerade niemand Ihren Anruf annehmen. Ich kann eine Sprachnachricht aufnehmen oder Ihre Daten notieren, damit man Sie zurückruft. Was ist Ihnen lieber?",
            it: "Mi dispiace, nessuno di {business} ha potuto rispondere in questo momento. Posso registrare un messaggio in segreteria, oppure prendere i suoi dati per farla richiamare. Cosa preferisce?",
            pt: "Sinto muito, ninguém da {business} pôde atender agora. Posso gravar um recado, ou anotar seus dados para que retornem a ligação. O que você prefere?"),
        [AgentPhrase.TransferCallbackChosen] = Row(
            en: "Of course, I'll make sure they call you back.",
            es: "Por supuesto, me aseguraré de que le devuelvan la llamada.",
            fr: "Bien sûr, je m'assure qu'on vous rappelle.",
            de: "Selbstverständlich, ich sorge dafür, dass man Sie zurückruft.",
            it: "Certo, mi assicurerò che la richiamino.",
            pt: "Claro, vou garantir que retornem a sua ligação."),
        [AgentPhrase.TransferAlreadyTried] = Row(
            en: "I'm sorry, no one at {business} can come to the phone right now, but I'll make sure they call you back.",
            es: "Lo siento, nadie de {business} puede atender ahora mismo, pero me aseguraré de que le devuelvan la llamada.",
            fr: "Malheureusement, personne chez {business} ne peut répondre pour le moment, mais je m'assure qu'on vous rappelle.",
            de: "Leider kann bei {business} gerade niemand ans Telefon kommen, aber ich sorge dafür, dass man Sie zurückruft.",
            it: "Mi dispiace, nessuno di {business} può rispondere in questo momento, ma mi assicurerò che la richiamino.",
            pt: "Sinto muito, ninguém da {business} pode atender agora, mas vou garantir que retornem a sua ligação."),
        [AgentPhrase.WhisperCall] = Row(
            en: "Call from {business}'s receptionist: {caller}.",
            es: "Llamada de la recepción de {business}: {caller}.",
            fr: "Appel de la réception de {business} : {caller}.",
            de: "Anruf vom Empfang von {business}: {caller}.",
            it: "Chiamata dalla reception di {business}: {caller}.",
            pt: "Ligação da recepção de {business}: {caller}."),
        [AgentPhrase.WhisperProblemAt] = Row(
            en: "{problem} at {address}",
            es: "{problem} en {address}",
            fr: "{problem} à l'adresse {address}",
            de: "{problem}, Adresse {address}",
            it: "{problem} in {address}",
            pt: "{problem} em {address}"),
        [AgentPhrase.WhisperUnnamedCaller] = Row(
            en: "a caller at {phone}",
            es: "un cliente del número {phone}",
            fr: "un client au {phone}",
            de: "ein Anrufer mit der Nummer {phone}",
            it: "un cliente dal numero {phone}",
            pt: "um cliente do número {phone}"),
        [AgentPhrase.WhisperHiddenNumber] = Row(
            en: "a caller with no number shown",
            es: "un cliente sin número visible",
            fr: "un client au numéro masqué",
            de: "ein Anrufer mit unterdrückter Nummer",
            it: "un cliente con numero nascosto",
            pt: "um cliente com número oculto"),
        [AgentPhrase.WhisperPress] = Row(
            en: "Press 1 to accept, or hang up to send them back.",
            es: "Pulse 1 para aceptar, o cuelgue para devolver la llamada a la recepción.",
            fr: "Appuyez sur 1 pour accepter, ou raccrochez pour renvoyer l'appel à la réception.",
            de: "Drücken Sie die 1, um anzunehmen, oder legen Sie auf, um den Anruf zurückzugeben.",
            it: "Prema 1 per accettare, oppure riattacchi per rimandare la chiamata alla reception.",
            pt: "Pressione 1 para aceitar, ou desligue para devolver a ligação à recepção."),
        [AgentPhrase.WhisperNoKey] = Row(
            en: "No key was pressed, so the caller goes back to the receptionist. Goodbye.",
            es: "No se pulsó ninguna tecla, así que la llamada vuelve a la recepción. Adiós.",
            fr: "Aucune touche n'a été pressée, l'appel retourne donc à la réception. Au revoir.",
            de: "Es wurde keine Taste gedrückt, daher geht der Anruf zurück an den Empfang. Auf Wiederhören.",
            it: "Non è stato premuto alcun tasto, quindi la chiamata torna alla reception. Arrivederci.",
            pt: "Nenhuma tecla foi pressionada, então a ligação volta para a recepção. Até logo."),
        [AgentPhrase.WhisperGone] = Row(
            en: "This caller is no longer waiting. Goodbye.",
            es: "Esta persona ya no está esperando. Adiós.",
            fr: "Cette personne n'attend plus. Au revoir.",
            de: "Dieser Anrufer wartet nicht mehr. Auf Wiederhören.",
            it: "Questa persona non è più in attesa. Arrivederci.",
            pt: "Essa pessoa não está mais esperando. Até logo."),
        [AgentPhrase.LostTrack] = Row(
            en: "Sorry, I lost track of our conversation.",
            es: "Disculpe, perdí el hilo de nuestra conversación.",
            fr: "Pardon, j'ai perdu le fil de notre conversation.",
            de: "Entschuldigung, ich habe den Faden unseres Gesprächs verloren.",
            it: "Mi scusi, ho perso il filo della nostra conversazione.",
            pt: "Desculpe, perdi o fio da nossa conversa."),
        [AgentPhrase.HowCanIHelp] = Row(
            en: "How can I help you?",
            es: "¿En qué puedo ayudarle?",
            fr: "Comment puis-je vous aider ?",
            de: "Wie kann ich Ihnen helfen?",
            it: "Come posso aiutarla?",
            pt: "Como posso ajudar você?"),
        [AgentPhrase.SuspendedChat] = Row(
            en: "Sorry, {business} isn't answering messages here right now. Please try again later. If this is an emergency, call 911.",
            es: "Lo sentimos, {business} no está respondiendo mensajes por aquí en este momento. Inténtelo más tarde. Si es una emergencia, llame al 911.",
            fr: "Désolés, {business} ne répond pas aux messages ici pour le moment. Réessayez plus tard. S'il s'agit d'une urgence, appelez le 911.",
            de: "Leider beantwortet {business} hier gerade keine Nachrichten. Bitte versuchen Sie es später noch einmal. Wenn es ein Notfall ist, rufen Sie 911 an.",
            it: "Ci dispiace, al momento {business} non risponde ai messaggi qui. Riprovi più tardi. Se è un'emergenza, chiami il 911.",
            pt: "Desculpe, {business} não está respondendo mensagens aqui no momento. Tente de novo mais tarde. Se for uma emergência, ligue para o 911."),
        [AgentPhrase.SuspendedVoice] = Row(
            en: "Thanks for calling {business}. We can't take calls right now. If this is an emergency, please hang up and call 911. Otherwise, please leave your name, number and a short message after the tone, and we'll pass it on.",
            es: "Gracias por llamar a {business}. En este momento no podemos atender llamadas. Si es una emergencia, cuelgue y llame al 911. Si no, deje su nombre, su número y un mensaje breve después del tono, y lo haremos llegar.",
            fr: "Merci d'avoir appelé {business}. Nous ne pouvons pas prendre d'appels pour le moment. S'il s'agit d'une urgence, raccrochez et appelez le 911. Sinon, laissez votre nom, votre numéro et un court message après le bip, et nous le transmettrons.",
            de: "Danke für Ihren Anruf bei {business}. Wir können gerade keine Anrufe annehmen. Wenn es ein Notfall ist, legen Sie auf und rufen Sie 911 an. Andernfalls hinterlassen Sie bitte nach dem Signalton Ihren Namen, Ihre Nummer und eine kurze Nachricht, und wir geben sie weiter.",
            it: "Grazie per aver chiamato {business}. Al momento non possiamo rispondere alle chiamate. Se è un'emergenza, riattacchi e chiami il 911. Altrimenti, lasci nome, numero e un breve messaggio dopo il segnale acustico e lo inoltreremo.",
            pt: "Obrigado por ligar para {business}. No momento não podemos atender ligações. Se for uma emergência, desligue e ligue para o 911. Caso contrário, deixe seu nome, número e uma mensagem curta depois do sinal, e vamos repassar o recado."),
        [AgentPhrase.BlockedCaller] = Row(
            en: "This number can't reach {business}. Goodbye.",
            es: "Este número no puede comunicarse con {business}. Adiós.",
            fr: "Ce numéro ne peut pas joindre {business}. Au revoir.",
            de: "Diese Nummer kann {business} nicht erreichen. Auf Wiederhören.",
            it: "Questo numero non può raggiungere {business}. Arrivederci.",
            pt: "Este número não pode falar com {business}. Até logo."),
        [AgentPhrase.ScreenedVoicemail] = Row(
            en: "Thanks for calling {business}. Please leave your name, your phone number and a short message after the tone, and we'll get back to you.",
            es: "Gracias por llamar a {business}. Deje su nombre, su número de teléfono y un mensaje breve después del tono, y le responderemos.",
            fr: "Merci d'avoir appelé {business}. Laissez votre nom, votre numéro de téléphone et un court message après le bip, et nous vous recontacterons.",
            de: "Danke für Ihren Anruf bei {business}. Bitte hinterlassen Sie nach dem Signalton Ihren Namen, Ihre Telefonnummer und eine kurze Nachricht, dann melden wir uns bei Ihnen.",
            it: "Grazie per aver chiamato {business}. Lasci nome, numero di telefono e un breve messaggio dopo il segnale acustico e la ricontatteremo.",
            pt: "Obrigado por ligar para {business}. Deixe seu nome, seu número de telefone e uma mensagem curta depois do sinal, e retornaremos o contato."),

        [AgentPhrase.RecordingNotice] = Row(
            en: "This call may be recorded for quality and training.",
            es: "Esta llamada puede ser grabada con fines de calidad y capacitación.",
            fr: "Cet appel peut être enregistré à des fins de qualité et de formation.",
            de: "Dieser Anruf kann zu Qualitäts- und Schulungszwecken aufgezeichnet werden.",
            it: "Questa chiamata potrebbe essere registrata per motivi di qualità e formazione.",
            pt: "Esta ligação pode ser gravada para fins de qualidade e treinamento."),

        [AgentPhrase.SmsConfirmation] = Row(
            en: "Thanks {name}, {business} has your request about {issue}. We'll call you back as soon as we can.",
            es: "Gracias {name}, {business} ha recibido su solicitud sobre {issue}. Le llamaremos lo antes posible.",
            fr: "Merci {name}, {business} a bien reçu votre demande concernant {issue}. Nous vous rappellerons dès que possible.",
            de: "Danke {name}, {business} hat Ihre Anfrage zu {issue} erhalten. Wir rufen Sie so bald wie möglich zurück.",
            it: "Grazie {name}, {business} ha ricevuto la sua richiesta su {issue}. La richiameremo il prima possibile.",
            pt: "Obrigado {name}, a {business} recebeu seu pedido sobre {issue}. Vamos ligar para você o quanto antes."),
        [AgentPhrase.SmsConfirmationNoIssue] = Row(
            en: "Thanks {name}, {business} has your request. We'll call you back as soon as we can.",
            es: "Gracias {name}, {business} ha recibido su solicitud. Le llamaremos lo antes posible.",
            fr: "Merci {name}, {business} a bien reçu votre demande. Nous vous rappellerons dès que possible.",
            de: "Danke {name}, {business} hat Ihre Anfrage erhalten. Wir rufen Sie so bald wie möglich zurück.",
            it: "Grazie {name}, {business} ha ricevuto la sua richiesta. La richiameremo il prima possibile.",
            pt: "Obrigado {name}, a {business} recebeu seu pedido. Vamos ligar para você o quanto antes."),
        [AgentPhrase.SmsMissedCall] = Row(
            en: "Sorry we missed your call to {business}. Reply to this text with what you need and we'll get back to you. Reply STOP to opt out.",
            es: "Lamentamos no haber atendido su llamada a {business}. Responda a este mensaje con lo que necesita y le contestaremos. Responda STOP para no recibir más mensajes.",
            fr: "Désolés d'avoir manqué votre appel à {business}. Répondez à ce message avec votre demande et nous vous recontacterons. Répondez STOP pour ne plus recevoir de messages.",
            de: "Leider haben wir Ihren Anruf bei {business} verpasst. Antworten Sie auf diese Nachricht mit Ihrem Anliegen, wir melden uns. Antworten Sie STOP, um keine Nachrichten mehr zu erhalten.",
            it: "Ci dispiace di aver perso la sua chiamata a {business}. Risponda a questo messaggio con ciò che le serve e la ricontatteremo. Risponda STOP per non ricevere altri messaggi.",
            pt: "Desculpe, perdemos sua ligação para a {business}. Responda a esta mensagem com o que você precisa e entraremos em contato. Responda STOP para não receber mais mensagens."),
        [AgentPhrase.SmsUnsubscribed] = Row(
            en: "You're unsubscribed from {business}. Reply START to resubscribe.",
            es: "Ha cancelado su suscripción a {business}. Responda START para volver a suscribirse.",
            fr: "Vous êtes désabonné de {business}. Répondez START pour vous réabonner.",
            de: "Sie erhalten keine Nachrichten mehr von {business}. Antworten Sie START, um sie wieder zu erhalten.",
            it: "Non riceverà più messaggi da {business}. Risponda START per iscriversi di nuovo.",
            pt: "Você cancelou a inscrição de {business}. Responda START para se inscrever novamente."),
        [AgentPhrase.SmsResubscribed] = Row(
            en: "You're subscribed again to texts from {business}. Reply STOP to unsubscribe.",
            es: "Vuelve a recibir mensajes de {business}. Responda STOP para cancelar la suscripción.",
            fr: "Vous recevez de nouveau les messages de {business}. Répondez STOP pour vous désabonner.",
            de: "Sie erhalten wieder Nachrichten von {business}. Antworten Sie STOP, um sie abzubestellen.",
            it: "Riceverà di nuovo i messaggi di {business}. Risponda STOP per annullare l'iscrizione.",
            pt: "Você voltou a receber mensagens de {business}. Responda STOP para cancelar a inscrição."),
        [AgentPhrase.SmsHelp] = Row(
            en: "{business}: text us here with what you need, or call {phone}. Reply STOP to unsubscribe.",
            es: "{business}: escríbanos aquí lo que necesita o llame al {phone}. Responda STOP para cancelar la suscripción.",
            fr: "{business} : écrivez-nous ici votre demande ou appelez le {phone}. Répondez STOP pour vous désabonner.",
            de: "{business}: Schreiben Sie uns hier Ihr Anliegen oder rufen Sie {phone} an. Antworten Sie STOP, um Nachrichten abzubestellen.",
            it: "{business}: ci scriva qui ciò che le serve o chiami il {phone}. Risponda STOP per annullare l'iscrizione.",
            pt: "{business}: escreva aqui o que você precisa ou ligue para {phone}. Responda STOP para cancelar a inscrição."),
        [AgentPhrase.SpokenDollars] = Row(
            en: "{amount} dollars",
            es: "{amount} dólares",
            fr: "{amount} dollars",
            de: "{amount} Dollar",
            it: "{amount} dollari",
            pt: "{amount} dólares"),
        [AgentPhrase.SpokenDollarsAndCents] = Row(
            en: "{amount} dollars and {cents} cents",
            es: "{amount} dólares con {cents} centavos",
            fr: "{amount} dollars et {cents} cents",
            de: "{amount} Dollar und {cents} Cent",
            it: "{amount} dollari e {cents} centesimi",
            pt: "{amount} dólares e {cents} centavos"),
        [AgentPhrase.SpokenAnd] = Row(
            en: "and",
            es: "y",
            fr: "et",
            de: "und",
            it: "e",
            pt: "e"),

        [AgentPhrase.HoursOpenNow] = Row(
            en: "Yes, we're open now, until {time}.",
            es: "Sí, ahora estamos abiertos, hasta las {time}.",
            fr: "Oui, nous sommes ouverts en ce moment, jusqu'à {time}.",
            de: "Ja, wir haben jetzt geöffnet, bis {time}.",
            it: "Sì, siamo aperti adesso, fino alle {time}.",
            pt: "Sim, estamos abertos agora, até as {time}."),
        [AgentPhrase.HoursOpenAroundTheClock] = Row(
            en: "Yes, we're open now, around the clock.",
            es: "Sí, estamos abiertos ahora, las 24 horas.",
            fr: "Oui, nous sommes ouverts en ce moment, 24 heures sur 24.",
            de: "Ja, wir haben jetzt geöffnet, rund um die Uhr.",
            it: "Sì, siamo aperti adesso, 24 ore su 24.",
            pt: "Sim, estamos abertos agora, 24 horas por dia."),
        [AgentPhrase.HoursClosedNow] = Row(
            en: "We're closed right now. We open again {when}.",
            es: "En este momento estamos cerrados. Volvemos a abrir {when}.",
            fr: "Nous sommes fermés en ce moment. Nous rouvrons {when}.",
            de: "Wir haben gerade geschlossen. Wir öffnen wieder {when}.",
            it: "Al momento siamo chiusi. Riapriamo {when}.",
            pt: "Estamos fechados agora. Abrimos de novo {when}."),
        [AgentPhrase.HoursClosedNowNoNext] = Row(
            en: "We're closed right now.",
            es: "En este momento estamos cerrados.",
            fr: "Nous sommes fermés en ce moment.",
            de: "Wir haben gerade geschlossen.",
            it: "Al momento siamo chiusi.",
            pt: "Estamos fechados agora."),
        [AgentPhrase.HoursTodayAt] = Row(
            en: "today at {time}",
            es: "hoy a las {time}",
            fr: "aujourd'hui à {time}",
            de: "heute um {time}",
            it: "oggi alle {time}",
            pt: "hoje às {time}"),
        [AgentPhrase.HoursTomorrowAt] = Row(
            en: "tomorrow at {time}",
            es: "mañana a las {time}",
            fr: "demain à {time}",
            de: "morgen um {time}",
            it: "domani alle {time}",
            pt: "amanhã às {time}"),
        [AgentPhrase.HoursDayAt] = Row(
            en: "{day} at {time}",
            es: "el {day} a las {time}",
            fr: "{day} à {time}",
            de: "am {day} um {time}",
            it: "{day} alle {time}",
            pt: "{day} às {time}"),
        [AgentPhrase.HoursRange] = Row(
            en: "{t1} to {t2}",
            es: "desde las {t1} hasta las {t2}",
            fr: "de {t1} à {t2}",
            de: "von {t1} bis {t2}",
            it: "dalle {t1} alle {t2}",
            pt: "das {t1} às {t2}"),
        [AgentPhrase.HoursDaySpan] = Row(
            en: "{first} to {last}",
            es: "de {first} a {last}",
            fr: "du {first} au {last}",
            de: "{first} bis {last}",
            it: "da {first} a {last}",
            pt: "de {first} a {last}"),
        [AgentPhrase.HoursClosedWord] = Row(
            en: "closed",
            es: "cerrado",
            fr: "fermé",
            de: "geschlossen",
            it: "chiuso",
            pt: "fechado"),
        [AgentPhrase.HoursWeek] = Row(
            en: "Our hours are {schedule}.",
            es: "Nuestro horario es {schedule}.",
            fr: "Nos horaires sont {schedule}.",
            de: "Unsere Öffnungszeiten sind {schedule}.",
            it: "I nostri orari sono {schedule}.",
            pt: "Nosso horário é {schedule}."),
        [AgentPhrase.HoursDayOpen] = Row(
            en: "On {day} we're open {ranges}.",
            es: "El {day} abrimos {ranges}.",
            fr: "Le {day}, nous sommes ouverts {ranges}.",
            de: "Am {day} haben wir {ranges} geöffnet.",
            it: "Di {day} siamo aperti {ranges}.",
            pt: "Em {day}, abrimos {ranges}."),
        [AgentPhrase.HoursDayClosed] = Row(
            en: "We're closed on {day}.",
            es: "El {day} estamos cerrados.",
            fr: "Le {day}, nous sommes fermés.",
            de: "Am {day} haben wir geschlossen.",
            it: "Di {day} siamo chiusi.",
            pt: "Em {day}, estamos fechados."),
        [AgentPhrase.WidgetOpenUntil] = Row(
            en: "Open now · until {time}",
            es: "Abierto ahora · hasta las {time}",
            fr: "Ouvert · jusqu'à {time}",
            de: "Jetzt geöffnet · bis {time}",
            it: "Aperto ora · fino alle {time}",
            pt: "Aberto agora · até as {time}"),
        [AgentPhrase.WidgetOpenNow] = Row(
            en: "Open now",
            es: "Abierto ahora",
            fr: "Ouvert",
            de: "Jetzt geöffnet",
            it: "Aperto ora",
            pt: "Aberto agora"),
        [AgentPhrase.WidgetClosedCallBack] = Row(
            en: "Closed now · we'll call you back from {when}",
            es: "Cerrado ahora · le llamaremos a partir de {when}",
            fr: "Fermé · nous vous rappellerons à partir de {when}",
            de: "Jetzt geschlossen · wir rufen Sie ab {when} zurück",
            it: "Chiuso ora · la richiameremo da {when}",
            pt: "Fechado agora · retornaremos a partir de {when}"),
        [AgentPhrase.WidgetClosedNow] = Row(
            en: "Closed now · leave a message and we'll get back to you",
            es: "Cerrado ahora · deje un mensaje y le responderemos",
            fr: "Fermé · laissez un message et nous vous répondrons",
            de: "Jetzt geschlossen · hinterlassen Sie eine Nachricht, wir melden uns",
            it: "Chiuso ora · lasci un messaggio e la ricontatteremo",
            pt: "Fechado agora · deixe uma mensagem e retornaremos"),
        [AgentPhrase.WidgetWhen] = Row(
            en: "{time} {day}",
            es: "las {time}, {day}",
            fr: "{time}, {day}",
            de: "{day}, {time}",
            it: "{time}, {day}",
            pt: "{time}, {day}"),
        [AgentPhrase.WordToday] = Row(
            en: "today",
            es: "hoy",
            fr: "aujourd'hui",
            de: "heute",
            it: "oggi",
            pt: "hoje"),
        [AgentPhrase.WordTomorrow] = Row(
            en: "tomorrow",
            es: "mañana",
            fr: "demain",
            de: "morgen",
            it: "domani",
            pt: "amanhã"),
        [AgentPhrase.SpokenOr] = Row(
            en: "or",
            es: "o",
            fr: "ou",
            de: "oder",
            it: "o",
            pt: "ou"),
        [AgentPhrase.BookingOffer] = Row(
            en: "I can book your {service} right now: I have {options}.",
            es: "Puedo reservar su {service} ahora mismo: tengo {options}.",
            fr: "Je peux réserver votre {service} tout de suite : j'ai {options}.",
            de: "Ich kann Ihren Termin „{service}“ gleich buchen: Ich habe {options}.",
            it: "Posso prenotare subito {service}: ho {options}.",
            pt: "Posso agendar {service} agora mesmo: tenho {options}."),
        [AgentPhrase.BookingPickOne] = Row(
            en: "Which suits you best?",
            es: "¿Cuál le viene mejor?",
            fr: "Qu'est-ce qui vous convient le mieux ?",
            de: "Was passt Ihnen am besten?",
            it: "Quale le va meglio?",
            pt: "Qual fica melhor para você?"),
        [AgentPhrase.BookingNarrowed] = Row(
            en: "I can do {options}.",
            es: "Puedo ofrecerle {options}.",
            fr: "Je peux vous proposer {options}.",
            de: "Ich kann Ihnen {options} anbieten.",
            it: "Posso proporle {options}.",
            pt: "Posso oferecer {options}."),
        [AgentPhrase.BookingNoneLikeThat] = Row(
            en: "I don't have a free time like that soon. The nearest are {options}.",
            es: "No tengo un hueco así próximamente. Los más cercanos son {options}.",
            fr: "Je n'ai pas de créneau de ce genre prochainement. Les plus proches sont {options}.",
            de: "So einen freien Termin habe ich in nächster Zeit nicht. Die nächsten sind {options}.",
            it: "Non ho un orario libero così a breve. I più vicini sono {options}.",
            pt: "Não tenho um horário assim em breve. Os mais próximos são {options}."),
        [AgentPhrase.BookingTaken] = Row(
            en: "Sorry, {when} was just taken. I can do {options} instead.",
            es: "Lo siento, {when} se acaba de ocupar. Puedo ofrecerle {options}.",
            fr: "Désolé, {when} vient d'être pris. Je peux vous proposer {options} à la place.",
            de: "Entschuldigung, {when} wurde gerade vergeben. Ich kann Ihnen stattdessen {options} anbieten.",
            it: "Mi dispiace, {when} è appena stato preso. Posso proporle invece {options}.",
            pt: "Desculpe, {when} acabou de ser reservado. Posso oferecer {options}."),
        [AgentPhrase.BookingWhich] = Row(
            en: "Which time would you like: {options}? Or say no thanks, and we'll call you to find a time.",
            es: "¿Qué hora prefiere: {options}? O diga no, gracias, y le llamaremos para buscar una hora.",
            fr: "Quel horaire préférez-vous : {options} ? Ou dites non merci, et nous vous appellerons pour trouver un moment.",
            de: "Welcher Termin ist Ihnen lieber: {options}? Oder sagen Sie nein danke, dann rufen wir Sie an und finden einen Termin.",
            it: "Quale orario preferisce: {options}? Oppure dica no grazie, e la chiameremo per trovare un orario.",
            pt: "Qual horário você prefere: {options}? Ou diga não, obrigado, e ligaremos para combinar um horário."),
        [AgentPhrase.BookingBooked] = Row(
            en: "Booked: your {service} on {when}. You'll get a confirmation.",
            es: "Reservado: su {service}, {when}. Recibirá una confirmación.",
            fr: "C'est réservé : votre {service}, {when}. Vous recevrez une confirmation.",
            de: "Gebucht: Ihr Termin „{service}“ {when}. Sie erhalten eine Bestätigung.",
            it: "Prenotato: {service}, {when}. Riceverà una conferma.",
            pt: "Agendado: {service}, {when}. Você vai receber uma confirmação."),
    };
}
