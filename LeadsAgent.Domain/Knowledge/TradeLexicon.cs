using System.Text.RegularExpressions;

namespace LeadsAgent.Domain.Knowledge;

/// <summary>How much a concept says about what a question is about.</summary>
public enum ConceptKind
{
    /// <summary>
    /// A policy of the business (financing, warranty, opening hours, service area, call-out fee): when a question names
    /// one it is what the question is about, whatever trade subject comes with it ("the warranty on a new furnace").
    /// </summary>
    Policy,

    /// <summary>A trade subject (water heaters, panels, divorce, showings): a passage must cover it.</summary>
    Subject,

    /// <summary>A side of a subject (price, duration, booking): it ranks passages but never makes one an answer alone.</summary>
    Facet,

    /// <summary>Words about the caller's own job ("on Elm Street", "this weekend"): claimed so they count for nothing.</summary>
    Ignored,
}

/// <summary>
/// One thing callers name in many ways: the question side lists how callers say it ("pay over time", "payment plan",
/// "monthly payments"), the passage side how owners write it ("financing", "0% APR", "approved credit").
/// </summary>
public sealed class TradeConcept
{
    // Interpreted: a few hundred patterns over one short question each turn; compiling them all would slow start-up more
    // than it saves.
    const RegexOptions Options = RegexOptions.CultureInvariant;

    readonly Regex _cue;
    readonly Regex _passage;
    readonly Func<string, bool>? _contentTest;
    readonly Regex? _title;

    internal TradeConcept(string name, ConceptKind kind, string cue, string? passage, string[] expansion, Func<string, bool>? contentTest = null,
        string? title = null, bool answersAlone = false)
    {
        AnswersAlone = answersAlone;
        Name = name;
        Kind = kind;
        _cue = Words(cue);
        _passage = Words(passage ?? cue);
        _contentTest = contentTest;
        _title = title is null ? null : Words(title);
        Expansion = expansion;
    }

    public string Name { get; }

    public ConceptKind Kind { get; }

    /// <summary>A facet that is a whole question by itself when a passage's title names it ("what are your rates").</summary>
    public bool AnswersAlone { get; }

    /// <summary>Words and phrases a passage about the concept is likely to use: added to the full-text query.</summary>
    public IReadOnlyList<string> Expansion { get; }

    /// <summary>Where the question names the concept (in folded text, see <see cref="KnowledgeText.Fold"/>).</summary>
    public MatchCollection CuesIn(string foldedQuestion) => _cue.Matches(foldedQuestion);

    /// <summary>Whether a passage's title (or heading path) is about the concept.</summary>
    public bool InTitle(string foldedTitle) => (_title ?? _passage).IsMatch(foldedTitle);

    /// <summary>Whether a passage's text speaks of the concept.</summary>
    public bool InContent(string foldedContent) => _contentTest?.Invoke(foldedContent) ?? _passage.IsMatch(foldedContent);

    public override string ToString() => Name;

    // Whole words only ("$" counts as a letter, so "$89" is a word); folded text writes "%" as "percent".
    static Regex Words(string alternatives) => new($"(?<![a-z0-9$])(?:{alternatives})(?![a-z0-9])", Options);
}

/// <summary>
/// The trade synonym lexicon: how callers of plumbers, HVAC companies, electricians, law firms, real-estate agencies and
/// general home-service businesses name the things they ask about, mapped to how owners write their knowledge base.
/// </summary>
/// <remarks>
/// Hand-written on purpose. The local engine has no language model and no trained embeddings (the hashing embedder
/// only knows spelling), so "can I pay over time" shares no word with a passage titled "Financing", and "guarantee"
/// none with "warranty". A learned synonym model would need a corpus of owners' knowledge bases and callers' questions
/// that this project does not have; a short list written from how the trades talk is auditable, fixes a wrong
/// answer with one line, and is measured on the knowledge quality sets (Integration/Knowledge). Order matters: a
/// concept claims the words it matched, so the more specific phrase comes first ("after hours" is the emergency line,
/// not opening hours; "come out to Riverton" is the service area, not the call-out fee).
/// </remarks>
public static partial class TradeLexicon
{
    // Passage-side tests for opening hours: "after hours" and "business hours" in a fee passage are not opening hours, so
    // a passage is about hours when its title says so, or when it names days and times (or open/closed) together.
    const string Days = @"mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekdays?|weekends?|mon|tues?|wed|thu|thurs?|fri|sat|daily|every day|(7|seven) days a week|holidays?|christmas|thanksgiving|new year s( day)?|new years( day)?";
    const string Times = @"\d{1,2}( \d\d)? ?(am|pm)|noon|midnight|\d{1,2}( \d\d)? to \d{1,2}( \d\d)?|open|opens|closed|closes|24 hours|24/7|around the clock";

    static readonly Regex s_days = new($"(?<![a-z0-9])(?:{Days})(?![a-z0-9])", RegexOptions.CultureInvariant);
    static readonly Regex s_times = new($"(?<![a-z0-9])(?:{Times})(?![a-z0-9])", RegexOptions.CultureInvariant);

    static bool MentionsOpeningTimes(string content) => s_days.IsMatch(content) && s_times.IsMatch(content);

    static TradeConcept Policy(string name, string cue, string? passage = null, params string[] expansion) =>
        new(name, ConceptKind.Policy, cue, passage, expansion);

    static TradeConcept Subject(string name, string cue, string? passage = null, params string[] expansion) =>
        new(name, ConceptKind.Subject, cue, passage, expansion);

    static TradeConcept Facet(string name, string cue, string? passage = null, params string[] expansion) =>
        new(name, ConceptKind.Facet, cue, passage, expansion);

    /// <summary>Every concept, most specific first.</summary>
    public static IReadOnlyList<TradeConcept> Concepts { get; } =
    [
        // ---- Money: labour rate, emergency surcharges, call-out fees, financing, payment, warranty (every trade) ----
        // A facet that may answer alone: "what are your rates?" is answered by a passage titled "Fees" or "Rates".
        new("price list", ConceptKind.Facet,
            @"(your|the) (rates|prices|pricing|fee schedule)|price list|rate card|what do you charge\s*$|how much do you charge\s*$",
            @"billed|per hour|hourly|flat fee|rates?|\$ ?\d+",
            ["rate", "rates", "price", "fee", "fees", "cost"], title: @"fees?|rates?|prices?|pricing|costs?|charges?", answersAlone: true),
        Policy("labour rate",
            @"hourly( rate| charge| price)?|per hour|an hour|by the hour|labou?r (rate|cost|charge|price)s?|hour rate|rate per hour",
            @"per hour|hourly|an hour|labou?r",
            "hourly", "per <-> hour", "labor", "labour"),
        Policy("emergency service",
            @"emergenc(y|ies)|24 ?/ ?7|24 7|24 hours? (a day|service)|24 hour|around the clock|round the clock|after ?hours?|out of hours|urgent(ly)?|on call|middle of the night|at night|nights|overnight|late at night|emergencia",
            @"emergenc(y|ies)|24 ?/ ?7|24 hours a day|around the clock|round the clock|after ?hours|out of hours|on call|nights|overnight|urgent",
            "emergency", "emergencies", "24/7", "after <-> hours", "around <-> the <-> clock", "on <-> call"),
        Policy("legal fees",
            @"retainer|contingency( fee)?|no win no fee|flat fee|legal fees?|attorney s fees?|attorneys fees?|lawyer s fees?|lawyers fees?|lawyer fees?|attorney fees?|billable",
            @"retainer|contingency|flat fee|billed hourly|legal fees?|no win no fee|nothing if we do not win",
            "retainer", "contingency", "flat <-> fee", "fee", "fees"),
        Policy("commission",
            @"commissions?|listing fees?|realtor fees?|agent s fees?|agents fees?|agent fees?|(charge|cost|take|fee) (me )?to (sell|list)|(charge|take|keep|make|get)( \w+){0,3} (when|if) (i|we) (sell|list)|(take|charge) (a )?(cut|percentage)|percent(age)? do you (charge|take)",
            @"commissions?|listing fee|flat fee listing|percent of the (sale|sales) price",
            "commission", "listing <-> fee", "fee"),
        Policy("service area",
            @"service areas?|(do|does|will|would|can) (you|they|your \w+) (serve|cover|come to|go to|travel to|work in|operate in|practice in|sell( homes| houses)? in|handle cases in|do work in)|serv(e|es|ing)|(in|within|near|outside( of)?) (your|the) area|your area|areas?|(come|go|travel|drive|get|make it) (out )?(to|as far as)(?= (?!look|see|check|take|diagnose|fix|my (house|home|place)))|travel|how far|distance|miles?|towns?|cities|city|county|counties|zip( codes?)?|neighbou?rhoods?|regions?|near me|nearby|radius|locations?|cover|zona",
            @"serve|serves|serving|service area|within \d+ miles|miles|towns?|county|counties|cities|city|areas?|neighbou?rhoods?|cover|practice in|work in|sell homes in|nearby",
            "serve", "area", "miles", "town", "county", "city", "cover"),
        Policy("office location",
            @"where (are|is) (you|your (office|shop|store|location|firm|building))( located| based| at)?|your address|office address|address of (your|the) (office|shop|firm)|directions|parking|park|where can i find you|where is (the|your) office|located",
            @"located|address|street|suite|avenue|road|boulevard|parking|park|across from|office is at|we are at",
            "located", "address", "street", "parking", "suite"),
        Policy("service call",
            @"(service|repair) (call|visit|charge|fee)s?|trip (fee|charge)s?|call ?outs?( fee| charge)?|callouts?( fee| charge)?|dispatch (fee|charge)|truck (fee|charge)|diagnostics?( fee| charge)?|diagnos(is|e)|visit fee|house calls?|show(ing)? up|(come|stop|swing|pop) (out |over |by )?(and |to )?(look|take a look|have a look|check|see|diagnose)( at)?|(just )?(to|for) (someone to )?come out|(send|sending) (someone|somebody|a tech\w*|a plumber|an electrician|a guy|a person|a man|out someone)( out| over)?|(come|coming) out( here| to my (house|home|place))?|take a look|look at it",
            @"service call|trip (charge|fee)|call ?out fee|callout fee|dispatch fee|diagnostic|diagnosis|visit fee|estimate visit|repair visit|truck fee|first half hour",
            "service <-> call", "trip <-> charge", "trip <-> fee", "call <-> out", "callout", "diagnostic", "visit"),
        Policy("financing",
            @"financ\w*|pay(ing)?( \w+){0,5} over time|(monthly|over time) (payments?|plan)|payment plans?|pay(ment|ments|ing)? (in |by |with )?(monthly|installments?)|monthly (payments?|installments?|plan)|pay (per|by the|each|every|a) month|pay (it )?monthly|installments?|spread (out )?(the )?(cost|payments?)|split (up )?the (cost|payments?|bill)|split (it|the payments?) (up|into)|(0|zero) ?(%|percent)( apr| interest| financing)?|apr|no interest|interest free|same as cash|buy now pay later|credit (approval|check|application)|loans?|lay ?away|financiamiento|pagos mensuales|a plazos|en cuotas",
            @"financ\w*|monthly payments?|payment plans?|installments?|apr|same as cash|credit approval|approved credit|lending|lenders?|loans?|spread the cost|over time|(0|zero) percent",
            "financing", "finance", "monthly <-> payments", "payment <-> plan", "installments", "apr", "credit", "lending"),
        Policy("licensing",
            @"licen[cs](e|ed|es|ing)|insured|(liability|business|workers comp\w*) insurance|(have|carry|got) insurance|insurance (certificate|coverage|policy)|bonded|bonding|certified|certification|certificate of insurance|accredited|background check(ed|s)?|drug test(ed|ing)?|vetted",
            @"licen[cs](e|ed|es)|insured|insurance|bonded|certified|certificate|accredited|background checked|drug tested|liability",
            "licensed", "license", "insured", "insurance", "bonded", "certified"),
        new("payment methods", ConceptKind.Policy,
            @"pay(ing)? (with|by|using|in|via) \w+|how (can|do|does|could|would) (i|we|one) pay|how to pay|payment (methods?|options?|types?)|forms? of payment|ways? to pay|accept|take (cards?|credit|checks|cash|debit|plastic)|credit cards?|debit( cards?)?|cash|checks|cheques?|visa|mastercard|master card|amex|american express|discover card|apple pay|google pay|paypal|venmo|zelle|cash app|crypto|bitcoin|when is payment due|pay (up ?front|in advance|a deposit)|formas de pago|tarjeta",
            @"accept|(?<!as )cash|checks|cheques|cards?|visa|mastercard|american express|apple pay|google pay|paypal|venmo|zelle|payment is due|pay by",
            ["accept", "cash", "checks", "cards", "credit <-> cards", "payment"], title: @"payments?|paying|pay|accept\w*"),
        Policy("warranty",
            @"warrant(y|ies|ied)|guarant(ee|ees|eed|y)|stand behind|(fails?|failed|breaks?|broke|breaking|stops? working|quits?|goes (bad|wrong)|go (bad|wrong)|leaks?)( \w+){0,4} (again|later|afterwards?|after you leave)|(comes?|came|keeps coming) back|happens? again|not (happy|satisfied) with|unhappy with|satisf(ied|action)|make it right|workmanship|am i covered|what is covered|covered if|(is|are) (it|that|this|they|parts|labou?r|repairs?) covered|garantia",
            @"warrant\w*|guarant\w*|stand behind|workmanship|make it right|satisfaction",
            "warranty", "guarantee", "guaranteed", "workmanship"),
        Policy("discounts",
            @"discounts?|coupons?|deals?|specials?|promo(tion)?s?|promo codes?|seniors?|military|veterans?|first responders?|teachers?|price match",
            @"discount\w*|coupons?|save \d+|\d+ percent off|seniors?|veterans?|military|specials?",
            "discount", "coupon", "senior", "veteran", "military"),
        Policy("rebates",
            @"rebates?|tax credits?|incentives?|utility (rebate|program)s?",
            @"rebates?|tax credits?|incentives?",
            "rebate", "tax <-> credit", "incentive"),
        // Before estimates: "a price estimate for my condo" is a home valuation, not a quote for work.
        Subject("home value",
            @"worth|values?|valuations?|apprais\w*|cma|market analysis|comps|comparables|(price|value) (estimate|opinion)s?|estimate (of )?(what )?(my|our|the) (home|house|condo|property)|what (can|could|would|will) i get for|how much (can|could|would|will) (i|my (house|home|condo)) (sell|get)|price my (home|house)",
            @"worth|values?|valuations?|apprais\w*|market analysis|comparative",
            "value", "valuation", "market <-> analysis", "worth"),
        Policy("estimates",
            @"(free )?(estimates?|quotes?|bids?|proposals?)|ballpark|cotizacion|presupuesto",
            @"estimates?|quotes?|bids?|proposals?",
            "estimate", "estimates", "quote", "free"),

        // ---- Details of the caller's own job that say nothing about what they ask: an address, when they want it ----
        new("caller's details", ConceptKind.Ignored,
            @"(on|at|in) (\d+ )?\w+ (street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|court|ct|way|place|pl|circle|cir)|(this|next|coming) (morning|afternoon|evening|week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(tomorrow|today|tonight)( (morning|afternoon|evening|night))?|as soon as possible|asap|right away|at some point|sometime",
            null, []),

        // ---- When and where: real-estate closings before hours ("to close" a sale), booking, hours, area, office ----
        Policy("real estate closing",
            @"to close (on|the deal|a (sale|house|home))|take to close|closing (date|process|day)|escrow|title (company|insurance)|closing on (a|the|my) (house|home|property)",
            @"closing|escrow|title|close on",
            "closing", "escrow", "title"),
        Policy("closing costs",
            @"closing costs?",
            @"closing costs?",
            "closing <-> costs"),
        Policy("booking",
            @"book(ing|ed)?|schedul\w*|appointments?|reschedul\w*|cancel\w*|arrival window|time window|earliest|same day|next day|wait(ing)? (time|list)|no show",
            @"book|booking|appointments?|schedul\w*|cancel\w*|arrival window|same day|next day|availability|available",
            "book", "appointment", "schedule", "cancel", "reschedule"),
        new("opening hours", ConceptKind.Policy,
            @"(open|close|closed|work|working|available|come out|in|there)( \w+){0,3} (christmas|xmas|thanksgiving|new years?|easter|fourth of july|july 4(th)?|labou?r day|memorial day)( day| eve)?|hours?( of operation)?|hrs|opening|opens?|closes?|closing( time)?|closed|what time|business days?|weekends?|weekdays?|saturdays?|sundays?|holidays?|evenings?|after work|lunch( time| hour| break)?|horarios?|abren|cierran|abierto",
            null, ["hours", "open", "opening", "closed", "monday", "saturday", "sunday", "weekend", "holidays"],
            MentionsOpeningTimes, @"hours|opening|open|schedule|when we (work|are open)|horario"),
        Policy("contact",
            @"phone number|call you( back)?|call me back|text you|email( address)?|e mail|contact( you)?|reach (you|someone|somebody)|get (a )?hold of|return(ing)? (my )?calls?|call back|callback",
            @"call|calls|phone|email|text|contact|reach",
            "call", "phone", "email", "text", "contact"),
        Policy("remote meetings",
            @"zoom|video (calls?|chats?|meetings?|conferences?)|facetime|face time|skype|microsoft teams|virtual(ly)?|remote(ly)?|online (meeting|consultation|appointment)s?|over the phone|by phone|phone (calls?|consultations?|appointments?)|without coming in",
            @"video|virtual\w*|remote\w*|by phone|over the phone|zoom|online",
            "video", "virtual", "remote", "phone"),
        Policy("languages",
            @"speak|speaks|spanish|espanol|mandarin|cantonese|chinese|french|vietnamese|korean|russian|portuguese|arabic|tagalog|languages?|translators?|interpreters?|habla\w*|bilingual",
            @"speak|speaks|spanish|espanol|mandarin|cantonese|chinese|french|vietnamese|korean|russian|portuguese|arabic|tagalog|languages?|bilingual|interpreters?",
            "speak", "spanish", "language", "bilingual"),
        Policy("experience",
            @"how long have you been|in business|years of experience|experience|family owned|locally owned|owned|founded|established|reviews?|references|ratings?|reputation",
            @"since (19|20)\d\d|years of experience|family( run| owned)|locally owned|founded|established|reviews?|rated",
            "since", "experience", "family", "founded"),

        // ---- Plumbing ----
        Subject("tankless water heater", @"tankless|on ?demand( water heaters?)?|instant hot water", @"tankless|on demand", "tankless", "demand"),
        Subject("no hot water",
            @"no hot water|(hot )?water (is |went |goes |turns |runs |keeps going )?(cold|lukewarm|not hot)|(run|runs|running|ran) out of hot water|not getting hot|pilot( light)?|hot water (stopped|is out|went out|quit)",
            @"no hot water|pilot|not hot|hot water",
            "hot <-> water", "pilot"),
        Subject("water heater",
            @"(hot )?water heaters?|hot water (tanks?|heaters?|systems?)|water tanks?|heater tanks?|hwt|calentador( de agua)?|boiler tanks?",
            @"water heaters?|hot water tanks?|tank water heater|tanks?",
            "water <-> heater", "heater", "tank"),
        Subject("drains",
            @"drain\w*( slow(ly)?)?|clog\w*|block(ed|age)|backed up|back(s|ing)? up|slow(ly)? (drain\w*|sink|tub|shower|toilet)|unclog\w*|snak(e|ing)|rooter|hydro ?jet\w*|jetting|stopped up|won t drain|will not drain|does not drain|destapar|tapado",
            @"drains?|clog\w*|snake|hydro ?jet\w*|jetting|back(ed)? up|unclog\w*",
            "drain", "clog", "clogged", "snake", "jetting"),
        Subject("sewer", @"sewer|sewage|main (sewer )?line|septic|sewer camera|camera (inspection|down)|put a camera|scope (the|my) (line|sewer)", @"sewer|sewage|main line|septic|camera", "sewer", "camera", "main <-> line"),
        Subject("leaks", @"leak\w*|drip\w*|water stains?|wet spots?|damp( spots?)?|moisture|fuga", @"leak\w*|drip\w*|water stains?|moisture", "leak", "leaks", "drip"),
        Subject("burst or frozen pipes",
            @"burst|bursts|busted|broken pipes?|pipes? (broke|split|cracked|froze)|frozen|freez\w*|shut ?off( valve)?|shutoff|main (water )?(valve|shut ?off)|water main|stop ?cock|turn off (the|my) water",
            @"burst|bursts|frozen|freez\w*|shut ?off|main water|water main|stop ?cock",
            "burst", "frozen", "shut <-> off", "valve"),
        Subject("toilets", @"toilets?( (keeps|is|won t stop|will not stop|wont stop) running)?|commode|wc|loo|inodoro|running toilets?", @"toilets?", "toilet"),
        Subject("faucets", @"faucets?|taps?|spigots?|hose bibbs?|grifo|llave", @"faucets?|taps?|spigots?", "faucet", "tap"),
        Subject("garbage disposal", @"(garbage )?disposals?|disposers?|insinkerator", @"disposals?|disposers?", "disposal"),
        Subject("sump pump", @"sump( pumps?)?|basement pumps?", @"sump( pumps?)?", "sump"),
        Subject("repiping", @"repip\w*|re pip\w*|galvanized|polybutylene|pex|copper pipes?|old pipes|replace (all )?(the |my |our )?(old )?pipes", @"repip\w*|galvanized|polybutylene|pex|copper", "repiping", "galvanized", "pex"),
        Subject("water treatment", @"(water )?soften\w*|hard water|hardness|filtration|water filt\w*|reverse osmosis|ro system|water (quality|test\w*)|test (my|the) water|chlorine|iron in (my|the) water", @"soften\w*|hardness|hard water|filtration|filter|reverse osmosis|chlorine|iron", "softener", "filtration", "hardness"),
        Subject("gas lines", @"gas lines?|gas pipes?|gas (hook ?up|connection)s?|propane lines?|natural gas lines?|run (a )?gas", @"gas lines?|gas pipes?", "gas <-> line"),
        Subject("gas smell", @"smell(s|ing)? (of )?gas|gas (leak|smell|odou?r)s?|rotten eggs?|huele a gas|olor a gas", @"smell gas|gas smells?|gas leak|rotten egg|gas company|gas utility", "gas", "smell"),
        Subject("water pressure", @"water pressure|low pressure|high pressure|pressure regulator|prv", @"pressure", "pressure"),
        Subject("backflow", @"backflow|back flow|rpz", @"backflow", "backflow"),

        // ---- HVAC ----
        Subject("cooling trouble",
            @"(blow\w*|putting out|coming out|pushing) (warm|hot) air|warm air|not cool\w*|(won t|will not|does not|doesn t|stopped|quit) cool\w*|no (cold|cool) air|not (getting|blowing) cold|(ac|a c|air conditioner|air conditioning)( is| has)? (broken|not working|out|dead|stopped working|frozen|iced up)|(ac|a c) (unit )?(froze|freezing)",
            @"repair\w*|not cooling|warm air|refrigerant|capacitor|frozen coil|condensate",
            "repair", "warm <-> air", "refrigerant"),
        Subject("heating trouble",
            @"no heat|not heating|(won t|will not|does not|doesn t|stopped|quit) (heat\w*|ignit\w*|light\w*|turn on|kick on)|(blow\w*|putting out|coming out) cold air|cold air from|(furnace|heater|boiler|heat)( is| has)? (broken|not working|out|dead|stopped working|short cycling|banging)",
            @"repair\w*|fix\w*|won t ignite|will not ignite|short cycle|cold air|igniters?|flame sensors?|pilot",
            "repair", "ignite", "cold <-> air"),
        Subject("heat pumps", @"heat pumps?|mini ?splits?|ductless|split systems?", @"heat pumps?|mini ?splits?|ductless", "heat <-> pump", "ductless", "mini <-> split"),
        Subject("air conditioning",
            @"ac|a/c|a c|air ?con\w*|air conditioning|air conditioners?|central air|cooling|cool (my|the) (house|home)|condenser|compressor|aire acondicionado|aire",
            @"ac|a/c|air condition\w*|central air|cooling|condenser|compressor",
            "air <-> conditioner", "air <-> conditioning", "ac", "cooling", "central <-> air"),
        Subject("heating",
            @"furnaces?|heating|heaters?|heat (is |not )?(not working|out|off)|no heat|boilers?|radiators?|baseboard heat\w*|calefaccion",
            @"furnaces?|heating|heaters?|boilers?|radiators?",
            "furnace", "heating", "boiler", "heater"),
        Subject("ducts", @"ducts?|ductwork|duct work|vents?|air ducts?|registers?|ductos", @"ducts?|ductwork|vents?", "duct", "ducts", "vents"),
        Subject("thermostats", @"thermostats?|nest|ecobee|honeywell|termostato", @"thermostats?|nest|ecobee|honeywell", "thermostat"),
        Subject("refrigerant", @"refrigerant|freon|r ?22|r ?410a?|recharg\w*|coolant|low on (freon|refrigerant)", @"refrigerant|freon|r 22|r22|410a|recharg\w*", "refrigerant", "freon"),
        Subject("air quality", @"air quality|humidifiers?|dehumidifiers?|air (purifiers?|cleaners?|scrubbers?)|uv lights?|allerg\w*|dust(y)?|odou?rs?|stuffy", @"air quality|humidifiers?|dehumidifiers?|air cleaners?|uv lights?|allerg\w*|dust|odou?rs?", "humidifier", "dehumidifier", "allergens", "dust"),
        Subject("carbon monoxide", @"carbon monoxide|co (detectors?|alarms?|tests?|testing|leak)|monoxide|monoxido", @"carbon monoxide|co test|co detector", "carbon <-> monoxide"),
        Subject("maintenance",
            @"maint\w*|tune ?ups?|check ?ups?|servic(e|ing) (my|the|a|our) (furnace|ac|a c|boiler|system|unit|heater|air conditioner)|yearly service|annual (service|maintenance|inspection|check)|memberships?|club|service (plans?|agreements?|contracts?)|preventive|preventative",
            @"maint\w*|tune ?ups?|check ?ups?|memberships?|club|service (plan|agreement)s?",
            "maintenance", "tune <-> up", "membership", "club"),

        // ---- Electrical ----
        Subject("electrical panel",
            @"(electrical |electric |breaker |fuse |service )?panels?|breaker box(es)?|fuse box(es)?|service upgrade|\d+ ?amps?|amperage|main breaker|upgrade (my|the) (electric|electrical|service)",
            @"panels?|breaker box|fuse box|\d+ ?amp",
            "panel", "amp", "breaker"),
        Subject("breakers", @"breakers?( keeps?)? trip\w*|tripp\w* (breaker|circuit)s?|circuit breakers?|blown fuses?|fuses?|trips? the breaker", @"breakers?|fuses?|tripped", "breaker", "tripped"),
        Subject("outlets", @"outlets?|plugs?|receptacles?|sockets?|gfci|gfi|gfcis|two prong|three prong|usb outlets?|enchufes?", @"outlets?|receptacles?|gfci|gfi|prong", "outlet", "gfci", "receptacle"),
        Subject("ev chargers", @"ev|evs|electric (cars?|vehicles?)|car chargers?|charging stations?|level 2|level two|tesla|chargepoint|wall ?connector|chargers?|charge (my|an) (car|ev|tesla)", @"ev|electric vehicles?|car chargers?|chargers?|charging|level 2|tesla", "charger", "electric <-> vehicle", "ev"),
        Subject("generators", @"generators?|generac|kohler|standby power|backup power|transfer switch(es)?|power outages?|when the power goes out|generador", @"generators?|generac|kohler|standby|transfer switch|outages?", "generator", "standby", "transfer <-> switch"),
        Subject("rewiring", @"wiring|rewir\w*|re wir\w*|knob and tube|aluminum wir\w*|old wires?|wires?", @"wiring|rewir\w*|knob and tube|aluminum|wires?", "wiring", "rewire", "knob <-> and <-> tube"),
        Subject("ceiling fans", @"(ceiling )?fans?|ventiladores?", @"fans?", "fan", "ceiling <-> fan"),
        Subject("surge protection", @"surge( protect\w*| suppress\w*)?|lightning|spikes?|power surges?", @"surge|lightning|spikes?", "surge", "lightning"),
        Subject("smoke detectors", @"smoke (detectors?|alarms?)|fire alarms?", @"smoke (detectors?|alarms?)", "smoke <-> detector"),
        Subject("lighting",
            @"lights?|lighting|light fixtures?|fixtures?|recessed|can lights?|pot lights?|chandeliers?|sconces?|leds?|dimmers?|landscape lighting|luces|lamparas",
            @"lights?|lighting|fixtures?|recessed|cans|chandeliers?|sconces?|leds?|dimmers?",
            "light", "lighting", "fixture", "recessed"),
        Subject("inspections", @"inspect\w*|inspector|permit(s|ted)?|to code|code compliance|safety check", @"inspect\w*|permit\w*|code", "inspection", "permit", "code"),

        // ---- Law ----
        Policy("consultation",
            @"consult\w*|initial (meeting|appointment)|first (meeting|appointment|visit)|case (evaluation|review)|free (case )?(evaluation|review)|(talk|speak|meet) (to|with) (a|an|the)? ?(lawyer|attorney)|consulta",
            @"consult\w*|first meeting|case (evaluation|review)",
            "consultation", "consult"),
        Subject("personal injury",
            @"personal injur\w*|injur\w*|hurt|accident\w*|rear ended|car (crash|wreck)|wrecks?|crash(ed)?|slip(ped)? and f[ae]ll|fell|dog bit\w*|bitten|whiplash",
            @"personal injur\w*|injur\w*|hurt|accidents?|slip and falls?|dog bites?",
            "injury", "accident", "hurt"),
        Subject("criminal defense",
            @"criminal|arrest\w*|charged with|(criminal|drug|dui|felony|misdemeanou?r) charges?|dui|dwi|owi|drunk driving|jail|bail|probation|warrants?|misdemeanou?rs?|felon(y|ies)|police|cops|detained",
            @"criminal|arrest\w*|charges|dui|dwi|jail|bail|probation|police|felon\w*|misdemeanou?r\w*",
            "criminal", "dui", "arrested", "charges", "police"),
        Subject("family law",
            @"divorc\w*|custody|child support|alimony|spousal support|separation|adopt\w*|visitation|protective orders?|restraining orders?|family law|prenup\w*",
            @"divorc\w*|custody|child support|alimony|adopt\w*|protective orders?|restraining orders?|family law",
            "divorce", "custody", "support", "adoption"),
        Subject("estates",
            @"(a|my|the|simple|living|last) wills?|wills|last will|trusts?|estate( planning)?|probate|power of attorney|inheritance|inherit\w*|executor|testamento",
            @"wills?|trusts?|estate|probate|power of attorney|executor",
            "will", "trust", "estate", "probate"),
        Subject("immigration", @"immigra\w*|green cards?|citizenship|deport\w*|work visas?|asylum|naturaliz\w*|inmigracion", @"immigra\w*|green card|citizenship|visa|asylum", "immigration", "citizenship"),
        Subject("bankruptcy", @"bankrupt\w*|chapter 7|chapter 13|chapter seven|chapter thirteen|debt relief|creditors?", @"bankrupt\w*|chapter 7|chapter 13|debt|creditors?", "bankruptcy"),
        Subject("employment law", @"wrongful(ly)? (termination|dismissal|fired|terminated)|fired|discriminat\w*|harass\w*|unpaid wages|overtime pay|workers comp\w*|worker s comp\w*", @"wrongful|discriminat\w*|harass\w*|wages|workers comp", "employment", "wrongful", "discrimination"),
        Policy("documents to bring", @"(bring|have ready|prepare|need to have|documents|paperwork|papers)( \w+){0,3} (appointment|meeting|consultation|visit)|what (should|do) i (bring|prepare)|what to bring|bring with me", @"bring|documents|papers|paperwork", "bring", "documents"),

        // ---- Real estate ----
        Subject("mortgages",
            @"mortgages?|lenders?|pre ?approv\w*|pre ?qualif\w*|loan officers?|interest rates?|hipoteca",
            @"mortgages?|lenders?|pre ?approv\w*|pre ?qualif\w*|loan",
            "mortgage", "lender", "pre <-> approve"),
        Subject("down payment", @"down payments?|how much (do i need )?down|deposit on a (house|home)", @"down payments?", "down <-> payment"),
        Subject("showings",
            @"showings?|tours?|touring|(see|view|visit|look at|walk through) (a|the|this|that|some) (home|house|condo|property|listing|place)s?|open houses?|walk ?through|viewings?|see (it|inside)|for sale",
            @"showings?|tours?|open houses?|walk ?through|viewings?|listed|listings?",
            "showing", "tour", "open <-> house"),
        Subject("rentals",
            @"property manag\w*|manage (my |our )?(rental|propert\w*|house|home)s?|rentals?|rental propert\w*|landlords?|tenants?|rent (out|my)|rent|evict\w*|leases?|security deposits?|alquiler",
            @"property manag\w*|rentals?|landlords?|tenants?|rent|evict\w*|leases?",
            "rental", "tenant", "rent", "property <-> management"),
        Subject("first-time buyers", @"first time (home )?buyers?|first home|never bought|first time buying", @"first time (home ?)?buyers?|homebuyer", "first <-> time", "homebuyer"),
        Subject("buying a home",
            @"buy(ing)? (a |my first |our first )?(home|house|condo|property|place)|buyers?|house hunting|home search|looking for a (home|house|place)|(make|write|put in) an offer|offers?|buyer s agent|buyers agent",
            @"buy\w*|buyers?|offers?|house hunting",
            "buyer", "buying", "offer"),
        Subject("selling a home",
            @"sell(ing)? (my|our|a|the) (home|house|condo|property|place)|(when|while|after|before) (i |we )?(sell|selling)|selling (costs?|fees?)|costs? (of|to|when|for) sell(ing)?|list(ing)? (my|our) (home|house|condo|property)|put (my|our) (home|house) on the market|days on (the )?market|how (fast|quickly|long)( \w+){0,4} sell|vender (mi )?casa",
            @"sell\w*|listing|days on (the )?market|sold",
            "sell", "selling", "listing"),

        // ---- General home services ----
        Subject("tv mounting", @"mount(ing)? (a |my |the |our )?tvs?|tv (mount|mounting|wall mount)|hang (a |my |the )?tvs?|television", @"tv|television|mount\w*", "tv", "mounting"),
        Subject("furniture assembly", @"assembl\w*|put together|ikea|flat ?pack", @"assembl\w*", "assembly"),
        Subject("drywall", @"drywall|sheetrock|(hole|holes|crack|cracks|dent) in (the |my |our )?(wall|ceiling)s?|patch\w*", @"drywall|sheetrock|patch\w*", "drywall", "patching"),
        Subject("painting", @"paint\w*|pintar", @"paint\w*", "painting", "paint"),
        Subject("materials", @"materials?|supplies|parts( cost)?|markup|mark up", @"materials?|supplies|parts|cost plus|markup", "materials"),

        // ---- Facets: what about the subject (never an answer on their own) ----
        Facet("trouble",
            @"broken|broke|not working|stopped working|(won t|will not|does not|doesn t) work|went out|quit( working)?|died|dead|acting up|making (a |an )?(\w+ )?(noise|sound)s?|noises?|leaking|cracked|faulty|malfunction\w*",
            @"repair\w*|fix\w*|troubleshoot\w*",
            "repair", "fix"),
        Facet("price",
            @"how much|prices?|priced|pricing|costs?|costing|charges?|charged|fees?|rates?|expensive|cheap(er|est)?|afford\w*|what do you charge|what does it run|run me|set me back|dollars|bucks|cuanto (cuesta|cobran)|precios?|costos?|tarifas?",
            @"\$ ?\d+|costs?|prices?|fees?|charges?|rates?|free|dollars|percent|starts? at|billed",
            "cost", "price", "fee", "charge", "rate"),
        Facet("duration",
            @"how long|how many (days|weeks|hours|years|months|minutes)|how soon|how fast|how quick(ly)?|last|lasts|take to|turnaround|timeline|time frame|cuanto tiempo",
            @"\d+( to \d+)? (minutes?|hours?|days?|weeks?|months?|years?)|(one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several) (minutes?|hours?|days?|weeks?|months?|years?)|same day|next day|within",
            "days", "years", "weeks", "hours"),
        Facet("replacement", @"new|replace\w*|replacing|upgrade|swap (out|it)|install (a )?new", @"new|replace\w*|upgrade\w*|installed", "replacement", "new", "installed"),
    ];

    /// <summary>The concept with this name.</summary>
    public static TradeConcept Named(string name) => Concepts.First(c => c.Name == name);
}
