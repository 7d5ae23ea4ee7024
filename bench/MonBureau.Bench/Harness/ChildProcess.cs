using System.Collections.Concurrent;
using System.Diagnostics;

namespace MonBureau.Bench.Harness;

/// <summary>A process whose output is drained, so a chatty child never blocks on a full pipe; its last lines are kept to explain a failure.</summary>
internal sealed class ChildProcess
{
    private const int KeptLines = 40;
    private readonly ConcurrentQueue<string> _lastLines = new();

    private ChildProcess(Process process) => Process = process;

    public Process Process { get; }

    public string LastLines => string.Join('\n', _lastLines);

    public static ChildProcess Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
            info.WorkingDirectory = workingDirectory;
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        var child = new ChildProcess(Process.Start(info)!);
        child.Process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        child.Process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        child.Process.BeginOutputReadLine();
        child.Process.BeginErrorReadLine();
        return child;
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _lastLines.Enqueue(line);
        while (_lastLines.Count > KeptLines)
            _lastLines.TryDequeue(out _);
    }
}
