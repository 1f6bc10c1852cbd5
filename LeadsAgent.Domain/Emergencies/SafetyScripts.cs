namespace LeadsAgent.Domain.Emergencies;

/// <summary>
/// The fixed safety scripts, keyed by hazard and language, in one table: no configuration, model or knowledge passage
/// can change or remove them (a passage may only add to them). Short enough to say first on a call. To support a new
/// language, add one line per hazard here; <see cref="Languages"/> lists the ones every hazard has.
/// </summary>
public static class SafetyScripts
{
    public const string DefaultLanguage = "en";

    static readonly Dictionary<(Hazard Hazard, string Language), string> s_scripts = new()
    {
        [(Hazard.Gas, "en")] = "If you smell gas, leave the building now. Don't switch lights or anything electrical on or off, don't use a lighter, and once you're outside call 911 or your gas company's emergency line.",
        [(Hazard.CarbonMonoxide, "en")] = "Carbon monoxide can kill. Get everyone, pets too, outside into fresh air right now and call 911. Don't go back in until the fire department says it's safe.",
        [(Hazard.Fire, "en")] = "If there is fire, smoke or sparking, get everyone out of the building now and call 911. Never use water on an electrical fire.",
        [(Hazard.Electrical, "en")] = "Stay away from the wires and anything that may be live, and keep others away. Switch off the breaker only if you can reach it safely, away from any water. If a line is down or someone has been shocked, call 911.",
        [(Hazard.Water, "en")] = "If it's safe to reach, shut off the main water valve now. Keep away from outlets, switches and anything electrical near the water.",
        [(Hazard.Medical, "en")] = "If someone's life depends on that equipment, call 911 now. Don't wait for us.",
        [(Hazard.Violence, "en")] = "If you are in danger right now, please hang up and call 911 first.",

        [(Hazard.Gas, "es")] = "Si huele a gas, salga del edificio ahora. No encienda ni apague luces ni aparatos, no use encendedores y, ya afuera, llame al 911 o a la compañía de gas.",
        [(Hazard.CarbonMonoxide, "es")] = "El monóxido de carbono puede matar. Saque a todos, también a las mascotas, al aire libre ahora mismo y llame al 911. No vuelva a entrar hasta que los bomberos digan que es seguro.",
        [(Hazard.Fire, "es")] = "Si hay fuego, humo o chispas, saque a todos del edificio ahora y llame al 911. Nunca use agua en un incendio eléctrico.",
        [(Hazard.Electrical, "es")] = "Aléjese de los cables y de todo lo que pueda tener corriente, y mantenga a los demás lejos. Baje el interruptor principal solo si puede llegar sin peligro y lejos del agua. Si hay un cable caído o alguien recibió una descarga, llame al 911.",
        [(Hazard.Water, "es")] = "Si puede llegar sin peligro, cierre ahora la llave de paso principal del agua. Manténgase lejos de enchufes, interruptores y aparatos eléctricos cerca del agua.",
        [(Hazard.Medical, "es")] = "Si la vida de alguien depende de ese equipo, llame al 911 ahora. No nos espere.",
        [(Hazard.Violence, "es")] = "Si está en peligro ahora mismo, cuelgue y llame al 911 primero.",
    };

    /// <summary>The languages with a script for every hazard.</summary>
    public static IReadOnlyList<string> Languages { get; } =
        [.. s_scripts.Keys.Select(k => k.Language).Distinct()
            .Where(lang => Enum.GetValues<Hazard>().Where(h => h != Hazard.None).All(h => s_scripts.ContainsKey((h, lang))))];

    /// <summary>The script for a hazard in a language ("es", "es-MX"), in English when that language has none.</summary>
    public static SafetyScript For(Hazard hazard, string? language)
    {
        var lang = (language ?? DefaultLanguage).Split('-')[0].ToLowerInvariant();
        return s_scripts.TryGetValue((hazard, lang), out var text)
            ? new SafetyScript(hazard, text, lang)
            : new SafetyScript(hazard, s_scripts[(hazard, DefaultLanguage)], DefaultLanguage);
    }
}
