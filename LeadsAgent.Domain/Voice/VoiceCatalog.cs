namespace LeadsAgent.Domain.Voice;

public enum VoiceKind
{
    Basic,
    Premium,
    Generative,
}

/// <summary>A voice Twilio accepts, the language it speaks, and whether it is a premium or generative voice.</summary>
public sealed record VoiceOption(string Name, string Language, VoiceKind Kind);

/// <summary>
/// The voices and languages the agent offers, from Twilio's voice enum and AWS/Google voice lists (the reference's
/// table). Twilio warns that a voice speaking the wrong language can fail the whole &lt;Say&gt;.
/// </summary>
public static class VoiceCatalog
{
    public static IReadOnlyList<string> Languages { get; } = ["en-US", "en-GB", "en-AU", "es-ES", "es-MX", "fr-FR", "de-DE", "it-IT", "pt-BR"];

    static readonly string[] s_chirp = ["Aoede", "Charon", "Fenrir", "Kore", "Leda", "Orus", "Puck", "Zephyr"];

    static readonly (string Language, string[] Standard, string[] Neural, string[] Generative, string Basic)[] s_polly =
    [
        ("en-US", ["Ivy", "Joanna", "Kendra", "Kimberly", "Salli", "Joey", "Justin", "Kevin", "Matthew"], ["Danielle", "Gregory", "Ivy", "Joanna", "Joey", "Justin", "Kendra", "Kevin", "Kimberly", "Matthew", "Ruth", "Salli", "Stephen"], ["Danielle", "Joanna", "Matthew", "Ruth", "Stephen"], "en"),
        ("en-GB", ["Amy", "Emma", "Brian"], ["Amy", "Emma", "Brian", "Arthur"], ["Amy"], "en-gb"),
        ("en-AU", ["Nicole", "Russell"], ["Olivia"], ["Olivia"], ""),
        ("es-ES", ["Conchita", "Lucia", "Enrique"], ["Lucia", "Sergio"], ["Lucia", "Sergio"], "es"),
        ("es-MX", ["Mia"], ["Mia", "Andres"], ["Mía", "Andres"], ""),
        ("fr-FR", ["Celine", "Lea", "Mathieu"], ["Lea", "Remi"], ["Lea", "Rémi"], "fr"),
        ("de-DE", ["Marlene", "Vicki", "Hans"], ["Vicki", "Daniel"], ["Vicki", "Daniel"], "de"),
        ("it-IT", ["Carla", "Bianca", "Giorgio"], ["Bianca", "Adriano"], ["Bianca"], ""),
        ("pt-BR", ["Camila", "Vitoria", "Ricardo"], ["Camila", "Vitoria", "Thiago"], [], ""),
    ];

    public static IReadOnlyList<VoiceOption> All { get; } = Build();

    static List<VoiceOption> Build()
    {
        var voices = new List<VoiceOption>();
        foreach (var (language, standard, neural, generative, basic) in s_polly)
        {
            // alice is legacy (Twilio says not to use it for new work) but is the design documents' default.
            voices.Add(new VoiceOption("alice", language, VoiceKind.Basic));
            if (basic.Length > 0)
            {
                voices.Add(new VoiceOption("man", language, VoiceKind.Basic));
                voices.Add(new VoiceOption("woman", language, VoiceKind.Basic));
            }

            voices.AddRange(standard.Select(n => new VoiceOption($"Polly.{n}", language, VoiceKind.Premium)));
            voices.AddRange(neural.Select(n => new VoiceOption($"Polly.{n}-Neural", language, VoiceKind.Premium)));
            voices.AddRange(generative.Select(n => new VoiceOption($"Polly.{n}-Generative", language, VoiceKind.Generative)));
            if (language != "es-MX")
            {
                voices.AddRange(s_chirp.Select(n => new VoiceOption($"Google.{language}-Chirp3-HD-{n}", language, VoiceKind.Generative)));
            }
        }

        return voices;
    }

    public static bool IsValid(string voice, string language) => All.Any(v => v.Name == voice && v.Language == language);

    public static VoiceOption? Find(string voice, string language) => All.FirstOrDefault(v => v.Name == voice && v.Language == language);

    public static IEnumerable<VoiceOption> For(string language) => All.Where(v => v.Language == language);
}
