namespace LeadsAgent.Domain.Emergencies;

/// <summary>
/// Lexicons per concept, in the seed's languages, that the rules combine: "water" near "spreading" is a flood, whatever
/// the sentence around them. Rules built from concepts match word combinations nobody wrote down, which is what the
/// first blind set showed single phrases fail to do (a basement that "is a swimming pool", water "going out of the
/// bathroom onto the carpet", a leak "right onto the breaker panel"). They are constants so every rule table in the
/// partial class can use them without depending on the order static fields are initialised in.
/// </summary>
public static partial class EmergencyTriage
{
    /// <summary>Up to n more words inside the same clause (the normaliser turns punctuation into " | ").</summary>
    const string In1 = "(?: [^ |]+){0,1} ";
    const string In3 = "(?: [^ |]+){0,3} ";
    const string In5 = "(?: [^ |]+){0,5} ";
    const string In8 = "(?: [^ |]+){0,8} ";
    const string In10 = "(?: [^ |]+){0,10} ";

    /// <summary>Water, sewage or rain as a substance (not the water heater, the water bill or a water stain).</summary>
    const string WaterSubstance =
        @"\b(water|waters|agua|sewage|sewer water|dirty water|rain ?water|rain|aguas negras|agua sucia|eau|wasser|acqua)\b" +
        @"(?! (heater|softener|filter|pressure|bill|meter|stain|spot|mark|ring|damage|line|main|pump|tank|bottle|cooler|dispenser|test|quality|supply valve))";

    /// <summary>Water escaping in quantity or spreading now: the families of the ladder's "active flooding".</summary>
    const string WaterSpreading =
        @"(everywhere|all over|all across|blasting|jetting|squirting|erupting|bursting out|geysering|across the (floor|room|kitchen|basement|garage|house|laundry room|hallway|carpet)|into the (hall|hallway|room|kitchen|living room|bedroom|house|basement|garage|dining room|den|family room)|pouring|gushing|spraying|shooting|rushing|streaming|spurting|spewing|flooding|" +
        @"filling(?! up the (sink|tub|toilet|bowl|shower|bathtub|washer|drum|bucket))|" +
        @"rising(?! in the (toilet|bowl|sink|tub|shower|pit))|spreading|covering|covers|cover|" +
        @"coming (in|up|down|through|into)(?! (the |a |my )?(drain|sewer|gutter))|fast|quickly|" +
        @"(running|flowing|spilling|pouring|gushing|streaming) out (onto|into|across|all over|over|under|of the (bathroom|kitchen|room|closet|laundry))|(flowing|spilling) (onto|into|across|all over|over|under)|" +
        @"running (in|into|onto|across|under|toward|towards|through|out of|all over|down the walls?)(?! (the |a |my )?(drain|sewer|gutter|sump|tub|bathtub|bath|sink|shower|toilet|washer))|" +
        @"going (in|into|onto|out of|across|under|through|all over)(?! (the |a |my )?(drain|sewer|gutter|sump|pit))|" +
        @"soak(ed|ing) (through|into)|up (to|past) (the|my|our|his|her)|past (my|our|the) (ankles|knees|shins)|" +
        @"(to|over) (my|our|the) (ankles|knees|shins)|(inches|inch|feet|foot) deep|ankle deep|knee deep|" +
        @"like (a )?(rain|river|lake|waterfall|fountain|pool|swimming pool|shower)|" +
        @"a chorros|por todos lados|por todo (el|la)|todo el piso|llegando a|llego (a|hasta)|ya llego|se salio|(saliendo|sale|entrando|entra) por debajo de la puerta|(mojo|mojando|empapo|empapando) (toda|todo)|entrando|metiendo|subiendo|cubre|cubriendo|no para|sin parar|" +
        @"tomando conta|jorrando|pra todo lado|por toda parte|partout|uberall|ovunque|dappertutto)\b";

    /// <summary>Electrical equipment that water reaching is a shock and fire danger.</summary>
    const string Electrics =
        @"(electrical panel|breaker panel|breaker box|fuse box|electric panel|main panel|panel|breakers?|outlets?|sockets?|plugs?|" +
        @"receptacles?|wiring|wires?|light fixtures?|light fittings?|ceiling lights?|lights?|lamps?|light switch(es)?|switch(es)?|" +
        @"switch box|junction box|ceiling fan|meter|electrical|electrics|enchufes?|contactos?|tablero|focos?|lamparas?|apagador|" +
        @"steckdosen?|prises?|prese|tomadas?)";

    /// <summary>Equipment whose burning smell, heat or sparks are an electrical fault rather than an open fire.</summary>
    const string ElectricalItem =
        @"(outlets?|sockets?|plugs?|receptacles?|switch(es)?|light switch(es)?|dimmers?|panel|breaker box|breaker panel|breakers?|" +
        @"fuse box|fuses?|wires?|wiring|cords?|extension cords?|power strips?|surge protectors?|light fixtures?|fixtures?|" +
        @"ceiling fan|meter|transformer|junction box|gfci|gfi|charger|electrical|electric|enchufes?|contactos?|tablero|medidor|pastilla|centro de carga|caja de fusibles|" +
        @"cables?|interruptor|apagador|prises?|tableau electrique|disjoncteur|steckdosen?|sicherungskasten|kabel|prese|" +
        @"interruttore|quadro elettrico|tomadas?|disjuntor|fios?)";

    /// <summary>People for whom no heat or no cooling is a danger to life, and the weather that makes it one.</summary>
    const string Vulnerable =
        @"babies|baby|infant|newborn|toddler|little (kids|ones|children)|elderly|old (man|woman|lady|mother|father|mom|dad|parents?)|" +
        @"grand(ma|pa|mother|father|parents?)|senior|disabled|sick|pregnant|oxygen|chemo\w*|medical|surgery|heart (condition|problems?|issues?|patient)|" +
        @"health (condition|problems?|issues?)|asthma\w*|copd|emphysema|dementia|alzheimer\w*|bedridden|bed ridden|wheelchair|hospice|" +
        @"cancer|diabet\w*|immune\w*|immunocompromised|special needs|frail|fragile|dialysis|recovering|" +
        @"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven) (month|week|day|mo)s? old|" +
        @"(7[5-9]|8\d|9\d|1[01]\d) (years? old|year old|yo|anos)|" +
        @"(mom|mother|dad|father|grandma|grandpa|grandmother|grandfather|he|she|husband|wife|i|who) (is|am) (7[5-9]|8\d|9\d|1[01]\d)\b|" +
        @"bebe|recien nacido|ancian[oa]s?|abuel[oa]s?|embarazada|enferm[oa]s?|operad[oa]|de (7[5-9]|8\d|9\d) anos|" +
        @"personne agee|grand mere|grand pere|saugling|kleinkind|oma|opa|neonato|bambin\w*|anzian\w*|nonn[ao]|idos[oa]|avo|avos";

    /// <summary>Cold that makes no heat dangerous: freezing weather, or a house already cold inside.</summary>
    const string Freezing =
        @"freez\w*|froze|frozen|below (zero|freezing)|sub ?zero|single digits?|negative \d+|minus \d+|minus (one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty)|" +
        @"snow\w*|blizzard|ice storm|icy|frigid|bitter(ly)? cold|cold snap|polar vortex|" +
        @"([0-9]|[1-3][0-9]) (degrees|outside|out there|out|below|f|fahrenheit)|" +
        @"(down to|dropped to|is at|at|only|inside is|in here is|reads|says|holding at) (3\d|4\d|5[0-2])( degrees)?\b(?! (minutes|percent|%))|" +
        @"(house|home|inside|it|place) is (freezing|ice cold|like an icebox)|" +
        @"helando|congelando|mucho frio|bajo cero|nieve|nevando|menos \d+|(un )?frio (terrible|horrible|tremendo)|" +
        @"gel|moins \d+|moins (un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt)|glacial|minus (eins|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|zwanzig)|" +
        @"frost|eiskalt|gelo|sotto zero|freddissimo|congelando|abaixo de zero";

    /// <summary>Heat that makes no cooling dangerous.</summary>
    const string ExtremeHeat =
        @"heat ?wave|heat stroke|heat exhaustion|1[0-2][0-9] (degrees|outside|out|f|grados)|over 100|triple digits|scorching|" +
        @"(9[5-9]|1[0-2]\d) (degrees )?(inside|in here|in the house|in (her|his|my|our|their|the) (room|house|home|apartment|bedroom|place|unit))|(inside is|in here is|house is at|up to) (9[5-9]|1[0-2]\d)|" +
        @"mucho calor|(3[5-9]|4\d) grados|canicule|hitzewelle|(3[5-9]|4\d) grad|caldo torrido|(3[5-9]|4\d) gradi|onda de calor";

    /// <summary>A time inside the next few weeks: a legal or deal deadline that makes a live matter HIGH.</summary>
    const string WithinWeeks =
        @"(this week|next week|next (paycheck|pay check|payday)|in (a few|a couple( of)?|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty) (days|weeks)|" +
        @"within (\d+|a few|two|three|five|seven|ten|fourteen|thirty) (days|weeks)|(\d+|two|three|five|seven|ten|fourteen|fifteen|twenty|thirty) days (to|from|left)|" +
        @"by (monday|tuesday|wednesday|thursday|friday|saturday|sunday|the \d+\w*|the end of the (week|month)|next week)|" +
        @"(until|till|til) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|the \d+\w*)|" +
        @"(on|this|next|by next|until next) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|daqui a (\d+|dois|duas|tres|cinco|dez|quinze|trinta) (dias|semanas)|the \d+(st|nd|rd|th)|next month|end of the month|" +
        @"hasta el (dia )?\d+|hasta el (lunes|martes|miercoles|jueves|viernes|sabado|domingo)|en (\d+|dos|tres|cuatro|cinco|diez|quince|veinte|treinta) (dias|semanas)|" +
        @"(la )?proxima semana|esta semana|el (lunes|martes|miercoles|jueves|viernes)|" +
        @"dans (\d+|deux|trois|quatre|cinq|huit|dix|quinze|trente) (jours|semaines)|la semaine prochaine|" +
        @"in (\d+|zwei|drei|vier|funf|zehn|vierzehn) (tagen|wochen)|nachste woche|bis (montag|dienstag|mittwoch|donnerstag|freitag)|" +
        @"(entro|tra|fra) (\d+|due|tre|quattro|cinque|sei|sette|otto|dieci|quindici|venti|trenta) (giorni|settimane)|la prossima settimana|" +
        @"(em|dentro de) (\d+|dois|duas|tres|cinco|dez|quinze|trinta) (dias|semanas)|semana que vem|proxima semana|ate (segunda|terca|quarta|quinta|sexta))";
}
