using System.Text.RegularExpressions;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Text;

namespace LeadsAgent.Domain.Emergencies;

/// <summary>
/// Deterministic emergency triage: the seed's priority ladder as the engine's rule.
/// <list type="bullet">
/// <item>URGENT: danger to life or property happening now. Fire, smoke, sparks, gas, carbon monoxide, active flooding,
/// sewage backing up, no heat or cooling with vulnerable people or extreme weather, medical equipment without power,
/// arrests, warrants and hearings today, lock-outs, closings at risk today. Each comes with a hazard (GAS, CO, FIRE,
/// WATER, ELECTRICAL, MEDICAL) whose fixed safety script is said first, or none (a LAW arrest).</item>
/// <item>HIGH: something broken or failing that the customer needs soon: leaks, clogs, no hot water, no water, an air
/// conditioner that stopped cooling, a pilot that will not stay lit, a blank thermostat, brown water, strange noises
/// and smells, breakers tripping, papers served, deadlines within days, a closing at risk within days.</item>
/// <item>NORMAL: quotes, questions (even about emergencies: "are you open on Christmas for emergencies?"), planned
/// work, past events and other people's past events. LOW: no service intent: greetings, thanks and compliments, small
/// talk, a call whose reason has gone ("never mind, it's fixed"), and callers who are not customers (wrong numbers,
/// vendors' pitches, surveys, robocalls, job seekers). LOW never lowers a danger (see <c>EmergencyTriage.Low.cs</c>).</item>
/// </list>
/// <para>
/// The method generalises by working on normalised text rather than on sentences: the message is put in one form
/// (lower case, no accents, contractions expanded, fillers dropped, clause breaks kept) and the common texting and
/// speech-recognition spellings are mapped to words ("thru", "basment", "see oh detector", "the water's been"). Rules
/// combine lexicons per concept (<c>EmergencyTriage.Concepts.cs</c>: water as a substance near a word for spreading,
/// water moving towards electrical equipment, a smell near the word gas, a CO alarm near a word for sounding), with
/// inflections through <c>\w*</c> and in the seed's six languages for life safety and common failures, so a new
/// combination of known words still matches. A match does not count when it is negated in its clause ("no gas smell",
/// "humo no"), in the past with no sign it is back, someone else's past event, hypothetical ("what do I do if a pipe
/// bursts"), retracted ("thought I smelled gas but it was just the trash"), part of a question about the business's
/// services, hours or prices with no problem of the caller's own, a false friend ("fireplace", "flood lights") or
/// maintenance ("a clogged dryer vent"). A danger that has stopped or happened days ago unrepaired is HIGH: it needs a
/// visit, not 911. Fire means visible fire or smoke; sparks, arcing and hot or burning electrical equipment carry the
/// electrical script (breaker off only if safe).
/// </para>
/// <para>
/// Where no rule understood a message, a naive Bayes model of the labelled corpus (<see cref="TriageModel"/>) may call
/// it LOW or HIGH, and may raise a problem a rule found to URGENT when it is happening now or to a vulnerable person;
/// it never lowers a rule's result and never speaks on short answers. Life-safety rules are never lowered by "not
/// urgent", and nothing a model says can lower a result (the engine only lets a language model raise one).
/// </para>
/// </summary>
public static partial class EmergencyTriage
{
    /// <summary>The same ladder in words, for a language model's instructions: it may raise a priority, never lower one.</summary>
    public const string Ladder =
        "URGENT = danger to life or property happening now: fire, smoke, sparks, gas smell, carbon monoxide, active flooding, " +
        "sewage backing up, no heat or cooling with vulnerable people (babies, elderly, sick) or extreme weather, medical equipment " +
        "without power, an arrest, a warrant or a hearing today, a lock-out, a property closing at risk today. " +
        "HIGH = something broken or failing that the customer needs fixed soon (a leak, a clog, no hot water, an air conditioner " +
        "that stopped cooling, a breaker that keeps tripping, papers served, a legal or deal deadline within days). " +
        "NORMAL = quotes, questions (even about emergency service, hours or prices), planned work, past events, someone else's past events. " +
        "LOW = no service intent (greetings, thanks, small talk, wrong numbers, sales and marketing calls, surveys, job seekers, " +
        "a caller whose problem has gone away: \"never mind, it's fixed\").";

    enum Scope
    {
        All,
        Home,
        Law,
        RealEstate,
    }

    /// <summary>
    /// One rule of the ladder. <c>Unless</c> drops a match when its clause says why it is harmless ("dryer vent");
    /// <c>UnlessAnywhere</c> when the whole message does ("it went off because I burned toast").
    /// </summary>
    sealed record Rule(string Name, LeadPriority Priority, Hazard Hazard, Scope Scope, Regex Pattern, Regex? RaiseTo = null, Regex? Requires = null, Regex? Unless = null, Regex? UnlessAnywhere = null);

    // Interpreted, not RegexOptions.Compiled: compiling some ninety large patterns cost the first message of a process
    // 8-13 s on a small server (a Twilio webhook times out at 15 s), while interpreting costs about 2 ms a message.
    // Compiled mode also threw IndexOutOfRangeException on a lazy loop before a long alternation (.NET 10.0.401).
    const RegexOptions Options = RegexOptions.CultureInvariant;

    static Regex R(string pattern) => new(pattern, Options);

    // Words that may sit between a noun and its state without leaving the clause: "the pipe under the sink has burst".
    const string Gap = @"[a-z0-9' /$]{0,28}?";

    const string Weekday = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo";

    static readonly Regex s_freezingOrVulnerable = R($@"\b({Freezing}|{Vulnerable})\b");
    static readonly Regex s_heatOrVulnerable = R($@"\b({ExtremeHeat}|{Vulnerable})\b");
    static readonly Regex s_lawToday = R(@"\b(today|tonight|tomorrow|this (morning|afternoon|evening)|in (an|one|two|a few|\d+) hours?|in (\d+|twenty|thirty|forty) minutes|right now|now|first thing (in the morning|tomorrow)|manana|hoy|esta noche|ahorita|ahora)\b");
    const string WithinDaysPattern = $@"\b(this week|next week|in (a few|a couple( of)?|\d+|two|three|four|five|six|seven|ten) days|(a few|a couple( of)?|\d+|two|three|four|five|six|seven|ten) days|by ({Weekday}|the \d+\w*)|(on|this|next) ({Weekday}|weekend)|{Weekday}|end of the week|days to respond|in (a|one|two|three|\d+) weeks?|days (before|from|until|away)|(a|one|two|three|few) days? (before|from|until|away)|\d+ dias|(dos|tres|cuatro|cinco|diez|quince|veinte|treinta) dias|(la )?proxima semana|esta semana)\b";
    static readonly Regex s_withinDays = R(WithinDaysPattern);
    static readonly Regex s_withinWeeks = R($@"\b{WithinWeeks}\b");
    static readonly Regex s_closingProblem = R(@"\b((no se quiere|no quiere|se niega a|se rehusa a) (salir|irse|firmar|mudarse|entregar)|bounc\w*|kicked back|rejected|returned|came in low|came in under|(not|never|refus\w*|will not|are not|is not) (moving|move) out|not (theirs|their account|ours)|wrong account|might not|may not|not be (approved|funded|ready|done)|in time|have to decide|need to decide|se echo (para )?atras|se arrepinti\w*|annul\w*|stornier\w*|annulla\w*|cancela\w*|mold|foundation|termite\w*|repairs?|renegotiat\w*|todavia no|aun no|falta\w*|no (manda|envia|deposita|llega|firma|contesta)\w*|no (ha|han) (llegado|mandado|enviado|depositado|firmado|contestado|aprobado)|still (has not|have not|not|no|waiting)|not (yet )?(signed|funded|approved|cleared)|will not sign|refus\w*|denied|declined|suspended|frozen|risk|problem|issue|delay\w*|fell through|falling (apart|through)|fall through|cancel\w*|will not|can not|cannot|missing|not (funded|arrived|received|here|showed)|stuck|denied|pulled|backed out|back out|walk(ed|ing)? away|no show|jeopardy|emergency|urgent|asap|wrong|lose|lost|blocked|frozen|lien|liens|title (issue|problem|defect)|discrepanc\w*|error|short|shortfall|not enough|did not|does not|do not|is not|are not|not match|mismatch|low appraisal|came in (\w+ )?(low|short|under)|no (aprobo|aprobaron|llego|deposito)|has not|have not|hasnt|never (came|arrived|showed)|renegotiat\w*|needs? (more time|another week|an extension)|extension|push(ed)? back|postpon\w*|cancelo|cancelaron|nego|rechaz\w*|se retiro|no llego|problema)\b");
    static readonly Regex s_closingToday = R(@"\b(movers (are )?(already )?(here|at|outside)|moving truck|at the title (office|company)|in (\d+|thirty|twenty|forty|fifteen|ten) minutes|at the (closing )?table|closing table|today|tomorrow|this (morning|afternoon|evening)|in (an|one|two|a few|\d+) hours?|at (\d{1,2}( ?(am|pm|o clock))?|noon)|tonight|right now|hoy|manana)\b");
    static readonly Regex s_powerLost = R($@"\b(power|electricity|luz|corriente)\b{Gap}\b(out|off|gone|down|went out)\b|\b(lost|lose|losing|no|without) (the )?(power|electricity)\b|\b(power|electricity) (outage|cut|failure)\b|\b(knocked|took|knocks|takes) out (our |the |my |all )?(power|electricity)\b|\boutage\b|\bblackout\b|\bse fue la luz\b|\bsin (luz|electricidad|corriente)\b|\bno hay (luz|electricidad|corriente)\b|\b(oxygen|concentrator|machine|ventilator|pump)\b{Gap}\b(is |are )?(off|not running|stopped|will not run|can not run|died)\b");
    static readonly Regex s_waterRising = R($@"\b(water|agua)\b{Gap}\b(rising|coming in|coming up|keeps? (rising|coming)|getting (higher|deeper)|creeping|sigue subiendo|subiendo)\b|\b(filling|filled|fills) (up )?with water\b|\b(inches|feet|foot) of water\b|\bwater in the basement\b|\boverflow\w*\b|\bgetting wet\b|\bllenando de agua\b");

    const string BurningSmell = @"\b(olor|huele|oler|sale olor|hay olor)\b(?: [^ |]+){0,3} (a )?([a-z]+ )?quemad[oa]\b|\b(se esta|esta|se estan|estan) quemando\b|\b(hot|electrical|electric) (electrical |electric )?(smell|odou?r)\b|\bsmells? (electrical|electric|like (an )?electrical)\b|\b(burning|burnt|burned)( electrical| electric| plastic)? (smell|odou?r|plastic|rubber|wire\w*)\b|\bsmell\w* (like |of )?(burning|something burning|something is burning|burnt|smoke|electrical burning|melting plastic|melted plastic|hot plastic|hot wires?)\b|\bsmells? burnt\b|\b(olor|huele) a quemado\b|\b(odeur de brule|sent le brule|riecht verbrannt|verbrannt riecht|odore di bruciato|puzza di bruciato|cheiro de queimado)\b";

    // A smoke alarm explained by something harmless, or sounding while the caller says there is no smoke.
    static readonly Regex s_alarmExplained = R(@"\b(no smoke|no fire|for no reason|no reason|nothing (is )?burning|nobody (is )?cooking|false alarms?|randomly|low battery|batter(y|ies)|chirp\w*|toast|popcorn|bacon|cooking|(burnt|burned|burning) (the )?(food|dinner|pan)|shower steam|steam)\b");

    // A leak that has reached the floor with no sign of a flood ("the fridge is leaking water all over the floor"): HIGH.
    static readonly Regex s_leakNotFlood = R(@"^(?=.*\b(leak\w*|drip\w*|seep\w*)\b)(?!.*\b(pouring|gushing|spraying|shooting|rushing|streaming|flood\w*|everywhere|inch\w*|deep|rising|stop|lake|pool|river|fast|quickly|into the|ceiling|burst|broke|broken|split|bust\w*)\b)");

    static readonly Rule[] s_rules =
    [
        // ---- Life safety (every trade) ----
        new("gas_leak", LeadPriority.URGENT, Hazard.Gas, Scope.All,
            R($@"\b(gas|propane)\b{Gap}\b(smell\w*|odou?r\w*|stink\w*|leak\w*|hiss\w*|escap\w*)\b(?!\s(detector|test|check|inspection))|\b(smell\w*|odou?r\w*|stink\w*|whiff)( \w+){{0,2}}( like| of)( a| some)?( natural)? (gas|propane)\b|\b(smell\w*|odou?r\w*|stink\w*|whiff)( a| some)?( natural)? (gas|propane)\b|(?<!(water|tap|faucet|shower|drain)s? (smells?|stinks?|smelling|tastes?) (like )?)\brotten eggs?\b|\b(hit|cut|broke|damaged|nicked|punctured) (a|the|our|my) gas (line|pipe|main|meter)\b|\b(olor|oler|huele\w*)( \w+){{0,2}} a gas\b|\b(fuga|escape) de gas\b|\bhuele a huevo podrido\b")),
        new("carbon_monoxide", LeadPriority.URGENT, Hazard.CarbonMonoxide, Scope.All,
            R($@"\b(carbon monoxide|monoxide|co|co2)\s?(alarm|detector|monitor)s?\b{Gap}\b(going off|went off|goes off|sound\w*|beep\w*|alarm\w*|ringing|blaring|screaming|keeps going|chirp\w* and)\b|\b(carbon monoxide|monoxide)\b{Gap}\b(leak\w*|poison\w*|in the (house|home|air|basement)|high|levels?|reading|alarm|beep\w*|going off|went off|sound\w*|saying)\b|\bco (leak|poisoning)\b|\b(alarm|detector|monitor)s?\b{Gap}\b(says?|saying|shows?|showing|reads?|reading) co\b|\bmonoxido\b")),
        // The smell of gas in any words near the word for it: "a strong smell of natural gas", "stinks like propane",
        // "it smells like sulfur in the kitchen"; a hiss from gas equipment.
        new("gas_smell", LeadPriority.URGENT, Hazard.Gas, Scope.All,
            R($@"\b(smell\w*|odou?r\w*|stink\w*|whiff|reek\w*|stench|fumes)\b{In5}(gas|propane|natural gas|lp|mercaptan)\b(?! (station|prices?|mileage|can|tank (is|was) (empty|low)|bill|grill (is )?off))|\b(gas|propane)\b{In5}(smell\w*|odou?r\w*|stink\w*|reek\w*|stench)\b" +
              $@"|\bhiss\w*\b{In8}(gas|propane|meter|stove|range|cooktop|regulator|gas line|gas pipe|connection|fitting|grill tank)\b|\b(gas|propane|meter|stove|range|cooktop|regulator|connection|fitting)\b{In10}hiss\w*\b|\b(gas|propane) (line|pipe|hose|connector|valve|tank)s?\b{In5}(loose|broke|broken|cut|severed|knocked|disconnected|snapped|cracked|ruptured|damaged|leaking)\b" +
              $@"|\b(sent|sens|sentons|odeur)\b{In3}(le |du |de )?gaz\b|\b(cheiro|cheirando|cheira)\b{In3}(de |a )?gas\b|\b(odore|puzza|sento|puzzo)\b{In3}(di )?gas\b|\briecht\b{In5}nach gas\b|\b(huele|olor|oliendo|apesta)\b{In3}a gas\b"),
            Unless: R(@"\b(sewer|swamp|septic|exhaust|car|truck|mower|lawn ?mower|generator exhaust) gas\b|\bgas station\b")),
        new("sulfur_smell", LeadPriority.URGENT, Hazard.Gas, Scope.All,
            R($@"\b(smell\w*|odou?r\w*|stink\w*|reek\w*|stench)\b{In5}(rotten eggs?|sulfur|sulphur|sulfuric)\b|\b(rotten egg|sulfur|sulphur)\b{In3}(smell\w*|odou?r\w*|stink\w*)\b|\b(huevo podrido|azufre|oeufs? pourris?|faule eier|uova marce|ovo podre)\b"),
            Unless: R(@"\b(water|tap|faucet|shower|drain|sink|well|sewer|septic|toilet|hot water|agua|eau|wasser|acqua)\b")),
        // A carbon monoxide alarm in any words: "the co detector in the baby's room just started screaming".
        new("co_alarm", LeadPriority.URGENT, Hazard.CarbonMonoxide, Scope.All,
            R($@"\b(co|carbon monoxide|monoxide|monoxido|monoxido de carbono|monoxyde|kohlenmonoxid\w*|monossido)\b{In3}(alarm|detector|monitor|sensor|alarma|detecteur|melder|warnmelder|rilevatore|sensore)s?\b{In10}(going off|went off|goes off|sound\w*|beep\w*|alarm\w*|ring\w*|blaring|screaming|screeching|shrieking|wailing|chirping and|keeps going|started|says|saying|shows?|showing|reads?|reading|display\w*|numbers?|ppm|\d{{2,4}}|sono|sonando|suena|pitando|apitando|sonne|piepst|schlagt|suona|dispara\w*|activ\w*)\b" +
              $@"|\b(alarm|detector|monitor|alarma|detecteur|melder|rilevatore)s?\b{In5}(de |di |fur )?(co|carbon monoxide|monoxide|monoxido|monoxyde|kohlenmonoxid|monossido)\b{In8}(going off|went off|goes off|sound\w*|beep\w*|screaming|blaring|sono|sonando|suena|pitando|sonne|piepst|suona)\b")),
        new("carbon_monoxide_symptoms", LeadPriority.URGENT, Hazard.CarbonMonoxide, Scope.All,
            R(@"\b(headaches?|dizz\w*|nause\w*|light ?headed|throwing up|threw up|vomit\w*|passed out|faint\w*|drowsy|sleepy|groggy|lethargic|confused|(feel|feels|feeling|felt|all|everyone is|we are|kids are|everybody is) sick|me duele la cabeza|dolor de cabeza|mare(ad[oa]s?|os?|o)|vomit\w*|mal de tete|vertige\w*|kopfschmerz\w*|schwindel\w*|mal di testa|vertigin\w*|dor de cabeca|tontura\w*)\b"),
            Requires: R(@"\b(furnace|heater|boiler|gas|fireplace|generator|stove|exhaust|fumes|carbon monoxide|monoxide|chimney|flue|calefaccion|calentador|estufa)\b")),
        new("fire", LeadPriority.URGENT, Hazard.Fire, Scope.All,
            R(@"\b(on fire|caught fire|catch(es|ing)? fire|in flames|flames? (coming|shooting)|ablaze|incendio|fuego|llamas)\b|\bfires?\b(?!\s?(pit|place|wood|works?|extinguisher\w*|proof\w*|rated|drill|department|dept|station|truck|fighter\w*|hazard\w*|risk|code|safety|inspection|alarm\w*|sprinkler\w*|escape|exit|door|wall|box|brick|starter|insurance|damage|marshal|hydrant|fly|flies|stick|ant))|\b(little|small|big) flames?\b|(?<!\b(pilot|burner|furnace|heater|boiler|stove|blue|yellow|orange|lazy|weak|low|candle|gas) )\bflames?\b(?! (is|looks|seems|color|colour|retardant|resistant|proof|sensor|rod|(keeps |kept )?(going|goes|went|blows|blew|blowing|goes) out))(?=(?: [^ |]+){0,3} (coming|shooting|out|from|everywhere|on|inside|in|rolling|licking|spreading|visible|leaping|burst\w*|under|behind|at|through|around))|\bsmo?ulder\w*\b|\bsomething (is )?burning\b|\b(is|are) burning (up|inside)?\b")),
        new("smoke", LeadPriority.URGENT, Hazard.Fire, Scope.All,
            R(@"\bsmok(e|ing|ey|y)\b(?!\s?(detector\w*|alarm\w*|test\w*|signal|free|break|shop|stack|house|ring|damage))|\bhumo\b")),
        new("alarm_sounding", LeadPriority.URGENT, Hazard.Fire, Scope.All,
            R($@"\b(smoke|fire) (alarm|detector)s?\b(?! (is|are) not| did not| has not| never)(?! is not){Gap}\b(going off|went off|goes off|sounding|blaring|screaming|keeps going off|will not stop)\b|\bsuena la alarma\b"),
            UnlessAnywhere: s_alarmExplained),
        // A smoke alarm that sounds with no smoke, "for no reason": a fault to fix soon, not a fire.
        new("alarm_malfunction", LeadPriority.HIGH, Hazard.None, Scope.All,
            R($@"\b(smoke|fire|hardwired)? ?(alarm|detector)s?\b{In8}(going off|goes off|keeps going off|will not stop|keeps (beeping|sounding|chirping)|beeping|sounding)\b"),
            Requires: R(@"\b(for no reason|no reason|no smoke|nothing (is )?burning|no fire|randomly|at random|false alarms?|middle of the night|(at )?[1-5] ?am|every night|will not stop|can not get it to stop|keeps going off)\b"),
            UnlessAnywhere: R(@"\b(low battery|batter(y|ies)|chirp\w*|toast|burnt|burned)\b")),
        new("burning_smell", LeadPriority.URGENT, Hazard.Fire, Scope.All,
            R(BurningSmell),
            Unless: R(@"\b(dust|dusty|first time|first use|every (time|fall|year))\b"),
            UnlessAnywhere: R($@"\b{ElectricalItem}\b(?! (company|bill|guy|man|contractor))")),
        new("burning_smell_electrical", LeadPriority.URGENT, Hazard.Electrical, Scope.All,
            R(BurningSmell),
            Requires: R($@"\b{ElectricalItem}\b(?! (company|bill|guy|man|contractor))")),
        new("chimney_fire", LeadPriority.URGENT, Hazard.Fire, Scope.All,
            R($@"\b(chimney|flue|stove ?pipe|wood ?stove|fireplace)\b{In8}(on fire|fire (in|inside|up)|caught fire|roaring|sparks|flames?|glowing|red hot|smok\w*)\b")),
        new("sparks", LeadPriority.URGENT, Hazard.Electrical, Scope.All,
            R(@"\bspark(s|ing|ed|y)?\b(?!\s?plugs?)|\barc(ing|ed|s)\b|\b(saw|see|seen|was|there was|big|bright|blue|white|bang and|pop and|with|and) (a |an )?(big |bright |blue |white )?flash\b|\bflash(ed)? (from|out of|in|inside) the (panel|outlet|box|meter|switch|breaker|socket)\b|\bchispa\w*\b|\bchisporrot\w*\b|\bcortocircuito\b"),
            Unless: R(@"\b(chimney|fireplace|wood ?stove|fire ?pit|grill|campfire|bonfire|welding|welder|flue)\b")),
        new("hot_or_melting_electrics", LeadPriority.URGENT, Hazard.Electrical, Scope.All,
            R($@"\b{ElectricalItem}\b{In8}(smok\w*|melt\w*|scorch\w*|charr(ed|ing)|burn\w*|blacken\w*|black marks|brown marks|hot to the touch|too hot to touch|sizzl\w*|crackl\w*|glow\w*)\b|\b(melted|scorched|charred|burnt|burned|blackened|melting) {ElectricalItem}\b|\b(quemando\w*|quemad[oa]s?|derriti\w*|derretid[oa]s?)\b{In5}{ElectricalItem}\b|\b{ElectricalItem}\b{In5}(quemando\w*|quemad[oa]s?|derriti\w*|derretid[oa]s?|discolou?r\w*)\b")),
        // Electrical equipment running hot: a fault to fix soon, a danger when it also buzzes, smells or crackles.
        new("hot_electrics", LeadPriority.HIGH, Hazard.Electrical, Scope.All,
            R($@"\b{ElectricalItem}\b{In8}(is |are |feels |feel |getting |gets |got |runs |running )?(really |very |super |so |too |extremely |scary |burning |warm and |kind of )?(hot|warm)\b(?! (water|tub|plate|wire|and cold|side|leg|line|tap))"),
            RaiseTo: R(@"\b(buzz\w*|crackl\w*|smell\w*|smok\w*|melt\w*|spark\w*|popp\w*|sizzl\w*|burn\w*|arc\w*|hum\w*|shock\w*)\b")),
        new("live_wire", LeadPriority.URGENT, Hazard.Electrical, Scope.All,
            R($@"\b(live|exposed live|energized|bare live) wires?\b|\bback ?feed\w*\b|\b(wires?|lines?|cables?)\b{In5}(fell|fallen|came down|dropped|snapped|broke) (from|off|onto|on|across|into|in)\b[^|]*\b(pole|power|electric|utility|transformer|house|car|roof|yard|driveway|street|road|fence)\b|\b(tree|branch|limb|pole)\b{In5}(fell|falling|came down|is|landed|resting|lying|laying|leaning) (on|onto|across|against|into) (the |our |my )?(power |electric |electrical |utility )?(wires?|lines?|cables?|service drop)\b|\b(wires?|lines?|cables?|one|service drop)\b{In3}(is |are )?(hanging|dangling|down|lying|laying|sagging) (down |low )?(by|near|over|across|on|in|to) (the |our |my )?(ground|steps|porch|yard|driveway|street|road|sidewalk|house|car|fence|deck|roof|door)\b|\b(downed|fallen|hanging|snapped) (power |electric(al)? |utility )?(lines?|wires?|cables?)\b|\b(power|electric(al)?|utility) (line|wire|cable|pole)s?\b{Gap}\b(down|fell|fallen|on the ground|snapped|hanging|sparking|laying|lying|touching|on (my|the|our) \w+)\b|\b(took|knocked|brought|pulled|taken|knocked) down (the |a |our )?(power |electric |utility )?(lines?|wires?|poles?)\b|\bwires? (is |are )?(down|hanging (down|low|over|from))\b|\b(cable|line|wire)s?\b{Gap}\b(hanging|dangling|sagging|down|touching|on the ground|laying|lying)\b{Gap}\b(pole|transformer|street|road|car|house|roof|fence|yard|ground)\b|\b(pole|transformer)\b{Gap}\b(down|fell|fallen|snapped|sparking|on fire|blew|exploded)\b|\bcables? (caido|suelto|pelado)s?\b|\bse (cayo|cayeron) (un |el |los |una )?(cable|poste)s?\b")),
        new("electric_shock", LeadPriority.URGENT, Hazard.Electrical, Scope.All,
            R(@"\b(electric(al)? shock|electrocut\w*|got (shocked|zapped)|(shocked|zapped) (me|him|her|my|us|them|when)|getting (shocked|zapped)|shock(s|ed)? (me|him|her|us|them) when|electricity in the water|descarga electrica|(me|le|nos|les) dio (una |la )?(descarga|corriente|toque))\b" +
              @"|\b(got|get|gets|getting|took|felt|feel|feeling|received|giving|gives|gave) (me |him |her |us |them |my \w+ )?(a |an )?(little |small |mild |slight |bad |nasty |big |strong |real |good )?(electric(al)? )?(shock|jolt|zap|tingle)\b" +
              @"|\b(tingl\w*)\b(?: [^ |]+){0,6} (touch\w*|faucet|tap|sink|shower|tub|metal|switch|outlet|appliance|fridge|washer|dryer|stove|oven|pool|railing|water|handle)\b|\btouch\w*\b(?: [^ |]+){0,6} (tingl\w*|shock\w*|zap\w*|jolt)\b" +
              @"|\b(shocks?|zaps?|zapped|zapping|shocking) (me|him|her|us|them|you|my \w+|the (dog|cat|kids?))\b|\b(energized|electrified|live) (faucet|tap|metal|case|pipes?|railing|fence|water|pool|appliance|fridge|washer|dryer)\b" +
              @"|\b(power|voltage|current|electricity) (on|in) the (metal|case|faucet|pipes?|frame|water|pool)\b" +
              @"|\b(me|le|nos|les|te) (dio|da|dieron|dan|esta dando|estan dando) (una |un )?(descarga|toque|toques|calambre|corriente|chispazo)\b|\bda toques\b" +
              @"|\b(levou|levei|tomei|tomou|dando|da) (um )?choque\b|\b(preso|prende|presa|prendo) (la |una )?scossa\b|\b(pris|prend|prends) (une )?(decharge|jus)\b|\b(stromschlag|schlag bekommen|gewischt)\b"),
            Unless: R(@"\b(price|prices|bill|quote|cost|invoice|estimate|static|sticker)\b")),
        new("water_on_electrics", LeadPriority.URGENT, Hazard.Electrical, Scope.All,
            R($@"\b(water|leak\w*|drip\w*|pour\w*|rain\w*|flood\w*|overflow\w*|agua|wasser|eau|acqua)\b(?! (heater|softener|filter|pressure|bill|meter|tank|stain|spot|line))(?: [^ |]+){{0,10}} (into|onto|on|in|near|around|over|behind|out of|from|through|reaching|towards?|inside|all over|under|en|sobre|por|dentro)( the| my| our| an?| all the| every| each| some| both| that| this| el| la| los| las)? (?:[a-z]+ ){{0,2}}{Electrics}\b|\b{Electrics}\b(?: [^ |]+){{0,6}} (is |are )?(dripping|leaking|pouring|full of water|filled with water|wet|soaked|soaking|under ?water|submerged|has water|have water|with water|water (is )?(coming|dripping|pouring|running)|got wet|gotten wet|mojad[oa]s?|gotea\w*)\b(?! (rated|location|vent))|\b(water|leak\w*|dripping|flood\w*|pouring)\b[a-z ]{{0,20}}\b(into|in|on|onto|near|around|over|behind|out of|from|through|up to|close to|reaching|towards?) (the |my |our |an? |all the |every |each )?(electrical panel|breaker box|breaker panel|electric panel|fuse box|panel|outlets?|wiring|light fixtures?|ceiling light|lights?|lamp|ceiling fan|switch(es)?)\b|\b(light fixture|ceiling light|lamp|outlet|panel|breaker box)s?\b{Gap}\b(dripping|leaking|pouring) water\b|\bagua\b[a-z ]{{0,30}}\b(lampara|enchufe|contacto|tablero|foco)s?\b|\b(lampara|enchufe|contacto|tablero|foco)s?\b[a-z ]{{0,30}}\bagua\b"),
            Unless: R(@"\b(pilot|indicator|status|warning|error|led|check engine|power) lights?\b|\bnext to\b")),
        new("medical_equipment_without_power", LeadPriority.URGENT, Hazard.Medical, Scope.All,
            R(@"\b(oxygen|o2|concentrator|ventilator|respirator|dialysis|cpap|bipap|feeding pump|suction machine|life support|medical (equipment|device|machine)|oxigeno|dialisis|equipo medico)\b"),
            Requires: s_powerLost),
        new("personal_danger", LeadPriority.URGENT, Hazard.Violence, Scope.Law,
            R(@"\b(threaten\w* to (kill|hurt)|(is|are) (hitting|beating|attacking)|in danger|afraid for my life|trying to break in|(hit|beat|choked|attacked|punched|slapped|hurt) (me|my (kids?|children|son|daughter)))\b")),
        new("locked_out", LeadPriority.URGENT, Hazard.None, Scope.All,
            R(@"\b(i am|we are|am|are|is|was|were|got|been|get|getting|just got|im) locked out\b|\blocked (me|us|myself|ourselves|him|her|them|himself|herself|themselves|yourself) out\b|\blocked out of (my|our|the|his|her)\b|\blocked (my |the |our )?keys in (the|my|our)\b|\bchanged (the|my|our) locks\b|\bme quede (afuera|fuera|encerrad[oa])\b|\bcambio las (cerraduras|chapas)\b|\bno (puedo|podemos) entrar\b")),

        // Someone shut out of their home or car, or a child or pet shut in: "my keys are inside", "me he quedado fuera".
        new("locked_out_broad", LeadPriority.URGENT, Hazard.None, Scope.All,
            R($@"\b(keys?|llaves?|cles|clefs|schlussel|chiavi|chaves)\b{In5}(are |is |still |got |stuck |left )?(locked )?(inside(?! (the |a |my )?(lock ?box|key ?box|mailbox|envelope|drawer|office|safe))|in there|in the (house|car|apartment|unit|truck|room)|dentro|adentro|a l'interieur|dedans|drinnen|drin|la dentro)\b" +
              $@"|\b(can not|cannot|could not|unable to) get (back )?(in|into|inside) (my|our|the|his|her) (house|home|apartment|place|car|unit|condo|building|room|office|truck)\b" +
              $@"|\b(baby|child|kid|toddler|infant|son|daughter|dog|cat|pet|puppy)s?\b{In3}(is |are |got |been )?(locked|stuck|trapped) (inside|in)\b|\b(baby|child|kid|toddler|infant|son|daughter|grandma|grandmother|grandpa|grandfather|mom|dad)s?\b{In3}locked (the |a |my |our |his |her )?(door|bathroom|room|car|bedroom)? ?(from (the )?)?(inside|in)\b" +
              $@"|\b(locked|lock) (himself|herself|themselves) in\b|\bme (quede|he quedado|quedado) (afuera|fuera|encerrad[oa])\b|\b(se me|me) (quedaron|olvidaron) las llaves\b|\bdeje las llaves (adentro|dentro)\b" +
              $@"|\b(enferme|enfermee|bloque|bloquee|coince|coincee)s? dehors\b|\bausgesperrt\b|\bchius[oa] fuori\b|\btrancad[oa] (para |do lado de )?fora\b"),
            Unless: R(@"\b(lock ?box|showing|key pickup|pick up the keys|drop off the keys)\b")),
        new("key_broken_in_lock", LeadPriority.HIGH, Hazard.None, Scope.All,
            R($@"\bkeys?\b{In5}(does not|do not|will not|did not|would not) (work|open|fit|turn|unlock)\b|\b(code|keypad|lock ?box|fob)\b{In3}(does not|will not|is not) (work|open|working)\b|\bkeys?\b{In3}(broke|snapped|broken|stuck|jammed)( off)?( in(side)?)? (the |my |our )?([a-z]+ )?(lock|door|deadbolt|ignition)\b|\b(lock|deadbolt)\b{In3}(jammed|broken|stuck|will not (open|turn|unlock))\b"),
            RaiseTo: R(@"\b(baby|babies|child|children|kids?|toddler|infant|dog|cat|pet|puppy|stove|oven|engine running|freezing|locked out|can not get (in|inside)|cannot get in|alone|(i am|we are|standing|stuck|waiting) outside|stranded)\b")),

        // ---- Damage in progress (home services): water in the building now ----
        new("active_flooding", LeadPriority.URGENT, Hazard.Water, Scope.Home,
            R(@"\bflood(ed|ing|s)?\b(?!\s?(lights?|lamps?|zone|insurance|plain|damage|certificate|risk|map|barrier|vents?|gate|wall|sensors?|alarm))|\binund\w*\b|\bagua por (todas partes|todo|todos lados)\b|\bpor todos lados\b")),
        new("water_pouring", LeadPriority.URGENT, Hazard.Water, Scope.Home,
            R($@"\b(water|leak|pipe|toilet|sink|tank|heater|ceiling|faucet|hose|line|tub|shower|valve|wall)s?\b{Gap}\b(everywhere|pouring|gushing|spraying|spewing|shooting|rushing|streaming|dumping|(?<!(dripping|drips|drip|leaking|leaks|trickling) )nonstop|coming (in|through|down) the|will not stop(?! (running|trickling|dripping|leaking|hissing|filling|beeping|chirping))|can not stop|cannot stop|rising|sale mucha agua)\b|\b(gushing|pouring|spraying|spewing|rushing|streaming|spurting) (out )?(water|agua)\b|\bwater\b[a-z ]{{0,40}}\b(gushing|pouring|spraying|spewing|rushing|streaming|spurting|everywhere)\b|\b(is |are |got |went )?under water\b|\bunderwater\b|\bwater (is )?coming in\b|\bwater\b{Gap}\bcoming up (through|from|out of) (the )?(floor|drain|floor drain|ground|toilet|tub|shower|basement)\b|\bwater\b{Gap}\bcoming (in )?(through|from) (the )?(wall|ceiling|floor|roof|window|door|foundation)s?\b|\b(heater|tank|pipe|line|hose|valve|fitting)s?\b{Gap}\b(let go|gave (out|way)|blew out)\b|\b(can not|cannot|unable to|could not) (shut|turn) (off )?(the )?(water|valve|main)( off)?\b|\b(inches of|feet of|a foot of|full of|ankle deep|knee deep|waist deep) water\b|\bstanding water (in|on|all over|across) (the |my |our )?(basement|floor|kitchen|garage|house|home|living room|hallway|laundry room|crawl ?space|yard|bedroom|office)\b|\bwater (in|all over|across) (the|my|our) (basement|kitchen|floor|house|home|garage|living room|bathroom|hallway|laundry room|bedroom|office)\b|\bwater (is )?(all over|everywhere)\b|\b(ceiling|roof)\b{Gap}\b(collaps\w*|caving|caved( in)?|fell in|came down)\b|\braining (in|inside|indoors|into|through|from the ceiling|down the walls)\b|\brain(water)? (is )?(coming|pouring|leaking|getting) (in|into|through)\b|\b(filling|filled|fills) (up )?with water\b|\b(has|have|got) water (on|in|all over) (it|them|the floor|the floors)\b|\b(covered|soaked) (in|with) water\b|\bwater (is )?(running|pouring|flowing|coming|leaking) (out )?(from )?under (the )?(door|wall|cabinet|floor)\b|\blike a (river|waterfall|fountain)\b|\bno para de salir agua\b|\bllenando de agua\b|\bagua\b{Gap}\b(sigue subiendo|entrando|metiendo)\b|\b(metiendo|entrando) (el |mucha )?agua\b|\bsaliendo mucha agua\b|\bno (puedo|podemos) cerrar\b{Gap}\b(agua|llave)\b"),
            Unless: s_leakNotFlood),
        // Water escaping in quantity, in any words: the substance near a word for spreading, a room turned into a pool,
        // an overflow that will not stop, water coming through the ceiling.
        new("water_spreading", LeadPriority.URGENT, Hazard.Water, Scope.Home,
            R($@"{WaterSubstance}{In8}{WaterSpreading}" +
              $@"|\b(gushing|pouring|spraying|spewing|rushing|streaming|spurting|shooting|blasting|jetting|squirting|gallons of|jorrando|sprudelt|spritzt|tirando|echando|brotando|saliendo mucha|sale mucha)\b{In3}(water|agua|eau|wasser|acqua)\b|\btaking on water\b|\b(agua)\b{In5}sin parar\b|\bsin parar\b{In3}agua\b|\bgallons\b{In3}(coming|pouring|everywhere|on the floor|out)\b" +
              $@"|\b(basement|room|kitchen|floor|house|garage|crawl ?space|laundry room|yard|bathroom|hallway|cellar|sotano|cocina)\b{In5}(is|looks like|turned into|became|like|es|parece) (a |an |una? )?(swimming pool|pool|lake|river|pond|piscina|alberca|lago|rio)\b" +
              $@"|\b(toilet|tub|bathtub|sink|washer|washing machine|dishwasher|tank|it|inodoro|tina|lavadora)s?\b{In3}(keeps? (overflowing|running over|spilling over)|will not stop (overflowing|running over|spilling)|(overflowed|overflowing|overflows|ran over|running over|runs over|spilled over|spilling over)\b{In8}(onto|into|across|down|through|all over|everywhere|under|out of the|out into))\b" +
              $@"|\b(coming|pouring|running|raining|streaming|gushing) (down )?(in )?(through|from|out of|down) (the |my |our )?([a-z]+ )?(ceiling|roof|walls?|light fixture)\b" +
              $@"|\b(dripping|leaking|coming) (down )?(through|from) (the |my |our )?([a-z]+ ){{0,2}}(ceiling|roof)\b{In3}(fast|quickly|a lot|heavily|bad|badly|like crazy|nonstop)\b" +
              $@"|\b(an|one|two|three|\d+|a few|several|half an?) (inch|inches|feet|foot) deep\b|\b(deep|high) and (rising|getting (deeper|higher))\b"),
            Requires: R(@"\b(water|waters|leak\w*|rain\w*|overflow\w*|ran over|running over|tub|toilet|pipe|shower|sink|washer|dishwasher|heater|tank|sewage|sewer|flood\w*|agua|eau|wasser|acqua|gallons|drain)\b"),
            // A habit ("when I shower"), or a leak that has reached the floor with no sign of a flood: HIGH, not URGENT.
            Unless: R(@"\b(when (i|we|you|someone|anyone) (shower|bathe|flush|run|use)|every time|whenever|each time)\b|^(?=.*\b(leak\w*|drip\w*|seep\w*)\b)(?!.*\b(pouring|gushing|spraying|shooting|rushing|streaming|flood\w*|everywhere|inch\w*|deep|rising|stop|lake|pool|river|fast|quickly|into the|ceiling)\b)")),
        new("ceiling_bulging", LeadPriority.URGENT, Hazard.Water, Scope.Home,
            R($@"\b(ceiling|drywall|plaster|sheetrock)\b{In5}(sagging|bulging|bowing|drooping|ballooning|caving)\b|\b(sagging|bulging|bowing|drooping) (ceiling|drywall)\b"),
            Requires: R(@"\b(water|wet|leak\w*|rain\w*|storm|pipe|burst|drip\w*|agua)\b")),
        new("burst_pipe", LeadPriority.URGENT, Hazard.Water, Scope.Home,
            R($@"\b(burst|bursted|busted|broken|ruptured|split|exploded|blown|cracked) (water |copper |pvc )?(pipe|pipes|main|water main|water line|supply line|hose)\b|\bpipes? ({Gap})?(has |have |just |had )?(burst|bursts|bursted|busted|broke|exploded|split|ruptured|blew)\b|\bwater main (break|broke|burst)\b|\b(supply line|supply hose|hose|fitting|pipe|line|connector|valve|spigot|hose bib)s? ({Gap})?(popped|came|blew|broke|burst|snapped|sheared|cracked) (off|loose|apart|open|in half)\b|\b(pipe|hose|main|tank|heater)s?\b{Gap}\b(burst|bursted|exploded|ruptured|split open|blew (out|apart|open))\b|\b(tuberia|tubo|cano|caneria)s? (rota|roto|reventad[oa])\b|\bse (rompio|revento) (la|el|una|un) (tuberia|tubo|cano|caneria|calentador|manguera)\b")),
        new("sewage_backup", LeadPriority.URGENT, Hazard.Water, Scope.Home,
            R($@"\bsewer (is |line is )?(backing|bubbling|coming|spilling|overflowing|pouring)\b|\b(sewage|raw sewage|sewer water|aguas negras|aguas residuales|esgoto|eaux usees|abwasser|liquame)\b(?! (smell|odou?r|gas|line|bill|system|treatment|camera|scope|inspection|pipe|company|plant))\b{In8}(up|out|over|back|in|into|onto|everywhere|all over|regres\w*|sal\w*|subiendo|voltando|transbord\w*|refoul\w*)\b|\b(sewage|sewer|raw sewage|septic)\b{Gap}\b(backing up|backed up|back up|coming up|comes up|came up|coming out|pouring out|leaking out|seeping|overflow\w*|in (the|my|our) (house|home|basement|tub|shower|bathroom)|everywhere|on the floor|flooding|spill\w*|pouring|spreading)\b|\b(toilets?|drains?|tub|shower)\b{Gap}\b(sewage|poop|feces|raw sewage)\b|\baguas (negras|residuales)\b")),
        new("sump_pump_failed_water_rising", LeadPriority.URGENT, Hazard.Water, Scope.Home,
            R(@"\bsump( pump| pit)?\b|\bbomba de (sumidero|achique)\b"), Requires: s_waterRising),
        new("no_heat", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R($@"\bno (heat|heating|furnace)\b|\b(heat|heating|furnace|boiler|heater|heat pump)\b{Gap}\b(is |are )?(out|off|dead|not working|stopped working|stopped|gave out|conked out|crapped out|not coming on|will not (turn|come|start|stay|kick)( on)?|does not (turn|come|start|kick)( on)?|died|broke\w*|quit|went out|blowing cold( air)?|not (heating|warming|getting warm|putting out heat))\b|\bwithout heat\b|\b(house|home|it|place) (will not|does not|can not) (get|stay) warm\b|\bhouse is (freezing|ice cold)\b|\bradiators? (are |is )?(cold|ice cold|not (warm|hot|heating))\b|\bsin calefaccion\b|\b(calefaccion|calenton|calefactor|estufa de gas|heater)\b(?: [^ |]+){0,5} (no (funciona|prende|calienta|enciende|sirve)|se (descompuso|apago|murio)|dejo de (funcionar|calentar))\b|\bse (nos |me |les )?(descompuso|apago|murio) (el|la) (calefaccion|calenton|calefactor)\b|\bno (tenemos|tengo|tienen|hay|funciona|sirve|prende) (la |nada de )?calefaccion\b|\b(la )?calefaccion (no|dejo de|se descompuso)\b|\bno (hay|funciona) (la )?calefaccion\b|\bcalefaccion no (funciona|prende|calienta)\b"),
            RaiseTo: s_freezingOrVulnerable),
        new("no_cooling", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R($@"\bno (ac|a/c|a c|air conditioning|air con|cooling|aire acondicionado|aire)\b|\b(ac|a/c|a c|air conditioner|air conditioning|cooling|central air|heat pump|air|mini split)\b{Gap}\b(is |are )?(out|not working|stopped working|stopped cooling|stopped|gave out|conked out|crapped out|went out|is dead|died|broke\w*|blowing (hot|warm)( air)?|just blowing air|will not (turn|come) on|does not (turn|come) on|quit|not (cooling|blowing cold|getting cold|cold))\b|\b(house|it|place) (stays|is still|is stuck) at (7[6-9]|8\d|9\d)\b|\b(aire|clima|minisplit)( acondicionado)?\b{Gap}\b(no enfria|no funciona|se descompuso|dejo de (funcionar|enfriar)|no prende|no (esta )?(enfriando|funcionando|prendiendo))\b|\bse descompuso el (aire|clima)\b"),
            RaiseTo: s_heatOrVulnerable),

        // ---- Broken and needs prompt service (home services) ----
        new("leak", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R(@"\bleak(s|ing|y|ed)?\b(?!\s?(detector|test))|\bdrip(s|ping|py)?\b|\bwater (stain|spot)s?\b|\bwet (spot|stain|patch|area|ceiling|drywall)s?\b|\bgotera\b|\bgote(a|ando)\b|\bfuga de agua\b|\bfuga\b(?! de gas)|\b(puddles?|pooling|seep\w*|soaked|soggy|damp|trickl\w*)\b")),
        new("clog", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R(@"\bclog(s|ged|ging)?\b|\b(blocked|stopped up|backed up|backing up|plugged up)\b|\b(will not|does not|not|is not) (drain|flush)(ing)?\b|\bslow(ly)? drain\w*\b|\bdraining (really |very )?slow(ly)?\b|\boverflow(ed|ing|s)?\b|\bgurgl\w*\b|\btapad[oa]\b|\bno baja\b"),
            Unless: R(@"\b(dryer vents?|vents?|gutters?|filters?|ducts?|chimney|lint)\b")),
        new("no_hot_water", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R($@"\b(no|zero|without|barely any|sin) hot water\b|\b(showing|shows|flashing|throwing|displaying|giving)( me)? (an? )?(error )?(code|error)\b|\b(water heater|hot water heater|boiler|tankless)\b{Gap}\b(is )?(out|broke\w*|not working|not heating|stopped|leak\w*|died|making noise|error)\b|\bhot water (is )?(out|not working|gone)\b|\bonly (cold|lukewarm) water\b|\blukewarm\b|\b(sin|no hay|no tenemos) agua caliente\b")),
        new("frozen_pipes", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R(@"\bfrozen pipes?\b|\bpipes? (are |is )?frozen\b")),
        new("electrical_fault", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R($@"\b(breaker|fuse|gfci|gfi)s?\b{Gap}\b(trip\w*|blow\w*|blew|keeps going|will not reset)\b|\btripp?(ed|ing|s)? (the )?breakers?\b|\b(outlet|outlets|socket|switch|lights?|power)\b{Gap}\b(not working|stopped working|dead|flicker\w*|went out|buzz\w*|will not reset|keeps resetting|dim\w*)\b|\bno (power|electricity)\b|\blost power\b|\b(power|lights?|electricity)\b{Gap}\b(cutting|going|turning|flashing|blinking) (in and out|on and off|off and on|out)\b|\bpower\b[a-z ]{{0,40}}\b(went|has gone|is) (out|off)\b|\bpower (is |went |has gone )?out\b|\bexposed wires?\b|\b(fire|shock) hazard\b|\bloose (outlet|plug|switch|wire)s?\b|\b(outlet|plug|switch|wire)s?\b{In5}(is |are )?(loose|wobbly|hanging out)\b|\bno (hay )?luz\b|\bse (bota|dispara|bajo)\b|\bparpade\w*\b")),
        new("broken_equipment", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R($@"\b(broken|broke down|broke again|not working|stopped working|does not work|do not work|quit working|malfunction\w*|making (a )?([a-z]+ ){{0,2}}nois\w*|no funciona|se descompuso)\b|\bstopped (heating|cooling|running|spinning|draining|flushing|working)\b|\b(will not|does not|can not) (spin|start|run|heat|cool|close|open|lock|drain|flush|turn on|work|light|stay lit|stay on|kick on|kick in)\b|\b(is |are )?not running\b|\bkeeps (shutting|turning|cutting) (off|down|out)\b|\bshort cycl\w*\b|\bjam(med|s)?\b|\b(is|are|got|gets) stuck\b|\bstuck (open|closed|shut|on|off)\b|\bthermostat\b{Gap}\b(blank|dead|off|not working|no display|not (responding|turning on))\b|\b(screen|display) (is |went )?(blank|dead)\b|\bpilot( light)?\b{Gap}\b(out|will not (stay|light)|keeps going out|went out)\b|\b(brown|rusty|dirty|discolou?red|cloudy|yellow|black|murky|milky) (tap )?water\b|\bwater\b(?! heater){In5}(brown|rusty|discolou?red|dirty|cloudy|murky|milky|orange|reddish)\b|\bwater (is )?(coming out |comes out )?(brown|rusty|discolou?red|dirty|cloudy)\b|\b(no|zero) (running )?water\b(?=( at all| in the| coming| from| since| to the| anywhere|$| \|))|\b(low|no|weak|lost) water pressure\b|\bpressure (dropped|is low|is weak|went down)\b|\bonly works (in|on) (half|part|some)\b|\btoilet\b{Gap}\b(running|keeps running|will not stop running)\b|\b(loud|weird|strange|funny|odd|unusual|rumbling|popping|banging|grinding|screeching|squealing|rattling|clanking|knocking|buzzing|humming|whining|gurgling|musty|burning rubber) (noise|noises|sound|sounds|smell|smells|odou?r)\b|\b(rumbl\w*|bang(ing|s)|grind(ing|s)|screech\w*|squeal\w*|rattl\w*|clank\w*|hums|humming)\b|\b(water|fire|flood|smoke) damage\b|\bsew(age|er) (smell|odou?r|gas)\b|\bice (all )?(on|over) (the )?(ac|lines?|coils?|unit|outdoor unit)\b|\b(ice|frost)\b{In5}(on|over|around) (the )?(\w+ )?(coils?|lines?|unit|ac|evaporator|refrigerant lines?)\b|\b(heat pump|ac|coils?|unit|lines?) (is |are )?(frozen|iced up)\b|\bno (funciona|cierra|enfria|prende|enciende|calienta|sirve|jala|abre)\b|\bdejo de (funcionar|enfriar|calentar|servir)\b|\bruido (muy )?(fuerte|raro|extrano)\b|\bagua (cafe|sucia|turbia|oxidada|de color)\b|\bno (tenemos|hay) (nada de )?agua\b|\bpiloto\b{Gap}\bno se queda\b")),

        // A fixture of the home that does not do its job, whatever the words: "the shower only runs cold now",
        // "none of the outlets in the bedroom work", "the furnace never lights".
        new("fixture_failing", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R($@"\b(focos?|luces|luz|foquitos|lamparas?)\b{In5}(se (apaga\w*|fund\w*|prende\w* y (se )?apaga\w*)|parpade\w*|no (prende|encienden?|prenden)\w*)\b|\bse (apaga\w*|fund\w*)\b{In5}(focos?|luces|luz|lamparas?)\b|\b(turn|turns|go|goes|shut|shuts|switch|switches) (off|on) (by (themselves|itself)|on (their|its) own)\b|\b(gets?|getting|has|have|there is|with) (no|zero|barely any|hardly any|very little) (air|airflow|heat|cold air|hot air|water pressure|pressure|flow|suction|power)\b|\bno (funciona|sirve|prende|enciende|calienta|enfria|jala|abre|cierra|baja|drena|arranca|centrifuga|lava|seca|desagua|exprime|gira)n?\b|\bno (nos |le |me |les )?(llega|sale|hay|tenemos|tengo|tienen) (el |nada de |ni )?agua\b|\b(faucet|tap|sink|toilet|shower|tub|bathtub|drain|pipe|disposal|dishwasher|washer|washing machine|dryer|water heater|heater|boiler|furnace|ac|air conditioner|air conditioning|heat pump|thermostat|vents?|fan|outlets?|sockets?|switch(es)?|breakers?|lights?|fixture|panel|power|electricity|pump|sump pump|well pump|garage door|door|lock|window|fridge|refrigerator|freezer|oven|stove|range|microwave|compressor|condenser|unit|radiators?|baseboards?|pilot|igniter|blower|doorbell|gfci|generator|spigot|valve|softener|ice maker|gate|heat|air|hot water|water|toilets|sinks|faucets|lights)\b{Gap}\b(will not|would not|does not|do not|did not|is not|are not|can not|could not|never|no longer|only|keeps?|kept|stopped|quit|barely|hardly|fails? to|failed to|refuses to)( \w+)?( (work\w*|drain\w*|flush\w*|heat\w*|cool\w*|light\w*|run\w*|turn\w*|shut\w*|start\w*|spin\w*|close\w*|open\w*|lock\w*|stay\w*|come\w*|kick\w*|blow\w*|get\w*|hold\w*|fill\w*|ignit\w*|respond\w*|reset\w*|power\w*|stop\w*|cutting|tripping|going|dripping|leaking|making|click\w*|beep\w*|cycl\w*|function\w*|operat\w*|warm\w*|charg\w*|catch\w*|latch\w*|seal\w*|pump\w*))\b|\b(none|neither|nothing|half|some) of (the |my |our )?(\w+ )?(faucet|tap|sink|toilet|shower|tub|bathtub|drain|pipe|disposal|dishwasher|washer|washing machine|dryer|water heater|heater|boiler|furnace|ac|air conditioner|air conditioning|heat pump|thermostat|vents?|fan|outlets?|sockets?|switch(es)?|breakers?|lights?|fixture|panel|power|electricity|pump|sump pump|well pump|garage door|door|lock|window|fridge|refrigerator|freezer|oven|stove|range|microwave|compressor|condenser|unit|radiators?|baseboards?|pilot|igniter|blower|doorbell|gfci|generator|spigot|valve|softener|ice maker|gate|heat|air|hot water|water|toilets|sinks|faucets|lights)\b{Gap}\b(work\w*|on|running)\b|\bwater (smells?|stinks?|tastes?)\b|\b(ac|air|heat|furnace|heater|heat pump|unit|pressure|flow|airflow)\b{Gap}\b(seems |is |feels )?(weak|not keeping up|can not keep up|barely (works|running|blowing))\b")),

        // ---- Law firms ----
        new("arrest_or_custody", LeadPriority.URGENT, Hazard.None, Scope.Law,
            R(@"\b(arrest\w*|in custody|into custody|in jail|jail(?! time)|juvie|juvenile (hall|detention)|at the jail|county jail|locked up|detained|being held|held by (the )?police|picked up by (the )?police|booked|bail|bond hearing|arraign\w*|police (are )?(here|at (my|the) (door|house))|(cops|police|officers|agents|detectives) (are )?(at|outside) (my|the|our) (door|house|home)|warrants?(?! hearing)|(taken|picked up|grabbed|hauled off|dragged) (away )?by (the )?(police|cops|officers|agents|ice|immigration|feds|sheriff|deputies)|(police|cops|officers|agents|feds|sheriff|deputies|detectives) (just )?(took|came and took|have|grabbed|hauled|raided|are (raiding|searching|taking))|(cps|child protective services|dcfs|social services) (is|are|came|took|showed up)|taking (my|our) (kids|children|son|daughter|baby)( away)?|(immigration|ice|border patrol) (agents? |officers? )?(took|detained|picked up|arrested|came for|have|has)|arrestad[oa]|detenid[oa]|detuvieron|se (lo|la) llevo|en la carcel|se llevo a (mi|su|nuestr[oa])|at the (police )?station|at the precinct|in a cell|behind bars|orden de (cateo|arresto|aprehension)|policia (esta )?(en (mi|la) puerta|aqui|afuera))\b")),
        // Children taken or kept from the caller, and a lock-out or eviction being carried out now.
        new("children_taken_or_locked_out_now", LeadPriority.URGENT, Hazard.None, Scope.Law,
            R(@"\b(took|taken|kidnapp\w*|abduct\w*|snatched|ran off with|disappeared with|left the (state|country) with|hiding) (my |our |the )?(kids|children|son|daughter|baby|grandkids)\b|\b(will not|refus\w* to|would not) (give|bring|return|send) (them|the kids|my kids|my children|my son|my daughter|the baby) back\b|\bse (llevo|robo) a (mis|los|nuestros) (hijos|ninos)\b|\bno me (quiere|quieren) (dar|devolver|regresar) a (mis|los) (hijos|ninos)\b|\b(chang\w*|replac\w*) (the|my|our) locks\b|\blocks (are being|were just|just got) changed\b|\b(putting|throwing|moving|tossing) (my|our) (stuff|things|belongings)( out)?\b"),
            Requires: s_lawToday),
        new("hearing_or_lockout_within_a_day", LeadPriority.URGENT, Hazard.None, Scope.Law,
            R(@"\b(hearings?|court|trial|deposition|arraignment|dui|dwi|owi|eviction|evict\w*|lockout|locked (me )?out|changed (the|my) locks|sheriff|restraining order|protective order|custody exchange|deport\w*|questioning|interrogat\w*|audiencia|desalojo|juicio|corte)\b"),
            Requires: s_lawToday),
        new("legal_deadline_within_days", LeadPriority.HIGH, Hazard.None, Scope.Law,
            R(@"\b(deadline|due|respond|response|file|answer|court date|hearing|trial|statute of limitations|eviction notice|notice to (quit|vacate)|garnish\w*|foreclos\w*|responder|audiencia|corte)\b"),
            Requires: s_withinDays),
        // Being taken or held by the police now, in more words: charged at the station, handcuffs, immigration agents outside.
        new("arrest_in_progress", LeadPriority.URGENT, Hazard.None, Scope.Law,
            R($@"\b(being|getting|been|just got|just been) (charged|booked|processed|fingerprinted|questioned|interrogated|held)\b|\bhandcuff\w*\b|\b(from|at|to|in) the (police station|station|precinct|sheriff'?s? (office|station)|holding cell|lockup|jail|detention (center|centre))\b" +
              $@"|\b(ice|immigration|la migra|migracion|border patrol|feds|fbi|dea|agents|police|cops|officers|detectives)( agents?| officers?)? (is |are )?(outside|here|at (my|the|our)|knocking|banging|in (my|the|our)|searching|raiding|waiting)\b|\bsearch warrant\b|\b(se lo llevo|se la llevo|se llevaron a|lo detuvo|la detuvo) \w*\b|\b(la )?(policia|migra|migracion|patrulla) (tiene|tienen|agarro|agarraron|se llevo|se llevaron|detuvo|detuvieron) (a )?(mi|mis|nuestr[oa]s?)\b|\b(police|cops|officers|deputies|ice) (have|has|got) (my|our)\b"),
            Unless: R(@"\b(ice (storm|dam|maker|machine|cube)|icy)\b")),
        // A live legal matter against the caller with a date inside a few weeks, or a threat about to be carried out.
        new("legal_matter_within_weeks", LeadPriority.HIGH, Hazard.None, Scope.Law,
            R(@"\b(condemn\w*|code violation\w*|offer|accept|claim|denial|decision|mediation|arbitration|settlement (offer|conference|deadline)|interrogator\w*|discovery|answers? (to|due)|respond|response|reply|file|filing|depor|depoimento|garnish\w*|levy|levied|levies|repossess\w*|repo|foreclos\w*|evict\w*|liens?|seiz\w*|freeze (my|our) (bank )?(accounts?|assets)|suspend\w* (my )?(license|licence)|default judgment|cease and desist|demand letter|summons|subpoena\w*|sued|suing|lawsuit|complaint|deposition|hearing|trial|court( date)?|motion|appeal|deadline|audit|notice to (appear|quit|vacate)|custody|protective order|restraining order|embarg\w*|desalojo|demanda\w*|citatorio|citacion|notificacion|audiencia|juicio|plazo|apelacion|deport\w*|assignation|huissier|expulsion|saisie|mise en demeure|tribunal|kundigung|raumung\w*|klage|mahnbescheid|gericht\w*|frist|pfandung|sfratto|pignoramento|citazione|udienza|tribunale|despejo|penhora|intimacao|citacao|prazo|(attorney|lawyer|abogado) (withdrew|quit|dropped|left))\b"),
            Requires: R($@"\b{WithinWeeks}\b")),
        new("legal_threat", LeadPriority.HIGH, Hazard.None, Scope.Law,
            R(@"\b(going to|about to|threaten\w* to|will|want to|trying to|plan(s|ning)? to|quieren|van a|amenaza\w* con|vont|wollen|vogliono|querem|vao) (garnish|levy|repossess|foreclose|evict|sue|seize|freeze|take (my|our) (house|car|truck|home|kids|children)|embargar|desalojar|demandar|quitarme|me quitar)\w*\b|\b(wages?|paycheck|account|car|truck|house|home) (is |are )?(being|going to be|will be|about to be) (garnished|levied|repossessed|foreclosed|seized|frozen)\b|\b(my|our) (attorney|lawyer|abogado) (just )?(withdrew|quit|dropped me|dropped us|dropped (my|our) case)\b")),
        new("served_papers", LeadPriority.HIGH, Hazard.None, Scope.Law,
            R(@"\bpay or quit\b|\b(\d+|three|five|seven|ten|fourteen|thirty|sixty|ninety) days? notice\b|\b(got|received|gave me|handed me|served me|sent me) (a |an |the )?(\w+ )?(notice|summons|subpoena|complaint|petition|letter from (their|his|her|the) (lawyer|attorney))\b|\b(served|summons|(foreclosure|eviction|default|lien) notice|notice of (default|sale|foreclosure|eviction)|subpoena\w*|being sued|got sued|suing me|lawsuit against me|eviction notice|notice to (quit|vacate)|restraining order|demanda|me demandaron|aviso de desalojo|citatorio)\b")),

        // ---- Estate agents ----
        new("closing_today_at_risk", LeadPriority.URGENT, Hazard.None, Scope.RealEstate,
            R(@"\bclos(ing|e|ed)\b|\b(supposed|scheduled|going|set|due) to sign\b|\bsign(ing)? (at|today|this)\b|\b(possession|move in|moving in|walk ?through)\b|\b(not|never|is not|has not been|was not|were not) (funded|wired|released)\b|\bfunding (fell through|was pulled|did not (come|arrive|go through))\b|\b(settlement|completion|signing)\b|\b(cierre|firma|firmamos|firmar|cerramos|escritura\w*)\b"), Requires: s_closingToday),
        new("closing_soon_at_risk", LeadPriority.HIGH, Hazard.None, Scope.RealEstate,
            R(@"\bclos(ing|e)\b|\b(settlement|completion|signing)\b|\b(cierre|firma|firmamos|firmar|cerramos|escritura\w*)\b|\b(signature|vente|compromis|acte de vente|notaire|verkauf|notar\w*|rogito|compravendita|assinatura|escritura)\b"), Requires: R($@"\b{WithinWeeks}\b|\b(tomorrow|manana)\b|{WithinDaysPattern}")),
        // A deal in trouble with a date inside a few weeks, whatever the deal's words: an appraisal that came in low and a
        // decision due Thursday, a loan that may not be approved in time.
        new("deal_at_risk_within_weeks", LeadPriority.HIGH, Hazard.None, Scope.RealEstate,
            R(@"\b(appraisal|inspection|financing|loan|lender|underwriter|underwriting|contingenc\w*|offer|escrow|title|mortgage|rate lock|funds|earnest money|buyers?|sellers?|closing|avaluo|prestamo|credito|banco|comprador|vendedor|oferta)\b"),
            Requires: R($@"\b{WithinWeeks}\b|\b(tomorrow|manana|by (monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b")),
        // A deal's deadline falls today and something stands in the way: "our inspection contingency ends at 5 today and the
        // sellers still haven't answered". Kept only when a problem is said (see Assess).
        new("deal_deadline_today_at_risk", LeadPriority.URGENT, Hazard.None, Scope.RealEstate,
            R($@"\b(contingenc\w*|option period|rate lock|deadline|offer|counter ?offer|inspection period|due diligence|financing|appraisal|loan commitment|commitment letter|funding|funded|funds|fondos|oferta|plazo)\b{In8}(ends?|expires?|expiring|due|deadline|runs out|is up|vence|termina|not|never|still|no|todavia|aun)\b{In8}(today|tonight|(?<!tomorrow )at \d+|(?<!tomorrow )at noon|in (an|one|two|a few) hours?|this (morning|afternoon|evening)|(?<!tomorrow )by (5|five|noon|end of (the )?day)|hoy|movers|moving truck)\b|\b(today|hoy)\b{In5}(is )?(the )?(last day|deadline|ultimo dia)\b"),
            Requires: R(@"\b(today|tonight|at \d+|at noon|hours?|this (morning|afternoon|evening)|hoy|movers|moving truck)\b")),
        new("wire_fraud", LeadPriority.URGENT, Hazard.None, Scope.RealEstate,
            R(@"\bwire (fraud|instructions? (changed|different|were changed))\b|\b(changed|new|different|updated) wir(e|ing) instructions?\b|\bwire instructions\b[a-z ]{0,12}\bchanged\b|\b(sent|wired) (the |our |my )?(money|funds|deposit|down payment) to (the )?wrong\b|\bnever (got|received) (it|the (money|funds|wire|deposit|down payment))\b|\b(says?|said) (they )?never (got|received)\b|\bscam\w*\b|\b(cambiaron|cambio) (las )?instrucciones\b" +
              $@"|\b(wire|wiring|send|sending|transfer\w*|mandar|enviar|transferir)\b{In5}(funds|money|payment|deposit|down payment|closing (funds|costs)|earnest money|dinero|fondos)\b{In5}(to )?(a |an |una? )?(new|different|another|updated|nueva|otra|distinta) (account|bank|cuenta)\b|\b(wire|wiring|funds)\b{In10}(legit|scam|fraud|fraudulent|suspicious|fake|hacked|spoofed)\b|\b(pretending to be|posing as|impersonat\w*|spoof\w*)\b|\b(account|bank|wire|wiring) (info |information |details |number |instructions )?(changed|is different|are different|were changed|has changed)\b|\b(wire|wiring|funds|money|account)\b[^|]*\|[^|]*\b(seems|sounds|looks|feels) (off|fishy|suspicious|weird|sketchy|wrong)\b|\bnew (bank|account|wire|wiring|payment) (details|info|information|instructions|number)\b|\b(wired|sent|transferred)\b[^|]*\b(not (theirs|their account|their real account|ours)|wrong account|never (got|received) it|fake (email|account))\b")),
        new("transaction_deadline", LeadPriority.HIGH, Hazard.None, Scope.RealEstate,
            R(@"\b(have|has|got|tenemos|tienen) (until|till|til|hasta) [a-z0-9]+ (\w+ )?(to|para) (respond|answer|decide|sign|counter|accept|reply|close|responder|contestar|decidir|firmar)\b|\b(have to|need to|must|got to) (decide|respond|answer|sign|counter|accept|reply|close|choose)\b(?: [^ |]+){0,4} by (tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the \d+\w*|end of (the )?(day|week))\b|\b(oferta|contraoferta|plazo|inspeccion|avaluo|credito|prestamo|contingencia)\b(?: [^ |]+){0,5} (vence|vencen|se vence|termina|expira|caduca)\b|\b(offer|counter ?offer|inspection|appraisal|financing|contingency|option period|rate lock|documents?|approval)\b[a-z ]{0,20}\b(deadline|expires?|expiring|due|ends?|by tomorrow|by (monday|tuesday|wednesday|thursday|friday))\b|\b(seller|buyer)s? (countered|counter ?offered)\b")),


        // ---- The seed's other languages (French, German, Italian, Portuguese): life safety and the common failures, so a
        // caller in danger is never NORMAL because of the language they speak. Text is accent-free after normalising. ----
        new("gas_leak_intl", LeadPriority.URGENT, Hazard.Gas, Scope.All,
            R(@"\b(odeur de gaz|sent (le|du) gaz|fuite de gaz|gasgeruch|riecht (\w+ )?nach gas|gasleck|gas (tritt|stromt) aus|odore di gas|puzza di gas|fuga di gas|perdita di gas|cheiro de gas|vazamento de gas|cheirando (a )?gas|cheira a gas)\b")),
        new("carbon_monoxide_intl", LeadPriority.URGENT, Hazard.CarbonMonoxide, Scope.All,
            R(@"\b(monoxyde|kohlenmonoxid\w*|co melder|monossido|monoxido de carbono)\b")),
        new("fire_intl", LeadPriority.URGENT, Hazard.Fire, Scope.All,
            R(@"\b(incendie|au feu|en feu|prend feu|pris feu|flammes|fumee|es brennt|brennt|feuer|flammen|rauch|qualm|schmor\w*|kabelbrand|incendio|fuoco|fiamme|fumo|va a fuoco|fogo|chamas|fumaca|pegando fogo|pegou fogo)\b")),
        new("electrical_intl", LeadPriority.URGENT, Hazard.Electrical, Scope.All,
            R(@"\b(etincelles|funken\w*|scintill\w*|faisca\w*|electrocut\w*|decharge electrique|pris une decharge|fil (electrique )?(tombe|a terre)|ligne electrique (tombee|a terre)|cable (tombe|a terre)|stromschlag|(stromleitung|leitung|kabel) (liegt|hangt|ist) (\w+ )?(am boden|runter|herunter|auf)|scossa|folgorat\w*|fulminat\w*|(cavo|filo) (elettrico )?(a terra|caduto|scoperto)|levou (um )?choque|choque eletrico|(fio|cabo) (de energia |eletrico )?(caido|solto|desencapado))\b")),
        new("water_intl", LeadPriority.URGENT, Hazard.Water, Scope.Home,
            R(@"\b(inond\w*|degat des eaux|tuyau (a )?(eclate|perce|creve)|canalisation (a )?(eclate|cassee)|(l'eau|eau) (coule partout|monte|jaillit|partout|entre)|de l'eau partout|refoul\w*|wasserrohrbruch|rohrbruch|rohr (ist )?geplatzt|uberschwemm\w*|uberflut\w*|wasser (lauft|steht|kommt|spritzt|stromt|uberall|dringt)|unter wasser|abwasser|allag\w*|inond\w*|tub[oi] (e )?(rott[oi]|scoppiat[oi])|tubatura (rotta|scoppiata)|acqua (ovunque|dappertutto|esce|sale|entra)|fogna|alag\w*|inund\w*|(cano|tubo|canano) (\w+ )?(estourou|estourado|rompeu|arrebentou)|(estourou|rompeu|arrebentou) (o |um )?(cano|tubo)|agua (\w+ ){0,3}(tomando conta|invadindo|inundando)|agua (por toda parte|pra todo lado|jorrando|subindo|entrando)|esgoto (voltando|transbordando|subindo))\b")),
        new("medical_intl", LeadPriority.URGENT, Hazard.Medical, Scope.All,
            R(@"\b(oxygene|concentrateur|respirateur|dialyse|sauerstoff\w*|beatmung\w*|ossigeno|concentratore|respiratore|dialisi|oxigenio|concentrador|respirador|dialise)\b"),
            Requires: R(@"\b(coupure de courant|plus de courant|plus d'electricite|panne de courant|panne d'electricite|pas de courant|stromausfall|kein strom|strom ist weg|strom (ist )?ausgefallen|senza corrente|manca la corrente|andata via la corrente|blackout|niente corrente|senza luce|manca la luce|sem luz|sem energia|acabou a luz|faltou (a )?luz|falta de energia|caiu a energia)\b")),
        new("law_intl", LeadPriority.URGENT, Hazard.None, Scope.Law,
            R(@"\b(arrete|arretee|garde a vue|mandat (de perquisition|d'arret)|la police (est )?a la porte|verhaftet|festgenommen|gewahrsam|haftbefehl|durchsuchungsbefehl|polizei (ist )?(vor der tur|da|hier)|arrestat[oa]|fermat[oa] dalla polizia|mandato (di perquisizione|d'arresto)|polizia (e )?alla porta|foi pres[oa]|detid[oa]|mandado (de busca|de prisao)|policia (esta )?na porta)\b")),
        new("no_heat_intl", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R(@"\b(plus de chauffage|pas de chauffage|chauffage (ne marche|en panne|ne fonctionne)|chaudiere (en panne|ne marche)|keine heizung|heizung (ist )?(ausgefallen|kaputt|geht nicht|funktioniert nicht)|niente riscaldamento|senza riscaldamento|riscaldamento (non funziona|rotto|guasto)|caldaia (rotta|guasta|non funziona|in blocco)|sem aquecimento|aquecimento (nao funciona|quebrado))\b"),
            RaiseTo: R(@"\b(bebe|personne agee|grand mere|grand pere|gel|moins \d+|glacial|baby|saugling|kleinkind|oma|opa|minus \d+|frost|eiskalt|neonato|bambin\w*|anzian\w*|nonn[ao]|gelo|sotto zero|freddissimo|idos[oa]|avo|congelando)\b")),
        // Verbs of failing with their inflections: "pararam de funcionar", "non raffredda più", "kühlt nicht mehr",
        // "ne chauffe plus". The caller's language decides the words, not whether the failure counts.
        new("failing_intl", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R(@"\bpar(ou|aram|a|am|ando) de (funcionar|gelar|esquentar|aquecer|ligar|esfriar|resfriar|funcionar)\b|\bnao (esta |estao |quer )?(funciona\w*|liga\w*|gela\w*|esquenta\w*|esfria\w*|aquece\w*|desce|escoa|acende\w*|fecha\w*|abre\w*|da descarga|sai agua)\b|\b(quebr|estrag|entup|vaz|ping)\w*\b|\bsem (agua|luz|energia|forca|aquecimento|ar|gas)\b|\b(pisca\w*|desarm\w*|cai o disjuntor)\b|\bso sai ar (quente|morno)\b|\bbarulho\w*\b" +
              @"|\bnon (\w+ )?(funziona\w*|raffredda\w*|scalda\w*|riscalda\w*|parte|si accende|scarica|scende|va|tira|chiude|apre|esce)\b|\b(rott|guast|intasat|otturat|bloccat)[oaie]\b|\bperde (acqua)?\b|\bgocciol\w*\b|\bsenza (acqua|luce|corrente|riscaldamento)\b|\bsalta (\w+ )?(la corrente|il salvavita|la luce)\b|\brumor\w*\b|\bsfarfall\w*\b" +
              @"|\bne (\w+ )?(marche|fonctionne|chauffe|refroidit|s'allume|demarre|coule|s'ecoule|ferme|ouvre|vidange|tire)\w* (plus|pas)\b|\b(bouche\w*|casse\w*|en panne|fuit\w*|fuite\w*|goutte\w*|coulent|coule partout|bloque\w*)\b|\bplus (d'eau|de courant|d'electricite|de chauffage|de lumiere|de climatisation)\b|\bpas (d'eau|de courant|de chauffage)\b|\bbruit\w*\b|\bdisjonct\w*\b|\bclignot\w*\b" +
              @"|\b(geht|gehen|funktioniert|funktionieren|heizt|heizen|kuhlt|kuhlen|lauft|laufen|springt|zundet|spult|schliesst|offnet|lasst sich|wird)( \w+){0,3} nicht( mehr)?\b|\b(kaputt|defekt|verstopft|undicht|tropft|leckt|ausgefallen|bleiben kalt|bleibt kalt)\b|\bkein(e|en)? (strom|warmwasser|warmes wasser|wasser|heizung|licht)\b|\b\w*gerausch\w*\b|\bklopf\w*\b|\bflacker\w*\b|\bsicherung (fliegt|springt|ist raus)\b"),
            Unless: R(@"\b(quiero|quisiera|gostaria|vorrei|je voudrais|ich mochte|orcamento|preventivo|devis|angebot|presupuesto|instalar|installare|installer|installieren)\b")),
        new("broken_intl", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R(@"\b(fuite|goutte|bouche\w*|ne marche (plus|pas)|ne fonctionne (plus|pas)|en panne|casse\w*|pas d'eau chaude|plus d'eau chaude|plus d'eau|bruit (bizarre|etrange)|disjonct\w*|clim\w* (en panne|ne marche)|tropft|undicht|leck|verstopft|kaputt|defekt|geht nicht|funktioniert nicht|kein warmwasser|kein warmes wasser|kein wasser|(seltsames|komisches) gerausch|sicherung (fliegt|springt)|kein strom|stromausfall|klimaanlage|perde|perdita|goccia|gocciola|intasat[oa]|otturat[oa]|non funziona|rott[oa]|guast[oa]|niente acqua calda|senza acqua calda|non c'e acqua calda|senza acqua|rumore strano|salvavita|vazamento|vazando|pingando|entupid[oa]|nao funciona|quebr\w*|parou de funcionar|sem agua quente|nao tem agua quente|sem agua|barulho estranho|disjuntor|sem luz|ar condicionado)\b")),
        new("caller_says_emergency_intl", LeadPriority.URGENT, Hazard.None, Scope.All,
            R(@"\b(urgence|notfall|emergenza)\b")),
        new("caller_says_urgent_intl", LeadPriority.HIGH, Hazard.None, Scope.All,
            R(@"\b(dringend|sofort|urgente|subito|tout de suite)\b")),

        // ---- What the caller says about urgency (every trade) ----
        new("caller_says_emergency", LeadPriority.URGENT, Hazard.None, Scope.All,
            R(@"\bemergenc(y|ies)\b(?! (motion|hearing|order|custody|petition|protective order|room|contact|fund|savings|exit|lights?|lighting|brake|generator|kit|plan|preparedness|rates?|fees?|surcharge|pricing))|\bemergencia\b(?! (medica|de servicio))")),
        new("caller_says_urgent", LeadPriority.HIGH, Hazard.None, Scope.All,
            R(@"\b(urgent\w*|asap|a s a p|as soon as possible|right away|immediately|straight away|urgente|lo antes posible|de inmediato)\b")),
    ];

    // "no gas smell", "it is not flooding", "nobody was shocked": a negation just before the match, in its clause.
    static readonly Regex s_negation = R(@"\b(no|zero|not|never|without|none|nothing|nobody|neither|nor|ni|nunca|tampoco|sin|free of|no longer|ruled out|pas|aucun\w*|jamais|sans|kein\w*|nicht|nie|ohne|non|nessun\w*|senza|mai|nao|nenhum\w*|sem)\b");

    // Past events with no sign the problem is back: "last year we had a burst pipe", "two winters ago".
    static readonly Regex s_past = R(@"\b(last (year|month|week|winter|summer|spring|fall|autumn|time)|(\w+ )?(years?|months?|weeks?|winters?|summers?|a while|long time) ago|previously|in the past|used to|(back )?in (19|20)\d\d|previous owners?|once had|had (a|an|one) [a-z ]{0,25}(fixed|repaired|replaced)|was (it )?(fixed|repaired|replaced|resolved|taken care of)|got (fixed|repaired|replaced)|(fixed|repaired|resolved|took care of) it|has been (fixed|repaired|resolved)|after (the|a|our|last) [a-z ]{0,10}(flood|fire|leak)|el (ano|mes) pasado|la semana pasada|hace (\w+ )?(anos|meses|semanas)|l'annee derniere|l'hiver dernier|il y a (\w+ )?(ans|mois|semaines)|letztes jahr|letzten (winter|monat|sommer)|vor (\w+ )?(jahren|monaten|wochen)|l'anno scorso|(anni|mesi) fa|l'inverno scorso|ano passado|(anos|meses) atras|mes passado)\b");
    // A danger that happened days ago and was not repaired: the rule's URGENT becomes a visit soon (HIGH), see Assess.
    static readonly Regex s_recentPast = R(@"\b(last (week|night)|yesterday|the other (day|night)|(a|two|three|few|couple( of)?) days ago|earlier (today|this week)|this past (week|weekend)|over the weekend)\b");

    // Work after the damage ("an estimate for the cabinets"), not a repair of the danger itself.
    static readonly Regex s_plannedWork = R(@"\b(estimate|quote|price|pricing|cost|insurance|claim|adjuster|remodel\w*|rebuild\w*|restor\w*|repaint\w*|cabinets|drywall repair|clean ?up|cleaning)\b");
    static readonly Regex s_repaired = R(@"\b(fixed|repaired|replaced|resolved|taken care of|took care of|sorted)\b");

    // A caller taking back what they said: "thought I smelled gas but it was just the trash can".
    static readonly Regex s_retraction = R(@"\b(it was (just|only) (the|a|an|my|our|some|steam|dust|cooking|toast|burnt toast|nothing)|it is (just|only) (the|a|my|our) (trash|garbage|neighbou?r|dog|cat|stove|toast|dust|steam|fridge|dryer|smell)|turn(s|ed) out (it was |it is |to be )?(just|only|nothing|fine|the neighbou?r)|false alarm|my (mistake|bad)|it was nothing|(was|is) nothing (wrong|serious)|era solo|falsa alarma|fausse alerte|fehlalarm|falso allarme|alarme falso)\b");
    static readonly Regex s_present = R(@"\b((?<!\b(working|going|running|on|fine|normal|ok|okay|up|back|that|it|this|want) )again|currently|still|today|tonight|this (morning|afternoon|evening)|at the moment|happening|keeps|right now|spreading|just (burst|started|happened|noticed))\b");

    // A danger that has stopped: "it sparked once, it is fine now". It needs a visit soon, not 911.
    static readonly Regex s_resolved = R(@"\b(it is|everything is|all is|it seems|seems) (fine|ok|okay|good|stopped|under control|out) now\b|\b(it )?(has |is )?stopped now\b|\bonly (happened|did it) once\b|\b(sparked|smoked|flickered) once\b");

    // Someone else's past event: "my neighbour's basement flooded yesterday, can you check ours".
    static readonly Regex s_thirdParty = R(@"\b(neighbou?rs?|friends?|sisters?|brothers?|cousins?|coworkers?|co workers?|colleagues?|in laws?|someone else|a customer|vecin[oa]s?)\b");
    static readonly Regex s_thirdPartyPast = R(@"\b(yesterday|last night|the other day|last week|had|caught|burned down|burnt down|happened|ayer)\b");

    // Hypotheticals and prevention: nothing is happening to them now, whoever it would happen to.
    static readonly Regex s_hypothetical = R(@"\b(what (should|do|would|can) (i|we|you|someone) do (if|when)|in case|if (there is|there are|there was|i|we|you|it|a|an|my|our|the|someone|somebody|anyone|something|your)|what happens (if|when)|how (do|can|would|will) (i|we|you) (tell|know|prevent|avoid|spot|check)|signs of|tips|prevent\w*|avoid\w*|protect\w*|winteriz\w*|insulat\w*|worried about|afraid of|risk of|chance of|in the event|que (hago|hacemos|debo hacer) si|si (hay|se|tengo|tenemos)|que faire (si|en cas)|en cas de|was tun (wenn|bei)|falls (es|ich|wir|der|die|das)|cosa fare se|in caso di|o que fazer se|em caso de)\b");

    // Questions about services and purchases: "do you fix burst pipes" asks, "can you fix my burst pipe" reports.
    static readonly Regex s_notHappening = R(@"\b(do you|what (is|are) (your|the)|is there (a|an)|does your|do y'?all|are you able to|what do you charge|how much|what does it cost|what is the (cost|price)|price (of|for|to)|cost (of|to|for)|quote (for|on)|estimate (for|on)|check(ing)? for|inspect\w*|test(ing)? for|install|installing|replace|replacing|upgrade|upgrading|(buy|buying|purchase|purchasing) (a|an|some|new|the|one)|get (a|some|new)|need (a|some) new|quiero (comprar|instalar|cambiar)|comprar|instalar|cotizacion|presupuesto|cuanto cuesta)\b");

    static readonly Regex s_asksAboutService = R(@"\b(do you|what (is|are) (your|the)|does your|do y'?all|are you able to|what do you charge|how much|what does it cost|what is the (cost|price)|price (of|for|to)|cost (of|to|for)|quote (for|on)|cuanto cuesta|cuanto cobran)\b");

    // Reasons the rules gave for not counting a word: the model may not overrule them.
    static readonly Regex s_judgedNotNow = R(@"\((negated|past event|recent past event|someone else's past event|not happening now|retracted|maintenance|not a customer's problem)");

    // Something happening now, or a person the ladder protects; and the signs of a problem that has lasted for days.
    static readonly Regex s_happeningNow = R(@"\b(right now|now|today|tonight|this (morning|afternoon|evening)|in (an|one|two|a few|\d+) (hours?|minutes)|an hour|just|still|keeps|can not|will not|hoy|ahora|ahorita|ya|en este momento|maintenant|jetzt|gerade|adesso|ora|agora)\b");
    static readonly Regex s_peopleAtRisk = R($@"\b({Vulnerable}|kids|children|son|daughter|hijos?|hijas?|ninos?|nina)\b");
    static readonly Regex s_chronic = R(@"\b(since (this morning|yesterday|last (night|week|month)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)|desde (ayer|anoche|hace)|for (a|one|two|three|several|a few|a couple( of)?) (days|weeks|months)|been like (that|this)|(a|one|two|three) weeks?|since last (week|month)|for (weeks|months|ages)|every time|whenever|each time|on and off|off and on)\b");

    const int MinimumWordsForTheModel = 6;

    // Talk of when to come is a customer's: "tomorrow morning would be best for us".
    static readonly Regex s_timeOfVisit = R(@"\b(today|tomorrow|tonight|morning|afternoon|evening|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d+ ?(am|pm)|o clock|manana|hoy|tarde)\b");

    // What a problem is about besides the home's fixtures: hazards, the law, a property deal. The model raises nothing
    // without one of these or a fixture: "we're home all day today so anytime" answers a question, it reports nothing.
    static readonly Regex s_homeMatter = R(@"\b(corrente|courant|strom|energia|gas|smoke|fire|flames?|sparks?|smell\w*|water|flood\w*|leak\w*|sewage|sewer|power|electric\w*|wires?|carbon|monoxide|co|alarm|detector|keys?|locks?|locked|luz|agua|humo|fuego|llaves)\b");
    static readonly Regex s_lawMatter = R(@"\b(city|condemn\w*|house|home|police|cops|court|judge|lawyer|attorney|case|charge[sd]?|jail|custody|arrest\w*|warrant|landlord|evict\w*|notice|letter|lawsuit|sued|summons|ticket|license|irs|bank|ex|employer|insurance|contract|deadline|hearing|trial|immigration|deport\w*|policia|abogado|corte|audiencia|juzgado|demanda)\b");
    static readonly Regex s_dealMatter = R(@"\b(closing|close|lender|loan|title|escrow|appraisal|inspection|offer|buyer|seller|tenant|lease|rent|unit|apartment|keys?|locks?|locked|wire|funds|deposit|mortgage|contingency|property|listing|llaves|cierre|banco|prestamo|inquilino|departamento|notario|escritura)\b");

    /// <summary>Whether the message names something of the trade's world: a fixture or hazard, a legal or a deal matter.</summary>
    static bool IsAboutTheTrade(string normalized, BusinessType trade) => trade switch
    {
        BusinessType.LAW => s_lawMatter.IsMatch(normalized),
        BusinessType.REAL_ESTATE => s_dealMatter.IsMatch(normalized) || s_fixture.IsMatch(normalized) || s_homeMatter.IsMatch(normalized),
        BusinessType.OTHER => s_fixture.IsMatch(normalized) || s_homeMatter.IsMatch(normalized) || s_lawMatter.IsMatch(normalized) || s_dealMatter.IsMatch(normalized),
        _ => s_fixture.IsMatch(normalized) || s_homeMatter.IsMatch(normalized),
    };

    /// <summary>How sure the corpus's model must be before it moves a message no rule understood: two to one.</summary>
    const double LearnedConfidence = 2.0 / 3.0;

    // A request for a price, an installation or a booking: planned work, never raised to HIGH by the model.
    static readonly Regex s_asksForQuoteOrVisit = R(@"\b(quote|estimate|price|pricing|cost|costs|how much|charge|install\w*|instal\w*|schedule|book|appointment|consult\w*|cuanto|presupuesto|cotiza\w*|cita|devis|combien|rendez vous|angebot|kostet|termin|preventivo|quanto|appuntamento|orcamento|instalacao|consulta)\b");

    // A question addressed to the business about what it does, when or for how much.
    static readonly Regex s_questionStart = R(@"^((hi|hello|hey|yes|so|ok|okay|quick question|just wondering|hola|oye|buenas|buenos dias|buenas tardes) )*(what|when|where|which|how|who|do|does|did|can|could|would|will|is|are|should|may|have|que|cuando|donde|cuanto|cuantos|como|tienen|hacen|atienden|trabajan|ofrecen|abren|estan|pueden|puedo|hay servicio|a que hora|cobran|est ce que vous|vous|faites|etes|combien|quand|avez|pouvez|quel\w*|haben sie|machen sie|sind sie|wie viel|wann|was kostet|bieten sie|konnen sie|gibt es|fate|siete|quanto|avete|offrite|potete|voces|voce|fazem|atendem|estao|podem)\b");
    static readonly Regex s_addressesBusiness = R(@"\b(you|your|y'?all|you guys|u|ur|ustedes|tienen|hacen|atienden|trabajan|ofrecen|abren|cobran|estan abiertos|pueden|vous|sie|voi|voces|voce|is there (a|an|any)|what are the (hours|rates|prices|fees)|how much (is|does|do|for|to))\b");
    static readonly Regex s_ownsAProblem = R(@"\b(my|our|mine|ours|we have|i have|we got|i got|there is|there are|there's|i smell|we smell|i think|right now|mi|mis|nuestr[oa]s?|tengo|tenemos|hay (un|una|mucho|mucha|agua|humo|olor)|mon|ma|mes|notre|nous avons|j'ai|il y a|mein\w*|unser\w*|wir haben|ich habe|es gibt|mio|mia|nostr[oa]|abbiamo|ho|c'e|meu|minha|nosso|nossa|temos|tenho)\b");

    // "can you send someone now?? the kitchen is flooding" asks for help with a problem, not about a service.
    static readonly Regex s_asksForDispatch = R(@"\b(send (someone|somebody|a tech|a plumber|an electrician|help|a locksmith)|come (out|over|right away|right now|now|today|asap|quick|quickly|fast)|someone (come|out|over|here)|get (someone|somebody) (out|over|here)|need (someone|somebody|help)|(please|pls) (help|hurry|come)|hurry|mandan a alguien|pueden venir (ya|ahora|hoy)|vengan)\b|\bthe (kitchen|basement|house|bathroom|garage|attic|ceiling|floor|yard|hallway|laundry room|bedroom|living room|panel|outlet|furnace) (is|are) [a-z]+ing\b");

    static readonly Regex s_deescalation = R(@"\b(not (urgent|an emergency|a emergency|critical|pressing|in a hurry)|no (rush|hurry)|whenever( is)? (convenient|works)|when(ever)? (you|it is) (get a chance|convenient|have time)|at your convenience|next (week|month) is fine|nothing urgent|no es urgente|sin prisa|no hay prisa|pas urgent|rien d'urgent|nicht dringend|keine eile|non e urgente|nessuna fretta|nao e urgente|sem pressa)\b");
    static readonly Regex s_noServiceIntent = R(@"^(hi|hello|hey|hiya|yo|good (morning|afternoon|evening)|thanks?( you)?( so much| very much| a lot)?|thank you|thx|ty|ok(ay)?|cool|great|awesome|perfect|bye|goodbye|see you|no thanks|no thank you|that is all|nothing else|never ?mind|hola|gracias|adios|buenas)( [a-z]+){0,3}$|^(ok(ay)? )?(thanks?( you)?|thank you|great|perfect|gracias)\b[a-z |]{0,12}\b(that is all( i needed)?|i will think about it|i will let you know|i will call (you )?back|eso es todo|lo voy a pensar)$|\b(just (browsing|looking|checking( things)? out)|wrong number|solo estoy mirando)\b");
    static readonly Regex s_spanish = R(@"\b(el|la|los|las|mi|tengo|tenemos|hay|casa|agua|por favor|ayuda|necesito|esta|huele|fuga|se|que|una|de la|sin|del|no funciona|quiero|cuanto|puedo|gracias|hola|usted|ustedes|atienden|cobran|tienen)\b");
    static readonly Regex s_english = R(@"\b(the|is|my|i|we|our|there|and|it|you|your|have|has|what|how|do|need|want|can|this|that|please|thanks|hello|hi)\b");

    /// <summary>Assesses one message for a business of the given type, with the owner's extra keywords.</summary>
    public static TriageResult Assess(string text, BusinessType businessType = BusinessType.OTHER, IReadOnlyCollection<string>? extraKeywords = null)
    {
        var normalized = Spelling.Fix(TextNormalizer.Normalize(text));
        var fired = new List<(Rule Rule, EmergencyReason Reason)>();
        var ignored = new List<EmergencyReason>();
        if (normalized.Length == 0)
        {
            return new TriageResult(LeadPriority.LOW, [], [], null);
        }

        var language = DetectLanguage(normalized);
        var serviceQuestion = IsServiceQuestion(text, normalized);
        var resolvedAt = s_resolved.Match(normalized) is { Success: true } r ? r.Index : -1;
        foreach (var rule in RulesFor(businessType, extraKeywords))
        {
            if (rule.Requires is not null && !rule.Requires.IsMatch(normalized))
            {
                continue;
            }

            foreach (Match match in rule.Pattern.Matches(normalized))
            {
                var phrase = match.Value.Trim();
                var why = serviceQuestion ? "not happening now: a question about services" : WhyIgnored(rule, normalized, match, businessType);
                if (why == "recent past event" && rule.Scope is Scope.All or Scope.Home)
                {
                    // "the outlet sparked last week": nothing to flee from now, but someone should look soon.
                    fired.Add((rule with { Priority = LeadPriority.HIGH, Hazard = Hazard.None }, new EmergencyReason(rule.Name + "_recently", phrase)));
                    break;
                }

                if (why is not null)
                {
                    ignored.Add(new EmergencyReason($"{rule.Name} ({why})", phrase));
                    continue;
                }

                var raised = rule.RaiseTo is not null && IsRaised(rule.RaiseTo, normalized);
                var name = raised ? rule.Name + "_with_people_at_risk" : rule.Name;
                var effective = raised ? rule with { Priority = LeadPriority.URGENT } : rule;
                // "it sparked once, it's fine now" is over; "it's out now but there's still smoke in the wall" is not.
                if (resolvedAt >= match.Index && effective.Priority == LeadPriority.URGENT && rule.Scope is Scope.All or Scope.Home)
                {
                    // It happened and stopped: someone should look soon, but there is nothing to flee from.
                    effective = effective with { Priority = LeadPriority.HIGH, Hazard = Hazard.None };
                    name += "_now_stopped";
                }

                fired.Add((effective, new EmergencyReason(name, phrase)));
                break;
            }
        }

        // Closings are urgent (today) or high (within days) only when something threatens them; a closing today with
        // nothing wrong is HIGH (a time to confirm), and a closing next week with nothing wrong is NORMAL.
        var closingAtRisk = s_closingProblem.IsMatch(normalized);
        fired = [.. fired
            .Where(f => f.Rule.Name is not ("closing_soon_at_risk" or "deal_deadline_today_at_risk" or "deal_at_risk_within_weeks") || closingAtRisk)
            .Select(f => f.Rule.Name == "closing_today_at_risk" && !closingAtRisk
                ? (f.Rule with { Priority = LeadPriority.HIGH }, f.Reason with { Rule = "closing_today" })
                : f)];

        var deescalated = s_deescalation.IsMatch(normalized);
        LeadPriority Effective(Rule r) =>
            deescalated && r.Hazard == Hazard.None && (r.Priority == LeadPriority.HIGH || r.Name == "caller_says_emergency") ? LeadPriority.NORMAL : r.Priority;

        if (fired.Count == 0 && !serviceQuestion && !IsNotACustomer(normalized) && !IsCallOff(normalized) && !IsCourtesyOnly(normalized) && businessType is BusinessType.PLUMBING or BusinessType.HVAC or BusinessType.ELECTRICAL or BusinessType.OTHER
            && IsProblemStatement(text, normalized) is { } fixture)
        {
            // No lexicon knew the words, but someone is telling a home-services business what is wrong with a fixture,
            // and is not asking for a quote or planned work: the ladder's "broken or failing, needed soon".
            fired.Add((new Rule("problem_described", LeadPriority.HIGH, Hazard.None, Scope.Home, s_fixture), new EmergencyReason("problem_described", fixture)));
        }

        var top = fired.Count == 0 ? (LeadPriority?)null : fired.Max(f => Effective(f.Rule));
        var priority = top ?? (IsNoServiceIntent(normalized) || IsCourtesyOnly(normalized) ? LeadPriority.LOW : LeadPriority.NORMAL);

        // LOW never lowers danger: a rule with a hazard, or any other URGENT rule but the caller's own word "emergency".
        var lowerable = fired.All(f => f.Rule.Hazard == Hazard.None && (Effective(f.Rule) <= LeadPriority.HIGH || f.Rule.Name.StartsWith("caller_says", StringComparison.Ordinal)));
        if (lowerable && priority != LeadPriority.LOW && (IsNotACustomer(normalized) || (!serviceQuestion && IsCallOff(normalized))))
        {
            ignored.AddRange(fired.Select(f => f.Reason with { Rule = f.Reason.Rule + " (not a customer's problem)" }));
            fired.Clear();
            priority = LeadPriority.LOW;
        }

        var learned = (EmergencyReason?)null;
        // Six words at least: the engine triages every turn, and the session keeps its highest priority, so the model
        // must never read a short answer to a question ("today please", "my wife and baby") as a description.
        var words = normalized.Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries).Length;
        if (words >= MinimumWordsForTheModel && !deescalated && priority is LeadPriority.NORMAL or LeadPriority.HIGH && fired.All(f => f.Rule.Hazard == Hazard.None)
            && TriageModel.Predict(normalized, businessType) is { } guess && guess.Probability >= LearnedConfidence)
        {
            // The corpus's model speaks where the rules are silent or unsure, and only in three ways. LOW, when no rule
            // understood the message and nothing is asked for. HIGH, when no rule understood a statement of a problem (a
            // legal one only with a date). URGENT, raising a problem the rules found (HIGH), when the statement describes
            // it happening now or to a vulnerable person, none of its words was judged past, negated, hypothetical or a
            // question, and nothing says it has lasted for days. It never lowers a rule's result.
            var statement = !serviceQuestion && !text.Contains('?', StringComparison.Ordinal) && !text.Contains('¿', StringComparison.Ordinal)
                && !s_questionStart.IsMatch(normalized.Split('|')[0].Trim()) && !s_asksForQuoteOrVisit.IsMatch(normalized);
            var rulesSilent = fired.Count == 0 && priority == LeadPriority.NORMAL;
            var dated = businessType is not BusinessType.LAW || s_withinDays.IsMatch(normalized) || s_withinWeeks.IsMatch(normalized);
            var judgedNotNow = ignored.Any(r => s_judgedNotNow.IsMatch(r.Rule)) || fired.Any(f => f.Reason.Rule.EndsWith("_now_stopped", StringComparison.Ordinal) || f.Reason.Rule.EndsWith("_recently", StringComparison.Ordinal));
            var now = (s_happeningNow.IsMatch(normalized) || s_peopleAtRisk.IsMatch(normalized)) && !s_chronic.IsMatch(normalized);
            var aboutTheTrade = IsAboutTheTrade(normalized, businessType);
            LeadPriority? moved = guess.Priority switch
            {
                LeadPriority.LOW when rulesSilent && !s_asksForQuoteOrVisit.IsMatch(normalized) && !s_newRequest.IsMatch(normalized) && !s_withinDays.IsMatch(normalized) && !s_withinWeeks.IsMatch(normalized) && !s_timeOfVisit.IsMatch(normalized) => LeadPriority.LOW,
                LeadPriority.URGENT when priority == LeadPriority.HIGH && fired.Any(f => f.Rule.Name != "problem_described") && statement && aboutTheTrade && !judgedNotNow && now && !fired.Any(f => f.Rule.RaiseTo is not null) => LeadPriority.URGENT,
                >= LeadPriority.HIGH when rulesSilent && statement && aboutTheTrade && dated => LeadPriority.HIGH,
                _ => null,
            };
            if (moved is { } to)
            {
                priority = to;
                learned = new EmergencyReason("learned_from_corpus", $"{guess.Priority} {guess.Probability:0.00}");
            }
        }

        if (deescalated && fired.Any(f => Effective(f.Rule) != f.Rule.Priority))
        {
            ignored.Add(new EmergencyReason("caller_says_not_urgent", s_deescalation.Match(normalized).Value));
        }

        var reasons = fired.Where(f => Effective(f.Rule) == priority).Select(f => f.Reason).ToList();
        if (learned is not null)
        {
            reasons.Add(learned);
        }
        var hazard = fired.Where(f => f.Rule.Hazard != Hazard.None && f.Rule.Priority == LeadPriority.URGENT)
            .Select(f => f.Rule.Hazard).OrderBy(HazardRank).FirstOrDefault();
        var script = hazard == Hazard.None ? null : SafetyScripts.For(hazard, language ?? "en");
        return new TriageResult(priority, reasons, ignored, script) { Language = language };
    }

    static readonly HashSet<string> s_courtesyWords =
    [
        "ok", "okay", "great", "thanks", "thank", "you", "so", "much", "very", "a", "lot", "cool", "awesome", "perfect",
        "bye", "goodbye", "hi", "hello", "hey", "alright", "all", "right", "good", "got", "it", "appreciate", "that", "cheers",
        "have", "nice", "day", "night", "great", "sounds", "fine", "yes", "yeah", "no", "nope", "thx", "ty", "see", "ya",
        "later", "is", "gracias", "hola", "adios", "muchas", "buenas", "vale", "excellent", "wonderful", "kind", "of", "your",
        "help", "helpful", "will", "do", "understood", "sure", "morning", "afternoon", "evening", "there", "tardes", "noches",
        "dias", "buenos", "hasta", "luego", "talk", "soon", "one", "alright", "everything", "now", "again", "take", "care", "merci", "bonjour", "au", "revoir", "beaucoup", "danke", "hallo", "tschuss", "schon", "grazie", "ciao",
        "buongiorno", "arrivederci", "mille", "obrigado", "obrigada", "ola", "tchau", "bom", "dia",
    ];

    // The fixtures and systems a home-services caller talks about, in the seed's languages.
    static readonly Regex s_fixture = R(@"\b(faucets?|taps?|sinks?|toilets?|showers?|tubs?|bathtubs?|drains?|pipes?|disposal|dishwasher|washer|washing machine|dryer|water heater|heaters?|boiler|furnace|ac|air conditioner|air conditioning|heat pump|thermostat|vents?|fans?|outlets?|sockets?|switch(es)?|breakers?|lights?|fixtures?|panel|power|electricity|pumps?|garage door|doors?|locks?|windows?|fridge|refrigerator|freezer|oven|stove|range|microwave|compressor|condenser|unit|radiators?|baseboards?|pilot|igniter|blower|doorbell|gfci|generator|spigot|valves?|softener|ice maker|gate|roof|ceiling|walls?|hot water|water|heat|air|car|truck|engine|calentador|regadera|lavabo|fregadero|inodoro|bano|tuberia|tubo|llave|aire|calefaccion|enchufe|contacto|luz|luces|puerta|techo|chauffe eau|chaudiere|robinet|evier|heizung|boiler|wasserhahn|steckdose|caldaia|rubinetto|lavandino|presa|chuveiro|torneira|tomada|pia)\b");

    // A request for a quote, planned work or information; or a fixture said to be fine.
    static readonly Regex s_requestOrFine = R(@"\b(swap\w*|batter(y|ies)|love to|love something|something (new|more|better|modern)|options|prefer|need|needs|service|serviced|servicing|want|wants|wanted|would like|like to|looking (for|to|into)|quote|estimate|price|pricing|cost|install\w*|replace\w*|upgrade\w*|add|adding|schedule|book|maintenance|tune ?ups?|inspect\w*|check\w*|clean\w*|service plan|remodel\w*|renovat\w*|build\w*|convert\w*|move|moving|hang|put in|how much|interested|question|wondering|info|information|thinking (about|of)|planning|plan to|new|second opinion|fine|ok|okay|good|great|works|working (fine|well|great|ok)|no problems?|nothing wrong|quiero|quisiera|cotizacion|presupuesto|precio|instalar|cambiar|nuev[oa]|je voudrais|devis|ich mochte|angebot|vorrei|preventivo|gostaria|orcamento)\b");

    /// <summary>A statement about a home fixture that is neither a request for planned work nor a question: the fixture's word, or null.</summary>
    static string? IsProblemStatement(string raw, string normalized)
    {
        if (raw.Contains('?', StringComparison.Ordinal) || s_questionStart.IsMatch(normalized) || s_requestOrFine.IsMatch(normalized) || s_asksForQuoteOrVisit.IsMatch(normalized)
            || s_past.IsMatch(normalized) || s_hypothetical.IsMatch(normalized) || IsNoServiceIntent(normalized))
        {
            return null;
        }

        // "no sump pump alarm", "nothing wrong with the furnace": a fixture said not to be a problem.
        var fixture = s_fixture.Match(normalized);
        return fixture.Success && normalized.Split(' ').Length >= 4 && !IsNegated(LastWords(normalized[..fixture.Index], 4)) ? fixture.Value : null;
    }

    /// <summary>
    /// Greetings, thanks and goodbyes only, "just browsing", or a call whose reason has gone with nothing new asked
    /// ("never mind, my husband fixed it"): nothing for the owner to act on.
    /// </summary>
    public static bool IsNoServiceIntent(string normalized)
    {
        var words = normalized.Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries);
        return s_noServiceIntent.IsMatch(normalized) || (words.Length is > 0 and <= 12 && words.All(s_courtesyWords.Contains)) || IsCallOff(normalized);
    }

    /// <summary>"es" when the message reads as Spanish, else "en".</summary>
    public static string LanguageOf(string normalized) => DetectLanguage(normalized) ?? "en";

    /// <summary>"es" or "en" when the message says enough to tell, else null (a name, a number, "ok").</summary>
    public static string? DetectLanguage(string normalized)
    {
        var spanish = s_spanish.Matches(normalized).Count;
        var english = s_english.Matches(normalized).Count;
        return spanish >= 2 && spanish > english ? "es" : english >= 2 ? "en" : spanish >= 2 ? "es" : null;
    }

    /// <summary>
    /// A question to the business about its services, hours or prices, with no problem of the caller's own in it:
    /// "are you open on Christmas for emergencies?", "do you do emergency gas repairs on weekends?". Such a message
    /// is answered (the engine may offer emergency service), never triaged as an emergency.
    /// </summary>
    public static bool IsServiceQuestion(string raw, string normalized)
    {
        var firstClause = normalized.Split('|')[0].Trim();
        var asks = raw.Contains('?', StringComparison.Ordinal) || raw.Contains('¿', StringComparison.Ordinal) || s_questionStart.IsMatch(firstClause);
        return asks && s_questionStart.IsMatch(firstClause) && s_addressesBusiness.IsMatch(normalized) && !s_ownsAProblem.IsMatch(normalized)
            && !s_asksForDispatch.IsMatch(normalized);
    }

    // Visible fire or smoke says "get out and call 911" before the electrical script's "switch off the breaker".
    static int HazardRank(Hazard h) => h switch
    {
        Hazard.CarbonMonoxide => 0,
        Hazard.Gas => 1,
        Hazard.Fire => 2,
        Hazard.Electrical => 3,
        Hazard.Medical => 4,
        Hazard.Water => 5,
        _ => 6,
    };

    static IEnumerable<Rule> RulesFor(BusinessType type, IReadOnlyCollection<string>? extraKeywords)
    {
        foreach (var rule in s_rules)
        {
            var applies = rule.Scope switch
            {
                Scope.All => true,
                Scope.Home => type is not BusinessType.LAW,
                Scope.Law => type is BusinessType.LAW or BusinessType.OTHER,
                Scope.RealEstate => type is BusinessType.REAL_ESTATE or BusinessType.OTHER,
                _ => false,
            };
            if (applies)
            {
                yield return rule;
            }
        }

        foreach (var keyword in extraKeywords ?? [])
        {
            var normalizedKeyword = TextNormalizer.Normalize(keyword);
            if (normalizedKeyword.Length >= 3)
            {
                yield return new Rule("owner_keyword", LeadPriority.URGENT, Hazard.None, Scope.All, KeywordPattern(normalizedKeyword));
            }
        }
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> s_keywordPatterns = new();

    /// <summary>
    /// An owner keyword's pattern, built once: parsing a pattern costs more than matching it, so a busy business must
    /// not pay it on every message. Bounded: owners' keyword lists are short.
    /// </summary>
    static Regex KeywordPattern(string normalizedKeyword)
    {
        if (s_keywordPatterns.Count > 10_000)
        {
            s_keywordPatterns.Clear();
        }

        return s_keywordPatterns.GetOrAdd(normalizedKeyword, static k =>
            new Regex(@"\b" + string.Join(@"\w*\s+", k.Split(' ').Select(Regex.Escape)) + @"\w*\b", Options));
    }

    /// <summary>Why a match does not count (negated, past, someone else's past, hypothetical, not happening), or null when it does.</summary>
    static string? WhyIgnored(Rule rule, string normalized, Match match, BusinessType businessType)
    {
        var clauseStart = normalized.LastIndexOf('|', Math.Max(0, match.Index - 1)) + 1;
        var clauseEnd = normalized.IndexOf('|', match.Index + match.Length);
        var before = normalized[clauseStart..match.Index];
        var clause = normalized[clauseStart..(clauseEnd < 0 ? normalized.Length : clauseEnd)];
        var nextClauseEnd = clauseEnd < 0 ? -1 : normalized.IndexOf('|', clauseEnd + 1);
        var clauseAndNext = clauseEnd < 0 ? clause : normalized[clauseStart..(nextClauseEnd < 0 ? normalized.Length : nextClauseEnd)];

        // An estate agent's "the lender has not sent the closing disclosure" negates the deal's progress, not the closing.
        if (!(rule.Scope is Scope.RealEstate && businessType is BusinessType.REAL_ESTATE) && IsNegated(LastWords(before, 4)))
        {
            return "negated";
        }

        // Spanish and spoken English may put the negation after the word: "humo no, pero echa chispas", "smoke, no".
        if (PostposedNo().IsMatch(normalized[(match.Index + match.Length)..]))
        {
            return "negated";
        }

        if (s_retraction.IsMatch(normalized[(match.Index + match.Length)..]))
        {
            return "retracted";
        }

        var present = s_present.IsMatch(clauseAndNext);
        if (rule.Scope is Scope.All or Scope.Home && s_thirdParty.IsMatch(before) && s_thirdPartyPast.IsMatch(clause) && !present)
        {
            return "someone else's past event";
        }

        if (rule.Hazard != Hazard.None && s_recentPast.IsMatch(clause) && !present && !s_repaired.IsMatch(normalized) && !s_plannedWork.IsMatch(normalized))
        {
            return "recent past event";
        }

        if (s_past.IsMatch(clause) && !present)
        {
            return "past event";
        }

        if ((rule.Unless is not null && rule.Unless.IsMatch(clause)) || (rule.UnlessAnywhere is not null && rule.UnlessAnywhere.IsMatch(normalized)))
        {
            return "maintenance";
        }

        var longWindow = LastWords(before, 9);
        if (s_hypothetical.IsMatch(longWindow))
        {
            return "not happening now";
        }

        // Legal and property matters use "inspection" and "install" as events of the deal, not as purchases.
        var notHappening = (rule.Scope is Scope.Law or Scope.RealEstate ? s_asksAboutService : s_notHappening).Match(longWindow);
        if (notHappening.Success && !OwnsTheProblem(longWindow[notHappening.Index..]))
        {
            return "not happening now";
        }

        return null;
    }

    // A negation word in the window negates the match, except "no idea"/"not sure" and an interjected "no"
    // as speech transcripts have it: "no the basement is flooding" answers a question, it negates nothing.
    static bool IsNegated(string window)
    {
        // A negation does not reach past "and", "so", "then": "the valve will not close and water is spraying".
        var scoped = NegationBoundary().Split(window)[^1];
        var cleaned = NotNegating().Replace(scoped, " ");
        cleaned = InterjectedNo().Replace(" " + cleaned, " ");
        return s_negation.IsMatch(cleaned);
    }

    /// <summary>A raising word that is not negated: "nobody is sick" does not make a warm house URGENT.</summary>
    static bool IsRaised(Regex raiseTo, string normalized)
    {
        foreach (Match m in raiseTo.Matches(normalized))
        {
            var clauseStart = normalized.LastIndexOf('|', Math.Max(0, m.Index - 1)) + 1;
            if (!IsNegated(LastWords(normalized[clauseStart..m.Index], 3)))
            {
                return true;
            }
        }

        return false;
    }

    static bool OwnsTheProblem(string afterCue) => OwnedProblem().IsMatch(afterCue);

    static string LastWords(string text, int count)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Skip(Math.Max(0, words.Length - count))) + " ";
    }

    [GeneratedRegex(@"\b(and|so|then|while|when|y|pero|et|mais|und|aber|ma)\b")]
    private static partial Regex NegationBoundary();

    [GeneratedRegex(@"^ ?(\| )?no( \||$| pero\b| but\b)")]
    private static partial Regex PostposedNo();

    [GeneratedRegex(@"\b(no idea|not sure|no clue|not certain|not know|no se)\b")]
    private static partial Regex NotNegating();

    [GeneratedRegex(@"(^|\s)(no|nope|nah) (?=(the|it|its|it is|my|our|we|i|there|this|that|they|he|she|you|water|sir|maam|please|actually|well|yes|yeah)\b)")]
    private static partial Regex InterjectedNo();

    [GeneratedRegex(@"\b(my|our|mine|we have|i have|there is|there are|we got|i got)\b")]
    private static partial Regex OwnedProblem();
}
