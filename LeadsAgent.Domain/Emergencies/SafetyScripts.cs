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

        // 911 in every language: the number is where the business is (North America), not the language spoken; a French
        // speaker calling a plumber in Texas must hear 911. See AgentPhrases for the same choice in the agent's phrases.
        [(Hazard.Gas, "fr")] = "Si vous sentez une odeur de gaz, quittez le bâtiment maintenant. N'allumez et n'éteignez ni lumière ni appareil électrique, n'utilisez pas de briquet et, une fois dehors, appelez le 911 ou le service d'urgence de votre fournisseur de gaz.",
        [(Hazard.CarbonMonoxide, "fr")] = "Le monoxyde de carbone peut tuer. Faites sortir tout le monde, animaux compris, à l'air libre maintenant et appelez le 911. Ne rentrez pas avant que les pompiers disent que c'est sans danger.",
        [(Hazard.Fire, "fr")] = "S'il y a du feu, de la fumée ou des étincelles, faites sortir tout le monde du bâtiment maintenant et appelez le 911. N'utilisez jamais d'eau sur un feu d'origine électrique.",
        [(Hazard.Electrical, "fr")] = "Restez loin des fils et de tout ce qui pourrait être sous tension, et éloignez les autres. Coupez le disjoncteur seulement si vous pouvez l'atteindre sans danger, loin de l'eau. Si un câble est tombé ou si quelqu'un a été électrocuté, appelez le 911.",
        [(Hazard.Water, "fr")] = "Si vous pouvez y accéder sans danger, fermez maintenant le robinet d'arrivée d'eau principal. Restez loin des prises, des interrupteurs et de tout appareil électrique près de l'eau.",
        [(Hazard.Medical, "fr")] = "Si la vie de quelqu'un dépend de cet appareil, appelez le 911 maintenant. Ne nous attendez pas.",
        [(Hazard.Violence, "fr")] = "Si vous êtes en danger en ce moment, raccrochez et appelez d'abord le 911.",

        [(Hazard.Gas, "de")] = "Wenn Sie Gas riechen, verlassen Sie sofort das Gebäude. Schalten Sie kein Licht und kein Elektrogerät ein oder aus, benutzen Sie kein Feuerzeug, und rufen Sie draußen 911 oder den Notdienst Ihres Gasversorgers an.",
        [(Hazard.CarbonMonoxide, "de")] = "Kohlenmonoxid kann tödlich sein. Bringen Sie sofort alle, auch Haustiere, nach draußen an die frische Luft und rufen Sie 911 an. Gehen Sie erst wieder hinein, wenn die Feuerwehr sagt, dass es sicher ist.",
        [(Hazard.Fire, "de")] = "Bei Feuer, Rauch oder Funken bringen Sie sofort alle aus dem Gebäude und rufen Sie 911 an. Löschen Sie einen Elektrobrand niemals mit Wasser.",
        [(Hazard.Electrical, "de")] = "Halten Sie sich und andere von den Leitungen und allem fern, was unter Strom stehen könnte. Schalten Sie die Sicherung nur aus, wenn Sie sie gefahrlos und fern von Wasser erreichen. Wenn eine Leitung am Boden liegt oder jemand einen Stromschlag bekommen hat, rufen Sie 911 an.",
        [(Hazard.Water, "de")] = "Wenn Sie gefahrlos hinkommen, drehen Sie jetzt den Hauptwasserhahn zu. Halten Sie sich von Steckdosen, Schaltern und allem Elektrischen in der Nähe des Wassers fern.",
        [(Hazard.Medical, "de")] = "Wenn das Leben eines Menschen von diesem Gerät abhängt, rufen Sie jetzt 911 an. Warten Sie nicht auf uns.",
        [(Hazard.Violence, "de")] = "Wenn Sie gerade in Gefahr sind, legen Sie bitte auf und rufen Sie zuerst 911 an.",

        [(Hazard.Gas, "it")] = "Se sente odore di gas, esca subito dall'edificio. Non accenda né spenga luci o apparecchi elettrici, non usi accendini e, una volta fuori, chiami il 911 o il pronto intervento della sua compagnia del gas.",
        [(Hazard.CarbonMonoxide, "it")] = "Il monossido di carbonio può uccidere. Porti subito tutti fuori all'aria aperta, animali compresi, e chiami il 911. Non rientri finché i vigili del fuoco non dicono che è sicuro.",
        [(Hazard.Fire, "it")] = "Se c'è fuoco, fumo o scintille, porti subito tutti fuori dall'edificio e chiami il 911. Non usi mai acqua su un incendio elettrico.",
        [(Hazard.Electrical, "it")] = "Stia lontano dai fili e da tutto ciò che potrebbe essere sotto tensione, e tenga lontani gli altri. Abbassi l'interruttore generale solo se può raggiungerlo senza pericolo, lontano dall'acqua. Se un cavo è caduto o qualcuno ha preso la scossa, chiami il 911.",
        [(Hazard.Water, "it")] = "Se può raggiungerla senza pericolo, chiuda subito la valvola generale dell'acqua. Stia lontano da prese, interruttori e apparecchi elettrici vicino all'acqua.",
        [(Hazard.Medical, "it")] = "Se la vita di qualcuno dipende da quell'apparecchio, chiami subito il 911. Non ci aspetti.",
        [(Hazard.Violence, "it")] = "Se è in pericolo in questo momento, riattacchi e chiami prima il 911.",

        [(Hazard.Gas, "pt")] = "Se você sentir cheiro de gás, saia do imóvel agora. Não acenda nem apague luzes ou aparelhos elétricos, não use isqueiro e, já do lado de fora, ligue para o 911 ou para o plantão de emergência da companhia de gás.",
        [(Hazard.CarbonMonoxide, "pt")] = "O monóxido de carbono pode matar. Leve todos, inclusive os animais, para o ar livre agora mesmo e ligue para o 911. Não volte para dentro até os bombeiros dizerem que é seguro.",
        [(Hazard.Fire, "pt")] = "Se houver fogo, fumaça ou faíscas, tire todos do imóvel agora e ligue para o 911. Nunca use água em um incêndio elétrico.",
        [(Hazard.Electrical, "pt")] = "Fique longe dos fios e de tudo o que possa estar energizado, e mantenha os outros afastados. Desligue o disjuntor só se puder alcançá-lo com segurança, longe da água. Se um fio tiver caído ou alguém tiver levado choque, ligue para o 911.",
        [(Hazard.Water, "pt")] = "Se for seguro chegar até ele, feche agora o registro geral de água. Fique longe de tomadas, interruptores e de qualquer coisa elétrica perto da água.",
        [(Hazard.Medical, "pt")] = "Se a vida de alguém depende desse equipamento, ligue para o 911 agora. Não espere por nós.",
        [(Hazard.Violence, "pt")] = "Se você está em perigo agora, desligue e ligue primeiro para o 911.",
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
