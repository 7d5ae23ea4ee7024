using MonBureau.Bench;

return args.FirstOrDefault() switch
{
    "startup" => await StartupBenchmark.RunAsync(args.Skip(1).ToArray()),
    "access-log" => await AccessLogBenchmark.RunAsync(args.Skip(1).ToArray()),
    "home" => await HomeBenchmark.RunAsync(args.Skip(1).ToArray()),
    "indicators-rebuild" => await IndicatorRebuildBenchmark.RunAsync(args.Skip(1).ToArray()),
    "bulk" => await BulkBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/MonBureau.Bench -- startup [--runs N] | access-log [--requests N] | home [--classes N] [--requests N] | indicators-rebuild [--classes N] [--weeks N] | bulk [--students N] [--weeks N]");
    return 2;
}
