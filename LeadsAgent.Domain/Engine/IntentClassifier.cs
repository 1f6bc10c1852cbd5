using System.Text.RegularExpressions;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Text;

namespace LeadsAgent.Domain.Engine;

/// <summary>The intent names the design documents use.</summary>
public static class Intents
{
    public const string Greeting = "greeting";
    public const string Faq = "faq";
    public const string ServiceRequest = "service_request";
    public const string Pricing = "pricing";
    public const string Hours = "hours";
    public const string Emergency = "emergency";
    public const string SpeakToHuman = "speak_to_human";
    public const string LeaveMessage = "leave_message";
    public const string Goodbye = "goodbye";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Greeting, Faq, ServiceRequest, Pricing, Hours, Emergency, SpeakToHuman, LeaveMessage, Goodbye, Other];
}

/// <summary>An intent with how sure the classifier is (0 to 1).</summary>
public sealed record IntentScore(string Intent, double Confidence);

/// <summary>Deterministic intent classification; several intents per turn are normal ("hi, how much is a new heater?").</summary>
public static partial class IntentClassifier
{
    public static IReadOnlyList<IntentScore> Classify(string text, TriageResult triage)
    {
        var n = TextNormalizer.Normalize(text);
        var scores = new List<IntentScore>();
        if (n.Length == 0)
        {
            return [new IntentScore(Intents.Other, 0.3)];
        }

        var words = n.Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries).Length;
        if (Greeting().IsMatch(n) || GreetingElsewhere().IsMatch(n))
        {
            scores.Add(new IntentScore(Intents.Greeting, words <= 4 ? 0.95 : 0.7));
        }

        if (Goodbye().IsMatch(n) || GoodbyeElsewhere().IsMatch(n))
        {
            scores.Add(new IntentScore(Intents.Goodbye, words <= 6 ? 0.95 : 0.6));
        }

        if (Human().IsMatch(n) || HumanElsewhere().IsMatch(n))
        {
            scores.Add(new IntentScore(Intents.SpeakToHuman, 0.9));
        }

        if (Message().IsMatch(n) || MessageElsewhere().IsMatch(n))
        {
            scores.Add(new IntentScore(Intents.LeaveMessage, 0.85));
        }

        if (Hours().IsMatch(n) || HoursElsewhere().IsMatch(n))
        {
            scores.Add(new IntentScore(Intents.Hours, 0.85));
        }

        if (Pricing().IsMatch(n) || PricingElsewhere().IsMatch(n))
        {
            scores.Add(new IntentScore(Intents.Pricing, 0.85));
        }

        if (triage.Priority == LeadPriority.URGENT)
        {
            scores.Add(new IntentScore(Intents.Emergency, triage.Reasons.Count > 0 ? 0.95 : 0.8));
        }

        var service = Service().IsMatch(n) || ServiceElsewhere().IsMatch(n) || triage.Priority >= LeadPriority.HIGH;
        var question = IsQuestion(text, n);
        // "Do you install tankless heaters?" asks about a service; "can you come fix my sink?" and "I need a quote" ask
        // for one. The first is answered (and may lead to a request), the others start the request.
        var asksAboutService = service && question && triage.Priority < LeadPriority.HIGH && !IsRequest(text);
        if (service)
        {
            scores.Add(new IntentScore(Intents.ServiceRequest, triage.Priority >= LeadPriority.HIGH ? 0.9 : asksAboutService ? 0.45 : 0.75));
        }

        if (question && !scores.Any(s => s.Intent is Intents.Hours or Intents.Pricing))
        {
            scores.Add(new IntentScore(Intents.Faq, service && !asksAboutService ? 0.6 : 0.8));
        }

        if (scores.Count == 0)
        {
            scores.Add(new IntentScore(Intents.Other, 0.5));
        }

        return [.. scores.OrderByDescending(s => s.Confidence)];
    }

    /// <summary>
    /// A question: a question mark, a clause that starts like one (transcripts have no punctuation), or "do you",
    /// "can you" inside a run-on sentence ("I was rear ended do you handle car accidents").
    /// </summary>
    public static bool IsQuestion(string raw, string normalized) =>
        raw.Contains('?', StringComparison.Ordinal) || QuestionStart().IsMatch(normalized) || QuestionStartElsewhere().IsMatch(normalized)
        || normalized.Split('|').Any(clause => QuestionStart().IsMatch(clause.Trim())) || AskingInside().IsMatch(normalized);

    /// <summary>
    /// A request for service, a visit or a quote, however it is put: "I need a quote", "can you come look at my sink?",
    /// "send someone out". A request starts lead capture; it is not a question the knowledge base must answer.
    /// </summary>
    public static bool IsRequest(string text) => Request().IsMatch(TextNormalizer.Normalize(text));

    /// <summary>The turn asks for information ("how much", "do you offer", "what are your hours"), request or not.</summary>
    public static bool AsksForInformation(string text) => Information().IsMatch(TextNormalizer.Normalize(text));

    public static bool IsYes(string text) => TextNormalizer.Normalize(text) is var n && (Yes().IsMatch(n) || YesElsewhere().IsMatch(n));

    public static bool IsNo(string text) => TextNormalizer.Normalize(text) is var n && (No().IsMatch(n) || NoElsewhere().IsMatch(n));

    /// <summary>"skip", "I'd rather not say", "I don't have one".</summary>
    public static bool IsDecline(string text) => TextNormalizer.Normalize(text) is var n && (Decline().IsMatch(n) || DeclineElsewhere().IsMatch(n));

    [GeneratedRegex(@"^(hi|hello|hey|hiya|good (morning|afternoon|evening)|greetings|howdy|hola|buenas|buenos dias)\b")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(((ok(ay)?|no|alright|great|thanks?( you)?) (\| )?)*)(bye|goodbye|good bye|see you|talk (to you )?later|have a (good|nice) (day|night|one)|that is all|that will be all|that is it|nothing else|no thanks?( you)?|i am (all )?(set|good|done)|adios|hasta luego)\b|\b(bye|goodbye|hang up)$")]
    private static partial Regex Goodbye();

    [GeneratedRegex(@"\b(speak|talk|chat) (to|with) (a |an |the |your |someone|somebody|anyone)?(real |live |actual )?(person|human|someone|somebody|anyone|representative|rep|agent|owner|manager|operator|technician|tech|plumber|electrician|lawyer|attorney|receptionist|staff|people)\b|\b(real|live|actual) (person|human)\b|\b(operator|representative)\b|\btransfer me\b|\bconnect me\b|\bput me through\b|\bhablar con (una persona|alguien)\b")]
    private static partial Regex Human();

    [GeneratedRegex(@"\b(leave|take) (a |me a )?(message|voicemail|voice mail)\b|\bvoicemail\b|\bdejar (un )?mensaje\b")]
    private static partial Regex Message();

    [GeneratedRegex(@"\b(hours|open|opening|close|closing time|closed|what time (do|are) you|when (do|are) you (open|close)|weekends?|saturdays?|sundays?|holidays?|horario|abren|cierran)\b")]
    private static partial Regex Hours();

    [GeneratedRegex(@"\b(how much|price|prices|pricing|cost|costs|rate|rates|charge|charges|fee|fees|quote|estimate|expensive|cheap|afford\w*|cuanto cuesta|precio|cotizacion)\b")]
    private static partial Regex Pricing();

    [GeneratedRegex(@"\b(need|needs|needed|want|wanted|would like|looking for|book|booking|schedule|appointment|come (out|over|by|and)|send (someone|somebody|a tech\w*)|fix|repair|install|replace|service|problem|issue|help with|help me|check (out|on)|look at|inspect|estimate|quote|necesito|quiero|arreglar|reparar|cita)\b")]
    private static partial Regex Service();

    [GeneratedRegex(@"^(what|whats|when|whens|where|wheres|who|whos|why|how|hows|which|do you|do u|do ya|do yall|do y all|does|did|can|could|would|will you|is|are|r u|am i|should|may i|have you|any chance|que|cuando|donde|cuanto|como|tienen|hacen)\b")]
    private static partial Regex QuestionStart();

    // Hand-written like the rest of the classifier: the few ways callers ask inside a sentence without punctuation.
    [GeneratedRegex(@"\b(do|does|can|could|would|will|are|is) (you|u|yall|you guys|your (company|team|firm|office))( (guys|all))? (do|offer|have|handle|take|accept|serve|work|fix|install|repair|charge|sell|service|cover|go|come|provide|open|close|deal|help|practice|speak|finance|guarantee|give)\b")]
    private static partial Regex AskingInside();

    [GeneratedRegex(@"\b(how much|how many|how long|how soon|how far|how fast|how (do|does|can|would|should) (i|we|you|it|that)|what|whats|when|where|which|why|who|is there|are there|do (you|u|yall|you guys) (offer|have|take|accept|charge|do|serve|work|install|fix|repair|sell|provide|handle|cover|speak|come|go|give|guarantee|finance|open|close)|does (it|that|this|the|your)|are (you|u|your)|is (it|that|this|your)|cuanto|cuando|donde|que)\b")]
    private static partial Regex Information();

    // A request names the caller's need ("I need", "we'd like") or asks someone to act ("can you come", "send someone").
    [GeneratedRegex(@"\b(i|we) (really )?(need|want|would like|am looking for|are looking for|am trying to (get|book|schedule)|have to get)\b|^(please )?(send|come|book|schedule|fix|repair|install|replace|unclog|quote)\b|\b(can|could|would|will|please) (you|someone|somebody|u|yall|you guys|a tech\w*)( please)? (come|send|fix|repair|install|replace|look at|check|take a look|give me|quote|book|schedule|unclog|clean|service|inspect|get (someone|somebody|a tech\w*)|sort)\b|\b(get|need|want|like) (a|an|some) (quote|estimate|appointment|tech\w*|plumber|electrician|lawyer|attorney|agent|visit|price)\b|\b(someone|somebody|a tech\w*) (to )?come (out|over|by|look|and)\b|\bsend (someone|somebody|a tech\w*|a plumber|an electrician)\b|\bnecesito\b|\bquiero\b")]
    private static partial Regex Request();

    [GeneratedRegex(@"^(yes|yeah|yep|yup|ya|sure|correct|that is (right|correct)|right|affirmative|si|ok|okay|please|absolutely|definitely|sounds good|of course|go ahead|that works|it is|exactly|perfect|yes please)\b")]
    private static partial Regex Yes();

    [GeneratedRegex(@"^(no|nope|nah|not really|incorrect|wrong|that is (wrong|not right|incorrect)|negative|not that)\b")]
    private static partial Regex No();

    [GeneratedRegex(@"\b(skip|pass|prefer not|rather not|do not have (one|an email|email)|no email|none|not applicable|n/?a|do not want to (say|share|give))\b")]
    private static partial Regex Decline();
}
