using LeadsAgent.Bench;
using LeadsAgent.Bench.Load;

// Benchmarks and the load harness; see scripts/bench and scripts/load. Loopback only, bounded in size and time.
var what = args.FirstOrDefault() ?? "retrieval";
return what switch
{
    "retrieval" => await RetrievalBenchmark.RunAsync(args.Skip(1).ToArray()),
    "load" => await LoadHarness.RunAsync(args.Skip(1).ToArray()),
    "micro" => MicroBenchmarks.Run(args.Skip(1).ToArray()),
    "relay" => await RelayBench.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: LeadsAgent.Bench retrieval [chunk counts, default 1000 10000] [scale: also 1,000 businesses x 1,000 passages]
               LeadsAgent.Bench load --url http://127.0.0.1:5090 [--seconds 20] [--mixed-seconds 60] [--rounds 2] [--calls 200] [--chats 50] [--app-pid N]
               LeadsAgent.Bench relay --url http://127.0.0.1:5090 [--calls 1,200] [--seconds 20] [--think-ms 1000] [--model fake [--model-port 5091]]
               LeadsAgent.Bench micro [BenchmarkDotNet arguments, e.g. --filter *Triage*]
        """);
    return 2;
}
