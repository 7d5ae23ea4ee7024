using MonBureau.Host.Generation;

namespace MonBureau.Host.Tests.Samples;

/// <summary>The shipped schedule sample (lycee-emploi-du-temps.csv) for the sample lycée: 120 teachers for its 50 classes.</summary>
public static class SampleSchedule
{
    public const string FileName = "lycee-emploi-du-temps.csv";
    public const string Header = ScheduleFile.Header;

    /// <summary>The 50 classes of the roster sample, named as there.</summary>
    public static IReadOnlyList<string> Classes() => RosterFile.Classes(50);

    public static string Generate() => ScheduleFile.Generate(Classes(), 120, 2027);
}
