using System.Text.RegularExpressions;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Text;

namespace LeadsAgent.Domain.Emergencies;

/// <summary>
/// Deterministic emergency triage. Rules match words and phrases (with their inflections) on normalised text;
/// a match is ignored when it is negated ("no gas smell"), in the past ("last year we had a burst pipe"),
/// hypothetical or a question about services ("do you fix burst pipes?", "what do I do if I smell gas"), or a
/// false friend ("fireplace", "flood lights", "install smoke detectors"). Life-safety matches come with a script.
/// </summary>
public static partial class EmergencyTriage
{
    enum Scope
    {
        All,
        Home,
        Law,
        RealEstate,
    }

    sealed record Rule(string Name, LeadPriority Priority, Hazard Hazard, Scope Scope, Regex Pattern, Regex? RaiseTo = null, Regex? Requires = null);

    const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    static Regex R(string pattern) => new(pattern, Options);

    // Words that may sit between a noun and its state without leaving the clause: "the pipe under the sink has burst".
    const string Gap = @"[a-z0-9' /$]{0,28}?";

    static readonly Regex s_freezingOrVulnerable = R(@"\b(freez\w*|froze|frozen|below (zero|freezing)|sub ?zero|single digits?|negative \d+|snow\w*|blizzard|ice storm|icy|frigid|bitter(ly)? cold|cold snap|polar vortex|([0-9]|[1-3][0-9]) (degrees|outside|out there|below|f|fahrenheit)|(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven) (month|week|day)s? old|(7[5-9]|8\d|9\d|1[01]\d) (years? old|year old)|babies|baby|infant|newborn|toddler|elderly|old (man|woman|lady|mother|father|mom|dad|parents?)|grand(ma|pa|mother|father|parents?)|senior|disabled|sick|pregnant|oxygen|chemo\w*|medical|bebe|ancian[oa]s?|helando|congelando|mucho frio)\b");
    static readonly Regex s_heatOrVulnerable = R(@"\b(heat ?wave|heat stroke|heat exhaustion|1[0-2][0-9] (degrees|outside|f)|(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven) (month|week|day)s? old|(7[5-9]|8\d|9\d|1[01]\d) years? old|over 100|triple digits|scorching|babies|baby|infant|newborn|elderly|old (man|woman|lady|mother|father|parents?)|grand(ma|pa|mother|father)|senior|disabled|sick|pregnant|oxygen|medical)\b");
    static readonly Regex s_lawToday = R(@"\b(today|tonight|tomorrow|this (morning|afternoon|evening)|in (an|one|two|a few|\d+) hours?|right now|first thing (in the morning|tomorrow)|manana|hoy|esta noche)\b");
    static readonly Regex s_withinDays = R(@"\b(this week|next week|in (a few|a couple( of)?|\d+|two|three|four|five|six|seven|ten) days|by (monday|tuesday|wednesday|thursday|friday|the \d+\w*)|(on|this) (monday|tuesday|wednesday|thursday|friday|weekend)|end of the week|few days|days to respond|\d+ days)\b");
    static readonly Regex s_closingProblem = R(@"\b(risk|problem|issue|delay\w*|fell through|falling (apart|through)|fall through|cancel\w*|will not|can not|cannot|missing|not (funded|arrived|received|here|showed)|stuck|denied|pulled|backed out|no show|jeopardy|emergency|urgent|asap|wrong|lost|blocked|frozen|lien|liens|title (issue|problem|defect)|discrepanc\w*|error|short|shortfall|not enough|low appraisal|appraisal came in low|has not|have not|hasnt|never (came|arrived|showed))\b");
    static readonly Regex s_closingToday = R(@"\b(today|this (morning|afternoon|evening)|in (an|one|two|a few|\d+) hours?|at (\d{1,2}( ?(am|pm|o clock))?|noon)|tonight|right now)\b");

    static readonly Rule[] s_rules =
    [
        // ---- Life safety (every trade) ----
        new("gas_leak", LeadPriority.URGENT, Hazard.Gas, Scope.All,
            R($@"\b(gas|propane)\b{Gap}\b(smell\w*|odou?r\w*|stink\w*|leak\w*|hiss\w*|escap\w*)\b(?!\s(detector|test|check|inspection))|\b(smell\w*|odou?r\w*|stink\w*|whiff)( like| of)?( a| some)?( natural)? (gas|propane)\b|\brotten eggs?\b|\b(hit|cut|broke|damaged|nicked) (a|the|our|my) gas (line|pipe|main)\b|\b(olor|oler|huele\w*) a gas\b|\b(fuga|escape) de gas\b|\bhuele a huevo podrido\b")),
        new("carbon_monoxide", LeadPriority.URGENT, Hazard.CarbonMonoxide, Scope.All,
            R($@"\b(carbon monoxide|monoxide|co)\s?(alarm|detector|monitor)s?\b{Gap}\b(going off|went off|goes off|sound\w*|beep\w*|alarm\w*|ringing|blaring|screaming|keeps going)\b|\b(carbon monoxide|monoxide)\b{Gap}\b(leak\w*|poison\w*|in the (house|home|air|basement)|high|levels?|reading|alarm)\b|\bco (leak|poisoning)\b|\bmonoxido\b")),
        new("carbon_monoxide_symptoms", LeadPriority.URGENT, Hazard.CarbonMonoxide, Scope.All,
            R(@"\b(headaches?|dizz\w*|nause\w*|light ?headed|throwing up|vomit\w*|passed out|faint\w*|drowsy|confused)\b"),
            Requires: R(@"\b(furnace|heater|boiler|gas|fireplace|generator|stove|exhaust|fumes|carbon monoxide|monoxide|chimney|flue)\b")),
        new("fire", LeadPriority.URGENT, Hazard.Fire, Scope.All,
            R(@"\b(on fire|caught fire|catch(es|ing)? fire|in flames|flames (coming|shooting)|ablaze|incendio|fuego|llamas)\b|\bfires?\b(?!\s?(pit|place|wood|works?|extinguisher\w*|proof\w*|rated|drill|department|dept|station|truck|fighter\w*|hazard\w*|risk|code|safety|inspection|alarm\w*|sprinkler\w*|escape|exit|door|wall|box|brick|starter|insurance|damage|marshal|hydrant|fly|flies|stick|ant))")),
        new("smoke", LeadPriority.URGENT, Hazard.Fire, Scope.All,
            R(@"\bsmok(e|ing|ey|y)\b(?!\s?(detector\w*|alarm\w*|test\w*|signal|free|break|shop|stack|house|ring))|\bhumo\b")),
        new("alarm_sounding", LeadPriority.URGENT, Hazard.Fire, Scope.All,
            R($@"\b(smoke|fire) (alarm|detector)s?\b{Gap}\b(going off|went off|goes off|sounding|blaring|screaming|keeps going off|will not stop)\b")),
        new("burning_smell", LeadPriority.URGENT, Hazard.Fire, Scope.All,
            R(@"\b(burning|burnt|burned) (smell|odou?r|plastic|rubber|wire\w*)\b|\bsmell\w* (like |of )?(burning|something burning|burnt|smoke|electrical burning|melting plastic|hot plastic)\b|\bsmells? burnt\b|\bolor a quemado\b")),
        new("sparks", LeadPriority.URGENT, Hazard.Fire, Scope.All,
            R(@"\bspark(s|ing|ed|y)?\b(?!\s?plugs?)|\barcing\b|\bchispa\w*\b|\bcortocircuito\b")),
        new("hot_or_melting_electrics", LeadPriority.URGENT, Hazard.Fire, Scope.All,
            R($@"\b(outlet|socket|plug|panel|breaker|switch|wire|wiring|cord|fixture|receptacle|fuse box|meter)s?\b{Gap}\b(smok\w*|melt\w*|scorch\w*|charr(ed|ing)|burn\w*|blacken\w*|hot to the touch|too hot to touch|sizzl\w*)\b|\b(melted|scorched|charred|burnt|burned|blackened) (outlet|socket|plug|wire|wiring|panel|breaker|switch|cord)s?\b")),
        new("live_wire", LeadPriority.URGENT, Hazard.Electrical, Scope.All,
            R($@"\b(live|exposed live|energized|bare live) wires?\b|\b(downed|fallen|hanging|snapped) (power |electric(al)? |utility )?(lines?|wires?|cables?)\b|\b(power|electric(al)?|utility) (line|wire|cable|pole)s?\b{Gap}\b(down|fell|fallen|on the ground|snapped|hanging|sparking|laying|lying|touching|on (my|the|our) \w+)\b|\b(took|knocked|brought|pulled|taken|knocked) down (the |a |our )?(power |electric |utility )?(lines?|wires?|poles?)\b|\bcables? (caido|suelto|pelado)s?\b")),
        new("electric_shock", LeadPriority.URGENT, Hazard.Electrical, Scope.All,
            R(@"\b(electric(al)? shock|electrocut\w*|got (shocked|zapped)|(shocked|zapped) (me|him|her|my|us|them|when)|getting shocked|shock(s|ed)? (me|him|her|us|them) when|descarga electrica|me dio (la )?corriente)\b")),
        new("water_on_electrics", LeadPriority.URGENT, Hazard.Electrical, Scope.All,
            R(@"\b(water|leak\w*|dripping|flood\w*)\b[a-z ]{0,20}\b(into|in|on|onto|near|around|over|behind) (the |my |our |an? )?(electrical panel|breaker box|breaker panel|electric panel|fuse box|outlets?|wiring|light fixtures?|ceiling light)\b")),
        new("personal_danger", LeadPriority.URGENT, Hazard.Violence, Scope.Law,
            R(@"\b(threaten\w* to (kill|hurt)|(is|are) (hitting|beating|attacking)|in danger|afraid for my life|trying to break in)\b")),

        // ---- Damage in progress (home services) ----
        new("active_flooding", LeadPriority.URGENT, Hazard.None, Scope.Home,
            R(@"\bflood(ed|ing|s)?\b(?!\s?(lights?|lamps?|zone|insurance|plain|damage|certificate|risk|map|barrier|vents?|gate|wall|sensors?|alarm))|\binund\w*\b|\bagua por todas partes\b")),
        new("water_pouring", LeadPriority.URGENT, Hazard.None, Scope.Home,
            R($@"\b(water|leak|pipe|toilet|sink|tank|heater|ceiling|faucet|hose|line|tub|shower|valve)s?\b{Gap}\b(everywhere|pouring|gushing|spraying|spewing|shooting|rushing|streaming|coming (in|through|down) the|will not stop|can not stop|cannot stop|rising|sale mucha agua)\b|\b(can not|cannot|unable to|could not) (shut|turn) (off )?(the )?(water|it|valve|main)( off)?\b|\b(standing|inches of|feet of|a foot of|full of|ankle deep|knee deep|waist deep) water\b|\bwater (in|all over|across) (the|my|our) (basement|kitchen|floor|house|home|garage|living room|bathroom|hallway)\b|\b(ceiling|roof)\b{Gap}\b(collaps\w*|caving)\b|\braining (in|inside|indoors|through|from the ceiling|down the walls)\b|\bno para de salir agua\b")),
        new("burst_pipe", LeadPriority.URGENT, Hazard.None, Scope.Home,
            R($@"\b(burst|bursted|busted|broken|ruptured|split|exploded|blown|cracked) (water |copper |pvc )?(pipe|pipes|main|water main|water line|supply line|hose)\b|\bpipes? ({Gap})?(has |have |just |had )?(burst|bursts|bursted|busted|broke|exploded|split|ruptured|blew)\b|\bwater main (break|broke|burst)\b|\b(supply line|supply hose|hose|fitting|pipe|line|connector|valve)s? ({Gap})?(popped|came|blew|broke|burst|snapped) (off|loose|apart|open)\b|\b(tuberia|tubo|cano|caneria)s? (rota|roto|reventad[oa])\b|\bse (rompio|revento) (la|el|una|un) (tuberia|tubo|cano|caneria)\b")),
        new("sewage_backup", LeadPriority.URGENT, Hazard.None, Scope.Home,
            R($@"\b(sewage|sewer|raw sewage|septic)\b{Gap}\b(backing up|backed up|back up|coming up|overflow\w*|in (the|my|our) (house|home|basement|tub|shower|bathroom)|everywhere|on the floor|flooding|spill\w*|pouring)\b|\b(toilets?|drains?|tub|shower)\b{Gap}\b(sewage|poop|feces|raw sewage)\b|\baguas (negras|residuales)\b")),
        new("no_heat", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R($@"\bno (heat|heating|furnace)\b|\b(heat|heating|furnace|boiler|heater|heat pump)\b{Gap}\b(is |are )?(out|off|dead|not working|stopped working|not coming on|will not (turn|come|start|stay)( on)?|does not (turn|come|start)( on)?|died|broke\w*|quit|went out|blowing cold( air)?|not (heating|warming|getting warm|putting out heat))\b|\bwithout heat\b|\b(house|home|it|place) (will not|does not|can not) (get|stay) warm\b|\bhouse is (freezing|ice cold)\b|\bsin calefaccion\b|\bno (hay|funciona) (la )?calefaccion\b"),
            RaiseTo: s_freezingOrVulnerable),
        new("no_cooling", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R($@"\bno (ac|a/c|air conditioning|air con|cooling|aire acondicionado)\b|\b(ac|a/c|air conditioner|air conditioning|cooling|central air|heat pump|air)\b{Gap}\b(is |are )?(out|not working|stopped working|died|broke\w*|blowing (hot|warm)( air)?|will not (turn|come) on|does not (turn|come) on|quit|not (cooling|blowing cold|getting cold|cold))\b"),
            RaiseTo: s_heatOrVulnerable),

        // ---- Broken and needs prompt service (home services) ----
        new("leak", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R(@"\bleak(s|ing|y|ed)?\b(?!\s?(detector|test))|\bdrip(s|ping|py)?\b|\bwater (stain|spot)s?\b|\bgotera\b|\bfuga de agua\b")),
        new("clog", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R(@"\bclog(s|ged|ging)?\b|\b(blocked|stopped up|backed up|backing up|plugged up)\b|\b(will not|does not|not|is not) (drain|flush)(ing)?\b|\bslow drain\w*\b|\boverflow(ed|ing|s)?\b|\btapad[oa]\b")),
        new("no_hot_water", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R($@"\bno hot water\b|\b(water heater|hot water heater|boiler|tankless)\b{Gap}\b(is )?(out|broke\w*|not working|stopped|leak\w*|died|making noise)\b|\bhot water (is )?(out|not working|gone)\b|\bonly cold water\b|\b(sin|no hay) agua caliente\b")),
        new("frozen_pipes", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R(@"\bfrozen pipes?\b|\bpipes? (are |is )?frozen\b")),
        new("electrical_fault", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R($@"\b(breaker|fuse)s?\b{Gap}\b(trip\w*|blow\w*|blew|keeps going)\b|\btripp?ed breaker\b|\b(outlet|outlets|socket|switch|lights?|power)\b{Gap}\b(not working|stopped working|dead|flicker\w*|went out|buzz\w*|will not reset|keeps resetting)\b|\bno power\b|\bpower (is )?out\b|\bexposed wires?\b|\b(fire|shock) hazard\b|\bno (hay )?luz\b")),
        new("broken_equipment", LeadPriority.HIGH, Hazard.None, Scope.Home,
            R(@"\b(broken|broke down|not working|stopped working|does not work|do not work|will not (start|turn on|work)|quit working|malfunction\w*|making (a )?([a-z]+ ){0,2}nois\w*|no funciona|se descompuso)\b|\b(water|fire|flood|smoke) damage\b|\bsew(age|er) (smell|odou?r|gas)\b")),

        // ---- Law firms ----
        new("arrest_or_custody", LeadPriority.URGENT, Hazard.None, Scope.Law,
            R(@"\b(arrest\w*|in custody|into custody|in jail|locked up|detained|being held|held by (the )?police|picked up by (the )?police|booked|bail|bond hearing|arraign\w*|police (are )?(here|at (my|the) (door|house))|search warrant|ice (took|detained|picked up)|arrestad[oa]|detenid[oa]|en la carcel)\b")),
        new("hearing_or_lockout_within_a_day", LeadPriority.URGENT, Hazard.None, Scope.Law,
            R(@"\b(hearings?|court|trial|deposition|arraignment|eviction|evicted|lockout|locked (me )?out|changed (the|my) locks|sheriff|restraining order|protective order|custody exchange|deport\w*|audiencia|desalojo)\b"),
            Requires: s_lawToday),
        new("legal_deadline_within_days", LeadPriority.HIGH, Hazard.None, Scope.Law,
            R(@"\b(deadline|due|respond|response|court date|hearing|trial|statute of limitations|eviction notice|notice to (quit|vacate)|garnish\w*|foreclos\w*)\b"),
            Requires: s_withinDays),
        new("served_papers", LeadPriority.HIGH, Hazard.None, Scope.Law,
            R(@"\b(served|summons|subpoena\w*|being sued|got sued|suing me|lawsuit against me|eviction notice|notice to (quit|vacate)|restraining order)\b")),

        // ---- Estate agents ----
        new("closing_today_at_risk", LeadPriority.URGENT, Hazard.None, Scope.RealEstate,
            R(@"\bclos(ing|e)\b"), Requires: s_closingToday, RaiseTo: null),
        new("wire_fraud", LeadPriority.URGENT, Hazard.None, Scope.RealEstate,
            R(@"\bwire (fraud|instructions? (changed|different|were changed))\b|\b(changed|new|different|updated) wir(e|ing) instructions?\b|\b(sent|wired) (the )?(money|funds|deposit|down payment) to (the )?wrong\b|\bscam\w*\b")),
        new("transaction_deadline", LeadPriority.HIGH, Hazard.None, Scope.RealEstate,
            R(@"\b(offer|counter ?offer|inspection|appraisal|financing|contingency|option period)\b[a-z ]{0,20}\b(deadline|expires?|expiring|due)\b")),

        // ---- What the caller says about urgency (every trade) ----
        new("caller_says_emergency", LeadPriority.URGENT, Hazard.None, Scope.All,
            R(@"\bemergenc(y|ies)\b|\bemergencia\b")),
        new("caller_says_urgent", LeadPriority.HIGH, Hazard.None, Scope.All,
            R(@"\b(urgent\w*|asap|a s a p|as soon as possible|right away|immediately|straight away|urgente|lo antes posible|de inmediato)\b")),
    ];

    // "no gas smell", "it is not flooding", "nobody was shocked": a negation just before the match, in its clause.
    static readonly Regex s_negation = R(@"\b(no|not|never|without|none|nothing|nobody|neither|nor|ni|nunca|tampoco|sin|free of|no longer|ruled out)\b");

    // Past events with no sign the problem is back: "last year we had a burst pipe".
    static readonly Regex s_past = R(@"\b(last (year|month|week|winter|summer|spring|fall|autumn|time)|(years?|months?|weeks?|a while|a few years|a couple( of)? (years|months)|long time) ago|previously|in the past|used to|back in (19|20)\d\d|previous owners?|once had|had (a|an|one) [a-z ]{0,25}(fixed|repaired|replaced)|was (fixed|repaired|replaced|resolved|taken care of)|got (fixed|repaired|replaced)|has been (fixed|repaired|resolved)|after (the|a|our|last) [a-z ]{0,10}(flood|fire|leak)|el ano pasado|hace (anos|meses))\b");
    static readonly Regex s_present = R(@"\b(again|now|currently|still|today|tonight|this (morning|afternoon|evening)|at the moment|happening|keeps|right now|just (burst|started|happened|noticed))\b");

    // Questions about services, prevention, purchases and "what if": the thing is not happening to them now.
    static readonly Regex s_notHappening = R(@"\b(do you|what (is|are) (your|the)|is there (a|an)|does your|do y'?all|are you able to|what do you charge|how much|what does it cost|what is the (cost|price)|price (of|for|to)|cost (of|to|for)|quote (for|on)|estimate (for|on)|check(ing)? for|inspect\w*|test(ing)? for|prevent\w*|avoid\w*|protect\w*|winteriz\w*|insulat\w*|install|installing|replace|replacing|upgrade|upgrading|(buy|buying|purchase|purchasing) (a|an|some|new|the|one)|get (a|some|new)|need (a|some) new|detectors?|what (should|do|would) (i|we|you) do if|in case|if (there is|there was|i|we|you|it|a|my|the)|what happens if|how (do|can|would) (i|we|you) (tell|know|prevent|avoid|spot)|signs of|tips|worried about|afraid of|risk of|chance of|in the event)\b");

    static readonly Regex s_deescalation = R(@"\b(not (urgent|an emergency|a emergency|critical|pressing|in a hurry)|no (rush|hurry)|whenever( is)? (convenient|works)|when(ever)? (you|it is) (get a chance|convenient|have time)|at your convenience|next (week|month) is fine|no es urgente|sin prisa)\b");
    static readonly Regex s_noServiceIntent = R(@"^(hi|hello|hey|hiya|yo|good (morning|afternoon|evening)|thanks?( you)?( so much| very much| a lot)?|thank you|thx|ty|ok(ay)?|cool|great|awesome|perfect|bye|goodbye|see you|no thanks|no thank you|that is all|nothing else|never ?mind|hola|gracias|adios|buenas)( [a-z]+){0,3}$|\b(just (browsing|looking|checking( things)? out|curious)|never ?mind|wrong number|solo estoy mirando)\b");
    static readonly Regex s_spanish = R(@"\b(el|la|los|las|mi|tengo|hay|casa|agua|por favor|ayuda|necesito|esta|huele|fuga|se|que|una|de la|sin|del)\b");

    /// <summary>Assesses one message for a business of the given type, with the owner's extra keywords.</summary>
    public static TriageResult Assess(string text, BusinessType businessType = BusinessType.OTHER, IReadOnlyCollection<string>? extraKeywords = null)
    {
        var normalized = TextNormalizer.Normalize(text);
        var fired = new List<(Rule Rule, EmergencyReason Reason)>();
        var ignored = new List<EmergencyReason>();
        if (normalized.Length == 0)
        {
            return new TriageResult(LeadPriority.LOW, [], [], null);
        }

        foreach (var rule in RulesFor(businessType, extraKeywords))
        {
            if (rule.Requires is not null && !rule.Requires.IsMatch(normalized))
            {
                continue;
            }

            foreach (Match match in rule.Pattern.Matches(normalized))
            {
                var phrase = match.Value.Trim();
                var why = WhyIgnored(normalized, match);
                if (why is not null)
                {
                    ignored.Add(new EmergencyReason($"{rule.Name} ({why})", phrase));
                    continue;
                }

                var raised = rule.RaiseTo is not null && rule.RaiseTo.IsMatch(normalized);
                var name = raised ? rule.Name + "_with_people_at_risk" : rule.Name;
                fired.Add((raised ? rule with { Priority = LeadPriority.URGENT } : rule, new EmergencyReason(name, phrase)));
                break;
            }
        }

        // Real-estate closings are urgent only when something threatens them; otherwise a closing today is HIGH.
        fired = [.. fired.Select(f => f.Rule.Name == "closing_today_at_risk" && !s_closingProblem.IsMatch(normalized)
            ? (f.Rule with { Priority = LeadPriority.HIGH }, f.Reason with { Rule = "closing_today" })
            : f)];

        var deescalated = s_deescalation.IsMatch(normalized);
        LeadPriority Effective(Rule r) =>
            deescalated && r.Hazard == Hazard.None && (r.Priority == LeadPriority.HIGH || r.Name == "caller_says_emergency") ? LeadPriority.NORMAL : r.Priority;

        var top = fired.Count == 0 ? (LeadPriority?)null : fired.Max(f => Effective(f.Rule));
        var priority = top ?? (IsNoServiceIntent(normalized) ? LeadPriority.LOW : LeadPriority.NORMAL);
        if (deescalated && fired.Any(f => Effective(f.Rule) != f.Rule.Priority))
        {
            ignored.Add(new EmergencyReason("caller_says_not_urgent", s_deescalation.Match(normalized).Value));
        }

        var reasons = fired.Where(f => Effective(f.Rule) == priority).Select(f => f.Reason).ToList();
        var hazard = fired.Where(f => f.Rule.Hazard != Hazard.None && f.Rule.Priority == LeadPriority.URGENT)
            .Select(f => f.Rule.Hazard).OrderBy(HazardRank).FirstOrDefault();
        var script = hazard == Hazard.None ? null : SafetyScripts.For(hazard, LanguageOf(normalized));
        return new TriageResult(priority, reasons, ignored, script);
    }

    static readonly HashSet<string> s_courtesyWords =
    [
        "ok", "okay", "great", "thanks", "thank", "you", "so", "much", "very", "a", "lot", "cool", "awesome", "perfect",
        "bye", "goodbye", "hi", "hello", "hey", "alright", "all", "right", "good", "got", "it", "appreciate", "that", "cheers",
        "have", "nice", "day", "night", "great", "sounds", "fine", "yes", "yeah", "no", "nope", "thx", "ty", "see", "ya",
        "later", "is", "gracias", "hola", "adios", "muchas", "buenas", "vale", "excellent", "wonderful", "kind", "of", "your",
        "help", "helpful", "will", "do", "understood", "sure", "morning", "afternoon", "evening", "there",
    ];

    /// <summary>Greetings, thanks and goodbyes only, or "just browsing": nothing for the owner to act on.</summary>
    public static bool IsNoServiceIntent(string normalized)
    {
        var words = normalized.Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries);
        return s_noServiceIntent.IsMatch(normalized) || (words.Length is > 0 and <= 12 && words.All(s_courtesyWords.Contains));
    }

    /// <summary>"es" when the message reads as Spanish, else "en".</summary>
    public static string LanguageOf(string normalized) => s_spanish.Matches(normalized).Count >= 2 ? "es" : "en";

    static int HazardRank(Hazard h) => h switch
    {
        Hazard.CarbonMonoxide => 0,
        Hazard.Gas => 1,
        Hazard.Fire => 2,
        Hazard.Electrical => 3,
        _ => 4,
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
    /// An owner keyword's pattern, built once: compiling a regex costs milliseconds of JIT, far more than a turn, so a
    /// busy business must not pay it on every message. Bounded: owners' keyword lists are short.
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

    /// <summary>Why a match does not count (negated, past, not happening), or null when it does.</summary>
    static string? WhyIgnored(string normalized, Match match)
    {
        var clauseStart = normalized.LastIndexOf('|', Math.Max(0, match.Index - 1)) + 1;
        var clauseEnd = normalized.IndexOf('|', match.Index + match.Length);
        var before = normalized[clauseStart..match.Index];
        var clause = normalized[clauseStart..(clauseEnd < 0 ? normalized.Length : clauseEnd)];
        var nextClauseEnd = clauseEnd < 0 ? -1 : normalized.IndexOf('|', clauseEnd + 1);
        var clauseAndNext = clauseEnd < 0 ? clause : normalized[clauseStart..(nextClauseEnd < 0 ? normalized.Length : nextClauseEnd)];

        if (IsNegated(LastWords(before, 4)))
        {
            return "negated";
        }

        if (s_past.IsMatch(clause) && !s_present.IsMatch(clauseAndNext))
        {
            return "past event";
        }

        var longWindow = LastWords(before, 9);
        var notHappening = s_notHappening.Match(longWindow);
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
        var cleaned = NotNegating().Replace(window, " ");
        cleaned = InterjectedNo().Replace(" " + cleaned, " ");
        return s_negation.IsMatch(cleaned);
    }

    // "do you fix burst pipes" asks about a service; "can you fix my burst pipe" reports one.
    static bool OwnsTheProblem(string afterCue) => OwnedProblem().IsMatch(afterCue);

    static string LastWords(string text, int count)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Skip(Math.Max(0, words.Length - count))) + " ";
    }

    [GeneratedRegex(@"\b(no idea|not sure|no clue|not certain|not know|no se)\b")]
    private static partial Regex NotNegating();

    [GeneratedRegex(@"(^|\s)(no|nope|nah) (?=(the|it|its|it is|my|our|we|i|there|this|that|they|he|she|you|water|sir|maam|please|actually|well|yes|yeah)\b)")]
    private static partial Regex InterjectedNo();

    [GeneratedRegex(@"\b(my|our|mine|we have|i have|there is|there are|we got|i got)\b")]
    private static partial Regex OwnedProblem();
}
