using System.Text.RegularExpressions;

namespace LeadsAgent.Domain.Engine;

/// <summary>
/// The same intents in the seed's other languages (French, German, Italian, Portuguese, and Spanish beyond the main
/// patterns), over normalised text (lower case, no accents, hyphens as spaces). Kept apart from the English patterns so
/// each language's words read together. A chat visitor may write in any of them; on a call the recogniser listens for
/// the business's language. Only the common ways of saying each intent: a model, when configured, reads the rest.
/// </summary>
public static partial class IntentClassifier
{
    [GeneratedRegex(@"^(bonjour|bonsoir|salut|allo|hallo|guten (morgen|tag|abend)|servus|moin|ciao|buongiorno|buonasera|salve|ola|oi|bom dia|boa (tarde|noite)|buen dia|que tal)\b")]
    private static partial Regex GreetingElsewhere();

    [GeneratedRegex(@"^(((ok|merci( beaucoup)?|(vielen )?danke?|grazie( mille)?|(muito )?obrigad[oa]|(muchas )?gracias|non|nein|no|nao|bon|gut|va bene|bene|tudo bem) (\| )?)*)(au revoir|bonne (journee|soiree)|c'est tout|a bientot|tschuss|auf wiedersehen|auf wiederhoren|das wars?|das war es|schonen tag|arrivederci|a presto|buona (giornata|serata)|e tutto|tchau|ate logo|ate mais|e so isso|so isso|eso es todo|es todo|nada mas|chao)\b")]
    private static partial Regex GoodbyeElsewhere();

    [GeneratedRegex(@"\bparler (a|avec) (quelqu'un|une personne|un humain|un conseiller|un technicien)\b|\b(mit )?(einem menschen|jemandem|einer person|einem mitarbeiter) sprechen\b|\bparlare con (qualcuno|una persona|un operatore|un tecnico)\b|\bfalar com (alguem|uma pessoa|um atendente|um humano)\b|\bhablar con (un humano|un agente|el encargado)\b")]
    private static partial Regex HumanElsewhere();

    [GeneratedRegex(@"\blaisser (un )?message\b|\bnachricht hinterlassen\b|\blasciare (un )?messaggio\b|\bdeixar (uma )?(mensagem|recado)\b")]
    private static partial Regex MessageElsewhere();

    [GeneratedRegex(@"\b(horaires?|ouverts?|fermez|heures d'ouverture|offnungszeiten|geoffnet|orari|aperti|aperto|chiudete|horarios?|abertos?|fecham|funcionam|abiert[oa]s?|cerrad[oa]s?)\b")]
    private static partial Regex HoursElsewhere();

    [GeneratedRegex(@"\b(combien|prix|tarifs?|devis|coute|kostet|kosten|preise?|kostenvoranschlag|quanto costa|prezzi|prezzo|preventivo|costo|quanto custa|precos?|orcamento|cobram|cuanto cobran|presupuesto)\b")]
    private static partial Regex PricingElsewhere();

    [GeneratedRegex(@"\b(besoin|reparer|installer|remplacer|rendez vous|depann\w*|envoyer (quelqu'un|un technicien)|brauche|brauchen|reparieren|installieren|austauschen|termin|vorbeikommen|jemanden (schicken|vorbeischicken)|bisogno|riparare|installare|sostituire|appuntamento|mandare (qualcuno|un tecnico)|preciso|precisamos|consertar|instalar|trocar|agendar|mandar alguem|arreglen|cambiar|revisar|vengan?|mandar a alguien)\b")]
    private static partial Regex ServiceElsewhere();

    [GeneratedRegex(@"^(est ce que|pouvez vous|quel(le)?s?|quand|combien|comment|avez vous|faites vous|etes vous|konnen sie|haben sie|bieten sie|machen sie|wie|wann|wo|wieviel|potete|avete|fate|siete|quanto|quando|dove|voces|voce pode|qual|onde|puede|pueden|cual|a que hora)\b")]
    private static partial Regex QuestionStartElsewhere();

    [GeneratedRegex(@"^(oui|ouais|d'accord|c'est (ca|bien ca|exact|correct)|exact(ement)?|tout a fait|bien sur|parfait|ja|jawohl|genau|richtig|stimmt|korrekt|gerne|klar|passt|certo|esatto|giusto|va bene|corretto|perfetto|certamente|sim|isso|claro|correto|exato|pode ser|perfeito|correcto|exacto|asi es|por supuesto|de acuerdo|esta bien|perfecto)\b")]
    private static partial Regex YesElsewhere();

    [GeneratedRegex(@"^(non|nein|nee|nao|negativo|falsch|pas (ca|correct)|c'est faux|incorrecto|sbagliato|errado|para nada)\b")]
    private static partial Regex NoElsewhere();

    [GeneratedRegex(@"\b(je prefere ne pas|pas d'e ?mail|pas de mail|lieber nicht|keine e ?mail|uberspringen|preferisco (di )?no|preferisco non|nessuna e ?mail|salta|prefiro nao|sem e ?mail|nao tenho (e ?mail|e mail)|pular|prefiero no|no tengo (correo|e ?mail)|sin correo|omitir)\b")]
    private static partial Regex DeclineElsewhere();
}
