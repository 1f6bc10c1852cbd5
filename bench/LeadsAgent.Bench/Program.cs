using LeadsAgent.Bench;

// Benchmarks that need the real services; see scripts/bench. Loopback only, bounded in size and time.
var what = args.FirstOrDefault() ?? "retrieval";
return what switch
{
    "retrieval" => await RetrievalBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: LeadsAgent.Bench retrieval [chunk counts, default 1000 10000]");
    return 2;
}
