namespace LeadsAgent.Domain.Emergencies;

/// <summary>Dangers to people that come with a safety script the agent must say before anything else.</summary>
public enum Hazard
{
    None,
    Gas,
    CarbonMonoxide,
    Fire,
    Electrical,
    Violence,
}

/// <summary>What to tell a person in danger, in their language.</summary>
public sealed record SafetyScript(Hazard Hazard, string Text, string Language);

/// <summary>The outcome of triage: the priority, why, what was deliberately ignored and why, and a safety script when life is at risk.</summary>
public sealed record TriageResult(
    Leads.LeadPriority Priority,
    IReadOnlyList<EmergencyReason> Reasons,
    IReadOnlyList<EmergencyReason> Ignored,
    SafetyScript? SafetyScript)
{
    public bool IsEmergency => Priority == Leads.LeadPriority.URGENT;
}

/// <summary>The fixed safety scripts: no configuration or model can change or remove them.</summary>
public static class SafetyScripts
{
    static readonly Dictionary<(Hazard, string), string> s_scripts = new()
    {
        [(Hazard.Gas, "en")] = "If you smell gas, leave the building now. Don't switch lights or anything electrical on or off, don't use a lighter, and once you're outside call 911 or your gas company's emergency line.",
        [(Hazard.CarbonMonoxide, "en")] = "Carbon monoxide can kill. Get everyone, pets too, outside into fresh air right now and call 911. Don't go back in until the fire department says it's safe.",
        [(Hazard.Fire, "en")] = "If there is fire, smoke or sparking, get everyone out of the building now and call 911. Never use water on an electrical fire, and if it's safe to reach, switch off the main breaker.",
        [(Hazard.Electrical, "en")] = "Stay at least 30 feet away from any fallen or live wire and keep others away. Call 911. If someone has been shocked, don't touch them while they may still be touching the power source.",
        [(Hazard.Violence, "en")] = "If you are in danger right now, please hang up and call 911 first.",
        [(Hazard.Gas, "es")] = "Si huele a gas, salga del edificio ahora. No encienda ni apague luces ni aparatos, no use encendedores y, ya afuera, llame al 911 o a la compañía de gas.",
        [(Hazard.CarbonMonoxide, "es")] = "El monóxido de carbono puede matar. Saque a todos, también a las mascotas, al aire libre ahora mismo y llame al 911. No vuelva a entrar hasta que los bomberos digan que es seguro.",
        [(Hazard.Fire, "es")] = "Si hay fuego, humo o chispas, saque a todos del edificio ahora y llame al 911. Nunca use agua en un incendio eléctrico.",
        [(Hazard.Electrical, "es")] = "Manténgase a por lo menos 10 metros de cualquier cable caído o con corriente y llame al 911. Si alguien recibió una descarga, no lo toque mientras pueda seguir en contacto con la corriente.",
        [(Hazard.Violence, "es")] = "Si está en peligro ahora mismo, cuelgue y llame al 911 primero.",
    };

    public static SafetyScript For(Hazard hazard, string language)
    {
        var lang = language == "es" ? "es" : "en";
        return new SafetyScript(hazard, s_scripts[(hazard, lang)], lang);
    }
}
