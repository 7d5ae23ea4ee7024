using MonBureau.Application.Importing;

namespace MonBureau.Host.Cli;

/// <summary>Shows an import's progress on one console line per phase, rewritten in place.</summary>
public sealed class ConsoleImportProgress : IImportProgress
{
    private string? _phase;

    public void Report(string phase, int done, int total)
    {
        if (_phase is not null && _phase != phase)
            Console.WriteLine();
        _phase = phase;
        var width = 30;
        var filled = total == 0 ? width : done * width / total;
        Console.Write($"\r  {phase,-8} [{new string('#', filled)}{new string('.', width - filled)}] {done}/{total}");
    }
}
