using System.Text.RegularExpressions;

namespace LeadsAgent.Domain.Emergencies;

/// <summary>
/// LOW on the ladder: messages with nothing for the owner to act on. Two kinds, because they override differently:
/// someone who is not a customer (a wrong number, a sales or marketing pitch, a job seeker, a survey, spam), whose
/// words about plumbing or "emergency plumbers" are not a job; and a customer with nothing to do (thanks, compliments,
/// chit-chat, "never mind, it's fixed"). Neither ever lowers a life-safety result: a rule with a hazard wins.
/// </summary>
public static partial class EmergencyTriage
{
    // Families found in real call logs of trades businesses: robocalls, vendors and recruiters outnumber customers on
    // some lines. The words are the pitch's structure (who is calling, what they offer the business), not the product,
    // so a customer who mentions "reviews" or "Google" while asking for a repair is not taken for a vendor.
    static readonly Regex s_vendor = R(
        @"\b(calling|call|reaching out) (from|with|on behalf of) (\w+ ){0,3}(marketing|media|digital|leads?|software|seo|reviews?|directory|listings?|capital|funding|energy|solar|payments?|advertising|web design)\b" +
        @"|\b(this is|i am|my name is) \w+ (\w+ )?(from|with) (\w+ ){0,3}(marketing|media|digital|leads?|directory|listings?|software|seo|reviews?|capital|funding|energy|solar|payments?|advertising)\b" +
        @"|\bwe (help|offer|provide|specialize in|work with|partner with|are offering|have an offer for|can get you|can help you get) (\w+ ){0,4}(plumbers?|plumbing|hvac|electricians?|electrical|contractors?|companies|businesses|firms?|law firms?|attorneys|lawyers|agents|realtors|brokerages?|agencies|home service\w*|local businesses|small businesses)\b" +
        @"|\b(we are|we're|i am|i'm) (a|an|with a|with an) (\w+ ){0,3}(lead generation|marketing|seo|advertising|web design|staffing|recruiting|software|photography|drone|transcription|answering service|call center|supply|wholesale|merchant services|payment processing|startup|agency|media company)\b" +
        @"|\b(we are|we're) running a promotion\b|\boffering (discount\w*|bulk|wholesale|free|a free|special pricing)\b" +
        @"|\b(would|could) (you|your (company|firm|business|team|agents|office|agency)) be interested in\b|\b(interested in|want) (a |our )?(free )?(demo|partnership|listing|trial|feature|premium listing|advertising)\b|\bfree (demo|trial|listing|audit|website|marketing)\b" +
        @"|\bwho (handles|is in charge of|makes the decisions|manages|does) (your )?(purchasing|marketing|advertising|website|seo|payroll|insurance|hiring|decisions|buying|ordering)\b|\bdecision maker\b" +
        @"|\b(feature|list) your (firm|company|business|office|agency)\b|\bpremium listing\b|\bsend (you |over |along )*(our|my|a) (brochure|catalog|catalogue|portfolio|rate card|media kit|info|information|pricing)\b|\b(my|our) portfolio\b" +
        @"|\b(seo|search engine optimi[sz]ation|first page of google|google (ranking|rankings|business (profile|listing)|maps listing)|more (five star |5 star )?(reviews|leads|calls|customers|jobs) for your)\b" +
        @"|\b(extended (car |auto |vehicle )?warranty|vehicle'?s? (extended )?warranty|courtesy call|automated (message|call)|recorded message|important message about your (car|vehicle|auto)|lower(ing)? your (business )?(electricity|electric|energy|utility|processing|credit card|interest) (rates|bill|costs)|press (1|one|9|nine) to|final notice|you have been selected|you('ve| have) (won|been chosen)|congratulations you|claim your|click here|unsubscribe)\b" +
        @"|\bwe (sell|supply|distribute|carry|manufacture)\b(?: [^ |]+){0,6} (at )?(contractor|wholesale|bulk|trade|dealer|discount\w*) (pric\w*|rates?|accounts?)\b|\bprice list\b|\b(can|could|may) i (email|send|mail) you (a|our|my|some|the)\b|\b(lead|leads|referral|partner) program\b|\b(homeowners|customers|clients|people) in your area (looking|searching|who need)\b|\b(we|i) can save you\b|\bsave you (\d+|up to|money)\b|\b(switch|switching) your (\w+ ){0,2}(provider|cards|processing|insurance|service|supplier|carrier|plan)\b|\bfleet (fuel|cards|tracking)\b|\b(preferred|referral) (lender|partner|vendor|provider)\b|\bpartner with (you|your)\b|\bbe your (preferred|go to)\b|\b(domain name|your (domain|website|listing|subscription|google listing|directory listing)) (is )?(expir\w*|renew\w*)\b|\bexpiring domain\b|\b(booth|vendor|exhibitor) space\b|\b(home|trade) show\b|\bsponsorship\b|\bdo you (guys )?need (any |an? )?(office|commercial|janitorial|marketing|staffing|extra|new|more) \w+\b|\bis this a good time to (talk|chat|speak)\b|\byour (order|parts?|shipment|delivery|package) (is |has |came |just )?(ready|in|arrived|shipped|came in|delivered)\b|\bready (for pick ?up|at the counter|to pick up)\b|\b(do you have|got|have you got) a (minute|moment|second|sec|few minutes)\b|\b(company|firm|agency) that (works|partners) with\b|\bworks? with (\w+ )?(contractors|plumbers|electricians|hvac companies|law firms|realtors|agents)\b|\bbusiness (insurance|internet|phone|energy|credit card|checking)\b|\b(we buy houses|cash for (your )?houses|buy your house for cash|any (ugly |distressed |off market )?houses)\b" +
        @"|\b(bitcoin|crypto\w*|casino|viagra|forex|investment opportunity|loan (is )?approved|business (loan|funding|line of credit)|merchant cash advance|lower your (rates|processing|electric bill))\b" +
        @"|\bhttps?\b|\bwww\b|\| (com|net|biz|xyz)( |$)" +
        @"|\b(quick|short|brief|customer|online|phone|satisfaction|two minute|2 minute|three minute|3 minute)( [a-z]+){0,2} (survey|questionnaire)\b|\blooking for (\w+ )?(subcontractors?|subs|partners|installers|referral partners|vendors|dealers)\b|\bsurvey (of|about|for) (local |small )?(business|businesses|your)\b|\b(take|do|answer) (a|our|my) (short |quick )?survey\b|\bmarket research\b|\b(encuesta|sondage|umfrage|sondaggio|pesquisa) (rapida|corta|breve|rapide|kurze|veloce|de satisfa\w*)\b|\b(una|une|eine|un|uma) (breve |petite |kurze |rapida )?(encuesta|sondage|umfrage|sondaggio|pesquisa)\b" +
        @"|\b(ofrecemos|le ofrecemos|somos una (empresa|agencia) de|nous proposons|wir bieten (ihnen )?|offriamo|oferecemos)\b");

    static readonly Regex s_jobSeeker = R(
        @"\b(looking for (work|a job|employment|an apprenticeship|a position|an internship|a helper job|a clerkship|a summer (job|position|clerkship))|clerkship|externship|(shadow|job shadow\w*) (someone|you|an? \w+|for a day)|are you looking for (anyone|help|people|workers|techs|technicians|someone|more (techs|help|people))|(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty) (years|yrs) (of )?experience|just got my (license|licence)|hiring agents|are you (guys |all )?hiring|(you|y'?all|you all) (guys )?hiring|(any|have) (job|employment) openings?|job openings?|hiring (any |new )?(apprentices?|techs?|technicians?|helpers?|plumbers?|electricians?|paralegals?|assistants?|agents?)" +
        @"|appl(y|ying) for (a|the|any) (job|position|opening)|job application|(my|a) (resume|cv)|drop off (my|a) resume|internship|apprenticeship|work for (you|your company)|employment opportunit\w*" +
        @"|(busco|buscando|ando buscando) (trabajo|empleo|chamba|practicas)|estan contratando|contratan (gente|personal)|vacantes?|(aceptan|buscan) (pasantes|practicantes|aprendices)|pasantias?" +
        @"|(je cherche|recherche) (un )?(emploi|travail|stage)|vous embauchez|suche (eine )?(arbeit|stelle|ausbildung|praktikum)|stellenangebot|cerco lavoro|assumete|procuro (emprego|trabalho)|estao contratando)\b");

    static readonly Regex s_wrongNumber = R(
        @"^(?:[^ |]+[ |]+){0,3}(equivocad[oa]|me equivoque|nos equivocamos)(?:[ |]+[^ |]+){0,3}$|\bwrong (button|agent|office|firm|company|place|department|shop|store|guy|lady)\b|\b(wrong number|wrong line|dialed wrong|dialled wrong|misdialed|misdialled|wrong person|(trying|meant|wanted|supposed) to (call|reach|dial|get|phone) (the |a |my |dr |doctor |\w+'s )\w+|is this (\w+'?s? )?(pizza|restaurant|pharmacy|dentist|doctor|clinic|school|bank|hotel|office|salon|courthouse|dmv)" +
        @"|pocket dial\w*|butt dial\w*|called (you )?by (accident|mistake)|dialed (you )?by mistake|verwahlt|numero equivocado|me equivoque de numero|marque mal|(trompe|tromper) de numero|mauvais numero|falsch verbunden|falsche nummer|numero sbagliato|sbagliato numero|numero errado|liguei (para o )?numero errado|liguei errado|foi engano)\b");

    // Thanks, praise and small talk: a customer with nothing new to ask.
    static readonly Regex s_courtesy = R(
        @"\b(thanks?|thank you|thx|ty|gracias|merci|danke|grazie|obrigad[oa]|appreciate\w*|grateful|great job|good job|did (a|an|such a) (great|amazing|awesome|fantastic|wonderful|good|excellent|nice) job|excellent (work|service)|(love|loved|loving) (the|our|my) (new )?\w+|we love|5 stars?|five stars?|left (you )?a review|recommend(ed)? you|nice (paint job|truck|trucks|logo|website|work)|congrat\w*|(you|you all|your team|your guys|the guys|your tech\w*|the tech\w*) (are|were|was|did) (awesome|great|amazing|fantastic|wonderful|the best|so nice|so helpful|a great job)|wanted (you )?to (know|let you know|tell you)|favou?rite (color|colour|food|movie|song|team)|have a (great|good|nice|blessed|wonderful|lovely) (day|one|weekend|night|evening)|god bless" +
        @"|how (is|are) (your|you|ur) (day|doing|weekend|morning|week)|how are you( doing)?|nice weather|what is up|just saying hi|just wanted to say|testing|is this (thing )?on|is anyone there|are you a (robot|real person|bot|human|person)|tell me a joke|lol|haha|hahaha|lmao|(oh|oops|whoops) (sorry|my bad)|is this (the )?(vet|veterinar\w*|pizza\w*|restaurant|pharmacy|dentist|doctor|clinic|school|bank|hotel|salon|library|dmv|post office)" +
        @"|quedo (todo )?(muy )?bien|excelente (trabajo|servicio)|buen trabajo|(muy )?agradecid[oa]s?|felicidades|muito bom|bon travail|tres bien|gute arbeit|ottimo lavoro)\b");

    // "never mind, it's fixed": the reason for the call has gone away.
    static readonly Regex s_cancelled = R(
        @"\b(never mind|no need to (come|send|call)|cancel (the|my|our) (visit|appointment|request|service call|call|booking|job)|do not need (you|someone|anyone|a tech|the visit) (anymore|any more|now)|ignore (my|the) (last |previous )?message|disregard|all good|all set|we are all set|forget it|forget about it|we are good|figured it out|false alarm|no longer need|sorry to bother|thanks anyway|thank you anyway" +
        @"|ya no (es necesario|hace falta|necesito|necesitamos)|olvidelo|olvidalo|ya se (arreglo|soluciono|compuso)|ya quedo|ya funciona|laissez tomber|c'est regle|hat sich erledigt|lascia stare|ja resolvi|ja resolveu|deixa pra la)\b");
    static readonly Regex s_fixedNow = R(
        @"\b(fixed|repaired|sorted|resolved|working|works|back on|came back|started working|took care of|arreglo|arreglado|funciona|quedo|regle|repare|erledigt|funziona|resolvido|resolvi)\b");

    // A new request in the same message keeps the customer a customer: "thanks! can you also quote a water heater?"
    static readonly Regex s_newRequest = R(
        @"\b(can you|could you|would you|can someone|could someone|do you|are you (open|available|able|licensed|insured|busy|free|taking|accepting|still)|how much|what do you (charge|do|offer|cost)|what (is|are) your (price|prices|rate|rates|hours|fee|fees|availability|charge|charges|address|number|email|website|service area)|need|want|would like|i'd like|quote|estimate|schedule|book|appointment|come (out|by|look|over)|send someone|price|cost|available|availability|another|also" +
        @"|necesito|quiero|quisiera|pueden|cotizacion|presupuesto|cita|otra vez|todavia|je voudrais|besoin|devis|ich brauche|ich mochte|angebot|vorrei|preventivo|preciso|gostaria|orcamento)\b");

    // The fixed problem is back or another one is there: "thanks, but it's leaking again".
    static readonly Regex s_problemBack = R(@"\b(still|keeps|currently|right now|started again|(leaking|broken|clogged|dripping|out|off|tripping|beeping|acting up|doing it) again|again (today|this morning|tonight)|but now|another (problem|issue|leak))\b");

    /// <summary>A caller who is not a customer: a wrong number, a vendor's pitch, a survey, spam, a job seeker.</summary>
    static bool IsNotACustomer(string normalized) =>
        s_vendor.IsMatch(normalized) || s_jobSeeker.IsMatch(normalized) || s_wrongNumber.IsMatch(normalized);

    /// <summary>
    /// The reason for the call has gone away ("never mind, it's fixed", "thanks, Mike fixed it and it works great"), with
    /// no new request: it may lower a HIGH problem the message still names, never an URGENT one.
    /// </summary>
    static bool IsCallOff(string normalized)
    {
        var withoutCue = s_cancelled.Replace(normalized, " ");
        if (s_newRequest.IsMatch(withoutCue))
        {
            return false;
        }

        return s_cancelled.IsMatch(normalized) || (s_courtesy.IsMatch(normalized) && s_fixedNow.IsMatch(normalized) && !s_problemBack.IsMatch(normalized));
    }

    /// <summary>Thanks, praise or small talk with no request: LOW when no rule found a problem.</summary>
    static bool IsCourtesyOnly(string normalized) => s_courtesy.IsMatch(normalized) && !s_newRequest.IsMatch(normalized);
}
