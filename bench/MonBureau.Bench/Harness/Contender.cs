namespace MonBureau.Bench.Harness;

/// <summary>One contender of a side-by-side measurement: its operation, and the process serving it, if not this one.</summary>
internal sealed record Contender(Func<int, int, Task> Operation, int? ServerProcessId = null);
