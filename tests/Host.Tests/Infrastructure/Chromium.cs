using System.Diagnostics;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>
/// Runs a script of tests/Host.Tests/Browser in Node.js with playwright-core driving Debian's Chromium (no browser
/// download: schools' CI machines and ours cannot). A missing Chromium fails the test: it is never skipped.
/// </summary>
public static class Chromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    /// <summary>Where the tests keep what a person should look at after a run (screenshots): tests/Host.Tests/bin/artifacts.</summary>
    public static string ArtifactsFolder => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "..", "..", "artifacts")).FullName;

    private static string ScriptsFolder => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Browser"));

    public static async Task<(int ExitCode, string Output)> RunScriptAsync(string script, params string[] arguments)
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"Chromium was not found at {ExecutablePath}: install Debian's package (apt-get install chromium; ./monbureau test does) or set CHROMIUM_PATH.");
        if (!Directory.Exists(Path.Combine(ScriptsFolder, "node_modules", "playwright-core")))
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund"]);
        return await RunAsync("node", [script, .. arguments]);
    }

    private static async Task<(int, string)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = ScriptsFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["CHROMIUM_PATH"] = ExecutablePath;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start: Node.js and npm are needed for the browser tests.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var text = (await output) + (await errors);
        if (program == "npm" && process.ExitCode != 0)
            throw new InvalidOperationException($"npm ci failed in {ScriptsFolder}:\n{text}");
        return (process.ExitCode, text);
    }
}
