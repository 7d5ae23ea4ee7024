using System.Globalization;
using MonBureau.Host.Generation;

namespace MonBureau.Host.Cli;

/// <summary>
/// <c>generate [--establishments N] [--seed S] [--weeks W] [--students N] [--start YYYY-MM-DD] [--commands]</c>: lycées with
/// a school year of activity (see <see cref="SchoolYearGenerator"/>), with a progress bar and a summary of the event mix;
/// through the bulk path unless <c>--commands</c> asks for the real command path (ADR 0029).
/// Its process runs on <see cref="GenerationClock"/>, which the generator moves through the year.
/// </summary>
internal static class GenerateCommand
{
    public const string Usage = "generate [--establishments N] [--seed S] [--weeks W] [--students N] [--start YYYY-MM-DD] [--commands]";

    public static GenerationOptions? Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var path = args.Contains("--commands") ? GenerationPath.Commands : GenerationPath.Bulk;
        args = [.. args.Where(a => a != "--commands")];
        var names = new[] { "--establishments", "--seed", "--weeks", "--students", "--start" };
        if (args.Length % 2 == 0 || args.Skip(1).Where((_, i) => i % 2 == 0).Any(a => !names.Contains(a)))
            return null;
        string? Value(string name) => Array.IndexOf(args, name) is var at and > 0 ? args[at + 1] : null;
        int Number(string name, int fallback) => Value(name) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : fallback;
        var start = Value("--start") is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : SchoolYearStart(DateOnly.FromDateTime(DateTime.UtcNow));
        var options = new GenerationOptions(Number("--establishments", 1), Number("--seed", 1), Number("--weeks", 36), Number("--students", 1500), start, path);
        return options is { Establishments: >= 1, Weeks: >= 1, Students: >= 1 } ? options : null;
    }

    public static async Task<int> RunAsync(IServiceProvider services, GenerationOptions options)
    {
        var clock = services.GetRequiredService<GenerationClock>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generating {options.Establishments} lycée(s) of {options.Students:N0} students in {options.Classes} classes with {options.Teachers} teachers, {options.Weeks} weeks from {options.FirstMonday:yyyy-MM-dd}, seed {options.Seed}, {options.Path} path…"));
        var summary = await new SchoolYearGenerator(services, clock.Set, new Progress()).RunAsync(options, CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Done in {summary.Elapsed.TotalSeconds:F0} s: {summary.Events:N0} events ({summary.Events / summary.Elapsed.TotalSeconds:N0}/s) from {summary.Commands:N0} commands decided over {summary.SchoolDays} school days, {summary.AccessRecords:N0} reads recorded in the access history."));
        Console.WriteLine("| event type | count | share |");
        Console.WriteLine("|---|---|---|");
        foreach (var (type, count) in summary.EventMix)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {type} | {count:N0} | {100.0 * count / summary.Events:F1} % |"));
        return 0;
    }

    /// <summary>The first Monday of September of the school year holding <paramref name="today"/>.</summary>
    private static DateOnly SchoolYearStart(DateOnly today)
    {
        var day = new DateOnly(today.Month >= 8 ? today.Year : today.Year - 1, 9, 1);
        while (day.DayOfWeek != DayOfWeek.Monday)
            day = day.AddDays(1);
        return day;
    }

    /// <summary>Writes synchronously so the bar never lags behind the generation.</summary>
    private sealed class Progress : IProgress<GenerationProgress>
    {
        private const int Width = 30;

        public void Report(GenerationProgress value)
        {
            var filled = value.DaysDone * Width / value.Days;
            var eta = value.Remaining is { } remaining ? remaining.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--";
            Console.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('.', Width - filled)}] day {value.DaysDone}/{value.Days}  {value.Events:N0} events  {value.EventsPerSecond:N0} events/s  {value.Commands:N0} commands  ETA {eta}  "));
        }
    }
}
