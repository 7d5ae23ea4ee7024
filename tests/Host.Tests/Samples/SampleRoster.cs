using MonBureau.Host.Generation;

namespace MonBureau.Host.Tests.Samples;

/// <summary>The shipped sample roster (lycee-1500-eleves.csv): the generator's lycée of 1,500 students in 50 classes with about 2,800 guardians.</summary>
public static class SampleRoster
{
    public const string FileName = "lycee-1500-eleves.csv";
    public const string Header = RosterFile.Header;

    public static string Generate() => RosterFile.Generate(1500, 50, 2026);
}
