using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Twilio;
using static LeadsAgent.Infrastructure.Twilio.TwiML;

namespace LeadsAgent.Bench;

/// <summary>
/// BenchmarkDotNet on the voice hot path, with allocations: an engine turn, emergency triage, TwiML writing, Twilio
/// signature checking, and the vector half of retrieval over 1k and 10k passages (the full-text half needs
/// PostgreSQL: scripts/bench retrieval).
/// </summary>
public static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        // In process: BenchmarkDotNet's generated project would restore ASP.NET Core packages by id, which this
        // machine's package mirror does not serve (they come with the shared framework).
        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance)).WithOptions(ConfigOptions.DisableOptimizationsValidator)
            .WithArtifactsPath(Path.Combine(Environment.GetEnvironmentVariable("LEADSAGENT_BENCH_DIR") ?? ".data/bench", "micro"));
        var summaries = BenchmarkSwitcher.FromTypes([typeof(EngineTurnBenchmark), typeof(TriageBenchmark), typeof(TwimlBenchmark),
            typeof(SignatureBenchmark)]).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}

[MemoryDiagnoser]
public class EngineTurnBenchmark
{
    sealed class FixedKnowledge : IKnowledgeRetriever
    {
        static readonly KnowledgePassage[] s_passages =
        [
            new(Guid.NewGuid(), "Water heaters", "Prices > Water heaters", "A standard 40 gallon water heater replacement costs $1,450 installed. Tankless units start at $2,900.", 0.9),
        ];

        public Task<IReadOnlyList<KnowledgePassage>> RetrieveAsync(Guid businessId, string question, int limit, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<KnowledgePassage>>(question.Contains("water heater", StringComparison.Ordinal) ? s_passages : []);
    }

    readonly ConversationEngine _engine = new(new LocalLanguageModel(), new FixedKnowledge());
    TurnContext _ctx = null!;

    [Params("help my basement is flooding theres water everywhere", "how much to replace a water heater", "jane doe")]
    public string Utterance { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var now = DateTimeOffset.UtcNow;
        var business = Business.Create("Acme Plumbing & Heating", BusinessType.PLUMBING, PlanTier.PRO, now);
        var config = new AgentConfig { BusinessId = business.Id, TwilioVoice = "Polly.Joanna" };
        config.AddQuestions(PlanTier.PRO, DemoData.AcmeQuestions, now);
        _ctx = new TurnContext(business, config, now, "+15557654321");
    }

    /// <summary>One voice turn on a session that has just been greeted (what /api/voice/gather runs, minus I/O).</summary>
    [Benchmark]
    public async Task<TurnResult> VoiceTurn()
    {
        var session = ConversationSession.Start("CAbench", _ctx.Business.Id, Channel.VOICE, _ctx.Now);
        _engine.Begin(session, _ctx);
        return await _engine.HandleAsync(session, Utterance, _ctx, CancellationToken.None);
    }
}

[MemoryDiagnoser]
public class TriageBenchmark
{
    static readonly string[] s_utterances =
    [
        "help my basement is flooding theres water everywhere", "i smell gas in the kitchen", "no gas smell, I want a fireplace insert",
        "how much do you charge for drain cleaning", "the furnace stopped and we have a newborn, it's freezing", "my toilet keeps running",
    ];

    [Benchmark(OperationsPerInvoke = 6)]
    public int AssessSix()
    {
        var urgent = 0;
        foreach (var u in s_utterances)
        {
            urgent += EmergencyTriage.Assess(u, BusinessType.PLUMBING).Priority == LeadPriority.URGENT ? 1 : 0;
        }

        return urgent;
    }
}

[MemoryDiagnoser]
public class TwimlBenchmark
{
    static readonly SpokenReply s_spoken = ReplyShaper.ForVoice(new ReplyParts(null, "I understand this is an emergency.", "I'm alerting our on-call team right now.",
        "May I have your name, please?"), "Polly.Joanna", false);

    /// <summary>The usual answer to a turn: Gather with a Say, then a Redirect, rendered to the string Twilio gets.</summary>
    [Benchmark]
    public string GatherResponse() => Render(Response(
        TwiML.Gather(new GatherOptions(Input: "speech", Action: "/api/voice/gather", Method: "POST", SpeechTimeout: "2", Language: "en-US",
            Hints: "Acme Plumbing, emergency, gas leak, burst pipe, flooding, no heat", ActionOnEmptyResult: true, SpeechModel: "phone_call", Enhanced: true),
            Say(s_spoken, "Polly.Joanna", "en-US")),
        Redirect("/api/voice/gather", "POST")));
}

[MemoryDiagnoser]
public class SignatureBenchmark
{
    const string Token = "12345";
    const string Url = "https://voice.example.com/api/voice/gather";
    static readonly KeyValuePair<string, IReadOnlyList<string>>[] s_form =
    [
        new("AccountSid", ["ACload000000000000000000000000000"]), new("CallSid", ["CA0123456789abcdef0123456789abcdef"]),
        new("From", ["+15557654321"]), new("To", ["+15558000001"]), new("SpeechResult", ["help my basement is flooding theres water everywhere"]),
        new("Confidence", ["0.92"]), new("CallStatus", ["in-progress"]), new("Direction", ["inbound"]),
    ];

    static readonly string s_signature = TwilioSignature.Compute(Token, Url, s_form);

    [Benchmark]
    public bool Validate() => TwilioSignature.IsValid(Token, s_signature, Url, s_form);
}
